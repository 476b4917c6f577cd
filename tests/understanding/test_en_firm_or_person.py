"""Two capitalised words a rep met, called or heard from are a company, not a person, when neither is a
known first name, the note names no other company and another person is named ("Met Corbin Quarries at
the home show … office mgr is tina"). Alone, or with a known first name, a title or a job, it is a person."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from handlers.understanding import understand

NOW = datetime(2026, 12, 2, 11, 0, tzinfo=ZoneInfo("America/Chicago"))       # a Wednesday
KNOWN = ["Ashby Tool & Die"]


def test_a_capitalised_pair_met_is_the_company():
    parse = understand("Met Corbin Quarries at the home show, they run 3 sites. office mgr is tina", NOW, KNOWN)
    assert parse.customer == "Corbin Quarries" and parse.contact == "tina"
    assert parse.channel == "meeting" and parse.stage == "lead"


def test_a_capitalised_pair_that_wrote_is_the_company_when_a_person_is_named():
    parse = understand("Wexford Paving emailed asking for pricing on 2 trucks, owner is Dale", NOW, KNOWN)
    assert parse.customer == "Wexford Paving" and parse.contact == "Dale" and parse.channel == "email"


def test_an_unknown_first_name_alone_stays_a_person():
    parse = understand("Met Stellan Wexford at the home show", NOW, KNOWN)
    assert parse.contact == "Stellan Wexford" and parse.customer is None


def test_a_known_first_name_or_a_title_keeps_a_person():
    parse = understand("Met Dana Wexford at the home show, nice lady", NOW, KNOWN)
    assert parse.contact == "Dana Wexford" and parse.customer != "Dana Wexford"
    parse = understand("Met Dr. Stellan Corbin at the home show", NOW, KNOWN)
    assert parse.customer is None and parse.contact == "Dr. Stellan Corbin"
    parse = understand("called Ashby Tool, Stellan Corbin (plant mgr) wants a demo", NOW, KNOWN)
    assert parse.customer == "Ashby Tool & Die" and parse.contact == "Stellan Corbin"
