"""A date written in numbers reads in the writer's order: day first where their zone writes it so
(London, Sydney), month first in the United States; the other order only where nothing else can be
meant ("20/11" from New York); "24/7" is no date (sentences written fresh)."""
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from handlers.understanding import understand


def at(zone: str) -> datetime:
    return datetime(2026, 11, 25, 10, 0, tzinfo=ZoneInfo(zone))


@pytest.mark.parametrize("text, zone, day", [
    ("Brockway Joinery - sent the proposal, chase 07/12", "Europe/London", date(2026, 12, 7)),
    ("Brockway Joinery - sent the proposal, chase 07/12", "America/Chicago", date(2027, 7, 12)),
    ("Harlow Kitchens wants a demo, pencilled in 02/12", "Europe/London", date(2026, 12, 2)),
    ("Harlow Kitchens wants a demo, pencilled in 12/02", "America/Denver", date(2026, 12, 2)),
    ("Tannery Row Cafe, ring them back 28/11", "America/New_York", date(2026, 11, 28)),
    ("Tannery Row Cafe, ring them back 11/28", "Europe/London", date(2026, 11, 28)),
    ("Quayside Dental: follow up 3/12", "Australia/Sydney", date(2026, 12, 3)),
])
def test_a_numeric_date_reads_in_the_writers_order(text, zone, day):
    assert understand(text, at(zone), []).followup_on == day


def test_round_the_clock_is_no_date():
    p = understand("Marlow Security wants 24/7 monitoring, call them back tomorrow", at("Europe/London"), [])
    assert p.followup_on == date(2026, 11, 26)
