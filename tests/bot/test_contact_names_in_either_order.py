"""A known contact's name written surname first ("Lopez Maria", "Иванова Анна", "Ивановой Анны") is
that contact: its fact goes onto it, no new customer is asked about, and undo takes it back."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models import Contact, Customer
from tests.bot.records import business, difference

CASES = [
    ("met Maria Lopez at Globex", "Lopez Maria's phone is +44 7700 900123", "phone", "+44 7700 900123", "undo"),
    ("had a call with Derek Olsen from Pinewood Systems", "Olsen Derek email: derek@pinewood.io", "email",
     "derek@pinewood.io", "undo"),
    ("встреча с Анной Ивановой в Альфастрое", "телефон Ивановой Анны +7 916 123-45-67", "phone",
     "+7 916 123-45-67", "отмена"),
    ("созвонился с Олегом Смирновым из Техностроя", "Смирнов Олег, почта oleg@tehnostroy.ru", "email",
     "oleg@tehnostroy.ru", "отмена"),
]


@pytest.mark.parametrize(("first", "text", "field", "value", "undo"), CASES)
async def test_a_contact_named_surname_first_gets_the_fact(bot, store, engine, first, text, field, value, undo):
    assert (await bot.say(first)).wrote
    [made] = store.rows(select(Contact))
    customers = store.rows(select(Customer))
    before = business(engine)
    reply = await bot.say(text)
    assert reply.wrote and made.name in reply.text, reply.text
    [contact] = store.rows(select(Contact))
    assert getattr(contact, field) == value and contact.name == made.name
    assert len(store.rows(select(Customer))) == len(customers)
    await bot.say(undo)
    assert difference(before, business(engine)) == []


async def test_surname_first_a_day_later_finds_its_customer(bot, store, clock):
    await bot.say("met Maria Lopez at Globex")
    await bot.say("visited Initech, sent a quote for 10k")
    clock.advance(days=1)
    reply = await bot.say("Lopez Maria's phone is +44 7700 900123")
    assert reply.wrote and "Globex" in reply.text, reply.text
    [contact] = store.rows(select(Contact))
    assert contact.phone == "+44 7700 900123"
