"""A loss taken back ("back on", "not lost, they came back", "还没丢", "не проиграли") reopens the lost deal at
the stage said, or the one it had before: never a second deal beside it; the lost-reasons report no longer
counts it, and undo gives the lost deal back exactly. A new order from a customer lost long ago opens a new deal."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models import Deal
from tests.bot.records import business, difference

CASES = [
    ("Visited Pinecrest Dairy, quoted $18k for the chiller, they're negotiating", "pinecrest dairy lost, price",
     "Pinecrest Dairy is back on, they want the chiller after all", "negotiation", "undo"),
    ("Pinecrest Dairy - qualified, budget $9k", "Pinecrest Dairy: lost it, went with a rival",
     "Pinecrest Dairy not lost actually, they came back, still qualified, call them friday", "qualified", "undo"),
    ("拜访了恒源餐饮，报价6万", "恒源餐饮丢单了，价格太高", "恒源餐饮还没丢，客户又回来了", "proposal", "撤销"),
    ("Был в Северхлебе, отправил КП на 700 тыс", "Северхлеб проиграли, дорого",
     "Северхлеб не проиграли, они вернулись, перезвонить в пн", "proposal", "отмена"),
]


@pytest.mark.parametrize(("note", "lost", "back", "stage", "undo"), CASES)
async def test_a_loss_taken_back_reopens_the_lost_deal(bot, store, engine, clock, note, lost, back, stage, undo):
    assert (await bot.say(note)).wrote
    clock.advance(hours=2)
    assert (await bot.say(lost)).wrote
    [deal] = store.rows(select(Deal))
    assert deal.stage == "lost"
    before = business(engine)
    clock.advance(hours=3)
    reply = await bot.say(back)
    assert reply.wrote, reply.text
    [deal] = store.rows(select(Deal))                     # the one deal, never a second
    assert (deal.stage, deal.closed_at, deal.lost_reason) == (stage, None, None), reply.text
    await bot.say(undo)
    assert difference(before, business(engine)) == []


async def test_the_lost_reasons_report_no_longer_counts_it(bot, store, clock):
    await bot.say("Visited Pinecrest Dairy, quoted $18k for the chiller")
    await bot.say("pinecrest dairy lost, price")
    assert "1 deal" in (await bot.say("lost reasons this quarter")).text
    await bot.say("Pinecrest Dairy back on, still proposal")
    assert "1 deal" not in (await bot.say("lost reasons this quarter")).text


async def test_a_new_order_from_a_customer_lost_long_ago_opens_a_new_deal(bot, store, clock):
    await bot.say("Visited Pinecrest Dairy, quoted $18k for the chiller")
    await bot.say("pinecrest dairy lost, price")
    clock.advance(days=200)
    reply = await bot.say("Pinecrest Dairy came back, new order for two freezers, $7,000")
    assert reply.wrote, reply.text
    stages = sorted(str(d.stage) for d in store.rows(select(Deal)))
    assert stages == ["lead", "lost"] or stages == ["lost", "proposal"], reply.text
