"""A correction typed while the bot holds a note and asks which customer it is about ("sorry its 35k not
30k", "ой, не 120 а 112 тыс евро", "报价是45万 不是42万") is about that held note: it never changes an
older note's customer or deal. The question is asked again, the note still held; answering it records
the note."""
from __future__ import annotations

import pytest

from tests.bot.conftest import Clock, bot, clock, crm, settings, store  # noqa: F401  (the chat fixtures)
from tests.bot.records import business, difference

CASES = [
    ("met with umbrella, they added 15 seats, 12k on top", "had a call with vandelay, approx $30k",
     "sorry its 35k not 30k", "nothing to correct"),
    ("Был в Граните, КП на 4,5 млн", "созвонилась с вектором, хотят станок, цена 120 тыс EUR",
     "ой, не 120 а 112 тыс евро", "поправлять пока нечего"),
    ("拜访了华彩科技，报价70万", "拜访了华彩集团，报价50万", "报价是45万 不是50万", "暂时没有可更正的"),
]


@pytest.mark.parametrize("first, held, fix, says", CASES)
async def test_a_correction_of_a_held_note_never_changes_an_older_one(bot, engine, first, held, fix, says):
    assert (await bot.say(first)).wrote
    asked = await bot.say(held)
    assert not asked.wrote and asked.choices, asked.text                # held, asked which customer
    before = business(engine)
    reply = await bot.say(fix)
    assert not reply.wrote and says in reply.text, reply.text
    assert difference(before, business(engine)) == []              # the older note's deal untouched
    assert reply.choices                                            # the question again, with its buttons


async def test_the_held_note_is_recorded_once_answered(bot, engine):
    await bot.say("met with umbrella, they added 15 seats, 12k on top")
    asked = await bot.say("had a call with vandelay, approx $30k")
    await bot.say("sorry its 35k not 30k")
    new = next(choice for choice in asked.choices if "vandelay" in choice.label)
    reply = await bot.press(new.data)
    assert reply.wrote and "vandelay" in reply.text, reply.text
