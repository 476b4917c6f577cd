"""A wrong customer said at length moves the whole last note to the customer meant, as the short
"是鑫海建设，不是鑫海装饰" does: "不对，刚才那个是鑫海建设，不是鑫海装饰",
"no, that one was Apex Dental Group, not Apex Dental",
"нет, это был Стройресурс Плюс, а не Стройресурс". The deal's stage stays, the customer the note had
made and left empty is gone, and undo gives back exactly what was there."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models import Customer, Deal
from tests.bot.conftest import Clock, bot, clock, crm, settings, store  # noqa: F401  (the chat fixtures)
from tests.bot.records import business, difference

CASES = [
    ("给鑫海装饰打了电话，王总说地板的单子下个月签，金额大概9万", "不对，刚才那个是鑫海建设，不是鑫海装饰",
     "鑫海建设", "撤销"),
    ("Called Apex Dental, Dr Shaw says they sign the chair next month, about 8k",
     "no, that one was Apex Dental Group, not Apex Dental", "Apex Dental Group", "undo"),
    ("позвонил в Стройресурс, Петров сказал подпишут договор в следующем месяце, сумма 80 тыс",
     "нет, это был Стройресурс Плюс, а не Стройресурс", "Стройресурс Плюс", "отмена"),
]


@pytest.mark.parametrize("note, fix, meant, undo", CASES)
async def test_the_whole_note_moves_and_the_stage_stays(bot, store, engine, note, fix, meant, undo):
    await bot.say(note)
    [deal] = store.rows(select(Deal))
    stage = deal.stage
    before = business(engine)
    reply = await bot.say(fix)
    assert reply.wrote and meant in reply.text, reply.text
    assert [c.name for c in store.rows(select(Customer))] == [meant]       # the wrong one is not left empty
    [deal] = store.rows(select(Deal))
    assert deal.stage == stage
    assert (await bot.say(undo)).wrote
    assert difference(before, business(engine)) == []
