"""A budget corrected right after the note ("no, the budget is 45k not 50k", "нет, бюджет не 2 млн, а
1,8 млн", "不对，陈工说的是预算45万", "预算45万，不是50万") changes the deal's amount only: the budget word
never moves a deal in negotiation back to qualified, and the value taken back ("not 50k", "не 2 млн",
"不是50万") is never the one kept. Undo restores the store exactly."""
from __future__ import annotations

import pytest
from sqlmodel import Session, select

from storage.models import Deal
from tests.bot.conftest import Clock, bot, clock, crm, settings, store  # noqa: F401  (the chat fixtures)
from tests.bot.records import business, difference


def deals(engine) -> list[tuple[str, int | None]]:
    with Session(engine) as s:
        return [(d.stage, d.amount_minor) for d in s.exec(select(Deal).order_by(Deal.id)).all()]


@pytest.mark.parametrize("note, fix, before, after", [
    ("called Harlow Mills, budget 50k, contract is with their lawyers", "no, the budget is 45k not 50k",
     ("negotiation", 5_000_000), ("negotiation", 4_500_000)),
    ("called Harlow Mills, budget 50k, contract is with their lawyers", "not 50k, the budget is 45k",
     ("negotiation", 5_000_000), ("negotiation", 4_500_000)),
    ("Звонил в Техносвет, бюджет 2 млн, договор у их юристов", "нет, бюджет не 2 млн, а 1,8 млн",
     ("negotiation", 200_000_000), ("negotiation", 180_000_000)),
    ("给恒通物流打电话了 陈工说他们预算50万 合同在走流程", "不对，陈工说的是预算45万",
     ("negotiation", 50_000_000), ("negotiation", 45_000_000)),
    ("给恒通物流打电话了 陈工说他们预算50万 合同在走流程", "预算45万，不是50万",
     ("negotiation", 50_000_000), ("negotiation", 45_000_000)),
])
async def test_a_budget_corrected_changes_the_amount_only(bot, engine, note, fix, before, after):
    assert (await bot.say(note)).wrote
    assert deals(engine) == [before]
    snapshot = business(engine)
    reply = await bot.say(fix)
    assert reply.wrote, reply.text
    assert deals(engine) == [after]
    assert (await bot.say("undo")).wrote
    assert difference(snapshot, business(engine)) == []
