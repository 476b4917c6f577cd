"""A bid security we pay or a competitor's price never becomes the deal: no win, no new amount, the words kept in
the history, and undo exact (trial: "оплатили обеспечение 420 тыс" won a tender on the leaderboard)."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models import Deal
from tests.bot.records import business, difference


@pytest.mark.parametrize("first, note, undo", [
    ("Был в Кварце, КП на 7,6 млн", "оплатили обеспечение 380 тыс по Кварцу", "отмена"),
    ("Visited Harlow Clinic, sent the quote for $14,500", "Harlow Clinic: a competitor quoted them $12k", "undo"),
    ("拜访了华彩科技，报价12万", "华彩科技 交了投标保证金5000", "撤销"),
])
async def test_the_deal_keeps_its_stage_and_amount(bot, store, engine, first, note, undo):
    assert (await bot.say(first)).wrote
    [deal] = store.rows(select(Deal))
    before = business(engine)
    reply = await bot.say(note)
    assert reply.wrote, reply.text
    [after] = store.rows(select(Deal))
    assert (after.stage, after.amount_minor) == (deal.stage, deal.amount_minor), reply.text
    await bot.say(undo)
    assert difference(before, business(engine)) == []
