"""A follow-up due next week corrected to another weekday ("no, friday not wednesday", "改到周五",
"нет, в пятницу") moves within that week, never back into this one; a follow-up due this week moves
within this week; "next friday" and dates mean what they say."""
from __future__ import annotations

import pytest

from tests.bot.conftest import Clock, bot, clock, crm, settings, store  # noqa: F401  (the chat fixtures)


# the clock: Wednesday 25 November 2026
@pytest.mark.parametrize("note, fix, moved", [
    ("Visited Globex, follow up next wed", "no, friday not wednesday", "Wed, Dec 2 → Fri, Dec 4"),
    ("拜访了星辰科技，下周四之前给答复", "改到周五", "12月3日周四 → 12月4日周五"),
    ("Был у Вектора, созвонимся в следующую среду", "нет, в пятницу", "2 дек. → пт, 4 дек."),
    ("Visited Globex, follow up friday", "no, thursday not friday", "Fri, Nov 27 → Thu, Nov 26"),
    ("Visited Globex, follow up next wed", "no, tomorrow", "Wed, Dec 2 → Thu, Nov 26"),
])
async def test_a_weekday_correction_stays_in_the_follow_ups_week(bot, note, fix, moved):
    assert (await bot.say(note)).wrote, note
    reply = await bot.say(fix)
    assert reply.wrote and moved in reply.text, reply.text
