"""A day's event told as gone on that very weekday ("замер в среду прошёл хорошо" sent on a Wednesday, "wednesday's
site visit went great", "周三的培训很成功") is logged as what happened, never a reminder a week later; undo takes
the note back whole."""
from __future__ import annotations

import pytest

from storage.models import FollowUp, Interaction
from tests.bot.records import business, difference

CASES = [
    ("Кварц: замер в среду прошёл хорошо, ждут расчёт", "отмена"),
    ("Brixton Tools: wednesday's site visit went great", "undo"),
    ("蓝桥科技 周三的培训很成功", "撤销"),
]


@pytest.mark.parametrize(("text", "undo"), CASES)
async def test_no_reminder_a_week_later(bot, store, engine, text, undo):
    store.add_customers("Кварц", "Brixton Tools", "蓝桥科技")      # the clock says Wednesday 25 November
    before = business(engine)
    reply = await bot.say(text)
    assert store(FollowUp) == 0, reply.text
    assert store(Interaction) == 1, reply.text
    await bot.say(undo)
    assert difference(before, business(engine)) == []
