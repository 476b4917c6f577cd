"""A new company's name in a Chinese note, where it begins and ends: a Latin name keeps its small
words and "&" ("Ter Haar Logistics B.V." with "van der", "Rose & Thorn"), is taken after "叫" or when it
opens the note before its Chinese; a place with "的" before a name is where it is, not the name
("上海静安寺的米粒烘焙"); "叫X的 <trade>" names X, not a person. Sentences written for these tests."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from handlers.understanding import understand

NOW = datetime(2026, 12, 2, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))      # a Wednesday
KNOWN = ["苏州恒远精密机械有限公司", "杭州云栖信息技术有限公司"]


@pytest.mark.parametrize("text, customer", [
    ("上周在上海跟比利时van den Broek Foods N.V.的采购总监聊了", "van den Broek Foods N.V."),
    ("今天在展会上认识了荷兰Van der Linden Trading B.V.的老板", "Van der Linden Trading B.V."),
    ("同事介绍了一个客户 叫 Rose & Thorn 花艺 杭州有4家店", "Rose & Thorn"),
    ("新客户 叫 Northpeak Outdoor 中文名北峰户外 老板微信聊的", "Northpeak Outdoor"),
    ("Blue Harbor Seafood 宁波仓库今天拜访完了", "Blue Harbor Seafood"),
    ("Silver Maple 那个项目 报价发了 12万", "Silver Maple"),
])
def test_a_latin_name_keeps_its_words(text, customer):
    assert understand(text, NOW, KNOWN).customer == customer


@pytest.mark.parametrize("text, customer", [
    ("帮我加个新客户 上海静安寺的米粒烘焙 老板叫阿杰", "米粒烘焙"),
    ("新客户 深圳南山科技园的快跑健身 店长小林", "快跑健身"),
    ("宁波一家 叫海之蓝的 水产贸易 今天去了", "海之蓝"),
    ("上午去了武汉光华人力资源 见了招聘总监", "武汉光华人力资源"),
    ("今天拜访了甘肃祁连风电 运维部要做巡检系统", "甘肃祁连风电"),
])
def test_a_chinese_name_begins_after_its_place_and_ends_with_its_trade(text, customer):
    p = understand(text, NOW, KNOWN)
    assert p.customer == customer and p.contact != customer


@pytest.mark.parametrize("text", ["Peter Lang 说下周来厂里看看", "Anna Berg 今天回邮件了"])
def test_a_person_opening_the_note_is_no_company(text):
    assert understand(text, NOW, KNOWN).customer is None


@pytest.mark.parametrize("text, customer", [
    ("中午跟一家公司吃了个饭，海晟航运（香港）有限公司，COO陈先生，想做船队管理", "海晟航运（香港）有限公司"),
    ("拜访了凯德精密（苏州）有限公司 设备部要报价", "凯德精密（苏州）有限公司"),
    ("南通锦绣家纺 去了 要看样品", "南通锦绣家纺"),
    ("听说杭州云帆医药在招标 下周去问问", "杭州云帆医药"),
])
def test_a_registered_name_is_read_whole(text, customer):
    assert understand(text, NOW, KNOWN).customer == customer


@pytest.mark.parametrize("text, customer", [("谁在跟星河数据那个项目", "星河数据"), ("谁负责蓝鲸物流", "蓝鲸物流")])
def test_who_follows_a_company_asks_about_that_company(text, customer):
    p = understand(text, NOW, KNOWN)
    assert (p.intent, p.customer) == ("query_customer", customer)


@pytest.mark.parametrize("text, channel", [("昨天在广交会上跟一家巴西客户聊了 叫Verde Foods", "meeting"),
                                           ("他们说今年广交会之前要换系统", None)])
def test_a_named_fair_is_a_meeting_only_when_the_writer_was_there(text, channel):
    assert understand(text, NOW, KNOWN).channel == channel


@pytest.mark.parametrize("text, customer", [
    ("下午跑了一家 广州番禺的 顺风国际货代 经理叫Ivy", "顺风国际货代"),
    ("上周展会认识的 泉州 闽南茶业 陈总 今天打了电话", "闽南茶业"),
    ("刚从 无锡华光锅炉 出来 设备部要方案", "无锡华光锅炉"),
])
def test_a_new_name_after_where_and_how_it_was_met(text, customer):
    assert understand(text, NOW, KNOWN).customer == customer
