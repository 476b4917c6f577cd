"""A note that ends with a question to the bot, with no "btw" before it ("Kestrel Foods - called Ann, sent the
quote 22k. did we ever send them the price list?", "напомни в четверг позвонить в Кварц. а сколько у них сейчас
в работе?", "提醒我周五上午给蓝桥科技打电话，另外他们的标书几时截止？"), keeps the note: it is recorded (the
reminder set) and the reply says the question was not answered, never the card or a report with the note
dropped. A customer's pasted mail is a note whatever it asks ("Can you still do the $4,500?"). A message that
is only a question still writes nothing. Undo takes the note back whole."""
from __future__ import annotations

import pytest

from storage.models import FollowUp, Interaction
from tests.bot.records import business, difference

NOTES = [  # (the note with its question, the question as the reply quotes it, rows written, undo)
    ("Kestrel Foods - called Ann, sent the quote 22k. did we ever send them the price list?",
     "did we ever send them the price list?", (Interaction, 1), "undo"),
    ("remind me friday 10am to call Ann at Kestrel Foods, and also, how many open deals do I have?",
     "how many open deals do I have?", (FollowUp, 1), "undo"),
    ("напомни в четверг позвонить в Кварц. а сколько у них сейчас в работе?",
     "сколько у них сейчас в работе?", (FollowUp, 1), "отмена"),
    ("напомни в пятницу в 11:00 позвонить Ирине из Кварца, и сколько у меня открытых сделок?",
     "сколько у меня открытых сделок?", (FollowUp, 1), "отмена"),
    ("提醒我周五上午给蓝桥科技打电话，另外他们的标书几时截止？", "他们的标书几时截止？", (FollowUp, 1), "撤销"),
    ("给蓝桥科技发了报价单 12万。他们合同什么时候到期？", "他们合同什么时候到期？", (Interaction, 1), "撤销"),
]


@pytest.mark.parametrize(("text", "question", "written", "undo"), NOTES)
async def test_the_note_is_kept_and_the_question_said_unanswered(bot, store, engine, text, question, written, undo):
    store.add_customers("Kestrel Foods", "Кварц", "蓝桥科技")
    before = business(engine)
    reply = await bot.say(text)
    table, count = written
    assert store(table) == count, reply.text
    assert question in reply.text
    await bot.say(undo)
    assert difference(before, business(engine)) == []


MAILS = [
    ("From: Ann Carter <ann@kestrelfoods.com.au>\nSent: Tuesday, 12 January 2027 3:10 PM\nTo: Jack\n"
     "Subject: RE: freezer quote\n\nHi Jack,\nThe other supplier can't deliver before March. "
     "Could you hold the 22k price? We need it by the end of the month.\nThanks\nAnn", "undo"),
    ("От: Ирина Котова <i.kotova@kvarts.ru>\nОтправлено: 12 января 2027 г. 11:20\nТема: линия\n"
     "Добрый день! Согласовали линию, ждём договор. Когда сможете отгрузить?", "отмена"),
]


@pytest.mark.parametrize(("text", "undo"), MAILS)
async def test_a_pasted_mail_with_a_question_is_a_note(bot, store, engine, text, undo):
    store.add_customers("Kestrel Foods", "Кварц")
    before = business(engine)
    reply = await bot.say(text)
    if store(Interaction) == 0:         # a mail that names no customer by its words may ask which one
        reply = await bot.say("1")
    assert store(Interaction) == 1, reply.text
    await bot.say(undo)
    assert difference(before, business(engine)) == []


@pytest.mark.parametrize("text", ["did we ever send Kestrel Foods the price list?", "how many open deals do I have?",
                                  "а сколько у Кварца сейчас в работе?", "蓝桥科技的标书几时截止？"])
async def test_a_question_alone_writes_nothing(bot, store, engine, text):
    store.add_customers("Kestrel Foods", "Кварц", "蓝桥科技")
    before = business(engine)
    await bot.say(text)
    assert difference(before, business(engine)) == []
