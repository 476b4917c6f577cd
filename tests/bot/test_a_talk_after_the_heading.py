"""A talk told after the customer's name as a heading ("Riverina Grain Co - chatted w/ Sharon Kelly …",
"Harrow Feeds: had a chat with Pete about the seeder") is a call, in the history, as it is when the note
opens with it; a visit told first stays a visit."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models import Interaction
from storage.vocabulary import Channel
from tests.bot.records import business, difference

TALKS = [
    ("Riverina Grain Co", "Riverina Grain Co - chatted w/ Sharon Kelly, accounts, re the overdue bill", Channel.CALL),
    ("Harrow Feeds", "Harrow Feeds: had a chat with Pete about the new seeder, keen", Channel.CALL),
    ("Harrow Feeds", "harrow feeds - stopped by, talked to Pete in the workshop", Channel.VISIT),
]


@pytest.mark.parametrize("customer, note, channel", TALKS)
async def test_the_talk_is_in_the_history(bot, store, customer, note, channel):
    store.add_customers(customer)
    before = business(store.db)
    reply = await bot.say(note)
    assert reply.wrote
    assert [i.channel for i in store.rows(select(Interaction))] == [channel]
    history = await bot.say(f"{customer} history")
    assert note[-12:] in history
    assert (await bot.say("undo")).wrote
    assert difference(before, business(store.db)) == []
