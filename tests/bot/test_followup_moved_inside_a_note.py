"""A note that moves an existing follow-up from one day to another ("Кварц: перенесли замер с четверга на
понедельник", "Brixton Tools: Al called, can we move our thursday demo to monday 10am", "蓝桥科技 周四的会改到下周一
上午9点") moves that follow-up in place: nothing new on the old day, undo puts it back. A listed follow-up moved
by its number ("1 改到周一上午9点") moves too, at the time said."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from storage.models import FollowUp
from tests.bot.records import business, difference

CASES = [
    ("Кварц: замер в четверг в 11", "Кварц: перенесли замер с четверга на понедельник, договорились по телефону",
     "отмена"),
    ("Brixton Tools: demo on thursday 3pm", "Brixton Tools: Al called, can we move our thursday demo to monday 10am",
     "undo"),
    ("蓝桥科技 周四下午3点开会", "蓝桥科技 王总说 周四的会改到下周一上午9点", "撤销"),
]


@pytest.mark.parametrize(("first", "text", "undo"), CASES)
async def test_the_follow_up_moves_in_place(bot, store, engine, first, text, undo):
    store.add_customers("Кварц", "Brixton Tools", "蓝桥科技")
    await bot.say(first)
    [follow] = store.rows(select(FollowUp))
    assert follow.due == date(2026, 11, 26)           # Thursday; the clock says Wednesday 25 November
    before = business(engine)
    reply = await bot.say(text)
    [moved] = store.rows(select(FollowUp))
    assert moved.id == follow.id and moved.due == date(2026, 11, 30), reply.text
    await bot.say(undo)
    assert difference(before, business(engine)) == []


async def test_a_listed_follow_up_moves_by_its_number_at_the_time_said(bot, store, engine):
    store.add_customers("蓝桥科技")
    await bot.say("蓝桥科技 周四发合同草稿")
    await bot.say("我的跟进")
    before = business(engine)
    reply = await bot.say("1 改到下周一上午9点")
    [moved] = store.rows(select(FollowUp))
    assert moved.due == date(2026, 11, 30) and moved.remind_at is not None, reply.text
    assert moved.remind_at.hour == 9, reply.text          # London in winter: 09:00 local is 09:00 UTC
    await bot.say("撤销")
    assert difference(before, business(engine)) == []
