"""A customer whose deal is already lost, lost again in a later note ("kestrel lost", "Ирбит
отказался", "宏远放弃了"), gets no second lost deal: the bot says the deal is already lost and writes
nothing, or records what else the note tells; undo after the rest of such a note restores the store."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models import Deal
from tests.bot.records import business, difference

CASES = [  # (the quote, the loss, the same loss said again)
    ("Visited Kestrel Tooling, sent quote 25k", "kestrel lost, went with a cheaper vendor", "Kestrel lost"),
    ("Был в Ирбите, отправил КП на 400 тыс", "Ирбит отказался, ушли к конкуренту", "ирбит отказался"),
    ("拜访了宏远机械，报价6万", "宏远机械丢单了，选了别家", "宏远机械丢单了"),
]


@pytest.mark.parametrize(("quote", "lost", "again"), CASES)
async def test_a_lost_deal_lost_again_opens_no_second_deal(bot, store, engine, quote, lost, again):
    assert (await bot.say(quote)).wrote
    assert (await bot.say(lost)).wrote
    assert [d.stage for d in store.rows(select(Deal))] == ["lost"]
    before = business(engine)
    repeat = await bot.say(again)
    assert not repeat.wrote, repeat.text
    assert difference(before, business(engine)) == []
    assert [d.stage for d in store.rows(select(Deal))] == ["lost"]


@pytest.mark.parametrize(("quote", "lost", "more", "undo"), [
    ("Visited Kestrel Tooling, sent quote 25k", "kestrel lost", "called kestrel, they lost it to Acme, "
     "check back in march", "undo"),
    ("Был в Ирбите, отправил КП на 400 тыс", "Ирбит отказался", "Звонил в Ирбит, отказались, "
     "перезвонить в марте", "отмена"),
])
async def test_the_rest_of_such_a_note_is_recorded_and_undone_exactly(bot, store, engine, quote, lost, more, undo):
    assert (await bot.say(quote)).wrote
    assert (await bot.say(lost)).wrote
    before = business(engine)
    reply = await bot.say(more)
    assert reply.wrote, reply.text
    assert [d.stage for d in store.rows(select(Deal))] == ["lost"]
    await bot.say(undo)
    assert difference(before, business(engine)) == []
