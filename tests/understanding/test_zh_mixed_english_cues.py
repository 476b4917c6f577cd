"""Chinese notes with English words in them, as a rep who switches languages types them: a
channel or a stage said in English ("visit today", "call完了", "cc 了", "quote 发了", "lost",
"budget approved", "legal review") counts as its Chinese word would; a paper signed that is no deal
("NDA已经签了") moves nothing; a signed contract received is won even when filed with legal.
Sentences written for these tests (a Wednesday in Shanghai)."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from handlers.understanding import understand

NOW = datetime(2026, 12, 2, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))      # a Wednesday
KNOWN = ["苏州恒远精密机械有限公司", "杭州云栖信息技术有限公司", "成都蓉欣食品有限公司"]


def read(text):
    p = understand(text, NOW, KNOWN)
    return {"intent": p.intent, "customer": p.customer, "channel": p.channel, "stage": p.stage}


def check(text, expected):
    got = read(text)
    assert {k: got[k] for k in expected} == expected, text


@pytest.mark.parametrize("text, channel", [
    ("恒远 site visit done, 厂长很配合", "visit"),
    ("云栖 visit了 他们IT挺专业", "visit"),
    ("下午去昆山 恒远 转了一圈 车间很满", "visit"),
    ("蓉欣 刚去看了 生产线在扩", "visit"),
    ("今天陪总监去的恒远 聊得不错", "visit"),
    ("恒远现场调研完成 需求很清楚", "visit"),
    ("云栖 call完了 他们还要内部讨论", "call"),
    ("蓉欣 call with 采购总监 价格没意见", "call"),
    ("恒远刚电话 说月底前定", "call"),
    ("云栖总算打通了 王总在出差", "call"),
    ("Met the 蓉欣 purchasing team at the food expo", "meeting"),
    ("方案发了 cc 了恒远的技术总监", "email"),
    ("wechat上跟云栖的Amy聊了下 她在休假", "message"),
])
def test_a_channel_said_in_english_or_as_phones_type_it(text, channel):
    check(text, {"channel": channel})


@pytest.mark.parametrize("text, stage", [
    ("恒远 lost. 他们选了更便宜的", "lost"),
    ("蓉欣这单最后选了本地那家 价格低两成", "lost"),
    ("云栖 quote 发了 三个模块一共45万", "proposal"),
    ("sent the quotation to 恒远 今天", "proposal"),
    ("蓉欣的budget approved了 明年上线", "qualified"),
    ("恒远预算 EUR 300k 已列入明年计划", "qualified"),
    ("云栖价格ok了 但还要走legal review", "negotiation"),
    ("恒远合同用印流程已经启动", "negotiation"),
    ("蓉欣签字版合同收到了 已交法务归档", "won"),
    ("云栖 报价单已当场递交 下周五前答复", "proposal"),
])
def test_a_stage_said_in_english_or_by_what_was_done(text, stage):
    check(text, {"stage": stage})


@pytest.mark.parametrize("text", ["恒远 NDA已经签了 下周开始对接需求", "云栖 保密协议签好了", "蓉欣说预算还没批 等年后"])
def test_a_paper_signed_or_a_budget_not_yet_approved_moves_no_deal(text):
    assert read(text)["stage"] is None


@pytest.mark.parametrize("text, expected", [
    ("电话陌拜了一家 杭州金鹏物流 前台说老板出差", {"channel": "call", "customer": "杭州金鹏物流"}),
    ("今天去 “恒远” 聊了下 设备部要方案", {"channel": "visit"}),
    ("领英上有个法国公司联系我们 叫Société Générale Logistique 想做代理", {"channel": "message",
                                                                        "customer": "Société Générale Logistique"}),
    ("接到一个询价电话 宁波的 利华五金 报价要含税", {"channel": "call", "stage": "lead"}),
])
def test_channels_and_names_as_phones_type_them(text, expected):
    check(text, expected)


@pytest.mark.parametrize("text, stage", [("恒远预计月底签约", "negotiation"), ("云栖 争取下周签 金额30万", "negotiation"),
                                         ("恒远上周签了 预计月底回款", "won")])
def test_a_signature_expected_is_negotiation_one_made_is_won(text, stage):
    check(text, {"stage": stage})
