"""Asking about a company the team does not have, whose name starts like one it has ("globex logistics"
beside Globex Corp): the card of the closest is shown under a line saying the asked one is not a
customer, never silently as if it were the same company."""
from __future__ import annotations

import pytest

from tests.bot.conftest import Clock, bot, clock, crm, settings, store  # noqa: F401  (the chat fixtures)


@pytest.mark.parametrize("notes, question, first", [
    (("Visited Globex Corp, quote $40k",), "what do we know about globex logistics",
     "No customer “globex logistics” yet; the closest is Globex Corp:"),
    (("Был в Векторе, КП на 1,2 млн",), "что по Вектор-Логистик?",
     "Клиента «Вектор-Логистик» пока нет; ближе всего Вектор:"),
])
async def test_the_closest_card_says_it_is_another_company(bot, notes, question, first):
    for note in notes:
        assert (await bot.say(note)).wrote, note
    reply = await bot.say(question)
    assert reply.text.splitlines()[0] == first, reply.text
    assert not reply.wrote


async def test_the_customer_itself_gets_its_card_plainly(bot):
    assert (await bot.say("Visited Globex Corp, quote $40k")).wrote
    for question in ("what do we know about globex", "what do we know about Globex Corp"):
        said = (await bot.say(question)).text
        assert "No customer" not in said and "Globex Corp" in said, said
