"""The Undo button's words typed undo as the button does: "↩️ Undo it", "undo that", "отменить это",
"撤销这条" take back the last note exactly."""
from __future__ import annotations

import pytest

from tests.bot.records import business, difference

CASES = [
    ("Kestrel Foods - called Ann, quoted 22k", "↩️ Undo it"),
    ("Kestrel Foods - called Ann, quoted 22k", "undo that"),
    ("Кварц - звонил Ирине, КП на 700 тыс", "отменить это"),
    ("蓝桥科技 报价发了 30万", "撤销这条"),
]


@pytest.mark.parametrize(("note", "undo"), CASES)
async def test_the_buttons_words_typed_undo(bot, store, engine, note, undo):
    store.add_customers("Kestrel Foods", "Кварц", "蓝桥科技")
    before = business(engine)
    await bot.say(note)
    assert difference(before, business(engine)) != []
    await bot.say(undo)
    assert difference(before, business(engine)) == []
