"""A manager's casual questions get their report and never become notes: who is behind on follow-ups is
the team's overdue list (a colleague's too, not only the asker's), and where or why we lose deals is the
lost-deals report, in English, Russian and Chinese."""
from __future__ import annotations

import re

import pytest

from storage.models import Note


@pytest.mark.parametrize("question", ["who's behind on follow-ups?", "кто отстаёт по задачам?", "谁的跟进拖了"])
async def test_who_is_behind_is_the_teams_overdue_list(bot, colleague, store, clock, question):
    store.add_customers("Globex Corporation", "Initech LLC")
    await colleague.say("Called Globex, follow up tomorrow")
    clock.advance(days=3)
    notes = store(Note)
    reply = await bot.say(question)
    assert "Globex" in reply.text
    assert store(Note) == notes and not reply.wrote


@pytest.mark.parametrize("question", ["where are we losing deals", "где мы проигрываем?", "我们输在哪"])
async def test_where_we_lose_is_the_lost_deals_report(bot, store, question):
    store.add_customers("Globex Corporation", "Initech LLC")
    await bot.say("Visited Initech, sent quote 12k")
    await bot.say("Initech lost, they went with a cheaper vendor")
    notes = store(Note)
    reply = await bot.say(question)
    assert re.search(r"12\D?000", reply.text)          # the lost deal's value, by its reason
    assert store(Note) == notes and not reply.wrote
