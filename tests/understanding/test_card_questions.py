"""Asking for a customer's card or history in shorthand is a question, never a note; a note that
mentions a history or a card stays a note."""
from __future__ import annotations

from datetime import datetime

import pytest

from handlers.understanding import understand

NOW = datetime(2026, 11, 25, 10, 0)
KNOWN = ["Hooli", "Бета-Строй", "华信电子"]


@pytest.mark.parametrize("text, customer", [
    ("card hooli", "Hooli"), ("Hooli card", "Hooli"), ("client history Hooli", "Hooli"),
    ("hooli history", "Hooli"), ("history of hooli", "Hooli"),
    ("история Бета-Строя", "Бета-Строй"), ("карточка Бета-Строя", "Бета-Строй"),
    ("华信电子的历史记录", "华信电子"), ("华信电子 档案", "华信电子"), ("看看华信电子的资料", "华信电子"),
])
def test_a_card_asked_in_shorthand_is_a_question(text, customer):
    parse = understand(text, NOW, KNOWN)
    assert (parse.intent, parse.customer) == ("query_customer", customer)


@pytest.mark.parametrize("text", [
    "Visited Hooli, walked through their order history", "mailed hooli the gift card",
    "Был у Бета-Строя, обсудили историю закупок", "给华信电子发了资料",
])
def test_a_note_that_mentions_a_history_stays_a_note(text):
    assert understand(text, NOW, KNOWN).intent == "log"
