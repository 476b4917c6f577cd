"""A new company named before what the note is about ("Tallis Freight QBR went well", "Corbin renewal
call done", "rosa's bakery 4 locations …") is recorded under its name alone, never with the word or
count after it; undo gives the store back exactly."""
from __future__ import annotations

import pytest
from sqlmodel import Session, select

from storage.models import Customer
from tests.bot.conftest import Clock, bot, clock, crm, settings, store  # noqa: F401  (the chat fixtures)
from tests.bot.records import business, difference


def customers(engine) -> list[str]:
    with Session(engine) as s:
        return [c.name for c in s.exec(select(Customer).order_by(Customer.id)).all()]


@pytest.mark.parametrize("note, name", [
    ("Tallis Freight QBR went well, they want 20 more seats, quote 24k", "Tallis Freight"),
    ("Corbin Logistics renewal call done, 40 seats at 30k", "Corbin Logistics"),
    ("new one rosa's bakery 4 locations in downey, owner rosa diaz wants pos, quote by friday", "rosa's bakery"),
])
async def test_the_new_customer_is_the_name_alone(bot, engine, note, name):
    snapshot = business(engine)
    reply = await bot.say(note)
    if not reply.wrote and reply.choices:       # asked whether it is a new customer: yes
        reply = await bot.press(reply.choices[0].data)
    assert reply.wrote, reply.text
    assert [c.lower() for c in customers(engine)] == [name.lower()]
    assert (await bot.say("undo")).wrote
    assert difference(snapshot, business(engine)) == []
