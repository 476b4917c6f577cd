"""Which team member a question names: by full name or one word of it, in any letter case, with an
English possessive, in any Russian case, across Latin and Cyrillic spellings, Chinese given names;
two members answering to the words are both returned; a word that only looks like a name is not one."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from handlers.understanding.hybrid import understand_hybrid
from handlers.understanding.members import members_named
from handlers.understanding.model import TeamMember as Member

ROSTER = (Member(1, "Anna Lee"), Member(2, "Boris"), Member(3, "Анна Петрова"), Member(4, "王小明"), Member(5, "Max"),
          Member(6, "Sales Team"), Member(7, "Anna Kim"), Member(8, "Илья"), Member(9, "Dmitry Orlov"),
          Member(10, "Мария Иванова"), Member(11, "Alexey"), Member(12, "Olga"), Member(13, "张伟"))


@pytest.mark.parametrize("question, ids", [
    ("Anna Lee's pipeline this quarter", [1]),
    ("pipeline of anna kim", [7]),
    ("what did Anna do this week", [1, 3, 7]),                # three Annas (one in Cyrillic): the caller asks
    ("annas pipeline", [1, 3, 7]),
    ("воронка Анны Петровой", [3]),
    ("что сделала Петрова", [3]),
    ("чем занимался Илья", [8]),
    ("pipeline for Ilya", [8]),                              # the Cyrillic name in Latin letters
    ("воронка Бориса за месяц", [2]),                        # the Latin name in Russian, in the genitive
    ("воронка Дмитрия", [9]),
    ("Orlov's forecast", [9]),
    ("what did Dmitriy do", [9]),                            # another Latin spelling
    ("what did Alexei do this week", [11]),
    ("Maria's pipeline", [10]),
    ("小明这周做了什么", [4]),
    ("王小明的销售漏斗", [4]),
    ("张伟本月的销售漏斗", [13]),
    ("what did Max do", [5]),
])
def test_a_question_names_a_member(question, ids):
    assert [m.id for m in members_named(question, ROSTER)] == ids


@pytest.mark.parametrize("question", [
    "what did the team do this week",                        # "Sales Team" is no name to be called by
    "max deals this week",                                   # an everyday word without a capital letter
    "pipeline this month", "воронка за месяц", "本月销售排行榜", "рейтинг продавцов",
    "Волга Логистик", "Олега Петровича",                     # look like Olga, are not
    "伟大的一周",                                             # a two-character name only in full
])
def test_a_question_that_names_no_member(question):
    assert members_named(question, ROSTER) == ()


NOW = datetime(2026, 11, 25, 10, tzinfo=timezone.utc)


@pytest.mark.parametrize("question, ids, asked", [
    ("Anna Lee's pipeline this quarter", [1], None),
    ("воронка Бориса за месяц", [2], None),
    ("王小明的销售漏斗", [4], None),
    ("what did Zed do this week", [], "Zed"),                # no such member: the handler says whom it knows
    ("что сделал Петров на этой неделе", [], "Петров"),
])
async def test_understanding_gives_the_members_a_report_question_names(question, ids, asked):
    parse = await understand_hybrid(question, NOW, team=lambda: ROSTER)
    assert parse.report is not None
    assert [m.id for m in parse.members] == ids
    assert asked is None or parse.member_asked == asked


async def test_a_note_never_reads_the_team():
    def unread():
        raise AssertionError("the roster is read only for a report question")

    parse = await understand_hybrid("Called Anna at Globex, sent the quote", NOW, ["Globex"], team=unread)
    assert parse.report is None and parse.members == () and parse.member_asked is None
