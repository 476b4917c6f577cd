"""A note written at our stand at a trade show is logged as a meeting with the person on the card,
and undo gives the store back as it was; a due list asked by its day ("who do I owe a call this
week?", "today 有什么要 follow up 的", "кого мне набрать на этой неделе?") lists the asker's
follow-ups and writes nothing."""
from __future__ import annotations

import pytest
from sqlmodel import Session, select

from storage.models import Interaction, Note
from tests.bot.conftest import Clock, bot, clock, crm, settings, store  # noqa: F401  (the chat fixtures)
from tests.bot.records import business, difference


def channels(engine) -> list[str]:
    with Session(engine) as s:
        return [i.channel for i in s.exec(select(Interaction).order_by(Interaction.id)).all()]


@pytest.mark.parametrize("note, customer", [
    ("Show day 2. Card #4: Nadia Kovac, Head of Buying, Orchard Lane Foods. wants samples of the kraft trays",
     "Orchard Lane Foods"),
    ("Tomasz from Delmont Foods came back to the stand with his buyer, they want trays by June", "Delmont Foods"),
    ("5号馆A08 常州华力液压 采购经理周明 对密封件感兴趣 要样品", "常州华力液压"),
    ("к нам на стенд подошёл Пётр Лапин из «Вектор Плюс», хочет образцы", "Вектор Плюс"),
])
async def test_a_note_at_the_stand_is_a_meeting_and_undo_takes_it_back(bot, engine, note, customer):
    snapshot = business(engine)
    reply = await bot.say(note)
    assert reply.wrote, reply.text
    assert customer in reply.text
    assert channels(engine) == ["meeting"]
    assert (await bot.say("undo")).wrote
    assert difference(snapshot, business(engine)) == []


@pytest.mark.parametrize("question", [
    "who do I owe a call this week?",
    "today 有什么要 follow up 的",
    "кого мне набрать на этой неделе?",
])
async def test_a_due_list_asked_by_its_day_lists_the_follow_ups(bot, store, question):
    store.add_customers("Globex Corporation", "深圳星海电子有限公司", "ООО «Вектор»")
    await bot.say("Called Globex, follow up today")
    notes = store(Note)
    reply = await bot.say(question)
    assert "Globex" in reply.text, reply.text
    assert store(Note) == notes and not reply.wrote
