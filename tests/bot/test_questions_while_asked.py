"""A question typed while the bot asks "which customer?" is answered as a question: it never becomes a
new customer or a note, and the reply says the kept note was not recorded ("who do I ring today?",
"что по Интегралу?", "蓝海科技怎么样了?"), in each language and for each kind of question asked."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models import ChatState, Customer
from tests.bot.records import business, difference

DROPPED = {"en": "not recorded", "ru": "не записана", "zh": "没有保存"}

CASES = [
    ("en", "Visited Initech, sent quote 30k", "Initech Labs wants a demo next week",
     ["who do i ring today?", "how's initech doing?", "what about Initech"]),
    ("ru", "Был в Интеграле, отправил КП", "созвонилась с гидропромом, хотят демо",
     ["что по Интегралу?", "кому мне сегодня звонить?", "как там Интеграл?"]),
    ("zh", "拜访了蓝海科技，报价12万", "蓝海物流想要演示",
     ["蓝海科技怎么样了?", "今天要给谁打电话?", "蓝海科技的情况"]),
]


@pytest.mark.parametrize(("lang", "first", "unsure", "questions"), CASES)
async def test_a_question_typed_while_asked_is_answered_and_writes_nothing(bot, store, engine, lang, first, unsure,
                                                                          questions):
    assert (await bot.say(first)).wrote
    names = {c.name for c in store.rows(select(Customer))}
    for question in questions:
        before = business(engine)
        asked = await bot.say(unsure)
        assert not asked.wrote and asked.choices, asked.text
        reply = await bot.say(question)
        assert not reply.wrote, reply.text
        assert DROPPED[lang] in reply.text, reply.text
        assert {c.name for c in store.rows(select(Customer))} == names
        assert difference(before, business(engine)) == []
        assert not any(state.pending for state in store.rows(select(ChatState)))
