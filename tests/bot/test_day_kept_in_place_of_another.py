"""A day said right after a note in place of the one it gave ("sorry thu not wed", "сорри, не в пятницу, а в
понедельник", "不是周三 是周四") moves that note's follow-up to the day kept; nothing else is written."""
from __future__ import annotations

import pytest

from tests.bot.conftest import Clock, bot, clock, crm, settings, store  # noqa: F401  (the chat fixtures)


# the clock: Wednesday 25 November 2026
@pytest.mark.parametrize("note, fix, moved", [
    ("Visited Globex, follow up friday", "sorry thu not fri", "Fri, Nov 27 → Thu, Nov 26"),
    ("Был у Вектора, созвонимся в пятницу", "сорри, не в пятницу, а в четверг", "пт, 27 нояб. → чт, 26 нояб."),
    ("拜访了星辰科技，周五回电话", "不是周五 是周四", "11月27日周五 → 11月26日周四"),
])
async def test_the_day_kept_moves_the_follow_up(bot, note, fix, moved):
    assert (await bot.say(note)).wrote, note
    reply = await bot.say(fix)
    assert reply.wrote and moved in reply.text, reply.text
