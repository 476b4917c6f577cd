"""A deal's currency corrected after the note ("不对 是8万人民币", "报价是8万人民币，不是8万美元",
"sorry, its 80k EUR not USD", "нет, 80 тыс евро, а не долларов") changes the deal's currency in place:
before → after, no second deal, undo restores it exactly."""
from __future__ import annotations

import pytest
from sqlmodel import Session, select

from storage.models import Deal
from tests.bot.conftest import Clock, bot, clock, crm, settings, store  # noqa: F401  (the chat fixtures)
from tests.bot.records import business, difference


def deals(engine) -> list[tuple[int | None, str | None]]:
    with Session(engine) as s:
        return [(d.amount_minor, d.currency) for d in s.exec(select(Deal).order_by(Deal.id)).all()]


USD, EUR, CNY = (6_000_000, "USD"), (6_000_000, "EUR"), (6_000_000, "CNY")


@pytest.mark.parametrize("note, fix, before, after", [
    ("今天拜访了澜海物流 给他看了方案 报价6万美元", "不对 是6万人民币", USD, CNY),
    ("今天拜访了澜海物流 给他看了方案 报价6万美元", "报价是6万人民币，不是6万美元", USD, CNY),
    ("visited Harlow Mills, quote 60k USD", "sorry, its 60k EUR not USD", USD, EUR),
    ("Был в Техносвете, КП на 60 тыс долларов", "нет, 60 тыс евро, а не долларов", USD, EUR),
])
async def test_a_currency_corrected_changes_the_deal_in_place(bot, engine, note, fix, before, after):
    assert (await bot.say(note)).wrote
    assert deals(engine) == [before]
    snapshot = business(engine)
    reply = await bot.say(fix)
    assert reply.wrote, reply.text
    assert deals(engine) == [after]
    assert (await bot.say("undo")).wrote
    assert difference(snapshot, business(engine)) == []
