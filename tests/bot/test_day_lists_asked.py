"""A day's follow-ups asked for in a few words ("Friday's follow-ups", "tomorrow's calls", "что у меня на
пятницу", "周五的跟进") list that day's follow-ups, in three languages; they never become a note or a
customer named after the question, and another team's follow-ups are never shown."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.adapters.console import Console
from storage.models import Customer, Note
from tests.bot.conftest import let_in

ASKED = [
    ("Friday's follow-ups", "Nov 27, 2026", True),
    ("thursday's calls", "Nov 26, 2026", False),
    ("tomorrow's reminders", "Nov 26, 2026", False),
    ("what are friday's follow ups", "Nov 27, 2026", True),
    ("this week's follow-ups", "Nov 29", True),
    ("follow-ups for tomorrow?", "Nov 26, 2026", False),
    ("today's follow-ups", "Nov 25", False),
    ("что у меня на пятницу", "27 нояб.", True),
    ("задачи на завтра", "26 нояб.", False),
    ("明天要跟进哪些", "11月26日", False),
    ("周五的跟进", "11月27日", True),
    ("下周的回访有哪些", "11月30日", False),
]


@pytest.mark.parametrize("text, day, has_globex", ASKED)
async def test_a_days_follow_ups_are_listed_never_noted(bot, store, text, day, has_globex):
    await bot.say("Visited Globex, sent the quote for 42k, follow up Friday")
    notes = store(Note)
    reply = await bot.say(text)
    assert day in reply.text and not reply.wrote
    assert ("Globex" in reply.text) == has_globex
    assert store(Note) == notes
    assert store.rows(select(Customer.name)) == ["Globex"]


async def test_another_teams_follow_ups_are_not_listed(crm, engine, store):
    let_in(engine, "console", "anna", "Anna", "admin")
    let_in(engine, "console", "dora", "Dora", "rep", team="teamb")
    anna, dora = Console(crm, user="anna", name="Anna"), Console(crm, user="dora", name="Dora")
    await anna.say("Called Globex, call back Friday")
    for text in ("Friday's follow-ups", "что у меня на пятницу", "周五的跟进"):
        reply = await dora.say(text)
        assert "Globex" not in reply.text and not reply.wrote
    assert store.rows(select(Customer.name)) == ["Globex"]
