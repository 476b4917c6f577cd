"""Report periods as the command line and the reports' defaults name them: a period name, whose
days understanding.calendar computes (the one place), or FROM..TO in ISO dates."""
from __future__ import annotations

from datetime import date

from handlers.understanding.calendar import period_for


class PeriodError(ValueError):
    """A period name or range that cannot be read."""


def resolve_period(name: str, today: date) -> tuple[date, date]:
    """The first and last day (both included) of the named period around `today`: a name
    understanding knows (today, this_week, next_week, last_week, this_month, next_month,
    this_quarter, this_year, q1..q4, ...), computed there, or FROM..TO in ISO dates."""
    name = name.strip().lower()
    if ".." in name:
        first, _, last = name.partition("..")
        try:
            start, end = date.fromisoformat(first), date.fromisoformat(last)
        except ValueError as exc:
            raise PeriodError(f"period {name!r}: dates must be YYYY-MM-DD..YYYY-MM-DD") from exc
        if end < start:
            raise PeriodError(f"period {name!r} ends before it starts")
        return start, end
    try:
        return period_for(name, today)
    except (KeyError, ValueError):
        raise PeriodError(f"unknown period {name!r}: use today, this_week, next_week, this_month, "
                          "next_month, this_quarter, this_year or FROM..TO") from None
