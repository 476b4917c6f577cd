"""A customer asking for our quote ("Brixton Tools called asking for our quote", "Кварц звонил, просят наше КП",
"蓝桥科技 刘经理来电 问我们的报价") opens no deal at the proposal stage: a quote asked for is not a quote sent.
Undo takes the note back."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models import Deal
from storage.vocabulary import Stage
from tests.bot.records import business, difference

CASES = [
    ("Brixton Tools called asking for our quote, need to send it by wednesday", "undo"),
    ("Кварц звонил, просят наше КП, отправить до среды", "отмена"),
    ("蓝桥科技 刘经理来电 问我们的报价 下周三之前给他发方案", "撤销"),
]


@pytest.mark.parametrize(("text", "undo"), CASES)
async def test_a_quote_asked_for_is_not_a_proposal(bot, store, engine, text, undo):
    store.add_customers("Brixton Tools", "Кварц", "蓝桥科技")
    before = business(engine)
    reply = await bot.say(text)
    assert reply.wrote, reply.text
    assert all(d.stage != Stage.PROPOSAL for d in store.rows(select(Deal))), reply.text
    await bot.say(undo)
    assert difference(before, business(engine)) == []


async def test_our_quote_sent_is_still_a_proposal(bot, store):
    store.add_customers("蓝桥科技")
    await bot.say("蓝桥科技 我们的报价12万发过去了")
    [deal] = store.rows(select(Deal))
    assert deal.stage == Stage.PROPOSAL
