"""The day of the next step in a Chinese note, as reps write it. NOW is Wednesday 2026-11-25.
Sentences written for these tests."""
from __future__ import annotations

from datetime import date

import pytest

from handlers.understanding import understand

from understanding_data import NOW

KNOWN = ["苏州恒远精密机械有限公司", "杭州云栖信息技术有限公司"]


@pytest.mark.parametrize("text, day", [
    ("恒远那边要报价 我说大后天给", date(2026, 11, 28)),
    ("云栖王总说还要考虑 我周五前出个方案", date(2026, 11, 27)),
    ("恒远电话没人接 下午再打", date(2026, 11, 25)),
    ("云栖打了两次都占线 明天再试试", date(2026, 11, 26)),
    ("恒远 去了 老板不在 下周", date(2026, 11, 30)),
    ("云栖下周要开会 我下周四再问问", date(2026, 12, 3)),
    ("恒远说预算批了 元旦前把方案准备好", date(2027, 1, 1)),
    ("上周五展会上认识的恒远刘总 今天打了电话 明天发资料", date(2026, 11, 26)),
])
def test_the_next_step_day(text, day):
    assert understand(text, NOW, KNOWN).followup_on == day


@pytest.mark.parametrize("text, day", [
    ("恒远 12月2号 回访", date(2026, 12, 2)),
    ("云栖刘经理生日12月8号 提醒我送个花", date(2026, 12, 8)),
])
def test_a_day_standing_alone_or_a_birthday_to_be_reminded_of(text, day):
    assert understand(text, NOW, KNOWN).followup_on == day


def test_a_run_on_dictated_note_keeps_the_reps_own_step():
    p = understand("嗯那个刚刚去了恒远那边啊然后见了采购王经理然后他说报价还要再降一点然后我说我回去申请一下下周一给他答复",
                   NOW, KNOWN)
    assert (p.channel, p.stage, p.followup_on) == ("visit", "negotiation", date(2026, 11, 30))


def test_yixia_before_next_week_is_not_the_week_after():
    assert understand("恒远的报价我再看一下下周二发", NOW, KNOWN).followup_on == date(2026, 12, 1)
