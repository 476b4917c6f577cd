"""Chinese next steps on a part of a named month ("2月底再联系", "三月初", "3月中旬") fall in that month,
next year's when it is past; an answer the customer is expected to give ("预计12月初给答复") is theirs,
not the writer's step; a tiny fact sent on its own ("预算还没批", "要demo") is still a note. Sentences
written for these tests (a Wednesday in Shanghai)."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from handlers.understanding import understand

NOW = datetime(2026, 12, 2, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))      # a Wednesday
KNOWN = ["苏州恒远精密机械有限公司", "杭州云栖信息技术有限公司"]


@pytest.mark.parametrize("text, day", [
    ("恒远 他们年后才定 我2月底再联系", "2027-02-28"),
    ("云栖 三月初再去拜访一次", "2027-03-01"),
    ("3月中旬去一趟恒远 看试产", "2027-03-15"),
    ("恒远 12月底前把方案发过去", "2026-12-31"),
    ("云栖 下个月底前把合同发过去", "2027-01-31"),
])
def test_a_part_of_a_named_month_is_that_months(text, day):
    got = understand(text, NOW, KNOWN).followup_on
    assert got is not None and got.isoformat() == day


def test_an_answer_they_are_expected_to_give_is_no_step_of_mine():
    assert understand("恒远那边要走集团审批 预计1月初给答复", NOW, KNOWN).followup_on is None


@pytest.mark.parametrize("text", ["他说今年预算已经用完了", "人挺好 要demo", "她们想先看演示"])
def test_a_tiny_fact_on_its_own_is_a_note(text):
    assert understand(text, NOW, KNOWN).intent == "log"


@pytest.mark.parametrize("text", ["恒远预算多少？", "云栖的demo约了吗"])
def test_the_same_words_in_a_question_are_no_note(text):
    assert understand(text, NOW, KNOWN).intent != "log"


@pytest.mark.parametrize("text, day", [
    ("恒远 预算已列入，董事会12月15日批。下周二我带方案过去", "2026-12-08"),     # their approval, then my step
    ("云栖第一轮谈判完了。12月9日第二轮", "2026-12-09"),                        # the next round is the next step
])
def test_the_writers_next_step_among_other_days(text, day):
    got = understand(text, NOW, KNOWN).followup_on
    assert got is not None and got.isoformat() == day


def test_the_writers_step_after_their_order_is_the_writers():
    p = understand("恒远年底冲量 可能会提前下单 我月底前再跟一次", NOW, KNOWN)
    assert p.followup_on is not None and p.followup_on.isoformat() == "2026-12-31"


def test_a_quote_cut_down_and_still_haggled_is_negotiation():
    assert understand("云栖 报价被砍到40万 我们底价42 还在磨", NOW, KNOWN).stage == "negotiation"
