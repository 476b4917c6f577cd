"""Amounts as a Hong Kong or an Indian rep writes them are the amounts meant: "HK$18萬" is HK$180,000 (萬 is
万 in Traditional characters), "4.5 lakh" 450,000, "1.05 crore" 10,500,000, "₹4,20,000" (Indian digit grouping)
INR 420,000; "撤銷" takes the note back as "撤销" does."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models import Deal
from tests.bot.records import business, difference

WRITTEN = [
    ("翠華餐廳 報價HK$18萬", 18_000_000, "HKD"),
    ("金龍酒樓 報價1.2億", 12_000_000_000, "CNY"),
    ("Visited Kisan Agro, quote ₹4,20,000 for the rotavator", 42_000_000, "INR"),
    ("Called Punjab Tractors, quoted Rs. 15,000 for the service kit", 1_500_000, "INR"),
    ("Visited Doaba Farms, quoted 4.5 lakh for the harvester", 45_000_000, None),
    ("Malwa Growers tender 1.05 crore, proposal sent", 1_050_000_000, None),
]


@pytest.mark.parametrize("note, minor, currency", WRITTEN)
async def test_the_amount_is_the_one_meant(bot, store, note, minor, currency):
    reply = await bot.say(note)
    if not reply.wrote:                      # a name in Traditional characters may be asked about: typed, it applies
        reply = await bot.say(note.split()[0])
    assert reply.wrote
    [deal] = store.rows(select(Deal))
    assert deal.amount_minor == minor
    if currency:
        assert deal.currency == currency


async def test_a_traditional_undo_takes_the_note_back(bot, engine):
    before = business(engine)
    if not (await bot.say("美心食品 報價HK$25萬")).wrote:
        await bot.say("美心食品")
    reply = await bot.say("撤銷")
    assert reply.wrote
    assert difference(before, business(engine)) == []
