"""A manager sets two periods side by side ("this quarter vs last quarter", "сравни этот квартал с
прошлым", "这个季度跟上个季度比"): the report for each, one after the other, and nothing is written, even
when the question reads like a note ("won this quarter vs last quarter")."""
from __future__ import annotations

import pytest

from tests.bot.records import business, difference

ASKED = {
    "en": ("Visited Globex, quote 42k", ["compare this month with last month", "won this month vs last",
                                         "pipeline this month versus last month"]),
    "ru": ("Был в Векторе, КП на 1,2 млн", ["сравни этот месяц с прошлым месяцем", "этот месяц против прошлого",
                                            "воронка за этот месяц относительно прошлого"]),
    "zh": ("拜访了星辰科技，报价12万", ["这个月跟上个月比怎么样", "对比一下本月和上月", "这个月的漏斗跟上个月比"]),
}


@pytest.mark.parametrize("lang", ASKED)
async def test_each_period_is_reported_and_nothing_written(bot, engine, lang):
    note, questions = ASKED[lang]
    await bot.say(note)
    before = business(engine)
    for question in questions:
        reply = await bot.say(question)
        assert not reply.wrote, question
        first, _, second = reply.text.partition("\n\n")
        assert first and second, (question, reply.text)
        assert ("Nov" in first or "нояб" in first or "11月" in first), (question, reply.text)
        assert ("Oct" in second or "окт" in second or "10月" in second), (question, reply.text)
    assert difference(before, business(engine)) == []


async def test_a_note_that_compares_prices_stays_a_note(bot):
    reply = await bot.say("Called Initech, they compared our quote against last month's offer, sent 38k")
    assert reply.wrote and "Initech" in reply.text
