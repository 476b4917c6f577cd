"""A question about a customer asked the way reps ask ("did Nell at harrow farms ever get back to us?",
"远航物流这个客户 整个过程给我捋一下") gets the customer's card and writes nothing."""
from __future__ import annotations

import pytest

from storage.models import Note
from tests.bot.conftest import Clock, bot, clock, crm, settings, store  # noqa: F401  (the chat fixtures)


@pytest.mark.parametrize("question, name", [
    ("did Nell at harrow farms ever get back to us?", "Harrow Farms"),
    ("远航物流这个客户 从头到现在 整个过程给我捋一下", "远航物流有限公司"),
])
async def test_the_question_gets_the_card_and_writes_nothing(bot, store, question, name):
    store.add_customers("Harrow Farms", "远航物流有限公司")
    notes = store(Note)
    reply = await bot.say(question)
    assert name in reply.text, reply.text
    assert store(Note) == notes and not reply.wrote
