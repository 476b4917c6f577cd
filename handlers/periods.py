"""Report periods by name: today, this_week, next_week, this_month, next_month, this_quarter, FROM..TO."""
from __future__ import annotations

from datetime import date, timedelta


class PeriodError(ValueError):
    """A period name or range that cannot be read."""


def _month_end(start: date) -> date:
    return (start.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


def resolve_period(name: str, today: date) -> tuple[date, date]:
    """The first and last day (both included) of the named period around `today`."""
    name = name.strip().lower()
    monday = today - timedelta(days=today.weekday())
    if name == "today":
        return today, today
    if name == "this_week":
        return monday, monday + timedelta(days=6)
    if name == "next_week":
        return monday + timedelta(days=7), monday + timedelta(days=13)
    if name == "last_week":
        return monday - timedelta(days=7), monday - timedelta(days=1)
    if name == "this_month":
        start = today.replace(day=1)
        return start, _month_end(start)
    if name == "next_month":
        start = _month_end(today.replace(day=1)) + timedelta(days=1)
        return start, _month_end(start)
    if name == "this_quarter":
        start = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
        return start, _month_end(date(start.year, start.month + 2, 1))
    if name == "this_year":
        return date(today.year, 1, 1), date(today.year, 12, 31)
    if ".." in name:
        first, _, last = name.partition("..")
        try:
            start, end = date.fromisoformat(first), date.fromisoformat(last)
        except ValueError as exc:
            raise PeriodError(f"period {name!r}: dates must be YYYY-MM-DD..YYYY-MM-DD") from exc
        if end < start:
            raise PeriodError(f"period {name!r} ends before it starts")
        return start, end
    raise PeriodError(f"unknown period {name!r}: use today, this_week, next_week, this_month, "
                      "next_month, this_quarter or FROM..TO")
