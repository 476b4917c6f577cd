"""English notes from a channel manager and a formal new hire, in a row through the chat: a reseller's
name that ends in capitals ("Fernhill Signal AV") is that reseller, not another customer's initials;
a company that only introduced us is not the customer; a note that closes by asking the bot to record
it ("could you record this as a new lead?") is recorded, while a real question still writes nothing."""
from __future__ import annotations

from sqlalchemy import select

from storage.models import Customer, Note


def _notes_of(store, name: str) -> int:
    return store(Note, Note.customer_id == select(Customer.id).where(Customer.name == name).scalar_subquery(),
                 Note.undone_at.is_(None))


async def test_capitals_closing_a_new_name_are_not_a_known_customers_initials(bot, store):
    store.add_customers("Ashford Valley Partners")
    await bot.say("Visited Ashford Valley Partners, sent the renewal quote for $9k")
    reply = await bot.say("Fernhill Signal AV (reseller, Boise) signed the partner agreement today")
    assert _notes_of(store, "Ashford Valley Partners") == 1
    assert "Ashford" not in reply.text.splitlines()[0]


async def test_the_partner_that_introduced_us_keeps_its_own_record(bot, store):
    store.add_customers("Northgate Distribution LLC")
    await bot.say("call w/ Northgate Distribution, they want co-op funds for Q1")
    reply = await bot.say("Northgate introduced us to an end customer, Cedar Falls Unified — 900 laptops to manage. "
                          "discovery call next thurs")
    assert _notes_of(store, "Northgate Distribution LLC") == 1
    assert "Cedar Falls Unified" in reply.text


async def test_a_note_that_asks_to_be_recorded_is_recorded(bot, store):
    reply = await bot.say("Good afternoon. Keel Harbour Marine contacted us by email today about fleet tracking for "
                          "nine vessels. Please could you record this as a new lead?")
    assert reply.wrote and _notes_of(store, "Keel Harbour Marine") == 1


async def test_a_question_about_how_to_record_still_writes_nothing(bot, store):
    await bot.say("Visited Keel Harbour Marine, met the fleet manager")
    reply = await bot.say("how do I record a lost deal?")
    assert not reply.wrote and _notes_of(store, "Keel Harbour Marine") == 1
