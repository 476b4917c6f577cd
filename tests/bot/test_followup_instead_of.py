"""A note that says its follow-up replaces another ("call next tuesday instead of today", "перезвоню во вторник
вместо пятницы", "改到下周二跟进，不是今天了") moves the customer's follow-up due that day, in place, with one
undo: never a second follow-up beside the first, which would go overdue."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from storage.models import FollowUp
from tests.bot.conftest import Clock, bot, clock, crm, settings, store  # noqa: F401  (the chat fixtures)
from tests.bot.records import business, difference

# the clock says Wednesday 25 November 2026; each first note plans a follow-up for Friday the 27th
CASES = [
    ("Visited Globex, met Maria Lopez (CFO), quote 42k, call her friday",
     "globex: maria is travelling, call next tuesday instead of friday", "Fri, Nov 27 → Tue, Dec 1", "undo"),
    ("Был в Векторе, КП на 1,2 млн, перезвонить в пятницу",
     "Вектор: Петров в отпуске, перезвоню во вторник вместо пятницы", "→ вт, 1 дек.", "отмена"),
    ("拜访了星辰科技，报价12万，周五跟进", "星辰科技：王总出差，改到下周二跟进，不是周五了", "→ 12月1日周二", "撤销"),
]


@pytest.mark.parametrize("first, instead, says, undo", CASES)
async def test_a_follow_up_said_instead_of_another_moves_it(bot, store, engine, first, instead, says, undo):
    await bot.say(first)
    [follow] = store.rows(select(FollowUp))
    assert follow.due == date(2026, 11, 27)
    before = business(engine)
    reply = await bot.say(instead)
    assert reply.wrote and says in reply.text.replace("\u00a0", " "), reply.text
    [follow] = store.rows(select(FollowUp))                      # moved, not a second one
    assert follow.due == date(2026, 12, 1) and follow.done_at is None
    assert (await bot.say(undo)).wrote
    assert difference(before, business(engine)) == []


async def test_with_no_follow_up_on_that_day_a_new_one_is_planned(bot, store):
    await bot.say("Visited Globex, quote 42k")
    reply = await bot.say("globex: call next tuesday instead of friday")
    assert reply.wrote and "Tue, Dec 1" in reply.text
    [follow] = store.rows(select(FollowUp))
    assert follow.due == date(2026, 12, 1)
