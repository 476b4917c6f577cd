"""Chinese notes and questions read by how they are built, on sentences of their own (a Wednesday in
Shenzhen): a weekday or date told with what happened that day is gone, not the next step; a quote still
to send is no proposal; a number that counts pixels, square metres or screens, a unit price, a deposit
or our own cost is not the deal's value; a comparison between two periods is about the current one; how
to use the bot is help; asking for advice is not a note."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from handlers.understanding import understand

NOW = datetime(2026, 12, 2, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))      # a Wednesday
KNOWN = ["深圳蓝海光电有限公司", "东莞宏图精密模具有限公司"]


def read(text):
    p = understand(text, NOW, KNOWN)
    return {"intent": p.intent, "customer": p.customer, "stage": p.stage, "amount": p.amount and int(p.amount),
            "followup_on": p.followup_on and p.followup_on.isoformat(),
            "period": p.period and (p.period[0].isoformat(), p.period[1].isoformat())}


def check(text, expected):
    got = read(text)
    assert {k: got[k] for k in expected} == expected, text


@pytest.mark.parametrize("text, expected", [
    ("周一去了蓝海，跟他们采购聊了一下午", {"followup_on": None}),
    ("周二那天给宏图的陈经理打过电话 他说再看看", {"followup_on": None}),
    ("周一那天在展会上碰到宏图的老板", {"followup_on": None}),
    ("周五去蓝海 带样品", {"followup_on": "2026-12-04"}),
    ("周四约了宏图的刘总见面", {"followup_on": "2026-12-03"}),
    ("下周一去了再说 先把样品寄过去", {"followup_on": "2026-12-07"}),
])
def test_a_day_told_with_what_happened_is_gone_and_a_planned_one_is_the_next_step(text, expected):
    check(text, expected)


@pytest.mark.parametrize("text, stage", [
    ("见了蓝海的技术总监 报价我回去核算一下再发", None),
    ("宏图要 20 套治具 报价下周一前给", None),
    ("宏图这边 报价等样品测完之后", None),
    ("给宏图报了价 18 万", "proposal"),
])
def test_a_quote_still_to_send_is_no_proposal(text, stage):
    assert read(text)["stage"] == stage, text


@pytest.mark.parametrize("text, amount", [
    ("蓝海要的工业相机 800 万像素 20 台，预算 60 万", 600000),
    ("宏图新厂房 2 万平米，改造预算 300 万", 3000000),
    ("蓝海要 8 块 65 寸大屏，报价 12 万", 120000),
    ("宏图加 30 台，单台 2,500，合计 7.5 万", 75000),
    ("蓝海付了定金 5k 整单 4.8w", 48000),
    ("宏图这单外包成本价是 15 万，我们报 21 万", 210000),
])
def test_a_number_that_is_not_the_deal_s_value_is_not_taken(text, amount):
    assert read(text)["amount"] == amount, text


@pytest.mark.parametrize("text, expected", [
    ("跟上个月比，这个月签单金额多了还是少了", {"intent": "pipeline", "period": ("2026-12-01", "2026-12-31")}),
    ("本周 vs 上周 拜访量对比一下", {"intent": "activity", "period": ("2026-11-30", "2026-12-06")}),
    ("手上最大的几个商机是哪些", {"intent": "pipeline"}),
    ("今天要给谁打电话啊", {"intent": "followups"}),
    ("小李和小王这周谁跑得多", {"intent": "activity"}),
])
def test_comparisons_and_casual_asks_are_questions_about_the_period_asked(text, expected):
    check(text, expected)


@pytest.mark.parametrize("text, intent", [
    ("请问如何修改已经录入的客户名称？", "help"),
    ("新人请教一下，拜访完应该用什么格式记录？", "help"),
    ("宏图的采购一直要好处费 这种怎么处理啊", "unknown"),
    ("这种就两个人的小工作室值得跟吗", "unknown"),
])
def test_how_to_use_the_bot_is_help_and_asking_advice_is_not_a_note(text, intent):
    assert read(text)["intent"] == intent, text


@pytest.mark.parametrize("text, followup_on", [
    ("蓝海要的测试方案下周一给，报价看测试结果", "2026-12-07"),
    ("宏图的渠道价周五出", "2026-12-04"),
    ("宏图新车间 周四现场勘测", "2026-12-03"),
    ("蓝海 回电话了 明天 call 一下", "2026-12-03"),
    ("宏图的厂长说下周二可以见", "2026-12-08"),
    ("去蓝海再聊一下周五过去", "2026-12-04"),
    ("宏图说标书下个月出 等通知", None),
])
def test_the_writer_s_step_on_a_day_is_the_follow_up(text, followup_on):
    assert read(text)["followup_on"] == followup_on, text
