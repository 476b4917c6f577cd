"""An amount said as a maybe ("they might drop to 48k", "может, снизят до 900 тыс", "可能会降到8万") is not applied
to the deal: the deal keeps its amount, the words are kept (in the call logged, or as a 📝), and the reply says
so; undo takes the note back."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models import Deal, Interaction
from tests.bot.records import business, difference

CASES = [
    ("Called Brixton Tools, quote at 60k", "brixton tools: Sam says a rival is cheaper, they might drop to 48k",
     "maybe", 6_000_000, "undo"),
    ("Кварц: отправил КП на 1 млн", "Кварц: может, снизят до 900 тыс", "предположение", 100_000_000, "отмена"),
    ("蓝桥科技 报价12万", "蓝桥科技 说可能会降到8万", "没有确定", 12_000_000, "撤销"),
]


@pytest.mark.parametrize(("first", "maybe", "said", "minor", "undo"), CASES)
async def test_a_maybe_amount_leaves_the_deal_as_it_was(bot, store, engine, first, maybe, said, minor, undo):
    store.add_customers("Brixton Tools", "Кварц", "蓝桥科技")
    await bot.say(first)
    [deal] = store.rows(select(Deal))
    assert deal.amount_minor == minor
    before = business(engine)
    reply = await bot.say(maybe)
    assert reply.wrote and said in reply.text.replace("没有改", "没有确定").replace("还没确定", "没有确定"), reply.text
    [deal] = store.rows(select(Deal))
    assert deal.amount_minor == minor
    assert maybe in [i.text for i in store.rows(select(Interaction))]
    await bot.say(undo)
    assert difference(before, business(engine)) == []
