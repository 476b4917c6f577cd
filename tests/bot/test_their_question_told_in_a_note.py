"""A note that tells a question the customer asked, ending in its question mark ("globex asked if we can
invoice them in EUR going forward?", "Гранит: Сидоров спросил, можно ли лизинг?", "星辰科技王总问我们有没有SSO？")
is recorded (an open inquiry, the words in the history), never answered with the customer's card and
dropped; "globex?" still opens the card."""
from __future__ import annotations

import pytest

from tests.bot.conftest import Clock, bot, clock, crm, settings, store  # noqa: F401  (the chat fixtures)
from tests.bot.records import business, difference


@pytest.mark.parametrize("first, told, undo", [
    ("Visited Globex, quote 42k", "globex asked if we can invoice them in EUR going forward?", "undo"),
    ("Был в Граните, КП на 300 тыс", "Гранит: Сидоров спросил, можно ли лизинг?", "отмена"),
    ("拜访了星辰科技，报价12万", "星辰科技王总问我们有没有SSO？", "撤销"),
])
async def test_their_question_is_recorded_not_answered_with_the_card(bot, engine, first, told, undo):
    assert (await bot.say(first)).wrote
    before = business(engine)
    reply = await bot.say(told)
    assert reply.wrote and "🏢" not in reply.text, reply.text
    assert (await bot.say(undo)).wrote
    assert difference(before, business(engine)) == []


async def test_a_bare_name_with_a_question_mark_is_still_the_card(bot):
    await bot.say("Visited Globex, quote 42k")
    assert "🏢 Globex" in (await bot.say("globex?")).text
