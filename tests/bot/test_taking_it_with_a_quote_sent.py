"""A customer who takes or wants the product while the quote has just gone out ("станок берут, КП выслал",
"they're buying the 5-axis mill, sent the quote", "要那套系统，报价已经发了") moves the deal to the proposal,
never to won; alone, a taking word still wins it ("станок берут"); undo puts the deal back."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models import Deal
from storage.vocabulary import Stage
from tests.bot.records import business, difference

CASES = [
    ("Кронверк: новый лид, станок, 900 тыс", "Кронверк: станок берут, КП выслал вчера", "отмена"),
    ("Bayside Tools: new lead, 5-axis mill, 90k", "Bayside Tools: they're buying the 5-axis mill, sent the quote",
     "undo"),
    ("新客户 盛达机械 线索 一套系统 30万", "盛达机械 要那套系统，报价已经发了", "撤销"),
]


@pytest.mark.parametrize(("first", "text", "undo"), CASES)
async def test_the_deal_is_a_proposal_not_won(bot, store, engine, first, text, undo):
    await bot.say(first)
    before = business(engine)
    reply = await bot.say(text)
    [deal] = store.rows(select(Deal))
    assert deal.stage == Stage.PROPOSAL, reply.text
    await bot.say(undo)
    assert difference(before, business(engine)) == []


async def test_taking_it_alone_still_wins(bot, store):
    await bot.say("Кронверк: новый лид, станок, 900 тыс")
    await bot.say("Кронверк: станок берут, договор подписали")
    [deal] = store.rows(select(Deal))
    assert deal.stage == Stage.WON
