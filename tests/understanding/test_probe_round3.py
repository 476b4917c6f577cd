"""Phrasings met while probing fresh notes: a contact introduced as "contact X", visits to us."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from handlers.understanding import understand

NOW = datetime(2026, 11, 25, 15, 0, tzinfo=ZoneInfo("Europe/London"))


def test_contact_named_after_the_word_contact():
    parse = understand("new lead: Brookside Bakery, contact Lena Ford lena@brookside.example", NOW, [])
    assert parse.contact == "Lena Ford" and parse.contact_email == "lena@brookside.example"
    parse = understand("Harbor Tools is interested, contact person is Omar Haddad", NOW, ["Harbor Tools"])
    assert parse.contact == "Omar Haddad" and parse.customer == "Harbor Tools"


def test_a_customer_visiting_us_is_a_meeting():
    known = ["青山机械有限公司", "远景传媒有限公司"]
    assert understand("青山机械来我们公司参观了，王工带队", NOW, known).channel == "meeting"
    parse = understand("远景传媒的李总来考察工厂", NOW, known)
    assert parse.channel == "meeting" and parse.customer == "远景传媒有限公司"
