"""A Russian note under a customer heading whose surname did something ("Кравцов прислал …", "Ткачук
отказался …") records that person as the customer's contact, and undo gives the store back as it was."""
from __future__ import annotations

from sqlmodel import Session, select

from storage.models import Contact
from tests.bot.records import business, difference


async def test_the_surname_that_acted_is_recorded_as_the_contact(bot, store, engine):
    store.add_customers("ООО «Каскад-Энерго»")
    snapshot = business(engine)
    reply = await bot.say("Каскад-Энерго — Кравцов прислал подписанную спецификацию")
    assert reply.wrote and "Кравцов" in reply
    with Session(engine) as s:
        assert [c.name for c in s.exec(select(Contact)).all()] == ["Кравцов"]
    assert (await bot.say("отмена")).wrote
    assert difference(snapshot, business(engine)) == []
