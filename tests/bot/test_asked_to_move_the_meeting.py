"""A customer asking to move the meeting ("brixton tools asks to move the demo to thursday", "Кварц подтвердил
встречу, но просит перенести на четверг", "蓝桥科技要求把会议改到周四") moves the follow-up as "moved" does — same
time, the new day — and logs no meeting; undo puts it back."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from storage.models import FollowUp, Interaction
from tests.bot.records import business, difference

CASES = [
    ("called Brixton Tools, demo on friday at 2pm", "brixton tools asks to move the demo to monday", "undo"),
    ("звонила в Кварц, встреча в пятницу в 11", "Кварц подтвердил встречу, но просит перенести на понедельник",
     "отмена"),
    ("给蓝桥科技打了电话，周五下午3点开会", "蓝桥科技要求把会议改到周一", "撤销"),
]


@pytest.mark.parametrize(("first", "text", "undo"), CASES)
async def test_the_follow_up_moves_and_no_meeting_is_logged(bot, store, engine, first, text, undo):
    store.add_customers("Brixton Tools", "Кварц", "蓝桥科技")
    await bot.say(first)
    [follow] = store.rows(select(FollowUp))
    assert follow.due == date(2026, 11, 27)
    calls = store(Interaction)
    before = business(engine)
    reply = await bot.say(text)
    [moved] = store.rows(select(FollowUp))
    assert moved.due == date(2026, 11, 30), reply.text
    assert store(Interaction) == calls, reply.text
    await bot.say(undo)
    assert difference(before, business(engine)) == []
