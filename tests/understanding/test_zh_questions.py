"""Chinese questions never become notes, and a company met for the first time is a lead.
Sentences written for these tests, in the way reps type on a phone."""
from __future__ import annotations

import pytest

from handlers.understanding import understand

from understanding_data import NOW

KNOWN = ["苏州恒远精密机械有限公司", "杭州云栖信息技术有限公司", "成都蓉欣食品有限公司"]


def u(text):
    return understand(text, NOW, KNOWN)


@pytest.mark.parametrize("text", [
    "恒远那边最近啥动静",
    "云栖现在谁在跟？",
    "蓉欣的合同签了没",
    "恒远 报价发了没",
    "云栖那个30万的单子还有戏吗",
    "蓉欣之前谁去拜访过",
    "恒远二期立项了吗 好久没消息",
])
def test_a_question_about_a_known_customer_is_a_query(text):
    p = u(text)
    assert (p.intent, p.stage, p.channel) == ("query_customer", None, None)
    assert p.customer_known


@pytest.mark.parametrize("text, customer", [
    ("宏发机电之前我们有没有接触过？", "宏发机电"),
    ("“金禾物流”是谁的客户", "金禾物流"),
])
def test_a_question_about_a_company_it_opens_with_is_a_query(text, customer):
    p = u(text)
    assert (p.intent, p.customer) == ("query_customer", customer)


@pytest.mark.parametrize("text, intent", [
    ("下个月预计能签多少", "pipeline"),
    ("这季度能落地的单子有哪些", "pipeline"),
    ("本月回款了多少", "pipeline"),
    ("明天要回访的客户有哪些", "followups"),
    ("今天约了谁", "followups"),
    ("上周大家一共跑了几家客户", "activity"),
    ("小刘 本月拜访记录", "activity"),
    ("记错了怎么改", "help"),
    ("小助手 能发图片给你吗", "help"),
    ("帮我订一张后天去武汉的机票", "unknown"),
    ("祝大家周末愉快", "unknown"),
])
def test_casual_questions_and_requests(text, intent):
    assert u(text).intent == intent


@pytest.mark.parametrize("text", [
    "刚给蓉欣打了电话 采购说价格还要谈 这个要记成什么阶段？",
    "恒远的尾款月底能到吗 明天打电话问问",
    "请问我这样记对吗 今天去了云栖 见了王总",
])
def test_a_note_with_a_question_tacked_on_stays_a_note(text):
    assert u(text).intent == "log"


def test_filler_what_was_it_called_is_no_question():
    p = u("刚接了个电话 叫什么来着 叫金帆建材 想要报价")
    assert (p.intent, p.customer) == ("log", "金帆建材")


@pytest.mark.parametrize("text", [
    "今天去了一家叫鼎丰包装的公司 见了老板",
    "接到个电话 绿源环保的刘经理想了解下我们的产品",
])
def test_a_company_met_for_the_first_time_is_a_lead(text):
    assert u(text).stage == "lead"


@pytest.mark.parametrize("text, customer", [
    ("鼎新包装之前有人报过价吗", "鼎新包装"),
    ("华安物流 谁的客户", "华安物流"),
    ("金禾五金那个老板后来约上了没？", "金禾五金"),
])
def test_a_question_opening_with_a_new_company_asks_about_it(text, customer):
    p = u(text)
    assert (p.intent, p.customer) == ("query_customer", customer)


@pytest.mark.parametrize("text", [
    "恒远首期款到了 36万",
    "云栖的尾款到账了 12万",
    "蓉欣剩下那20万年前能到吗 明天问问",
])
def test_a_payment_received_is_not_the_deals_value(text):
    assert u(text).amount is None


@pytest.mark.parametrize("text, intent", [
    ("明天要见哪些客户", "followups"),
    ("这个季度的业绩", "pipeline"),
    ("小李这周干了啥", "activity"),
    ("谁拜访过蓉欣", "query_customer"),
    ("帮我看看逾期的跟进", "followups"),
    ("哈哈 周末愉快", "unknown"),
    ("大家中午吃啥", "unknown"),
])
def test_more_casual_questions_never_become_notes(text, intent):
    assert u(text).intent == intent


@pytest.mark.parametrize("text, intent", [
    ("年底前还能签几单", "pipeline"),
    ("哪些客户超过两周没联系了", "followups"),
    ("怎么添加客户", "help"),
    ("这个bot能干啥", "help"),
    ("我要怎么设置提醒", "help"),
])
def test_how_to_questions_and_stale_customers(text, intent):
    assert u(text).intent == intent
