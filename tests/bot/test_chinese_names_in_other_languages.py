"""A Chinese company's name written in a Russian or English note ("Была в 华彩集团, отправила КП", "visited
星辰电子") names that customer: the note is filed under it (never the last note's customer), the reply is in
the note's language, and undo takes it all back. A person with a title ("王总") is no company."""
from __future__ import annotations

import pytest

from tests.bot.conftest import Clock, bot, clock, crm, settings, store  # noqa: F401  (the chat fixtures)
from tests.bot.records import business, difference

CASES = [
    ("Был в Граните, отправил КП на 300 тыс", "Была в 华彩集团, отправила КП на 500 тыс", "华彩集团",
     "Записал по клиенту", "отмена"),
    ("Visited Globex, quote 42k", "visited 星辰电子 today, met their CTO, quote 20k", "星辰电子",
     "Recorded for", "undo"),
]


@pytest.mark.parametrize("first, note, customer, says, undo", CASES)
async def test_a_chinese_name_in_another_language_names_the_customer(bot, engine, first, note, customer, says, undo):
    assert (await bot.say(first)).wrote
    before = business(engine)
    reply = await bot.say(note)
    assert reply.wrote and reply.text.startswith(f"{says} {customer}"), reply.text
    assert "прошлой записи" not in reply.text and "last note" not in reply.text
    assert (await bot.say(undo)).wrote
    assert difference(before, business(engine)) == []


async def test_a_russian_note_about_a_chinese_named_customer_is_answered_in_russian(bot):
    assert (await bot.say("拜访了星辰科技，报价12万")).wrote
    reply = await bot.say("星辰科技: сумма 200 тыс")
    assert "сделк" in reply.text.lower() and "商机" not in reply.text, reply.text


async def test_a_chinese_person_with_a_title_is_not_a_company(bot):
    await bot.say("Был в Граните, отправил КП на 300 тыс")
    reply = await bot.say("созвонилась с 王总 из Гранита, обсудили поставку")
    assert "Гранит" in reply.text and "王总" not in reply.text.splitlines()[0], reply.text
