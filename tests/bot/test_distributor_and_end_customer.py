"""A distributor and its end customer in one note: the deal and the end customer's people go to the end
customer, the distributor is recorded as its own customer with only its own person, and one undo takes
both back (docs/understanding.md, "A distributor and its end customer")."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models import Contact, Customer, Deal
from tests.bot.records import business, difference

CASES = [
    ("lunch with Dana at Northgate Supply (our distributor) re the Milford Dental refit, 60k, quote by friday",
     "Milford Dental", 60000, "Northgate Supply", "Dana", "undo"),
    ("через дилера Промресурс вышли на Сибтяжмаш, главный технолог Орлов Павел +7 913 222-33-44, хотят линию за 3 млн",
     "Сибтяжмаш", 3000000, "Промресурс", None, "отмена"),
    ("- 和经销商 华盛机电 的孙总喝茶\n- 他们的终端客户 临港重工 要一条产线，大概80万\n- 孙总电话 13500002222",
     "临港重工", 800000, "华盛机电", "孙总", "撤销"),
]


@pytest.mark.parametrize(("text", "end", "amount", "partner", "partners_person", "undo"), CASES)
async def test_the_deal_goes_to_the_end_customer_and_the_partner_keeps_its_own(bot, store, engine, text, end,
                                                                              amount, partner, partners_person, undo):
    before = business(engine)
    reply = await bot.say(text)
    customers = {c.id: c.name for c in store.rows(select(Customer))}
    assert set(customers.values()) == {end, partner}, reply.text
    [deal] = store.rows(select(Deal))
    assert customers[deal.customer_id] == end and deal.amount_minor == amount * 100, reply.text
    contacts = {c.name: customers[c.customer_id] for c in store.rows(select(Contact))}
    if partners_person:
        assert contacts.pop(partners_person) == partner, reply.text
    assert all(owner == end for owner in contacts.values()), reply.text
    assert end in reply.text and partner in reply.text
    await bot.say(undo)
    assert difference(before, business(engine)) == []


async def test_a_note_about_the_distributor_alone_stays_its_own(bot, store):
    store.add_customers("Northgate Supply")
    await bot.say("Northgate Supply (our distributor) wants a 5% better margin next year")
    assert {c.name for c in store.rows(select(Customer))} == {"Northgate Supply"}
