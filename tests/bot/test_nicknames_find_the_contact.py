"""A known contact's nickname or short form, and a customer's old name cut short, find them instead of making a
duplicate (trial: "Big T" for Big Tony of Tony's Diner became a new customer with a won deal, "老张" after
"张总（老张）" a second contact, "из ЗапСиба" after ЗапСибНефтехим was renamed a second customer). When unsure
the bot asks with buttons: the candidates, the new customer, cancel. A nickname in brackets is kept with the contact."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models import Contact, Customer, Deal
from tests.bot.records import business, difference


@pytest.mark.parametrize("first, nickname, later, stored, undo", [
    ("上海振华重工 的张总（老张）加了我微信，说有个码头项目，预算300万左右", "老张",
     "老张的电话 13801234567", "张总（老张）", "撤销"),
    ("Встретился в Сибметалле с Андреем (Дрон), просят КП на 2 млн", "Дрон",
     "у Дрона телефон +7 913 555-20-10", "Андрей (Дрон)", "отмена"),
    ("Met Robert Hale (Bobby) at Oakline Foods, quote £4,000", "Bobby",
     "Bobby's mobile is 07700 900456", "Robert Hale (Bobby)", "undo"),
])
async def test_a_bracketed_nickname_finds_its_contact(bot, engine, store, clock, first, nickname, later, stored, undo):
    assert (await bot.say(first)).wrote
    assert [c.name for c in store.rows(select(Contact))] == [stored]
    clock.advance(hours=2)                       # the last note's customer is no longer in focus
    before = business(engine)
    reply = await bot.say(later)
    assert reply.wrote, reply.text
    [contact] = store.rows(select(Contact))
    assert contact.phone and store(Customer) == 1, reply.text
    await bot.say(undo)
    assert difference(before, business(engine)) == []


@pytest.mark.parametrize("first, later, customer, undo", [
    ("Big Tony from Tony's Diner rang, wants 500 placemats a month, ~£450/month", "Big T says the placemats deal is on",
     "Tony's Diner", "undo"),
    ("Созвонился с Павлом Егоровым из Техноресурса, КП на 900 тыс", "Павел Е. говорит, что директор одобрил",
     "Техноресурс", "отмена"),
    ("拜访了鼎盛机电 采购部的钱晓峰，报价15万", "钱总说预算批下来了", "鼎盛机电", "撤销"),
])
async def test_a_short_form_of_a_contact_makes_no_customer(bot, engine, store, clock, first, later, customer,
                                                                    undo):
    assert (await bot.say(first)).wrote
    clock.advance(hours=2)
    before = business(engine)
    reply = await bot.say(later)
    assert customer in reply.text and store(Customer) == 1, reply.text
    if not reply.wrote:                          # asked: the contact's customer (a new one when named), cancel
        assert len(reply.choices) >= 2, reply.text
        reply = await bot.say("1")
    assert reply.wrote and store(Customer) == 1, reply.text
    await bot.say(undo)
    assert difference(before, business(engine)) == []


@pytest.mark.parametrize("first, rename, later, renamed", [
    ("Был в ЗапСибНефтехиме, КП на 5 млн", "переименуй ЗапСибНефтехим в СИБУР Тобольск",
     "Андрей из ЗапСиба подтвердил, подпишут 24-го", "СИБУР Тобольск"),
    ("Visited Northgatewell Logistics, quote 30k", "rename Northgatewell Logistics to NGW Group",
     "call with Northgate about the renewal, they sign friday", "NGW Group"),
])
async def test_a_short_form_of_an_old_name_is_asked_about(bot, store, clock, first, rename, later, renamed):
    assert (await bot.say(first)).wrote
    assert (await bot.say(rename)).wrote
    clock.advance(hours=2)
    reply = await bot.say(later)
    assert not reply.wrote and renamed in reply.text, reply.text
    assert store(Customer) == 1 and store(Deal) == 1
