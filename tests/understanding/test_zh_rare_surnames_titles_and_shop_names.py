"""Chinese contacts and companies written the ways reps write them: two-character surnames (欧阳, 司马,
诸葛, 上官), a rare one-character surname with its title (乌主任, 揭总), a title before the full name
across a space ("他们 CTO 孟涛"), a company's person after "的" ("华信电子的李娜"), and shop names
in Latin and Chinese ("ABC便利店", "GreenLeaf茶饮"). Sentences written fresh."""
import pytest

from handlers.understanding import understand

from understanding_data import NOW, ZH


@pytest.mark.parametrize("text, contact", [
    ("去了华信电子，见了欧阳总，说年后再谈", "欧阳总"),
    ("和司马经理聊了一下 华信电子 要报价", "司马经理"),
    ("华信电子的欧阳娜说下周签", "欧阳娜"),
    ("华信电子 技术总监 上官云 说要方案", "上官云"),
    ("给鼎力机械的诸葛明打了电话 他说预算批了", "诸葛明"),
])
def test_a_two_character_surname_is_read_whole(text, contact):
    assert understand(text, NOW, ZH).contact == contact


@pytest.mark.parametrize("text, contact", [
    ("青禾餐饮信息部乌主任说预算批了", "乌主任"),
    ("今天拜访了远山机电 揭总很感兴趣 要样品", "揭总"),
])
def test_a_rare_surname_with_its_title_is_a_person(text, contact):
    assert understand(text, NOW, ZH).contact == contact


@pytest.mark.parametrize("text, contact", [
    ("去华信电子拜访，他们 CTO 孟涛 说下个月立项", "孟涛"),
    ("远山机电 采购经理 郑海 要了报价单", "郑海"),
])
def test_a_title_then_the_name_across_a_space(text, contact):
    assert understand(text, NOW, ZH).contact == contact


@pytest.mark.parametrize("text, contact", [
    ("和青禾餐饮的李娜吃了饭 她说下个月招标", "李娜"),
    ("远山机电的陈静发微信说样品收到了", "陈静"),
])
def test_a_companys_person_after_its_name(text, contact):
    p = understand(text, NOW, ZH)
    assert p.contact == contact and p.customer and p.customer in text


@pytest.mark.parametrize("text, customer", [
    ("ABC便利店 老板说想试用一下", "ABC便利店"),
    ("今天去了金禾便利店 见了王老板", "金禾便利店"),
    ("跟GreenLeaf茶饮签了保密协议，下周出方案", "GreenLeaf茶饮"),
    ("拜访了好邻居面包房，店长要报价", "好邻居面包房"),
])
def test_a_shop_named_by_its_kind(text, customer):
    assert understand(text, NOW, ZH).customer == customer


@pytest.mark.parametrize("text", [
    "上午会籍经理Ryan打来电话，问会员系统",
    "今天翔宇物流的高峰如约来公司看了演示",
])
def test_common_words_are_no_rare_names(text):
    p = understand(text, NOW, ZH)
    assert p.contact not in ("籍经理", "高峰如")
