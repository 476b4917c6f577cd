"""Chinese report questions as a sales director and a junior ask them: by rep, quarter and stage
("本季度赢单多少 丢单多少", "各人完成率多少", "按季度看下签单额"), about their own day ("今天要 call 谁",
"我有啥要做的"), a month already past read as this year's ("九月份各人签了多少"), and a question about
a company nobody may have called yet. None of them is a note. Sentences written for these tests
(a Wednesday in Shanghai)."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from handlers.understanding import understand

NOW = datetime(2026, 12, 2, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))      # a Wednesday
KNOWN = ["苏州恒远精密机械有限公司", "杭州云栖信息技术有限公司"]


def read(text):
    p = understand(text, NOW, KNOWN)
    period = p.period and (p.period[0].isoformat(), p.period[1].isoformat())
    return p.intent, p.customer, period


@pytest.mark.parametrize("text, intent, period", [
    ("这个季度赢单几个 丢单几个", "pipeline", ("2026-10-01", "2026-12-31")),
    ("上季度成交了多少", "pipeline", ("2026-07-01", "2026-09-30")),
    ("今年按月看下成交额", "pipeline", ("2026-01-01", "2026-12-31")),
    ("全年回款额多少", "pipeline", ("2026-01-01", "2026-12-31")),
    ("四季度各人完成率", "pipeline", ("2026-10-01", "2026-12-31")),
    ("九月份各人签了多少 按人排", "pipeline", ("2026-09-01", "2026-09-30")),
    ("本月新增了几个线索", "activity", ("2026-12-01", "2026-12-31")),
    ("上周多少新客户", "activity", ("2026-11-23", "2026-11-29")),
])
def test_a_director_asks_by_rep_quarter_and_stage(text, intent, period):
    assert read(text) == (intent, None, period)


@pytest.mark.parametrize("text", ["早！今天要 call 谁", "明天得联系哪些", "周一上班 我有啥要做的", "这周有什么事情要跟"])
def test_a_rep_asks_about_their_own_day(text):
    assert read(text)[0] == "followups"


@pytest.mark.parametrize("text", ["hi 早安", "早啊 ☀️", "怎么把名片上的电话加进去", "这个能导出报表吗", "能不能同步到钉钉？"])
def test_a_greeting_or_how_to_is_help(text):
    assert read(text)[0] == "help"


@pytest.mark.parametrize("text, customer", [
    ("之前有没有人跟过 宁波海晨物流 这家？", "宁波海晨物流"),
    ("谁负责恒远那个项目", "苏州恒远精密机械有限公司"),
])
def test_who_had_a_customer_is_asked_about_that_customer(text, customer):
    assert read(text)[:2] == ("query_customer", customer)


@pytest.mark.parametrize("text, intent", [
    ("谈判阶段的还有几个", "pipeline"),
    ("按阶段看一下", "pipeline"),
    ("查下我的商机", "pipeline"),
    ("我这周拜访了哪几家", "activity"),
    ("本月新增线索多少", "activity"),
    ("怎么看我的全部客户", "help"),
    ("可以帮我加个联系人吗", "help"),
    ("在不在", "help"),
])
def test_more_casual_report_and_help_questions(text, intent):
    assert read(text)[0] == intent


def test_a_note_that_names_a_stage_is_still_a_note():
    assert read("恒远进入谈判阶段了 价格还在磨")[0] == "log"


@pytest.mark.parametrize("text, intent", [
    ("恒远拜访记录", "query_customer"),
    ("云栖 沟通记录发我一下", "query_customer"),
    ("我们跟恒远合作多久了", "query_customer"),
    ("本月输了几单", "pipeline"),
])
def test_casual_questions_are_never_notes(text, intent):
    assert read(text)[0] == intent


def test_how_much_i_achieved_this_quarter_is_the_pipeline():
    assert read("我这个季度完成了多少") == ("pipeline", None, ("2026-10-01", "2026-12-31"))
