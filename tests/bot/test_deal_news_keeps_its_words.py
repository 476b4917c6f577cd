"""A note whose only news is the deal's ("Brixton: sent the quote 18k", "brixton signed!", "Кварц подписал",
"蓝海签了") leaves its words in the customer's history as a 📝, shown in the card's last interactions, and
undo takes the 📝 back with the deal's move."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models import Interaction
from tests.bot.records import business, difference

CASES = [
    ("Brixton Tools: sent the quote 18k", "brixton tools signed, great news", "undo", "Brixton Tools"),
    ("Кварц: отправила КП на 450 тыс", "Кварц подписал договор", "отмена", "Кварц"),
    ("蓝桥科技：报价发过去了，18万", "蓝桥科技签了", "撤销", "蓝桥科技"),
]


@pytest.mark.parametrize(("quote", "signed", "undo", "customer"), CASES)
async def test_a_deal_only_note_leaves_its_words(bot, store, engine, quote, signed, undo, customer):
    store.add_customers(customer)
    reply = await bot.say(quote)
    assert reply.wrote, reply.text
    before = business(engine)
    reply = await bot.say(signed)
    assert reply.wrote and "📝" in reply.text, reply.text
    texts = [i.text for i in store.rows(select(Interaction))]
    assert texts == [quote, signed], texts
    card = await bot.say({"en": "what do we know about ", "ru": "что по ", "zh": ""}[reply.lang] + customer
                         + {"en": "", "ru": "?", "zh": "的情况"}[reply.lang])
    assert signed in card.text, card.text
    await bot.say(undo)
    assert difference(before, business(engine)) == []
