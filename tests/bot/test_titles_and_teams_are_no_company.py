"""A job title or a team is never taken for the company: a title set off after a person's name is the
contact's ("met dana reyes, qa engineer, at the expo", "Ольга Ким, программист, просит демо", "李工，开发，要报价"),
a team names its company ("spoke to vandelay dev team", "the IT guys at vandelay", "разработчики из Интеграла",
"蓝海科技的技术团队"), and "spoke to / talked to / chatted with" is a call (a meeting when in person)."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models import Contact, Customer, Interaction
from tests.bot.records import business, difference


@pytest.mark.parametrize(("first", "note", "person", "role"), [
    ("Visited Globex, sent quote 42k", "met dana reyes, qa engineer, at the expo", "dana reyes", "qa engineer"),
    ("Visited Globex, sent quote 42k", "met Bill Lumbergh, software developer, at a meetup", "Bill Lumbergh",
     "software developer"),
    ("Был у Интеграла, отдал КП", "Ольга Ким, программист, просит демо", "Ольга Ким", "программист"),
    ("拜访了蓝海科技，报价12万", "李工，开发，要报价", "李工", "开发"),
])
async def test_a_title_after_a_name_is_the_contacts(bot, store, engine, first, note, person, role):
    assert (await bot.say(first)).wrote
    [last] = store.rows(select(Customer))
    before = business(engine)
    reply = await bot.say(note)
    assert reply.wrote, reply.text
    assert [c.name for c in store.rows(select(Customer))] == [last.name]      # no customer named by the title
    [contact] = store.rows(select(Contact))
    assert (contact.name, contact.role, contact.customer_id) == (person, role, last.id)
    await bot.say("undo")
    assert difference(before, business(engine)) == []


@pytest.mark.parametrize(("first", "note", "name", "channel"), [
    ("Visited Vandelay, sent quote 42k", "spoke to vandelay dev team, they need a demo", "Vandelay", "call"),
    ("Visited Vandelay, sent quote 42k", "chatted with the IT guys at vandelay, want pricing", "Vandelay", "call"),
    ("Visited Vandelay, sent quote 42k", "talked to vandelay's procurement at the expo, they want a quote", "Vandelay",
     "meeting"),
    ("Был у Интеграла, отдал КП", "разработчики из Интеграла просят доступ к API, созвонились", "Интеграл", "call"),
    ("拜访了蓝海科技，报价12万", "和蓝海科技的技术团队通了电话，要演示", "蓝海科技", "call"),
])
async def test_a_team_names_its_company(bot, store, first, note, name, channel):
    assert (await bot.say(first)).wrote
    reply = await bot.say(note)
    assert reply.wrote and name in reply.text, reply.text
    assert [c.name for c in store.rows(select(Customer))] == [name]
    [*_, latest] = store.rows(select(Interaction).order_by(Interaction.id))
    assert latest.channel == channel


async def test_spoke_to_a_new_company_team_is_a_call_with_that_company(bot, store):
    assert (await bot.say("Visited Globex, sent quote 42k")).wrote
    reply = await bot.say("spoke to Initech dev team, need a demo")
    assert reply.wrote and "Initech" in reply.text and "Initech dev" not in reply.text, reply.text
    [new] = store.rows(select(Customer).where(Customer.name == "Initech"))
    assert store(Interaction, Interaction.customer_id == new.id, Interaction.channel == "call") == 1
