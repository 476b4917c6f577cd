"""Known Chinese customers as reps write them: by the core of the registered name, by its sound,
by its pinyin; and never by the place a name opens with. Sentences written for these tests."""
from __future__ import annotations

import pytest

from handlers.understanding import understand, zh_names
from handlers.understanding.matching import match_known

from understanding_data import NOW

KNOWN = ["苏州恒远精密机械有限公司", "广州市番禺区福临门窗经营部", "深圳前海星河数据服务有限公司",
         "杭州云栖信息技术有限公司", "中山市小榄镇永发五金制品厂", "上海电气集团", "成都蓉欣食品有限公司"]


@pytest.mark.parametrize("name, parts", [
    ("苏州恒远精密机械有限公司", ("苏州", "恒远", "精密机械")),
    ("广州市番禺区福临门窗经营部", ("广州市番禺区", "福临门窗", "")),
    ("深圳前海星河数据服务有限公司", ("深圳前海", "星河", "数据服务")),
    ("中山市小榄镇永发五金制品厂", ("中山市小榄镇", "永发", "五金制品")),
    ("上海电气集团", ("", "上海", "电气")),               # nothing but the place before the trade: kept whole
])
def test_a_registered_name_comes_apart_into_place_core_and_trade(name, parts):
    assert zh_names.parts(name) == parts


@pytest.mark.parametrize("text, customer", [
    ("恒远下午来电话说样品收到了", "苏州恒远精密机械有限公司"),
    ("今天去了趟福临门窗 老板不在", "广州市番禺区福临门窗经营部"),
    ("星河的周经理说合同下周走流程", "深圳前海星河数据服务有限公司"),
    ("云栖那边打了两次都没人接", "杭州云栖信息技术有限公司"),
    ("永发五金 报价发了 3.2万", "中山市小榄镇永发五金制品厂"),
    ("苏州恒远签了 合同68万", "苏州恒远精密机械有限公司"),
])
def test_a_known_customer_is_named_by_its_core(text, customer):
    p = understand(text, NOW, KNOWN)
    assert (p.customer, p.customer_known) == (customer, True)


@pytest.mark.parametrize("text, customer", [
    ("恒原的采购说价格还要再谈", "苏州恒远精密机械有限公司"),     # 原 for 远: same sound, pinyin input
    ("云七那边今天回消息了", "杭州云栖信息技术有限公司"),
    ("蓉鑫 拜访了 王总", "成都蓉欣食品有限公司"),
])
def test_a_core_typed_by_its_sound_still_names_the_customer(text, customer):
    p = understand(text, NOW, KNOWN)
    assert (p.customer, p.customer_known) == (customer, True)


@pytest.mark.parametrize("text, customer", [
    ("hengyuan 那边丢了", "苏州恒远精密机械有限公司"),
    ("YQ的合同今天寄过来了", "杭州云栖信息技术有限公司"),
])
def test_a_core_written_in_pinyin_or_initials_names_the_customer(text, customer):
    assert understand(text, NOW, KNOWN).customer == customer


@pytest.mark.parametrize("text", [
    "深圳市新锐光电有限公司的刘经理加了微信",      # another company of the same city
    "下周去苏州出差 顺便看看新客户",
    "成都那边的展会人很多",
])
def test_the_place_alone_names_no_known_customer(text):
    p = understand(text, NOW, KNOWN)
    assert p.customer not in KNOWN and not p.customer_candidates


def test_a_longer_name_with_the_same_start_is_another_company():
    assert match_known("今天见了星河湾地产的人", KNOWN).name is None
    assert match_known("上海的客户都很忙", KNOWN).name is None
    assert match_known("上海电气的李工回电话了", KNOWN).name == "上海电气集团"


def test_the_mention_covers_the_place_said_before_the_core():
    m = match_known("苏州恒远的张总", KNOWN)
    assert (m.name, m.start, m.end) == ("苏州恒远精密机械有限公司", 0, 4)


def test_latin_words_that_are_not_pinyin_name_no_customer():
    assert match_known("PO收到了 发给IT了", ["鹏欧科技有限公司", "爱特电子有限公司"]).name is None


def test_a_generic_word_before_the_core_is_dropped_like_a_place():
    assert zh_names.parts("北京东方博远咨询有限公司") == ("北京东方", "博远", "咨询")
    assert understand("博远怎么样了", NOW, ["北京东方博远咨询有限公司"]).customer == "北京东方博远咨询有限公司"
    assert zh_names.parts("东方电气集团") == ("", "东方", "电气")
