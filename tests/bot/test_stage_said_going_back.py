"""A stage said as gone back to ("initrode slipped back to the demo stage", "откатились обратно на этап КП",
"重新回到方案阶段了") moves the deal back: the reply shows before → after, and undo gives the store back as it
was; a revised quote said without going back ("sent them a revised quote") leaves a negotiation where it is."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models import Deal, StageChange
from tests.bot.records import business, difference


@pytest.mark.parametrize(("first", "back", "stage"), [
    ("Visited Initrode, negotiating the contract terms, 30k", "initrode slipped back to the proposal stage, budget cut",
     "proposal"),
    ("Visited Initrode, negotiating the contract terms, 30k", "Initrode moved back to proposal, want another option",
     "proposal"),
    ("Был в Интеграле, торгуемся по договору, 2 млн", "по Интегралу откатились обратно на этап КП, пересчитываем",
     "proposal"),
    ("拜访了蓝海科技，在谈合同，金额20万", "蓝海科技重新回到报价阶段了，要重新算价格", "proposal"),
])
async def test_a_stage_said_as_gone_back_moves_the_deal_back(bot, store, engine, first, back, stage):
    assert (await bot.say(first)).wrote
    [deal] = store.rows(select(Deal))
    assert deal.stage == "negotiation"
    before = business(engine)
    reply = await bot.say(back)
    assert reply.wrote and "→" in reply.text, reply.text
    [deal] = store.rows(select(Deal))
    assert deal.stage == stage
    assert store(StageChange) == 2
    await bot.say("undo")
    assert difference(before, business(engine)) == []


@pytest.mark.parametrize(("first", "note"), [
    ("Visited Initrode, negotiating the contract terms, 30k", "initrode: sent them a revised proposal"),
    ("Был в Интеграле, торгуемся по договору, 2 млн", "Интегралу отправил обновлённое КП"),
])
async def test_a_revised_quote_in_negotiation_stays_in_negotiation(bot, store, first, note):
    assert (await bot.say(first)).wrote
    assert (await bot.say(note)).wrote
    [deal] = store.rows(select(Deal))
    assert deal.stage == "negotiation"
