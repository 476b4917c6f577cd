"""A note that opens with a company and what it complained about names that company."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from handlers.understanding import understand


def test_a_complaint_opening_a_note_names_its_company():
    now = datetime(2026, 12, 9, 10, tzinfo=ZoneInfo("Europe/London"))
    for text, name in (("Hooli complained about the invoice", "Hooli"),
                       ("Pied Piper complained about the install", "Pied Piper")):
        parse = understand(text, now, [])
        assert (parse.intent, parse.customer) == ("log", name)
