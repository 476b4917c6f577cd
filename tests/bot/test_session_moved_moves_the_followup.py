"""A call or a meeting said as moved to a time or a day ("the demo with umbrella got moved to 4pm",
"встречу с Гидропромом перенесли на 11:30", "和蓝海的会议改到下午四点") is a change to that customer's
planned follow-up: it moves there, as a timed reminder when a time is said; no interaction is logged;
the reply says before → after, and undo gives the store back as it was. With no open follow-up there,
one is planned for it; a day in the customer's place ("move tuesday's call to friday", "把周四的会议改到周五")
moves that day's follow-up."""
from __future__ import annotations

from datetime import time
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from storage.models import FollowUp, Interaction
from storage.reminders import local_time
from tests.bot.records import business, difference

LONDON = ZoneInfo("Europe/London")         # the console chat's zone (tests/bot/conftest.py)
CASES = [
    ("Called Umbrella, will send the spec on friday", "the demo with umbrella got moved to 4pm", "→", time(16, 0)),
    ("Called Umbrella, will send the spec on friday", "umbrella call rescheduled to monday 9:30am", "Mon", time(9, 30)),
    ("Звонил в Гидропром, созвонимся в пятницу", "встречу с Гидропромом перенесли на 11:30", "→", time(11, 30)),
    ("Звонил в Гидропром, созвонимся в пятницу", "перенеси звонок с Гидропромом на понедельник в 10:00", "пн",
     time(10, 0)),
    ("给蓝海科技打了电话，周五再跟进", "蓝海科技的会议改到下午四点", "→", time(16, 0)),
]


@pytest.mark.parametrize(("first", "moved", "shown", "at"), CASES)
async def test_a_moved_call_moves_the_followup_and_logs_nothing(bot, store, engine, first, moved, shown, at):
    assert (await bot.say(first)).wrote
    calls = store(Interaction)
    before = business(engine)
    reply = await bot.say(moved)
    assert reply.wrote and shown in reply.text and reply.undo_token, reply.text
    assert store(Interaction) == calls                            # no phantom call, no 📝
    [follow] = store.rows(select(FollowUp))
    assert follow.remind_at is not None and local_time(follow.remind_at, LONDON) == at
    await bot.say("undo")
    assert difference(before, business(engine)) == []



PLANNED = [("Visited Umbrella, showed the line", "call with umbrella moved to 2pm", "call", time(14, 0)),
           ("Был в Гидропроме, показал образцы", "звонок с Гидропромом перенесли на 16:30", "звонок", time(16, 30)),
           ("拜访了蓝海科技，看了样品", "和蓝海科技的电话改到下午两点", "电话", time(14, 0))]


@pytest.mark.parametrize(("first", "moved", "what", "at"), PLANNED)
async def test_a_moved_call_with_nothing_planned_plans_it(bot, store, engine, first, moved, what, at):
    assert (await bot.say(first)).wrote
    calls = store(Interaction)
    before = business(engine)
    reply = await bot.say(moved)
    assert reply.wrote and "→" in reply.text and reply.undo_token, reply.text
    assert store(Interaction) == calls
    [follow] = store.rows(select(FollowUp))
    assert follow.what == what and follow.remind_at is not None and local_time(follow.remind_at, LONDON) == at
    await bot.say("undo")
    assert difference(before, business(engine)) == []


@pytest.mark.parametrize(("first", "moved"), [
    ("Called Umbrella, call them again on friday", "move friday's call to monday"),
    ("给蓝海科技打了电话，周五再联系", "把周五的会议改到周一"),
])
async def test_a_call_named_by_its_day_moves_that_days_followup(bot, store, first, moved):
    assert (await bot.say(first)).wrote
    calls = store(Interaction)
    [follow] = store.rows(select(FollowUp))
    reply = await bot.say(moved)
    assert reply.wrote and "→" in reply.text, reply.text
    assert store(Interaction) == calls
    [after] = store.rows(select(FollowUp))
    assert (after.due - follow.due).days == 3                     # Friday → Monday
