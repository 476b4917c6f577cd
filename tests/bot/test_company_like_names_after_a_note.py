"""A note right after another customer's that names an unknown company whose name can only be a
company's (a legal form or a company word in it, a part only company names are made of, a word no
language has) makes that company the new customer at once, with undo, in three languages; a name
close to a known customer's is still asked about, with buttons, and the note kept."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.adapters.console import Console
from storage.models import Customer, Note
from tests.bot.conftest import let_in
from tests.bot.records import business, difference

CASES = [
    ("Visited Initech, sent quote 20k", "Brookfield Freight GmbH called, they want a demo", "Brookfield Freight GmbH",
     "undo"),
    ("Visited Initech, sent quote 20k", "QuantaSoft rang, want pricing for 40 seats", "QuantaSoft", "undo"),
    ("Был в Векторе, отправил КП", "Сибнефтегаз звонили, просят КП на 200 тыс", "Сибнефтегаз", "отмена"),
    ("Был в Векторе, отправил КП", "Волгоэнергострой звонил, хотят встречу в пятницу", "Волгоэнергострой", "отмена"),
    ("拜访了星辰科技，报价12万", "蓝鲸数据科技有限公司 拜访，聊得不错", "蓝鲸数据科技有限公司", "撤销"),
]


@pytest.mark.parametrize("first, note, new, undo", CASES)
async def test_a_company_like_name_is_the_new_customer_at_once_and_undo_takes_it_back(bot, store, engine,
                                                                                      first, note, new, undo):
    await bot.say(first)
    before = business(engine)
    reply = await bot.say(note)
    assert reply.wrote and new in reply.text and not [c for c in reply.choices if c.data.startswith("pick:")]
    assert new in store.rows(select(Customer.name))
    [last] = store.rows(select(Note).order_by(Note.id.desc()).limit(1))
    [customer_id] = store.rows(select(Customer.id).where(Customer.name == new))
    assert last.customer_id == customer_id
    await bot.say(undo)
    assert difference(before, business(engine)) == []


async def test_a_name_close_to_a_known_one_is_still_asked_about(bot, store):
    store.add_customers("Northwind Traders")
    await bot.say("Visited Northwind Traders, sent the quote")
    reply = await bot.say("Visited Northwind Foods Ltd, met Ann Kay")
    assert not reply.wrote and any(c.data.startswith("pick:") for c in reply.choices)
    assert store.rows(select(Customer.name)) == ["Northwind Traders"]


async def test_another_team_never_sees_the_new_customer(crm, engine, store):
    let_in(engine, "console", "anna", "Anna", "admin")
    let_in(engine, "console", "dora", "Dora", "rep", team="teamb")
    anna, dora = Console(crm, user="anna", name="Anna"), Console(crm, user="dora", name="Dora")
    await anna.say("Visited Initech, sent quote 20k")
    await anna.say("Brookfield Freight GmbH called, they want a demo")
    reply = await dora.say("what do we know about Brookfield Freight GmbH")
    assert "demo" not in reply.text and not reply.wrote
