"""A call told in passing ("— call done, quote sent", "finally picked up — spoke to …", "• phone w …")
is logged as a call; undo gives the store back exactly."""
from __future__ import annotations

import pytest
from sqlmodel import Session, select

from storage.models import Interaction
from tests.bot.conftest import Clock, bot, clock, crm, settings, store  # noqa: F401  (the chat fixtures)
from tests.bot.records import business, difference


def channels(engine) -> list[str]:
    with Session(engine) as s:
        return [i.channel for i in s.exec(select(Interaction).order_by(Interaction.id)).all()]


@pytest.mark.parametrize("note", [
    "Priya Shah from Kestrel Bakes — call done, quote sent £9,400 for the boxes",
    "Kestrel Bakes finally picked up — spoke to Priya (ops), they want a proposal for 12 pallets",
    "• Kestrel Bakes\n• phone w Priya Shah\n• quote sent £9,400",
])
async def test_the_call_is_logged_and_undo_takes_it_back(bot, engine, store, note):
    store.add_customers("Kestrel Bakes")
    snapshot = business(engine)
    reply = await bot.say(note)
    assert reply.wrote, reply.text
    assert channels(engine) == ["call"]
    assert (await bot.say("undo")).wrote
    assert difference(snapshot, business(engine)) == []
