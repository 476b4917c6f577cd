"""A manager's casual questions get their report and never become notes: who is behind on follow-ups is
the team's overdue list (a colleague's too, not only the asker's), and where or why we lose deals is the
lost-deals report, in English, Russian and Chinese."""
from __future__ import annotations

import re

import pytest

from bot.adapters.console import Console
from tests.bot.conftest import let_in

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


OVERDUE_ASKED = {"en": ("Called Hooli, call back Monday", "what's overdue?", "Overdue follow-ups"),
                 "ru": ("Звонил в Гранит, перезвоню в понедельник", "что просрочено?", "Просроченные"),
                 "zh": ("给星辰科技打了电话，周一回电", "有哪些逾期的？", "逾期")}


@pytest.mark.parametrize("lang", OVERDUE_ASKED)
async def test_a_manager_asking_whats_overdue_gets_the_teams_overdue_follow_ups(crm, engine, clock, lang):
    note, asked, title = OVERDUE_ASKED[lang]
    let_in(engine, "console", "anna", "Anna", "rep")
    let_in(engine, "console", "maya", "Maya", "manager")
    anna, maya = Console(crm, user="anna", name="Anna"), Console(crm, user="maya", name="Maya")
    await anna.say(note)
    clock.advance(days=9)                 # Monday has gone by: Anna's call back is late
    reply = (await maya.say(asked)).text
    assert title in reply and "Anna" in reply and not (await maya.say(asked)).wrote
    mine = (await anna.say(asked)).text            # a rep asking the same sees her own
    assert title in mine
