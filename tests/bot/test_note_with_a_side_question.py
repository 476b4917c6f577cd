"""A note with a question to the bot said on the side ("Brixton Tools: sent the fleet quote, 18k. btw who signs
there?", "Кварц: отправил КП на линию, 900 тыс. кстати, кто у них директор?", "蓝桥科技 报价发了 30万。顺便问下
他们财务是谁？") is recorded, and the reply says the question was not answered; never the card with the note
dropped. A question alone is still answered. Undo takes the note back whole."""
from __future__ import annotations

import pytest

from storage.models import Deal, Interaction
from tests.bot.records import business, difference

CASES = [
    ("Brixton Tools: sent the fleet quote, 18k. btw who signs there?", "who signs there", "undo"),
    ("Кварц: отправил КП на линию, 900 тыс. кстати, кто у них директор?", "кто у них директор", "отмена"),
    ("蓝桥科技 报价发了 30万。顺便问下 他们财务是谁？", "他们财务是谁", "撤销"),
]


@pytest.mark.parametrize(("text", "question", "undo"), CASES)
async def test_the_note_is_recorded_and_the_question_said_unanswered(bot, store, engine, text, question, undo):
    store.add_customers("Brixton Tools", "Кварц", "蓝桥科技")
    before = business(engine)
    reply = await bot.say(text)
    assert store(Deal) == 1 and store(Interaction) == 1, reply.text
    assert question in reply.text
    await bot.say(undo)
    assert difference(before, business(engine)) == []


async def test_a_question_alone_is_answered(bot, store):
    store.add_customers("Brixton Tools")
    reply = await bot.say("btw when is the Brixton Tools renewal?")
    assert store(Interaction) == 0 and "Brixton Tools" in reply.text
