""""Cancel", "отмена", "取消" typed long after the last note (words that also dismiss a list): the bot
names the note and its day and asks (Undo it / Keep it) instead of taking back a change made days
before. Within minutes of the note they act at once, and so does "undo" the same day; "undo" of a
note from an earlier day (a rename days old reaches every report) asks too. In three languages."""
from __future__ import annotations

import pytest
from sqlmodel import Session, select

from storage.models import Deal
from tests.bot.conftest import Clock, bot, clock, crm, settings, store  # noqa: F401  (the chat fixtures)


def amounts(engine) -> list[int | None]:
    with Session(engine) as s:
        return [d.amount_minor for d in s.exec(select(Deal).order_by(Deal.id)).all()]


@pytest.mark.parametrize("note, word, asks, kept", [
    ("Visited Globex, sent the quote for $42k", "cancel", "Take it back?", "Kept: nothing was undone."),
    ("Был в Векторе, отправил КП на 1,2 млн", "отмена", "Отменить её?", "Оставлено: ничего не отменено."),
    ("拜访了星辰科技，报价12万", "取消", "要撤销吗？", "已保留，没有撤销任何内容。"),
])
async def test_an_old_note_is_named_and_asked_about(bot, clock, engine, note, word, asks, kept):
    assert (await bot.say(note)).wrote
    before = amounts(engine)
    clock.advance(days=3)
    reply = await bot.say(word)
    assert asks in reply.text and not reply.wrote, reply.text
    assert amounts(engine) == before                                   # nothing taken back yet
    keep, undo = reply.choices[1], reply.choices[0]
    assert kept == (await bot.press(keep.data)).text
    assert amounts(engine) == before
    assert (await bot.press(undo.data)).wrote                          # the Undo button acts
    assert amounts(engine) == []


async def test_the_question_names_the_note_and_its_day(bot, clock):
    assert (await bot.say("Visited Globex, sent the quote for $42k")).wrote
    clock.advance(days=2)
    said = (await bot.say("cancel")).text
    assert said == ("Your last note, about Globex, is from Wed, Nov 25: “Visited Globex, sent the quote for $42k”. "
                    "Take it back?"), said


async def test_cancel_after_a_list_keeps_the_notes_made_before(bot, clock, engine):
    assert (await bot.say("Visited Globex, sent the quote for $42k")).wrote
    for note in ("Called Acme, call them back friday", "Visited Acme, send them samples on monday"):
        assert (await bot.say(note)).wrote, note
    clock.advance(days=1)
    assert "✅ 2" in [c.label for c in (await bot.say("my follow-ups")).choices]   # a list, then never mind
    reply = await bot.say("cancel")
    assert not reply.wrote and "Take it back?" in reply.text, reply.text
    assert amounts(engine) == [4_200_000]


@pytest.mark.parametrize("word, later", [("cancel", {"minutes": 5}), ("undo", {"hours": 3}), ("撤销", {"hours": 5}),
                                         ("откати", {"minutes": 40})])
async def test_undo_the_same_day_and_cancel_right_after_act_at_once(bot, clock, engine, word, later):
    assert (await bot.say("Visited Globex, sent the quote for $42k")).wrote
    clock.advance(**later)
    assert (await bot.say(word)).wrote
    assert amounts(engine) == []


@pytest.mark.parametrize("note, word, yes, no", [
    ("Visited Globex, sent the quote for $42k", "cancel", "yes", "keep it"),
    ("Был в Векторе, отправил КП на 1,2 млн", "отмена", "отменить", "нет"),
    ("拜访了星辰科技，报价12万", "取消", "是", "保留"),
])
async def test_the_question_is_answered_by_typing_too(bot, clock, engine, note, word, yes, no):
    """In a chat with no buttons (the console, a client that hides them) the answer is typed: yes, an undo
    word or the Undo button's word takes the note back; no, cancel or "keep it" keeps it."""
    assert (await bot.say(note)).wrote
    before = amounts(engine)
    clock.advance(days=3)
    assert not (await bot.say(word)).wrote
    kept = await bot.say(no)
    assert not kept.wrote and amounts(engine) == before, kept.text
    assert not (await bot.say(word)).wrote                               # asked again
    assert (await bot.say(yes)).wrote
    assert amounts(engine) == []


@pytest.mark.parametrize("note, word, asks", [
    ("rename Globex to Globex Corp", "undo", "Your last note, about Globex Corp, is from Wed, Nov 25"),
    ("Был в Векторе, отправил КП на 1,2 млн", "откати", "Отменить её?"),
    ("拜访了星辰科技，报价12万", "撤销", "要撤销吗？"),
])
async def test_undo_of_a_note_from_an_earlier_day_names_it_and_asks(bot, clock, engine, note, word, asks):
    """A manager's "undo" three days after a rename would put the old name back in every report: the bot
    names the note and its day first; the Undo button then acts."""
    if note.startswith("rename"):
        assert (await bot.say("Visited Globex, sent the quote for $42k")).wrote
        clock.advance(minutes=1)
    assert (await bot.say(note)).wrote
    before = amounts(engine)
    clock.advance(days=3)
    reply = await bot.say(word)
    assert asks in reply.text and not reply.wrote, reply.text
    assert amounts(engine) == before
    assert (await bot.press(reply.choices[0].data)).wrote
