"""A contact's title, phone or e-mail said plainly ("dan's title is plant manager", "ana ruiz is the
COO at pell", "должность Смирновой — финансовый директор", "刘工的手机是…") lands on that contact:
the person named, at the customer they work at, never the last note's contact; with before → after
when it replaces a value; the full name kept ("dan weir (plant manager)" is Dan Weir, not "weir");
an address given is no e-mail sent; a fact with nobody to give it to is said, not silently dropped."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models import Contact, Customer, Interaction


def _people(store) -> dict[str, tuple[str, str | None, str | None, str | None]]:
    names = {c.id: c.name for c in store.rows(select(Customer))}
    return {c.name: (names[c.customer_id], c.role, c.phone, c.email) for c in store.rows(select(Contact))}


async def _two_customers(bot, clock) -> None:
    await bot.say("Visited Harbor Foods, met Dan Weir, they need 40 pallets")
    clock.advance(minutes=5)
    await bot.say("Called Pell Logistics, spoke with Ana Ruiz, quote 12k")
    clock.advance(minutes=5)


async def test_a_named_contacts_phone_goes_to_them_not_to_the_last_notes_contact(bot, store, clock):
    await _two_customers(bot, clock)
    reply = await bot.say("dan weir phone 555-201-7788, he's the plant manager")
    assert reply.wrote and "Harbor Foods" in reply, reply.text
    people = _people(store)
    assert people["Dan Weir"] == ("Harbor Foods", "plant manager", "555-201-7788", None)
    assert people["Ana Ruiz"] == ("Pell Logistics", None, None, None)     # the last note's contact untouched
    await bot.press(reply.undo_token)
    assert _people(store)["Dan Weir"] == ("Harbor Foods", None, None, None)


@pytest.mark.parametrize("text, who, role", [
    ("ana's title is logistics director", "Ana Ruiz", "logistics director"),
    ("pell - ana's role: head of procurement", "Ana Ruiz", "head of procurement"),
    ("Ana Ruiz is the COO at Pell Logistics", "Ana Ruiz", "COO"),
    ("dan weir's title is ops mgr, his cell 555 201 7788", "Dan Weir", "ops mgr"),
    ("Weir is the plant manager", "Dan Weir", "plant manager"),
])
async def test_a_title_said_plainly_is_kept_on_that_contact(bot, store, clock, text, who, role):
    await _two_customers(bot, clock)
    before = _people(store)
    reply = await bot.say(text)
    assert reply.wrote and "📝" not in reply.text, reply.text
    assert _people(store)[who][1] == role
    assert len(_people(store)) == 2                                        # no second Ana, no "ruiz"
    await bot.press(reply.undo_token)
    assert _people(store) == before


async def test_a_new_title_shows_before_and_after_and_the_same_one_changes_nothing(bot, store, clock):
    await _two_customers(bot, clock)
    await bot.say("ana's title is CTO")
    reply = await bot.say("ana ruiz is the CFO at pell logistics")
    assert "CTO → CFO" in reply.text, reply.text
    again = await bot.say("ana ruiz is the CFO at pell logistics")
    assert "already" in again.text and "📝" not in again.text, again.text
    assert store(Interaction, Interaction.channel == "note") == 0          # a fact is no activity of the rep


async def test_russian_titles_and_phones_said_plainly(bot, store, clock):
    await bot.say("Была в Кедровом Бору, встретилась со Смирновой Ольгой, главбух")
    clock.advance(minutes=5)
    reply = await bot.say("её должность финансовый директор")
    assert "главбух → финансовый директор" in reply.text, reply.text
    clock.advance(minutes=5)
    await bot.say("Звонил в Альтаир, говорил с Петром Орловым")
    clock.advance(minutes=5)
    reply = await bot.say("должность Смирновой — коммерческий директор")
    assert reply.wrote and "Смирнова Ольга" in reply.text, reply.text
    reply = await bot.say("телефон Смирновой +7 912 345-67-89")
    assert reply.wrote, reply.text
    people = _people(store)
    assert people["Смирнова Ольга"][1:3] == ("коммерческий директор", "+7 912 345-67-89")
    assert [v[1:3] for k, v in people.items() if k != "Смирнова Ольга"] == [(None, None)]   # Пётр Орлов untouched
    assert len(people) == 2
    await bot.press(reply.undo_token)
    assert _people(store)["Смирнова Ольга"][2] is None


async def test_chinese_phones_and_titles_said_plainly(bot, store, clock):
    await bot.say("拜访了鼎盛物流，见了刘工")
    clock.advance(minutes=5)
    await bot.say("给华彩科技打了电话，跟王芳聊了报价")
    clock.advance(minutes=5)
    reply = await bot.say("刘工的手机是13912345678")      # 刘工 of the customer before: which one is asked
    assert not reply.wrote and "鼎盛物流" in reply and "华彩科技" in reply, reply.text
    reply = await bot.say("鼎盛物流")
    assert reply.wrote, reply.text
    reply = await bot.say("刘工的职位是技术总监")
    assert reply.wrote, reply.text
    people = _people(store)
    assert people["刘工"] == ("鼎盛物流", "技术总监", "13912345678", None)
    assert people["王芳"][1:3] == (None, None)


@pytest.mark.parametrize("text", ["harbor: dan weir cell 555-201-7788", "dan weir at harbor mobile 555-201-7788",
                                  "weirs cell is 555-201-7788", "Dan Weir mob. 555-201-7788"])
async def test_cell_and_mobile_are_a_phone(bot, store, clock, text):
    await _two_customers(bot, clock)
    reply = await bot.say(text)
    assert reply.wrote and "📝" not in reply.text, reply.text
    assert _people(store)["Dan Weir"][2] == "555-201-7788"


@pytest.mark.parametrize("text, name", [
    ("called harbor again, dan weir (plant manager) 555-201-7788, wants a price for 50 units", "Dan Weir"),
    ("visited pell, met their buyer, jessica lane (purchasing manager)", "jessica lane"),
])
async def test_a_contacts_full_name_is_kept(bot, store, clock, text, name):
    await _two_customers(bot, clock)
    await bot.say(text)
    people = _people(store)
    assert name in people, people
    assert not any(len(n.split()) == 1 for n in people), people            # no "weir", no "ortega"


async def test_an_address_given_is_no_email_sent(bot, store, clock):
    await _two_customers(bot, clock)
    reply = await bot.say("anas email is ana.ruiz@pell-logistics.com")
    assert reply.wrote and "Pell Logistics" in reply, reply.text
    assert _people(store)["Ana Ruiz"][3] == "ana.ruiz@pell-logistics.com"
    assert store(Interaction, Interaction.channel == "email") == 0
    report = await bot.say("what did I do this week")
    assert "email" not in report.text.lower(), report.text


async def test_a_first_name_known_at_another_customer_is_asked_about_then_kept(bot, store, clock):
    await _two_customers(bot, clock)
    reply = await bot.say("dan's cell is 555 201 7788")           # a Dan at Harbor Foods, or a new one at Pell?
    assert not reply.wrote and "Harbor Foods" in reply and "Pell Logistics" in reply, reply.text
    reply = await bot.say("Harbor Foods")
    assert reply.wrote and _people(store)["Dan Weir"][2] == "555 201 7788", reply.text


async def test_a_fact_with_nobody_to_give_it_to_is_said(bot, clock):
    await bot.say("Visited Oakridge Dental, quote 5k")
    clock.advance(minutes=5)
    reply = await bot.say("his cell is 555-300-1122")
    assert "whose phone number" in reply.text, reply.text
