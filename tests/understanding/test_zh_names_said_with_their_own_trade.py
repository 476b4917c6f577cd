"""A known Chinese customer said by its core and a trade word of its own name's ending, the words between left
out ("华康诊所" for 苏州华康中医诊所, "远辰器械" for 远辰医疗器械有限公司), is that customer; a trade word its name
does not have still makes another company beside it ("远辰科技") (names and sentences written fresh)."""
import pytest

from handlers.understanding import understand

from understanding_data import NOW

KNOWN = ["苏州华康中医诊所", "远辰医疗器械（江苏）有限公司", "青峰物流有限公司", "明澈软件有限公司"]


@pytest.mark.parametrize("text, customer", [
    ("华康诊所 院长说下周再看方案", "苏州华康中医诊所"),
    ("远辰器械 采购说报价偏高 再压一压", "远辰医疗器械（江苏）有限公司"),
    ("今天去了远辰器械 见了王经理", "远辰医疗器械（江苏）有限公司"),
    ("青峰物流 张总说月底签", "青峰物流有限公司"),
])
def test_the_core_and_its_own_trade_word_is_the_known_customer(text, customer):
    p = understand(text, NOW, KNOWN)
    assert (p.customer, p.customer_known) == (customer, True), p


@pytest.mark.parametrize("text", ["远辰科技 新客户 想要伺服报价", "明澈传媒 新认识的 做短视频的"])
def test_another_trade_word_is_another_company(text):
    p = understand(text, NOW, KNOWN)
    assert not p.customer_known, p
