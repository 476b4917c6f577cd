"""A known contact named in another case or as written finds that contact and his customer, even right after a note
about another customer (trial: "Позвонил Гаврилову, … по лоту 2 …" was asked about as a new customer "По",
"созвонился с Колей" as a customer "Колей", "刘工的手机是…" filed at the last note's customer). A first name or
a surname with a title alone may also be someone new at the last note's customer: then both are offered. Undo is
exact."""
from __future__ import annotations

import pytest
from storage.models import Contact, Customer
from tests.bot.records import business, difference


@pytest.mark.parametrize("first, other, later, customer, undo", [
    ("Был в Химпроекте, главный инженер Олег Витальевич Сафронов, КП на 1,2 млн",
     "Звонил в Тагилстрой, ждут договор", "Набрал Сафронову, по допсоглашению всё ок, подпишут в среду",
     "Химпроект", "отмена"),
    ("Встреча в Агроснабе, Коля из закупок просит прайс", "Звонил в Тагилстрой, ждут договор",
     "созвонился с Колей, прайс получил, ждут счёт", "Агроснаб", "отмена"),
    ("拜访了常州恒力机械，采购部刘工说要20台电机", "给无锡华光电气打了电话，老周不在",
     "刘工的手机是13912340000，他是采购部主管", "常州恒力机械", "撤销"),
    ("Met Dana Whitlock at Kestrel Tooling, wants a demo", "Called Initech, no answer",
     "Talked to Whitlock again, demo booked for Tuesday", "Kestrel Tooling", "undo"),
])
async def test_the_person_finds_his_customer(bot, engine, store, first, other, later, customer, undo):
    assert (await bot.say(first)).wrote
    assert (await bot.say(other)).wrote
    contacts, customers = store(Contact), store(Customer)
    before = business(engine)
    reply = await bot.say(later)
    if not reply.wrote:             # a first name or 刘工 alone may be someone new at the last note's customer: asked
        assert customer in reply.text and not any("pick:new" in c.data for c in reply.choices), reply.text
        reply = await bot.say(customer)
    assert reply.wrote and customer in reply.text, reply.text
    assert (store(Contact), store(Customer)) == (contacts, customers), reply.text
    await bot.say(undo)
    assert difference(before, business(engine)) == []
