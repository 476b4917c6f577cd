"""A company the bot does not know, named as the one who got in touch ("Summit called, want pricing",
"顶峰科技打来电话", "звонили из Саммита"), after a note about another customer, is never filed under
that other customer: it is asked about (new customer X / the last customer / cancel) or recorded as
the new customer; a person who called ("Maria called") stays a note on the last customer."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from handlers.ask import NEW, PICK
from storage.models import Customer, Interaction

CASES = [("Visited Globex, sent quote 42k", "Summit called, want pricing", "Summit"),
         ("Visited Globex, sent quote 42k", "Acadia emailed back, they need the spec sheet", "Acadia"),
         ("拜访了星辰科技，报价12万", "顶峰科技打来电话，要报价", "顶峰科技"),
         ("Был у Вектора, КП на 1 млн", "звонили из Саммита, хотят цены", "Саммит")]


@pytest.mark.parametrize(("first", "note", "name"), CASES)
async def test_a_company_that_called_is_never_filed_under_the_last_customer(bot, store, first, note, name):
    assert (await bot.say(first)).wrote
    [last] = store.rows(select(Customer))
    reply = await bot.say(note)
    if not reply.wrote:                                      # asked: new customer, the last one, or cancel
        labels = [c.label for c in reply.choices]
        assert any(name in label for label in labels) and any(last.name in label for label in labels), labels
        assert f"{PICK}:cancel" in [c.data for c in reply.choices]
        reply = await bot.press(f"{PICK}:{NEW}")
    assert reply.wrote and name in reply.text, reply.text
    [new] = store.rows(select(Customer).where(Customer.name == name))
    assert store(Interaction, Interaction.customer_id == last.id) == 1
    assert store(Interaction, Interaction.customer_id == new.id) == 1


async def test_a_person_who_called_is_a_note_on_the_last_customer(bot, store):
    await bot.say("Visited Globex, met Maria Lopez, sent quote 42k")
    reply = await bot.say("Maria called, wants pricing")
    assert reply.wrote and "Globex" in reply.text, reply.text
    assert [c.name for c in store.rows(select(Customer))] == ["Globex"]
