"""How the rep was in touch, said in a few words (written fresh): a call nobody answered ("no ans", "no
pickup", "拨了两次 都是忙音", "打过去关机"), a call made to someone ("打给", "陌拜电话"), a visit said as
going by or going up to see someone ("went by", "went up to see", "去过了"), tea with a customer ("饮茶");
"a chap called Rupert" is a name given, not a call."""
import pytest

from handlers.understanding import understand

from understanding_data import EN, NOW, RU, ZH


@pytest.mark.parametrize("text, known, channel", [
    ("globex no ans", EN, "call"),
    ("initech no pickup, 3rd try this week", EN, "call"),
    ("rang acme twice, no one picked up", EN, "call"),
    ("went by stark realty, left a flyer with the front desk", EN, "visit"),
    ("went up to see the initech team at their new office", EN, "visit"),
    ("went round to northwind this morning, nobody in", EN, "visit"),
    ("远航物流 拨了两次 都是忙音", ZH, "call"),
    ("海天 刘经理 打过去关机", ZH, "call"),
    ("打给星辰软件那个采购 说下周再说", ZH, "call"),
    ("陌拜电话打了一家做五金的 说有需求", ZH, "call"),
    ("跟东方电气王总饮茶 聊了明年的计划", ZH, "meeting"),
    ("华润建设 上周三去过了", ZH, "visit"),
    ("Вектор — не дозвонился, занято", RU, "call"),
    ("заехал в Уралсталь, оставил каталог", RU, "visit"),
])
def test_how_the_rep_was_in_touch(text, known, channel):
    assert understand(text, NOW, known).channel == channel


def test_a_person_called_by_name_is_no_call():
    p = understand("a chap called Rupert from Hale & Sons emailed asking for a price list", NOW, EN)
    assert p.channel == "email", p
