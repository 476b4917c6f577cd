"""A contact filed at the wrong customer is put right in words ("Dana works at Northgate Supply, not Milford",
"Ольга из Промресурса, а не из Сибтяжмаша", "孙总是华盛的"): the contact moves, with their phone, and undo
puts them back."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models import Contact, Customer
from tests.bot.records import business, difference

CASES = [
    ("Milford Dental: met Dana Kerr 555-0147, they want a refit", "Dana works at Northgate Supply, not Milford",
     "Dana Kerr", "Northgate Supply", "undo"),
    ("Сибтяжмаш: встреча, Ольга Белых +7 913 555-66-77, хотят линию", "Ольга из Промресурса, а не из Сибтяжмаша",
     "Ольга Белых", "Промресурс", "отмена"),
    ("临港重工 见了孙总 13500003333 要一条产线", "孙总是华盛机电的，不是临港重工的", "孙总", "华盛机电", "撤销"),
]


@pytest.mark.parametrize(("note", "text", "person", "theirs", "undo"), CASES)
async def test_the_contact_moves_to_the_customer_they_work_at(bot, store, engine, note, text, person, theirs, undo):
    store.add_customers("Northgate Supply", "Промресурс", "华盛机电")
    await bot.say(note)
    before = business(engine)
    reply = await bot.say(text)
    customers = {c.id: c.name for c in store.rows(select(Customer))}
    [contact] = store.rows(select(Contact))
    assert contact.name == person and customers[contact.customer_id] == theirs, reply.text
    assert contact.phone, reply.text
    assert len(customers) == len(before["customer"]), reply.text     # no customer and no second contact made
    await bot.say(undo)
    assert difference(before, business(engine)) == []


async def test_a_person_the_team_does_not_have_is_recorded_at_that_customer(bot, store):
    store.add_customers("Northgate Supply")
    await bot.say("Dana works at Northgate Supply")
    [contact] = store.rows(select(Contact))
    [customer] = store.rows(select(Customer))
    assert contact.customer_id == customer.id
