"""A note that only repeats the open deal as it stands ("сумма 3,2 млн" of a 3 200 000 ₽ deal) writes
nothing, not a bare "📝" note that needs an undo, and says the deal already stands so; with a
question pending, the question lapses and the reply says the kept note was not recorded."""
from __future__ import annotations

import pytest

from storage.models import Interaction, Note


@pytest.mark.parametrize("note, again, said", [
    ("была в Стройинвесте, КП на 3,2 млн отправила", "сумма 3,2 млн", "уже КП отправлено, 3\xa0200\xa0000\xa0₽"),
    ("Visited Pinecrest Dental, sent the quote for $40k", "amount is 40k", "already proposal, $40,000"),
    ("拜访了蓝海物流，报价30万", "金额30万", "¥300,000"),
])
async def test_an_amount_the_deal_already_has_writes_nothing(bot, store, note, again, said):
    await bot.say(note)
    notes, interactions = store(Note), store(Interaction)
    reply = await bot.say(again)
    assert not reply.wrote and said in reply, reply.text
    assert "📝" not in reply
    assert (store(Note), store(Interaction)) == (notes, interactions)


async def test_with_a_question_pending_the_same_amount_lets_it_lapse_and_writes_nothing(bot, store):
    await bot.say("была в Стройинвесте, КП на 3,2 млн отправила")
    asked = await bot.say("созвонилась с Петровым Игорем, главный инженер")
    notes = store(Note)
    reply = await bot.say("сумма 3,2 млн")
    if asked.choices:                                   # the pending question lapses, said so
        assert "не записана" in reply
    assert not reply.wrote and store(Note) == notes


async def test_an_amount_that_changes_the_deal_is_still_recorded(bot, store):
    await bot.say("Visited Pinecrest Dental, sent the quote for $40k")
    reply = await bot.say("amount is 42k")
    assert reply.wrote and "$40,000 → $42,000" in reply
