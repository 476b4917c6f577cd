"""A note about a company a known customer referred us to, or a partner's end customer, is filed under
that company, never under the referrer or the partner ("远航物流介绍了一家叫鼎泰餐饮集团的",
"Halden Freight referred us to Larkspur Dental", "跟分销商远景科技去见了终端客户华盛制药"); undo gives the
store back exactly."""
from __future__ import annotations

import pytest
from sqlmodel import Session, select

from storage.models import Customer
from tests.bot.conftest import Clock, bot, clock, crm, settings, store  # noqa: F401  (the chat fixtures)
from tests.bot.records import business, difference


def customers(engine) -> list[str]:
    with Session(engine) as s:
        return [c.name for c in s.exec(select(Customer).order_by(Customer.id)).all()]


@pytest.mark.parametrize("note, customer", [
    ("远航物流介绍了一家叫鼎泰餐饮集团的，做中央厨房，下周见面聊", "鼎泰餐饮集团"),
    ("Halden Freight referred us to Larkspur Dental, called their office manager, wants a quote", "Larkspur Dental"),
    ("跟分销商远景科技一起去拜访了终端客户华盛制药，他们要上MES，预算120万", "华盛制药"),
])
async def test_the_note_is_filed_under_the_company_it_is_about(bot, engine, store, note, customer):
    store.add_customers("远航物流有限公司", "Halden Freight")
    snapshot = business(engine)
    reply = await bot.say(note)
    if not reply.wrote and reply.choices:       # asked whether it is a new customer: yes
        reply = await bot.press(reply.choices[0].data)
    assert reply.wrote, reply.text
    first = reply.text.splitlines()[0]
    assert customer in first and "远航" not in first and "Halden" not in first and "远景" not in first, reply.text
    assert customers(engine)[-1] == customer
    assert (await bot.say("undo")).wrote
    assert difference(snapshot, business(engine)) == []
