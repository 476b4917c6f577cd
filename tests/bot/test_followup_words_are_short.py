"""A follow-up's words are what to do, short enough for a list: a dictated run-on gives its last step
("перезвонить", "call them back"), never the whole note cut mid-word; a long step is cut after a whole
word with "…"."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models import FollowUp

RUN_ONS = {
    "ru": ("так значит заезжал сегодня в Агротехснаб на складе говорил с кладовщиком петром иванычем они берут "
           "запчасти к сеялкам и ещё смазку на весь сезон сумма выходит около трёхсот тысяч перезвонить в пятницу",
           "перезвонить"),
    "en": ("ok so dropped by Harlow Farms this arvo and had a long yarn with the foreman about the header and the "
           "spare belts they need before harvest and the service plan, ring them back on friday", "ring them back"),
}


@pytest.mark.parametrize("lang", RUN_ONS)
async def test_a_run_on_gives_its_last_step(bot, store, lang):
    note, step = RUN_ONS[lang]
    reply = await bot.say(note)
    [what] = store.rows(select(FollowUp.what))
    assert what == step and step in reply.text


async def test_a_long_step_is_cut_after_a_whole_word(bot, store):
    await bot.say("Visited Corvel Labs, next week send them the revised maintenance schedule for the three "
                  "centrifuges plus the calibration certificates and the updated price list for consumables")
    [what] = store.rows(select(FollowUp.what))
    assert len(what) <= 80 and what.endswith("…")
    assert what[:-1].split()[-1] in ("the", "three", "centrifuges", "plus", "calibration", "certificates", "and",
                                     "updated", "price", "list", "for", "consumables", "schedule", "for")
