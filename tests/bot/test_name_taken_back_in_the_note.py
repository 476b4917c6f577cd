"""A rep who names one customer and takes it back in the same message for another ("hooli emailed,
they want a call. wait no that was initech", "был в Векторе, ой нет, это не им, это Альтаиру",
"拜访了星辰科技 不对，是蓝海物流") gets the note filed under the last one named, never the one taken back."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models import Customer, Deal, Note

KNOWN = ("Hooli", "Initech", "Вектор", "Альтаир", "星辰科技", "蓝海物流", "Globex")
CASES = [("hooli emailed, they're going with someone else. wait no that was initech", "Initech"),
         ("Sent the proposal to Hooli, 12k. oops, it was for Initech", "Initech"),
         ("отправила кп в Вектор, 1 780 000. ой нет, это не им, это Альтаиру", "Альтаир"),
         ("звонил в Вектор, стоп, нет, это был Альтаир, ждут договор", "Альтаир"),
         ("拜访了星辰科技 不对，是蓝海物流，报价5万", "蓝海物流"),
         ("给星辰科技打了电话，说错了，是蓝海物流，周五跟进", "蓝海物流")]


@pytest.mark.parametrize(("text", "customer"), CASES)
async def test_the_last_customer_named_in_place_of_another_gets_the_note(bot, store, text, customer):
    store.add_customers(*KNOWN)
    assert (await bot.say("Visited Globex, sent quote 42k")).wrote
    reply = await bot.say(text)
    assert reply.wrote and customer in reply.text, reply.text
    named = {c.id: c.name for c in store.rows(select(Customer))}
    last = store.rows(select(Note).order_by(Note.id.desc()))[0]
    assert named[last.customer_id] == customer
    deals = {named[d.customer_id] for d in store.rows(select(Deal))}
    assert deals <= {"Globex", customer}, deals
