"""A company written in lower case after "with" ("had a call with vandelay, they want a demo") or between 和/跟
and a verb of talking ("和蓝海沟通了一下") is asked about with buttons, never filed under the last note's customer;
a person after "with" ("had a call with maria") is not asked about."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models import Interaction
from tests.bot.records import business, difference

ASKED = [
    ("had a call with ravenholt, they want a demo next week", "ravenholt", "cancel"),
    ("lunch with ravenholt today, they liked the samples", "ravenholt", "cancel"),
    ("和蓝湾沟通了一下，他们要样品", "蓝湾", "取消"),
    ("созвонился с равенхолтом, просят КП", "Равенхолт", "отмена"),
]


@pytest.mark.parametrize(("text", "name", "cancel"), ASKED)
async def test_a_lower_case_company_is_asked_about(bot, store, engine, text, name, cancel):
    store.add_customers("Brixton Tools")
    await bot.say("Visited Brixton Tools, met Maria")
    before = business(engine)
    reply = await bot.say(text)
    assert not reply.wrote and name in reply.text and reply.choices, reply.text
    assert difference(before, business(engine)) == []
    await bot.say(cancel)
    assert difference(before, business(engine)) == []


@pytest.mark.parametrize("text", ["had a call with maria, she wants a demo", "跟王总沟通了一下，他们要样品"])
async def test_a_person_after_with_is_the_last_customers(bot, store, text):
    store.add_customers("Brixton Tools")
    await bot.say("Visited Brixton Tools, met Maria")
    reply = await bot.say(text)
    assert reply.wrote and "Brixton Tools" in reply.text, reply.text
    assert {i.customer_id for i in store.rows(select(Interaction))} == {1}
