"""Every person a note names as met beside its contact is a contact of that customer too, with the
title the note gives them ("met Maria Lopez and her boss Tom Hardy at Globex", "встретился с Ивановой
Анной и её начальником Петровым в Альфастрое", "见了星辰的王总和他们的采购李娜"), and undo removes them all."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models import Contact, Customer
from tests.bot.records import business, difference

CASES = [
    ("met Sarah Connell and her CFO David Marsh at Brookfield Labs", "Brookfield Labs",
     {"Sarah Connell": None, "David Marsh": "CFO"}, "undo"),
    ("lunch with Peter Quill and Gamora Zen from Halcyon Freight", "Halcyon Freight",
     {"Peter Quill": None, "Gamora Zen": None}, "undo"),
    ("провёл встречу с Сергеем Волковым и его главным инженером Кузнецовым в Гидромаше", "Гидромаш",
     {"Сергей Волков": None, "Кузнецов": "главный инженер"}, "отмена"),
    ("见了恒泰电子的张总和他们的财务经理刘芳", "恒泰电子", {"张总": None, "刘芳": "财务经理"}, "撤销"),
]


@pytest.mark.parametrize(("text", "customer", "people", "undo"), CASES)
async def test_each_person_met_becomes_a_contact(bot, store, engine, text, customer, people, undo):
    store.add_customers(customer)
    before = business(engine)
    reply = await bot.say(text)
    assert reply.wrote and all(name in reply.text for name in people), reply.text
    [found] = store.rows(select(Customer).where(Customer.name == customer))
    contacts = {c.name: c.role for c in store.rows(select(Contact).where(Contact.customer_id == found.id))}
    assert contacts == people, contacts
    await bot.say(undo)
    assert difference(before, business(engine)) == []


async def test_a_person_met_again_is_not_made_twice(bot, store):
    store.add_customers("Brookfield Labs")
    await bot.say("met Sarah Connell at Brookfield Labs")
    reply = await bot.say("met Sarah Connell and her CFO David Marsh at Brookfield Labs")
    assert "David Marsh" in reply.text
    names = sorted(c.name for c in store.rows(select(Contact)))
    assert names == ["David Marsh", "Sarah Connell"]


async def test_words_after_and_that_name_nobody_make_no_contact(bot, store):
    store.add_customers("Brookfield Labs")
    await bot.say("called Sarah Connell at Brookfield Labs and sent her the quote")
    assert [c.name for c in store.rows(select(Contact))] == ["Sarah Connell"]
