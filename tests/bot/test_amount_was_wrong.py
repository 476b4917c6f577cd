""""The amount was wrong, it's 43.5k" right after a note corrects that note's deal in place (won or
open), in three languages: before → after, no second deal, no new customer, undo restores it."""
from __future__ import annotations

import pytest
from sqlmodel import Session, select

from storage.models import Customer, Deal
from tests.bot.conftest import Clock, bot, clock, crm, settings, store  # noqa: F401  (the chat fixtures)


def deals(engine) -> list[tuple[str, int | None]]:
    with Session(engine) as s:
        return [(d.stage, d.amount_minor) for d in s.exec(select(Deal).order_by(Deal.id)).all()]


def customers(engine) -> list[str]:
    with Session(engine) as s:
        return [c.name for c in s.exec(select(Customer)).all()]


@pytest.mark.parametrize("note, fix, before, after, says", [
    ("Umbrella signed! 300 seats, final $3,500", "the amount was wrong, its $43,500",
     ("won", 350_000), ("won", 4_350_000), "$3,500 → $43,500"),
    ("Visited Umbrella, sent the quote for $12k", "the price was off - should be 21k",
     ("proposal", 1_200_000), ("proposal", 2_100_000), "$12,000 → $21,000"),
    ("Агрокомплекс подписал договор! 1,8 млн", "сумма была неправильная, 1,9 млн",
     ("won", 180_000_000), ("won", 190_000_000), "1 900 000"),
    ("恒锐电气签了 25万", "金额不对 是26万", ("won", 25_000_000), ("won", 26_000_000), "260,000"),
])
async def test_the_amount_was_wrong_corrects_the_last_notes_deal(bot, engine, note, fix, before, after, says):
    assert (await bot.say(note)).wrote
    assert deals(engine) == [before]
    names = customers(engine)
    reply = await bot.say(fix)
    assert reply.wrote and says in reply.text.replace("\u00a0", " "), reply.text
    assert deals(engine) == [after]                    # corrected in place: no second deal
    assert customers(engine) == names                   # and no customer named "сумма" or "amount"
    assert (await bot.say("undo")).wrote
    assert deals(engine) == [before]
