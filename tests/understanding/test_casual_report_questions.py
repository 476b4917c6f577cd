"""A manager's casual questions name their report and never read as notes: where or why we lose is the
lost-deals report, who is behind on follow-ups the team's overdue list (the asker's own "what's overdue"
stays their list; "what's overdue" is the overdue report, the team's for a manager), the biggest open deals the pipeline."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from handlers.understanding import understand
from handlers.understanding.report_words import settle_report
from storage.vocabulary import ReportKind

NOW = datetime(2026, 12, 2, 11, 0, tzinfo=ZoneInfo("Europe/London"))       # a Wednesday
KNOWN = ["Halden Freight", "ООО «Прибой»", "青岛海纳物流"]


def _report(text: str):
    parse = understand(text, NOW, KNOWN)
    assert parse.intent != "log"
    return settle_report(parse, text, NOW.date()).report


@pytest.mark.parametrize("text", ["where do we keep losing deals?", "why are we losing so many", "who are we losing to",
                                  "на чём мы проигрываем?", "почему всё ещё теряем сделки", "кому проигрываем",
                                  "最近为啥老是输", "丢单都丢在哪了", "我们为什么总是丢单"])
def test_where_or_why_we_lose_is_the_lost_deals_report(text):
    assert _report(text) == ReportKind.LOST


@pytest.mark.parametrize("text", ["anyone falling behind on follow ups?", "who's slipping on their calls",
                                  "кто отстаёт по звонкам?", "谁跟进落后了"])
def test_who_is_behind_is_the_teams_overdue_list(text):
    assert _report(text) == ReportKind.OVERDUE


def test_the_askers_own_overdue_stays_their_list():
    assert _report("what's overdue for me?") is None


def test_the_biggest_open_deals_are_the_pipeline():
    parse = understand("largest opps open rn?", NOW, KNOWN)
    assert parse.intent == "pipeline"


@pytest.mark.parametrize("text", ["compare Dana and Omar this month", "pls compare Lena with Tariq for Q3",
                                  "сравни Дениса и Ольгу за ноябрь", "сравни Лену с 李明 за неделю",
                                  "对比一下李明和张华上个月", "比一比Dana跟王刚这周"])
def test_two_people_compared_by_name_is_the_activity_report_never_a_note(text):
    assert _report(text) == ReportKind.ACTIVITY


@pytest.mark.parametrize("text", ["Compared to Halden Freight, Brix are cheaper - visited them today",
                                  "比较急，青岛海纳物流明天要报价"])
def test_a_note_that_only_mentions_comparing_stays_a_note(text):
    assert understand(text, NOW, KNOWN).intent == "log"


@pytest.mark.parametrize("text", ["what's overdue?", "anything overdue", "что просрочено?", "есть просроченные?",
                                  "有哪些逾期的？", "逾期的跟进"])
def test_whats_overdue_is_the_overdue_report(text):
    assert _report(text) == ReportKind.OVERDUE


@pytest.mark.parametrize("text", ["что у меня просрочено?", "我自己有哪些逾期的"])
def test_the_askers_own_overdue_in_russian_and_chinese_stays_their_list(text):
    assert _report(text) is None
