"""Someone described, not named, "from" a company ("guy from bluepoint", "a lady from hartwell", "woman from
keller bros") says whose person they are: the company is the one after "from", even one lower-case word,
and a word that only heads the note ("booth -", "expo -", "lobby -") never becomes a customer."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from handlers.understanding import understand

NOW = datetime(2026, 12, 2, 11, 0, tzinfo=ZoneInfo("America/New_York"))       # a Wednesday


def test_a_lady_from_a_lower_case_company_after_a_heading():
    parse = understand("expo - lady from brennick, wants samples next week", NOW, [])
    assert parse.customer == "brennick"


def test_a_heading_word_is_not_the_company_the_woman_is_from():
    parse = understand("lobby - woman from marlowe, wants the brochure", NOW, [])
    assert parse.customer == "marlowe"


def test_a_guy_from_a_company_makes_the_message_a_note():
    parse = understand("aisle 3 - guy from tarvex, purchasing, wants a demo", NOW, [])
    assert parse.intent == "log" and parse.customer == "tarvex"


def test_a_known_customer_still_wins_over_a_heading():
    parse = understand("lobby - woman from marlowe, wants the brochure", NOW, ["Marlowe Freight LLC"])
    assert parse.customer == "Marlowe Freight LLC"
