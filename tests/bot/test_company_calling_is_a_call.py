"""A customer calling us ("Summit called", "Hooli rang about pricing", "got a call from Initech",
"звонили из Вектора", "Альтаир звонил", "星辰科技打来电话", "华信科技来电话了") is a call on that
customer, never a meeting, and never filed under the customer of the note before."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models import Customer, Interaction

KNOWN = ("Summit Labs", "Hooli", "Initech", "Вектор", "Альтаир", "星辰科技", "华信科技", "Globex")
CASES = [("Summit Labs called, they want a demo", "Summit Labs"), ("Hooli rang about pricing", "Hooli"),
         ("got a call from Initech this morning", "Initech"), ("звонили из Вектора, просят КП", "Вектор"),
         ("Альтаир звонил, ждут договор", "Альтаир"), ("星辰科技打来电话，要报价", "星辰科技"),
         ("华信科技来电话了，问交期", "华信科技")]


@pytest.mark.parametrize(("text", "customer"), CASES)
async def test_a_customer_that_called_us_is_a_call_on_that_customer(bot, store, text, customer):
    store.add_customers(*KNOWN)
    assert (await bot.say("Visited Globex, sent quote 42k")).wrote
    reply = await bot.say(text)
    assert reply.wrote and customer in reply.text, reply.text
    named = {c.id: c.name for c in store.rows(select(Customer))}
    last = store.rows(select(Interaction).order_by(Interaction.id.desc()))[0]
    assert (named[last.customer_id], last.channel) == (customer, "call")
