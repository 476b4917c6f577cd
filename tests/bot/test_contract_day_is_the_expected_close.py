"""The contract's day said in passing ("contract by dec 18", "hooli said theyll sign by end of month",
"договор до 18 декабря", "12月18号前签合同") is the deal's expected close, not a reminder; undo takes it back."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from storage.models import Deal, FollowUp
from tests.bot.records import business, difference

CASES = [
    ("Called Brixton Tools, quote 40k", "brixton tools: meeting went well, contract by dec 18", date(2026, 12, 18),
     "undo"),
    ("Called Brixton Tools, quote 40k", "brixton tools said theyll sign by end of month", date(2026, 11, 30), "undo"),
    ("Кварц: отправил КП на 750 тыс", "встреча в Кварце прошла хорошо, договор до 18 декабря", date(2026, 12, 18),
     "отмена"),
    ("蓝桥科技 报价12万", "蓝桥科技 12月18号前签合同", date(2026, 12, 18), "撤销"),
]


@pytest.mark.parametrize(("first", "text", "close", "undo"), CASES)
async def test_the_contract_day_sets_the_close(bot, store, engine, first, text, close, undo):
    store.add_customers("Brixton Tools", "Кварц", "蓝桥科技")
    await bot.say(first)
    reminders = store(FollowUp)
    before = business(engine)
    reply = await bot.say(text)
    assert reply.wrote, reply.text
    [deal] = store.rows(select(Deal))
    assert deal.expected_close == close, reply.text
    assert store(FollowUp) == reminders, reply.text
    await bot.say(undo)
    assert difference(before, business(engine)) == []
