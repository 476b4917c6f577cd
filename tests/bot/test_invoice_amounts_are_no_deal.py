"""An invoice's amount told in a note ("invoice 7730 for 9.5k is overdue", "счёт на 450 тыс так и не оплатили",
"那张发票 8万 还没付") is kept in the note's words and named in the reply: it never opens a deal nor re-prices the
open one; undo takes the note back whole."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models import Deal, Interaction
from tests.bot.records import business, difference

CASES = [
    ("Brixton Tools: upsell opp for the fleet module, 30k", "Brixton Tools: invoice 7730 for 9.5k is overdue", "undo"),
    ("Кварц: новый лид, линия, 900 тыс", "Кварц: счёт на 450 тыс так и не оплатили", "отмена"),
    ("新客户 蓝桥科技 新商机 一条产线 60万", "蓝桥科技 那张发票 8万 还没付", "撤销"),
]


@pytest.mark.parametrize(("first", "text", "undo"), CASES)
async def test_the_open_deal_keeps_its_amount_and_the_words_are_kept(bot, store, engine, first, text, undo):
    await bot.say(first)
    [deal] = store.rows(select(Deal))
    before = business(engine)
    notes = store(Interaction)
    reply = await bot.say(text)
    [after] = store.rows(select(Deal))
    assert after.amount_minor == deal.amount_minor and after.stage == deal.stage, reply.text
    assert store(Interaction) == notes + 1, reply.text
    await bot.say(undo)
    assert difference(before, business(engine)) == []


async def test_an_invoice_of_a_new_customer_opens_no_deal(bot, store):
    reply = await bot.say("Harbor Freight Lines: invoice #5521 for 14k still unpaid, chasing AP")
    assert store(Deal) == 0, reply.text
    assert store(Interaction) == 1, reply.text
