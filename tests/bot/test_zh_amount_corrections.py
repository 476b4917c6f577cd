"""A Chinese correction of the last note's amount ("不对，不是8是9", "说错了，是9万不是8万", "金额改成9万")
changes that deal in place, scaled as the deal's amount (a bare 9 of an ¥80,000 deal is ¥90,000), shows
before → after, and undo gives the store back exactly; another team's deal is never touched."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.adapters.console import Console
from storage.models import Deal, Note
from tests.bot.conftest import let_in
from tests.bot.records import business, difference

FIXES = [
    ("不对，不是8是9", "¥90,000"),
    ("不是8是9", "¥90,000"),
    ("说错了，是9万不是8万", "¥90,000"),
    ("金额改成9.5万", "¥95,000"),
    ("报价调整为9万", "¥90,000"),
    ("刚才写错了 报价是12万", "¥120,000"),
    ("价格应该是10万", "¥100,000"),
]


@pytest.mark.parametrize("text, after", FIXES)
async def test_the_amount_is_corrected_in_place_and_undo_restores_it(bot, store, engine, text, after):
    await bot.say("拜访了瑞丰食品，报价8万，下周一跟进")
    before = business(engine)
    reply = await bot.say(text)
    assert "¥80,000 → " + after in reply and reply.wrote
    assert store(Deal) == 1
    [amount] = store.rows(select(Deal.amount_minor))
    assert f"¥{amount // 100:,}" == after
    await bot.say("撤销")
    assert difference(before, business(engine)) == []


async def test_a_value_after_should_be_is_no_other_customer(bot, store):
    await bot.say("拜访了瑞丰食品，报价8万")
    reply = await bot.say("价格应该是10万")
    assert "→ ¥100,000" in reply and "哪个客户" not in reply


async def test_another_teams_deal_is_never_corrected(crm, engine, store):
    let_in(engine, "console", "anna", "Anna", "admin")
    let_in(engine, "console", "dora", "Dora", "rep", team="teamb")
    anna, dora = Console(crm, user="anna", name="Anna"), Console(crm, user="dora", name="Dora")
    await anna.say("拜访了瑞丰食品，报价8万")
    before = business(engine)
    notes = store(Note)
    reply = await dora.say("不对，不是8是9")
    assert "瑞丰" not in reply.text and not reply.wrote
    assert difference(before, business(engine)) == [] and store(Note) == notes
