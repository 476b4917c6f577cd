"""A recap naming several customers in turn ("eod: hooli - sent quote 12k; initech - no answer",
"итоги: Вектор подписал 1,2 млн; Альтаир — встреча в четверг", "今天：星辰科技 签了 30万；蓝海物流 没人接")
is filed under the first customer, with its words kept whole and only that customer's deal moved; the
others get nothing, and undo takes the note back exactly."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models import Customer, Deal, Interaction, Note

KNOWN = ("Hooli", "Initech", "Вектор", "Альтаир", "星辰科技", "蓝海物流", "Globex")
CASES = [("eod: hooli - sent quote 12k; initech - no answer, try thurs", "Hooli", 1_200_000),
         ("итоги: Вектор подписал 1,2 млн; Альтаир — встреча в четверг", "Вектор", 120_000_000),
         ("今天：星辰科技 签了 30万；蓝海物流 没人接", "星辰科技", 30_000_000)]


@pytest.mark.parametrize(("text", "customer", "minor"), CASES)
async def test_a_recap_is_the_first_customers_note(bot, store, text, customer, minor):
    store.add_customers(*KNOWN)
    assert (await bot.say("Visited Globex, sent quote 42k")).wrote
    reply = await bot.say(text)
    assert reply.wrote and customer in reply.text, reply.text
    named = {c.id: c.name for c in store.rows(select(Customer))}
    last = store.rows(select(Note).order_by(Note.id.desc()))[0]
    assert named[last.customer_id] == customer and last.text == text
    deals = {named[d.customer_id]: d.amount_minor for d in store.rows(select(Deal))}
    assert set(deals) == {"Globex", customer} and deals[customer] == minor, deals
    touched = {named[i.customer_id] for i in store.rows(select(Interaction))}
    assert touched <= {"Globex", customer}
    await bot.say("undo")
    assert {named[d.customer_id] for d in store.rows(select(Deal))} == {"Globex"}
