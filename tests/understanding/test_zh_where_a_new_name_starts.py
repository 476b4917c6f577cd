"""Where a new company's name starts in a Chinese note, by the words before it: what the rep received
or who they went to see ("接到…的电话", "收到…的合同", "去见…的孙总") is not part of the name; nor is
"that one who came asking last month" ("前天来询价那个博远科技"), a shop next to a landmark
("万象城对面那家 福满楼酒家") or a measure word opening a description ("认识了个做花艺的"); a Latin
shop name with its owner's possessive is a company, not its owner ("Rosie's Garden"). Sentences
written fresh."""
import pytest

from handlers.understanding import understand

from understanding_data import NOW         # Wednesday 25 November 2026


@pytest.mark.parametrize("text, name", [
    ("今天接到宁波云帆科技的电话，想了解我们的系统", "宁波云帆科技"),
    ("收到青松环保的合同了 下周开会", "青松环保"),
    ("明天去见鼎盛达的孙总 谈续约", "鼎盛达"),
    ("前天来询价那个博远科技 今天说不做了", "博远科技"),
    ("上午去见个新客户 万象城对面那家 福满楼酒家 老板姓郑", "福满楼酒家"),
    ("今天认识了个做花艺的叫Rosie's Garden，老板姓林，想要会员系统", "Rosie's Garden"),
])
def test_the_name_starts_after_what_the_rep_did(text, name):
    assert understand(text, NOW, []).customer == name


def test_a_contact_at_the_named_company():
    p = understand("明天去见鼎盛达的孙总 谈续约", NOW, [])
    assert (p.customer, p.contact) == ("鼎盛达", "孙总")
