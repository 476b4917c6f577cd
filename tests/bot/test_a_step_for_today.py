"""A step written as an order to oneself is a follow-up, today's when it says so ("ring mick this arvo",
"call Coleman today", "набрать Вектор сегодня"), not a call that happened; a call that happened this morning
stays a call. "whats on for me tmrw?" lists tomorrow's follow-ups and writes nothing."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from storage.models import FollowUp, Interaction
from storage.vocabulary import Channel
from tests.bot.records import business, difference

STEPS = [
    ("Harrow Farm Supplies", "ring dave at harrow farm supplies this arvo re the seeder", 0),
    ("Harrow Farm Supplies", "phone Harrow Farm Supplies this afternoon about spares", 0),
    ("Harrow Farm Supplies", "need to ring Harrow Farm Supplies tmrw re the header quote", 1),
    ("Вектор", "набрать Вектор сегодня по КП", 0),
    ("Вектор", "заехать в Вектор завтра, отвезти образцы", 1),
]


@pytest.mark.parametrize("customer, note, days", STEPS)
async def test_a_step_to_do_is_a_followup(bot, store, clock, customer, note, days):
    store.add_customers(customer)
    before = business(store.db)
    reply = await bot.say(note)
    assert reply.wrote
    [step] = store.rows(select(FollowUp))
    assert step.due == clock().date() + timedelta(days=days)
    assert [i.channel for i in store.rows(select(Interaction))] in ([], [None])    # nothing happened yet
    assert (await bot.say("undo")).wrote
    assert difference(before, business(store.db)) == []


async def test_a_call_this_morning_is_a_call(bot, store):
    store.add_customers("Harrow Farm Supplies")
    assert (await bot.say("phone call w/ harrow farm supplies this morning re spares, all good")).wrote
    assert [i.channel for i in store.rows(select(Interaction))] == [Channel.CALL]
    assert store.rows(select(FollowUp)) == []


async def test_whats_on_tomorrow_lists_it_and_writes_nothing(bot, store):
    store.add_customers("Harrow Farm Supplies")
    assert (await bot.say("need to ring Harrow Farm Supplies tmrw re the header quote")).wrote
    before = business(store.db)
    for question in ("whats on for me tmrw?", "anything on tmrw"):
        reply = await bot.say(question)
        assert not reply.wrote and "Harrow Farm Supplies" in reply
    assert difference(before, business(store.db)) == []
