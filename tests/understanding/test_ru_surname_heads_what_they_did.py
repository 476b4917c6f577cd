"""A surname after a Russian note's customer heading is its contact when it is the one who acted: sent,
signed, came by, complained, refused ("Кравцов прислал", "Белова подписала", "Ткачук отказался"), or came
with someone ("Лосев + их главбух"). Sentences written fresh."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from handlers.understanding import understand

NOW = datetime(2026, 12, 2, 11, 0, tzinfo=ZoneInfo("Europe/Moscow"))       # a Wednesday
KNOWN = ["ООО «Каскад-Энерго»", "ТД «Березка»"]


@pytest.mark.parametrize("text, contact", [
    ("Каскад-Энерго — Кравцов прислал подписанную спецификацию", "Кравцов"),
    ("Березка: Белова подписала акт сверки", "Белова"),
    ("Каскад-Энерго — Ткачук отказался от допника, дорого", "Ткачук"),
    ("Березка: Соколов подходил на стенд, жалуется на сроки", "Соколов"),
    ("Каскад-Энерго: встреча у них, Лосев + их главбух", "Лосев"),
])
def test_the_surname_that_acted_is_the_contact(text, contact):
    parse = understand(text, NOW, KNOWN)
    assert parse.customer in KNOWN and parse.contact == contact


def test_a_plain_word_before_the_verb_is_no_contact():
    parse = understand("Березка: готов подписать в пятницу", NOW, KNOWN)
    assert parse.contact is None
