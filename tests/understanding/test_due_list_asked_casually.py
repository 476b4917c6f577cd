"""A rep asking casually whom they still have to call or what their follow-up list holds gets their
follow-ups, for the days the question names, never a note: "the f/u list for friday", "кого завтра
дёрнуть?", "что у меня по напоминаниям на пятницу", "周四有啥要回电话的", "下周还有谁没跟的", "我的follow up"."""
from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from handlers.understanding import understand

NOW = datetime(2026, 12, 2, 11, 0, tzinfo=ZoneInfo("Europe/London"))       # a Wednesday
KNOWN = ["Halden Freight", "ООО «Прибой»", "青岛海纳物流"]


@pytest.mark.parametrize("text, first, last", [
    ("can u send me the f/u list for tomorrow", date(2026, 12, 3), date(2026, 12, 3)),
    ("my fu list this week?", date(2026, 11, 30), date(2026, 12, 6)),
    ("кого завтра дёрнуть?", date(2026, 12, 3), date(2026, 12, 3)),
    ("кого мне надо прозвонить на этой неделе", date(2026, 11, 30), date(2026, 12, 6)),
    ("что у меня по напоминаниям на завтра?", date(2026, 12, 3), date(2026, 12, 3)),
    ("明天有啥要回电话的", date(2026, 12, 3), date(2026, 12, 3)),
    ("这周还有谁没跟的", date(2026, 11, 30), date(2026, 12, 6)),
])
def test_a_casual_due_list_question_is_the_askers_follow_ups_for_those_days(text, first, last):
    parse = understand(text, NOW, KNOWN)
    assert parse.intent == "followups"
    assert parse.period is not None
    assert parse.period == (first, last)


@pytest.mark.parametrize("text", ["我的follow up都有哪些", "show my follow ups"])
def test_my_follow_ups_said_in_english_words_is_the_list(text):
    assert understand(text, NOW, KNOWN).intent == "followups"


@pytest.mark.parametrize("text", [
    "called Halden, sent the fu list of parts they asked for",
    "Прибой: кого-то из снабжения дёрнули, обещали ответить в пятницу",
    "青岛海纳物流 打了三次电话 谁都没回 明天再打",
])
def test_a_note_that_only_uses_the_words_stays_a_note(text):
    assert understand(text, NOW, KNOWN).intent == "log"
