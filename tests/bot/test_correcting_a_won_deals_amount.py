"""The amount of a deal just won, put right ("sorry, signed at 29.5k not 29,750", "the amount is 29.5k, not
29,750", "сумма 4,2 млн, а не 4,5", "金额是45万，不是50万"), changes that deal in place, even after a note
in between: never a phantom open deal beside it, never a 📝 note of the correction. Undo restores it."""
from __future__ import annotations

import pytest
from sqlmodel import Session, select

from storage.models import Deal
from tests.bot.conftest import Clock, bot, clock, crm, settings, store  # noqa: F401  (the chat fixtures)
from tests.bot.records import business, difference


def deals(engine) -> list[tuple[str, int | None]]:
    with Session(engine) as s:
        return [(d.stage, d.amount_minor) for d in s.exec(select(Deal).order_by(Deal.id)).all()]


CASES = [
    ("Stark: they're staying, now 29,750. Signed.", None, "sorry, signed at 29.5k not 29,750", 2_950_000, "undo"),
    ("Stark: they're staying, now 29,750. Signed.", "called stark to thank pepper", "the amount is 29.5k, not 29,750",
     2_950_000, "undo"),
    ("Вектор подписал договор на 4,5 млн", "Вектор: прислали реквизиты", "сумма 4,2 млн, а не 4,5 млн", 420_000_000,
     "отмена"),
    ("星辰科技签了，50万", "星辰科技：发来了盖章合同", "金额是45万，不是50万", 45_000_000, "撤销"),
]


@pytest.mark.parametrize("won, between, fix, after, undo", CASES)
async def test_a_won_deals_amount_is_put_right_in_place(bot, engine, won, between, fix, after, undo):
    assert (await bot.say(won)).wrote
    [(stage, _)] = deals(engine)
    assert stage == "won"
    if between:
        assert (await bot.say(between)).wrote
    before = business(engine)
    reply = await bot.say(fix)
    assert reply.wrote and "→" in reply.text, reply.text
    assert deals(engine) == [("won", after)]                 # the same deal, no second one
    assert (await bot.say(undo)).wrote
    assert difference(before, business(engine)) == []
