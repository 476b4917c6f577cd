"""Chinese notes as key-account reps type them: a value corrected inside the message ("26万 改一下
是28万", "周五 不对 周四") is read as corrected, and a foreign contact keeps the whole name as written,
with its title ("Dr. Anna Fischer", "Mr. 周", "Tony刘"). Sentences written for these tests (a
Wednesday in Shanghai)."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from handlers.understanding import understand

NOW = datetime(2026, 12, 2, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))      # a Wednesday
KNOWN = ["苏州恒远精密机械有限公司", "杭州云栖信息技术有限公司"]


@pytest.mark.parametrize("text, amount", [
    ("恒远 报价发了 35万 改一下 是38万", 380000),
    ("云栖那边报价120万 不对是102万 别看错了", 1020000),
    ("恒远PO收到 金额8万 说错了 应该是18万", 180000),
])
def test_an_amount_corrected_in_the_message_is_the_corrected_one(text, amount):
    assert understand(text, NOW, KNOWN).amount == amount


@pytest.mark.parametrize("text, day", [
    ("云栖 周四去拜访 不对 周五 提醒我", "2026-12-04"),
    ("恒远 下周二 写错了 下周三 上门演示", "2026-12-09"),
    ("云栖 12号再打 不对 15号", "2026-12-15"),
])
def test_a_day_corrected_in_the_message_is_the_corrected_one(text, day):
    got = understand(text, NOW, KNOWN).followup_on
    assert got is not None and got.isoformat() == day


def test_a_name_taken_back_is_still_a_name_not_a_value():
    p = understand("不对 不是恒远 是云栖 报价20万发了", NOW, KNOWN)
    assert (p.customer, p.amount) == ("杭州云栖信息技术有限公司", 200000)


@pytest.mark.parametrize("text, contact", [
    ("今天去嘉兴看了一家德资的 锐森包装 工厂经理Mr. Keller 说要先签保密协议", "Mr. Keller"),
    ("官网留言 公司：云帆诊所 联系人：Dr. Wong 要做预约系统", "Dr. Wong"),
    ("恒远总经理Dr. Anna Fischer今天来访", "Dr. Anna Fischer"),
    ("云栖采购总监Lukas van Dijk说价格还行", "Lukas van Dijk"),
    ("恒远的Peter Hartmann今天回邮件了", "Peter Hartmann"),
    ("新客户 宁波一家做灯具的 老板 Mr. 周 微信聊的", "Mr. 周"),
    ("云栖 CTO叫Tony刘 约了周五", "Tony刘"),
    ("云栖 Jason Chow请我们吃饭", "Jason Chow"),
    ("小红书上加了一个 叫 森屿花艺 的 founder Mia 说想上会员系统", "Mia"),
])
def test_a_foreign_contact_keeps_the_whole_name_as_written(text, contact):
    assert understand(text, NOW, KNOWN).contact == contact


def test_a_correction_with_a_filler_before_it():
    assert understand("恒远报价42万 哦不对 是24万", NOW, KNOWN).amount == 240000


def test_an_email_pasted_in_is_an_email():
    p = understand("fwd: 李经理您好，附件是我们的方案和报价，请查收 —— 已发给云栖", NOW, KNOWN)
    assert (p.channel, p.customer) == ("email", "杭州云栖信息技术有限公司")


@pytest.mark.parametrize("text, intent", [("要样品", "log"), ("云栖要样品吗", "query_customer")])
def test_samples_asked_for_are_a_note_unless_asked_about(text, intent):
    assert understand(text, NOW, KNOWN).intent == intent


@pytest.mark.parametrize("text, contact", [
    ("云栖 林涛回电话了 价格可以", "林涛"),
    ("恒远 孙浩发了邮件 要改条款", "孙浩"),
    ("云栖 周敏回消息了 下周见面", "周敏"),
])
def test_a_full_name_that_answered_is_the_contact(text, contact):
    assert understand(text, NOW, KNOWN).contact == contact


def test_a_name_taken_back_is_no_contact():
    p = understand("sorry 上条写错了 不是易联 是云栖 的报价发了 ¥80k", NOW, KNOWN)
    assert (p.customer, p.contact) == ("杭州云栖信息技术有限公司", None)


def test_asking_the_team_who_will_follow_a_company_writes_nothing():
    p = understand("听说宁波海瑞医药在招标 谁有空去跟一下", NOW, KNOWN)
    assert p.intent != "log"
