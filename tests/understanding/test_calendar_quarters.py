"""A quarter is found from any day of the year, the 31st of a month included."""
from __future__ import annotations

from datetime import date, timedelta

from handlers.periods import resolve_period
from handlers.understanding.calendar import period_for, quarter


def test_every_day_of_a_leap_year_lies_in_its_quarter():
    for offset in range(366):
        day = date(2028, 1, 1) + timedelta(days=offset)
        first, last = quarter(day)
        assert first <= day <= last and first.day == 1 and (first.month - 1) % 3 == 0
        assert (last + timedelta(days=1)).month in (1, 4, 7, 10)


def test_this_quarter_on_the_31st_of_may():
    assert period_for("this_quarter", date(2027, 5, 31)) == (date(2027, 4, 1), date(2027, 6, 30))
    assert period_for("next_quarter", date(2027, 5, 31)) == (date(2027, 7, 1), date(2027, 9, 30))
    assert resolve_period("this_quarter", date(2027, 5, 31)) == (date(2027, 4, 1), date(2027, 6, 30))
