"""A known contact called by a shorter name ("Al Cross" for Dr Alan Cross) is that contact, never a duplicate;
a known customer's short name followed by its contact ("Harbourfront Dental Dr Tan", "Golden Lotus Mr Chen") or
by a day ("Northfield Fri") is that customer, no question asked; a day name or a short abbreviation beside a
known contact of the customer in focus ("Call Sue Fri re tender Qs") names no company. Undo restores exactly."""
from __future__ import annotations

import pytest
from sqlmodel import select

from storage.models import Contact, Customer, Interaction
from tests.bot.records import business, difference

FIRST = "Visited Kingsbridge Infirmary, met Dr Samuel Hart (head of lab) and Jenny Cole from procurement, tender £40k"


@pytest.mark.parametrize("text", [
    "Sam Hart from Kingsbridge rang, wants a demo of the analyser next tue",
    "Kingsbridge Infirmary Dr Hart called back, wants the brochure",
    "Kingsbridge Dr Hart called, wants a second quote",
    "Call Jenny at Kingsbridge Fri re tender Qs",
    "Call Jenny Fri re the PO",
])
async def test_a_known_contact_by_a_short_name_is_filed_without_a_question(bot, store, engine, text):
    await bot.say(FIRST)
    [customer] = store.rows(select(Customer))
    people = sorted(c.name for c in store.rows(select(Contact)))
    before = business(engine)
    reply = await bot.say(text)
    assert reply.undo_token and not [c for c in reply.choices if c.data.startswith("pick")], reply.text
    assert [c.name for c in store.rows(select(Customer))] == [customer.name], reply.text
    assert sorted(c.name for c in store.rows(select(Contact))) == people, reply.text     # no duplicate
    await bot.say("undo")
    assert difference(before, business(engine)) == []


async def test_a_short_first_name_calls_the_known_contact(bot, store, engine):
    await bot.say(FIRST)
    await bot.say("Sam Hart from Kingsbridge rang, wants a demo next tue")
    [hart] = [c for c in store.rows(select(Contact)) if "Hart" in c.name]
    assert hart.name == "Dr Samuel Hart"
    assert store(Interaction, Interaction.contact_id == hart.id) >= 1
