"""A signature date said in passing in a note ("月底签", "合同下周一签", "подпишут в понедельник",
"they'll sign next monday", "signing next monday") is the open deal's expected close, and the conversation stays in the
customer's history; a correction that says it ("ой нет, ещё на переговорах, подпишут в понедельник")
sets it too, before → after. Undo takes each back exactly. The clock: Wed 25 Nov 2026."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from storage.models import Contact, Customer, Deal, FollowUp, Interaction, StageChange

BUSINESS = (Customer, Contact, Deal, FollowUp, Interaction, StageChange)


def _snapshot(store) -> dict:
    return {m.__tablename__: [{c.name: getattr(r, c.name) for c in m.__table__.columns}
                              for r in store.rows(select(m).order_by(m.id))] for m in BUSINESS}


def _deal(store) -> Deal:
    [deal] = store.rows(select(Deal))
    return deal


@pytest.mark.parametrize("first, told, close, said", [
    ("拜访了蓝海物流，报价20万", "蓝海物流 陈总 同意了 合同金额22万 月底签", date(2026, 11, 30), "11月30日"),
    ("拜访了蓝海物流，报价20万", "蓝海 王总说合同下周三签", date(2026, 12, 2), "12月2日"),
    ("была в Гранит-Строе, КП на 1,8 млн", "Гранит-Строй: подпишут в понедельник", date(2026, 11, 30), "30 нояб."),
    ("Visited Pinecrest Dental, sent the quote for $40k", "pinecrest dental: they'll sign next monday",
     date(2026, 11, 30), "Nov 30"),
    ("Visited Pinecrest Dental, sent the quote for $40k", "pinecrest dental: dr lee confirmed, signing next monday",
     date(2026, 11, 30), "Nov 30"),
])
async def test_a_spoken_signature_day_is_the_deals_expected_close(bot, store, first, told, close, said):
    await bot.say(first)
    calls = store(Interaction)
    before = _snapshot(store)
    reply = await bot.say(told)
    assert reply.wrote and said in reply, reply.text
    deal = _deal(store)
    assert (deal.expected_close, deal.stage) == (close, "negotiation")
    assert store(Interaction) == calls + 1                     # the conversation is in the history
    assert (await bot.press(reply.undo_token)).wrote
    assert _snapshot(store) == before


async def test_a_correction_that_says_the_signature_day_sets_the_close_too(bot, store):
    await bot.say("Вектор: были на встрече, КП на 1,8 млн")
    await bot.say("Вектор подписал договор на 1,8 млн")
    before = _snapshot(store)
    reply = await bot.say("ой нет, ещё на переговорах, подпишут в понедельник")
    assert "выиграна → переговоры" in reply and "— → пн, 30 нояб." in reply, reply.text
    deal = _deal(store)
    assert (deal.stage, deal.expected_close) == ("negotiation", date(2026, 11, 30))
    assert (await bot.press(reply.undo_token)).wrote
    assert _snapshot(store) == before


async def test_a_signature_already_made_is_no_close_date(bot, store):
    await bot.say("拜访了蓝海物流，报价20万")
    await bot.say("蓝海物流 昨天签了")
    deal = _deal(store)
    assert (deal.stage, deal.expected_close) == ("won", None)
