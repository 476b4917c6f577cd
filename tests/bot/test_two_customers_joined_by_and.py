"""A note about two customers joined by "and" ("two new leads at the fair: Harlow Dental (dr. reyes) and Quarry
Storage, both want pricing", "были в Кварце и в Гранит-Сервисе", "去了星辰科技和蓝海物流") records both — a new
one created, each with what the note says of both, the person and the amount with the first only — and one
undo takes back both."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models import Contact, Customer, Deal, Interaction
from tests.bot.records import business, difference

NEW = [
    ("two new leads at the trade fair: Harlow Dental (dr. reyes) and Quarry Storage, both want pricing",
     ["Harlow Dental", "Quarry Storage"], "undo"),
    ("Visited Brook Industries and Salem Enterprises today. Brook: met Ines Vale COO, they want a pilot 80k usd",
     ["Brook Industries", "Salem Enterprises"], "undo"),
    ("были в Кварце и в Гранит-Сервисе, обоим нужно КП", ["Кварц", "Гранит-Сервис"], "отмена"),
    ("去了星辰科技和蓝海物流，都要报价", ["星辰科技", "蓝海物流"], "撤销"),
    ("visited Tanner & Co and Ridgeway Foods, both want the spring catalogue", ["Tanner & Co", "Ridgeway Foods"],
     "undo"),
]


@pytest.mark.parametrize("text, name", [
    ("Grist & Co, manager Lou, wants 2000 lids a month, sent price list, follow up mon", "Grist & Co"),
    ("Beale & Sons rang, want a quote for 40 aprons", "Beale & Sons"),
])
async def test_a_name_with_and_co_is_one_customer(bot, store, engine, text, name):
    """"& Co", "& Sons" belong to the name: one customer, never a second one called "Co" (trial: every "X & Co"
    made a junk customer "Co" that later notes could match)."""
    reply = await bot.say(text)
    assert reply.wrote, reply.text
    assert [c.name for c in store.rows(select(Customer))] == [name], reply.text


@pytest.mark.parametrize(("text", "names", "undo"), NEW)
async def test_both_customers_are_recorded(bot, store, engine, text, names, undo):
    before = business(engine)
    reply = await bot.say(text)
    assert reply.wrote and all(name in reply.text for name in names), reply.text
    customers = {c.id: c.name for c in store.rows(select(Customer))}
    assert sorted(customers.values()) == sorted(names), customers
    visited = {customers[i.customer_id] for i in store.rows(select(Interaction))}
    assert visited == set(names), visited
    people = {customers[c.customer_id] for c in store.rows(select(Contact))}
    assert people <= {names[0]}, people
    amounts = {customers[d.customer_id]: d.amount_minor for d in store.rows(select(Deal)) if d.amount_minor}
    assert set(amounts) <= {names[0]}, amounts
    await bot.say(undo)
    assert difference(before, business(engine)) == []


async def test_two_known_customers_in_lower_case(bot, store, engine):
    store.add_customers("Initrode", "Vandelay Imports", "Kessler Labs")
    await bot.say("met Ann at Kessler Labs")
    before = business(engine)
    reply = await bot.say("initrode and vandelay imports both asked for the new price list, emailed it to both")
    assert "Initrode" in reply.text and "Vandelay Imports" in reply.text and "Kessler" not in reply.text, reply.text
    customers = {c.id: c.name for c in store.rows(select(Customer))}
    emailed = sorted(customers[i.customer_id] for i in store.rows(select(Interaction)) if i.channel == "email")
    assert emailed == ["Initrode", "Vandelay Imports"], emailed
    await bot.say("undo")
    assert difference(before, business(engine)) == []


async def test_a_person_after_and_is_no_customer(bot, store):
    await bot.say("met Maria Lopez and Tom Hardy at Globex")
    assert [c.name for c in store.rows(select(Customer))] == ["Globex"]
