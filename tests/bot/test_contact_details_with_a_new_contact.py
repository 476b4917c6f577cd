"""A new contact given with their phone, e-mail or title in the same few words ("umbrella: jill's mobile
07700 900123", "Вектор: Ольга, моб. +7 912 000-11-22", "sarah lee purchasing", "王丽 采购经理") is created
with them, and the reply says so; undo takes the contact back exactly; another team sees none of it."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.adapters.console import Console
from storage.models import Contact, Customer
from tests.bot.conftest import let_in
from tests.bot.records import business, difference

# (the note, the contact's name, phone, e-mail, role, what the reply shows)
NOTES = [
    ("soylent: ben's mobile 07911 123456", "ben", "07911 123456", None, None, "07911 123456"),
    ("Initech - new contact Bob Smith, cell 555-0142", "Bob Smith", "555-0142", None, None, "555-0142"),
    ("new contact at Hooli - priya, priya@hooli.com", "priya", None, "priya@hooli.com", None, "priya@hooli.com"),
    ("Гранит: Пётр, моб. +7 903 111-22-33", "Пётр", "+7 903 111-22-33", None, None, "+7 903 111-22-33"),
    ("华彩科技：联系人李娜，手机13912345678", "李娜", "13912345678", None, None, "13912345678"),
    ("initech site visit, karen hill procurement, wants a demo", "karen hill", None, None, "procurement",
     "procurement"),
    ("initech site visit, karen procurement, wants a demo", "karen", None, None, "procurement", "procurement"),
    ("hooli lunch w/ peter gregory cfo", "peter gregory", None, None, "cfo", "cfo"),
    ("Встреча в Граните, Анна Кузнецова главбух, бюджет есть", "Анна Кузнецова", None, None, "главбух", "главбух"),
    ("华彩科技拜访，张伟 财务总监，下周报价", "张伟", None, None, "财务总监", "财务总监"),
]


@pytest.mark.parametrize("text, name, phone, email, role, shown", NOTES)
async def test_a_new_contact_keeps_what_was_given_with_it(bot, store, engine, text, name, phone, email, role, shown):
    store.add_customers("Hooli", "Initech", "Гранит", "华彩科技")
    before = business(engine)
    reply = await bot.say(text)
    assert reply.wrote and shown in reply.text and name in reply.text
    [contact] = store.rows(select(Contact))
    assert (contact.name.lower(), contact.phone, contact.email) == (name.lower(), phone, email)
    if role:
        assert contact.role and contact.role.lower() == role
    await bot.say({"ru": "отмена", "zh": "撤销"}.get(reply.lang, "undo"))
    assert difference(before, business(engine)) == []


async def test_another_team_never_sees_the_contact(crm, engine, store):
    let_in(engine, "console", "anna", "Anna", "admin")
    let_in(engine, "console", "dora", "Dora", "rep", team="teamb")
    anna, dora = Console(crm, user="anna", name="Anna"), Console(crm, user="dora", name="Dora")
    await anna.say("soylent: ben's mobile 07911 123456")
    reply = await dora.say("what do we know about soylent")
    assert "07911" not in reply.text and "ben" not in reply.text.lower().split()
    reply = await dora.say("07911 123456")
    assert "ben" not in reply.text.lower().split()


async def test_a_new_contact_at_a_company_in_lower_case_is_filed_there_not_under_the_last_note(bot, store):
    await bot.say("Visited Umbrella, sent the deck")
    reply = await bot.say("new contact at soylent - raj, raj@soylent.com")
    assert "soylent" in reply.text.lower() and "raj@soylent.com" in reply.text
    [contact] = store.rows(select(Contact))
    assert contact.name.lower() == "raj" and contact.email == "raj@soylent.com"
    [umbrella_id] = store.rows(select(Customer.id).where(Customer.name == "Umbrella"))
    assert contact.customer_id != umbrella_id
