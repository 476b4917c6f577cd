"""Nothing said is dropped without a word: a value the bot will not record (a date after 2100, a
negative amount, one too large for any deal, a time of day today that has passed) is named in the
reply, and the rest of the note is recorded as usual; in three languages."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select
from sqlmodel import col

from storage.models import Deal, FollowUp

# (a note that sets the customer, the note with the refused value, what the reply must say)
REFUSED = [
    ("Visited Globex", "follow up on 9999-12-31", ["9999-12-31", "after 2100"]),
    ("Visited Globex", "Globex: follow up on Dec 31, 2150", ["Dec 31, 2150", "after 2100"]),
    ("拜访了星辰科技", "星辰科技：9999年12月31日跟进", ["9999年12月31日", "2100"]),
    ("Был у Вектора", "Вектор: созвонимся 31.12.2150", ["31.12.2150", "после 2100"]),
    ("Visited Globex", "proposal -$5000", ["-$5000", "negative"]),
    ("拜访了星辰科技", "星辰科技报价-5万", ["-5万", "负数"]),
    ("Был у Вектора", "Вектор: КП на -50 тыс.", ["-50 тыс.", "отрицательной"]),
    ("Visited Globex", "Globex: quote $9999999999999999", ["$9999999999999999", "too large"]),
]


@pytest.mark.parametrize("first, note, said", REFUSED, ids=[r[1] for r in REFUSED])
async def test_a_refused_value_is_named_and_the_rest_recorded(bot, store, clock, first, note, said):
    await bot.say(first)
    clock.advance(minutes=3)
    reply = await bot.say(note)
    assert reply.undo_token, reply.text  # the note is recorded
    for words in said:
        assert words in reply, reply.text
    assert store(FollowUp) == 0
    assert store(Deal, col(Deal.amount_minor).is_not(None)) == 0


async def test_a_negative_amount_leaves_the_deal_amount_as_it_was(bot, store, clock):
    await bot.say("Visited Globex, sent quote 42k")
    clock.advance(minutes=3)
    reply = await bot.say("Globex quote -$5000")
    assert "-$5000" in reply
    [deal] = store.rows(select(Deal))
    assert deal.amount_minor == 4_200_000


async def test_a_time_that_passed_today_keeps_the_day_and_says_so(bot, store, clock):
    for note, words in [("Called Globex, follow up today at 9am", "9am"),
                        ("Звонил в Вектор, перезвонить сегодня в 9:30", "9:30"),
                        ("给星辰科技打了电话，今天上午9点跟进", "上午9点")]:
        reply = await bot.say(note)
        assert words in reply and reply.undo_token, reply.text
    assert [(f.due, f.remind_at) for f in store.rows(select(FollowUp))] == [(date(2026, 11, 25), None)] * 3


async def test_a_date_after_2100_alone_is_not_a_question(bot, store):
    await bot.say("Visited Globex")
    reply = await bot.say("remind me on 2222-02-02")
    assert "2222-02-02" in reply and "which customer" not in reply.text.lower()
