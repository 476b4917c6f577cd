"""The same note sent twice in a row (a double tap, a resend after a bad connection) is recorded once:
the second is answered "already recorded" with what the first recorded, and writes nothing. Another
note, the same words a while later, a colleague's same words, or the words again after an undo are
recorded as usual."""
from __future__ import annotations

import pytest

from handlers.repeats import REPEAT_WINDOW
from storage.models import Interaction
from tests.bot.records import business, difference

NOTES = [
    ("Called Initech, sent the quote for $9k, follow up Monday", "already recorded", "$9,000"),
    ("拜访了蓝海物流，报价8万，下周一跟进", "已经记过了", "蓝海物流"),
    ("Был у Альтаира, отправил КП на 300 тыс., созвонимся в понедельник", "уже записал", "Альтаир"),
]


@pytest.mark.parametrize(("note", "words", "shown"), NOTES)
async def test_a_note_sent_again_within_a_minute_is_recorded_once(bot, engine, clock, note, words, shown):
    first = await bot.say(note)
    assert first.wrote
    clock.advance(seconds=40)
    before = business(engine)
    again = await bot.say("  " + note.upper() if note.isascii() else note)
    assert words in again.text and shown in again.text, again.text
    assert not again.wrote and not again.undo_token
    assert difference(before, business(engine)) == []


async def test_the_same_words_later_another_note_or_a_colleague_are_recorded(bot, colleague, store, clock):
    note = "Called Initech, they want a demo"
    assert (await bot.say(note)).wrote
    clock.advance(minutes=1)
    assert (await bot.say("Called Initech, they want a demo next week")).wrote   # another note
    assert (await colleague.say(note)).wrote                                      # Boris's own call
    clock.advance(seconds=REPEAT_WINDOW.total_seconds() + 60)
    assert (await bot.say(note)).wrote                                            # a second call, later
    assert store(Interaction) == 4


async def test_a_note_undone_and_sent_again_is_recorded(bot, store, clock):
    note = "Visited Globex, sent quote 42k"
    assert (await bot.say(note)).wrote
    await bot.say("undo")
    clock.advance(seconds=30)
    assert (await bot.say(note)).wrote
    assert store(Interaction) == 1


async def test_a_stage_said_twice_moves_the_deal_once(bot, store, clock):
    await bot.say("Visited Globex, sent quote 42k")
    clock.advance(minutes=3)
    assert (await bot.say("globex signed")).wrote
    clock.advance(seconds=20)
    again = await bot.say("globex signed")
    assert "already recorded" in again.text and "→" in again.text and not again.wrote
