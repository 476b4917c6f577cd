"""Calendar arithmetic shared by the date rules: weekdays, month ends, periods."""
from __future__ import annotations

import calendar as _cal
from datetime import date, timedelta
from functools import lru_cache

from handlers.understanding.languages import registered


@lru_cache(maxsize=1)
def number_words() -> dict[str, int]:
    """Small counts written as words, in every registered language ("two", "пару", "两")."""
    return {word: n for lang in registered() for word, n in lang.NUMBER_WORDS.items()}


def number(word: str | None, default: int = 1) -> int:
    """A small count written as digits or as a word in any registered language."""
    if not word:
        return default
    words = number_words()
    word = word.strip().casefold().replace("ё", "е")
    if word.isdigit():
        return int(word)
    if word in words:
        return words[word]
    if len(word) == 2 and word[0] == "十" and word[1] in words:   # 十二
        return 10 + words[word[1]]
    if len(word) >= 2 and word[-1] == "十" and word[0] in words:   # 二十
        return words[word[0]] * 10 + (words.get(word[2:], 0) if len(word) > 2 else 0)
    if len(word) == 3 and word[1] == "十":                                 # 二十五
        return words.get(word[0], 0) * 10 + words.get(word[2], 0)
    return default


def next_weekday(today: date, weekday: int, include_today: bool = False) -> date:
    """The next `weekday` (0 = Monday) after today (or today itself when allowed)."""
    ahead = (weekday - today.weekday()) % 7
    if ahead == 0 and not include_today:
        ahead = 7
    return today + timedelta(days=ahead)


def week_start(today: date, weeks: int = 0) -> date:
    """Monday of this week, or of the week `weeks` later."""
    return today - timedelta(days=today.weekday()) + timedelta(weeks=weeks)


def weekday_of_next_week(today: date, weekday: int) -> date:
    """That weekday in the Monday-to-Sunday week after this one ("下周二", "next Tuesday")."""
    return week_start(today, 1) + timedelta(days=weekday)


def month_end(day: date) -> date:
    """The last day of `day`'s month."""
    return day.replace(day=_cal.monthrange(day.year, day.month)[1])


def add_months(day: date, months: int) -> date:
    """The same day `months` later, clamped to the month's end."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = _cal.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def month_start(day: date, months: int = 0) -> date:
    """The first day of `day`'s month, or of the month `months` later."""
    return add_months(day.replace(day=1), months)


def quarter(day: date, quarters: int = 0) -> tuple[date, date]:
    """The calendar quarter holding `day` (or `quarters` later), both ends included."""
    start = month_start(day.replace(day=1, month=(day.month - 1) // 3 * 3 + 1), 3 * quarters)
    return start, month_end(add_months(start, 2))


def valid_month_day(month: int, day: int) -> bool:
    """True when MM-DD exists in some year (Feb 29 does, Feb 30 does not)."""
    if not 1 <= month <= 12 or day < 1:
        return False
    return day <= _cal.monthrange(2000, month)[1]


def upcoming(today: date, month: int, day: int, year: int | None = None) -> date | None:
    """The date MM-DD on or after today (or in `year`); None when it does not exist."""
    if not valid_month_day(month, day):
        return None
    if year is not None:
        try:
            return date(year if year > 100 else 2000 + year, month, day)
        except ValueError:
            return None
    for y in (today.year, today.year + 1, today.year + 2, today.year + 3, today.year + 4):
        try:
            candidate = date(y, month, day)
        except ValueError:      # Feb 29 outside a leap year
            continue
        if candidate >= today:
            return candidate
    return None


def period_for(name: str, today: date, ahead: bool = False) -> tuple[date, date]:
    """A named period ("this_week", "next_month", "q1", ...) as inclusive dates. With `ahead`
    (a forecast looks forward), a quarter named by number that is over is next year's when that
    one is nearer ("Q1" in November), else this year's ("Q3" in November)."""
    if name == "today":
        return today, today
    if name == "yesterday":
        return today - timedelta(days=1), today - timedelta(days=1)
    if name == "tomorrow":
        return today + timedelta(days=1), today + timedelta(days=1)
    if name.endswith("_week"):
        shift = {"this_week": 0, "next_week": 1, "last_week": -1}[name]
        start = week_start(today, shift)
        return start, start + timedelta(days=6)
    if name.endswith("_month"):
        shift = {"this_month": 0, "next_month": 1, "last_month": -1}[name]
        start = month_start(today, shift)
        return start, month_end(start)
    if name.endswith("_quarter"):
        return quarter(today, {"this_quarter": 0, "next_quarter": 1, "last_quarter": -1}[name])
    if len(name) == 2 and name[0] == "q" and name[1] in "1234":
        start = date(today.year, 3 * int(name[1]) - 2, 1)
        first, last = quarter(start)   # the current year's: what the team did in Q1
        if ahead and last < today:     # over: the nearer of this year's and next year's
            upcoming = quarter(start.replace(year=today.year + 1))
            if upcoming[0] - today < today - last:
                return upcoming
        return first, last
    if len(name) in (2, 3) and name[0] == "m" and name[1:].isdigit():   # a month by name
        start = date(today.year, int(name[1:]), 1)
        if ahead and month_end(start) < today:    # "pipeline for March" in November: next March
            start = start.replace(year=today.year + 1)
        return start, month_end(start)
    if name == "rest_of_year":                    # "до конца года": from today to December 31
        return today, date(today.year, 12, 31)
    if name.endswith("_year"):
        year = today.year + {"this_year": 0, "next_year": 1, "last_year": -1}[name]
        return date(year, 1, 1), date(year, 12, 31)
    raise KeyError(name)
