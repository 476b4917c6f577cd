"""New Chinese companies as a rep dictates them or writes them in full: the registered name however
long, from its place to its legal form; a name said again as meant after "不对" / "我是说" / "还是"
(the second, sound-alike form stands); hesitations and a filler before the name dropped; and the
numbers and common words beside a name never read as a person. Sentences written for these tests
(a Wednesday in Hangzhou), not from the corpus."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from handlers.understanding import understand
from handlers.understanding.zh_spoken import names_as_meant

NOW = datetime(2026, 12, 2, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))      # a Wednesday
KNOWN = ["杭州西溪数码科技有限公司", "宁波港城物流有限公司"]


def read(text):
    p = understand(text, NOW, KNOWN)
    return {"intent": p.intent, "customer": p.customer, "contact": p.contact, "channel": p.channel, "stage": p.stage,
            "amount": p.amount and int(p.amount), "followup_on": p.followup_on and p.followup_on.isoformat()}


def check(text, expected):
    got = read(text)
    assert {k: got[k] for k in expected} == expected, text


@pytest.mark.parametrize("text, expected", [
    ("走访了佛山市南海区顺达铝型材有限公司，厂房两万平，挤压机 16 台", {"customer": "佛山市南海区顺达铝型材有限公司"}),
    ("上周在广州展会上遇到江西赣鄱新能源科技股份有限公司的采购总监黄勇 加了微信",
     {"customer": "江西赣鄱新能源科技股份有限公司", "contact": "黄勇"}),
    ("见了温州瓯江阀门制造有限公司的厂长，产线 30 条", {"customer": "温州瓯江阀门制造有限公司"}),
    ("今天电话联系了合肥庐州智造有限责任公司 对方说下个月招标", {"customer": "合肥庐州智造有限责任公司", "channel": "call"}),
])
def test_a_registered_name_is_read_whole_from_its_place_to_its_legal_form(text, expected):
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("刚从绍兴那个华峰不对是华丰纺织出来 老板说先寄样", {"customer": "华丰纺织", "channel": "visit"}),
    ("今天去了一家叫金华双龙还是双隆五金的厂 看了产线", {"customer": "金华双隆五金"}),
    ("拜访了湖州力天我是说立天机械 下周二再去", {"customer": "湖州立天机械", "followup_on": "2026-12-08"}),
    ("下午见了个新客户叫那个云水茶舍 老板姓吕", {"customer": "云水茶舍", "contact": "吕"}),
    ("嗯今天嗯去了呃温岭海川机械 见了他们厂长", {"customer": "温岭海川机械", "channel": "visit"}),
])
def test_a_name_dictated_with_a_repair_or_a_filler_is_read_as_meant(text, expected):
    check(text, expected)


@pytest.mark.parametrize("said, read_as", [
    ("东方不对是东芳电器", "东芳电器"),
    ("他们那个王总 哦不是王总是汪总", "他们那个王总 哦不是王总是汪总"),     # a person taken back is left to the contact's reading
    ("他们还是想要便宜点", "他们还是想要便宜点"),                     # "还是" between words that do not sound alike
    ("在台州台州恒通模具", "在台州恒通模具"),
])
def test_only_a_sound_alike_name_said_again_replaces_the_first(said, read_as):
    assert names_as_meant(said) == read_as


@pytest.mark.parametrize("text", [
    "拜访了嘉善鼎新电子，初步报价 36.5 万含税",
    "去了桐庐富春机械 预算 80 万左右，下周出方案",
    "见了滨江星河软件 他们要做个小程序 预算不多",
    "去了萧山恒瑞建材 他们负责施工 我们供货",
])
def test_a_number_s_unit_or_a_common_word_is_not_a_person(text):
    assert read(text)["contact"] is None, text


@pytest.mark.parametrize("text, expected", [
    ("今天跟苏州的经销商吴中汇达聊完，他们想拿华东区的代理", {"customer": "吴中汇达"}),
    ("见了终端客户和他们的集成商启航智联，集成商负责安装", {"customer": "启航智联"}),
    ("上周跟合肥庐阳数科的 CTO 吃了个饭，聊了聊二期", {"customer": "合肥庐阳数科", "channel": "meeting"}),
    ("和嘉善明达的采购经理开了个会", {"customer": "嘉善明达"}),
    ("跟宁波北仑港通供应链（华东总代）谈了一下午", {"customer": "宁波北仑港通供应链"}),
    ("报价 36 万已经给到代理商了", {"customer": None}),
])
def test_a_partner_or_the_company_of_a_role_is_named_where_it_is_written(text, expected):
    check(text, expected)


@pytest.mark.parametrize("text, stage", [
    ("跟无锡恒通签了渠道合作协议，先铺货", None),
    ("跟宁波港城签了代理协议 先试半年", None),
    ("宁波港城那边说就用我们了，合同下周走流程", "negotiation"),
    ("宁波港城签了合同 30 万", "won"),
])
def test_a_partnership_signed_is_no_sale_and_a_contract_next_week_is_not_signed(text, stage):
    got = read(text)["stage"]
    assert got == stage or (stage is None and got == "lead"), text
