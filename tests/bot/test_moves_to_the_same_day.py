"""A follow-up moved or snoozed to the day it already has ("snooze 1 to friday" of Friday's follow-up)
is told so plainly and nothing is written: no "Fri → Fri" line, no undo that takes back "0 changes".
Every way of moving one, in three languages: by its number after a listing, by its customer's name,
as a correction of the last note, and by a move button."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models import FollowUp
from tests.bot.records import business, difference

CASES = {
    "en": ("Visited Globex, follow up Friday", "my follow-ups this week", "is already due",
           ["snooze 1 to friday", "move the globex follow-up to friday", "snooze globex to friday",
            "no, follow up on friday"]),
    "zh": ("拜访了星辰科技，周五跟进", "这周要跟进哪些客户", "本来就是",
           ["1改到周五", "把星辰科技的跟进改到周五", "星辰科技推迟到周五", "改到周五"]),
    "ru": ("Был у Вектора, созвонимся в пятницу", "мои напоминания на неделю", "и так на",
           ["отложи 1 до пятницы", "перенеси Вектор на пятницу", "отложи Вектор до пятницы", "перенеси на пятницу"]),
}


@pytest.mark.parametrize("lang", sorted(CASES))
async def test_a_move_to_the_day_a_follow_up_already_has_says_so_and_writes_nothing(bot, engine, lang):
    note, listing, words, moves = CASES[lang]
    assert (await bot.say(note)).wrote
    for move in moves:
        await bot.say(listing)
        before = business(engine)
        reply = await bot.say(move)
        assert words in reply.text and "→" not in reply.text, (move, reply.text)
        assert not reply.wrote and not reply.undo_token, (move, reply.text)
        assert difference(before, business(engine)) == [], move


async def test_a_move_button_to_the_same_day_writes_nothing(bot, store, engine):
    await bot.say("Visited Globex, follow up Friday")
    [follow] = store.rows(select(FollowUp))
    before = business(engine)
    reply = await bot.press(f"move:{follow.id}:{follow.due:%Y%m%d}")
    assert "is already due" in reply.text and not reply.undo_token
    assert difference(before, business(engine)) == []


async def test_a_move_to_another_day_still_moves_with_undo(bot, store):
    await bot.say("Visited Globex, follow up Friday")
    await bot.say("my follow-ups this week")
    moved = await bot.say("snooze 1 to monday")
    assert "→" in moved.text and moved.undo_token
    assert str(store.rows(select(FollowUp.due))[0]) == "2026-11-30"
