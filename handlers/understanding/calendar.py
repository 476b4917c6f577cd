"""Calendar arithmetic shared by the date rules: weekdays, month ends, periods."""
from __future__ import annotations

import calendar as _cal
from datetime import date, timedelta

# -- weekday and month names in the three languages --
EN_WEEKDAYS = {"mon": 0, "tu": 1, "we": 2, "th": 3, "fr": 4, "sa": 5, "su": 6}
RU_WEEKDAYS = {"пон": 0, "пн": 0, "вт": 1, "ср": 2, "чет": 3, "чт": 3, "пят": 4, "пт": 4,
               "суб": 5, "сб": 5, "вос": 6, "вс": 6}
EN_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}
# genitive first ("2 декабря"), then the nominative some people write
RU_MONTHS = ("январ[яь]", "феврал[яь]", "марта?", "апрел[яь]", "ма[яй]", "июн[яь]", "июл[яь]",
             "августа?", "сентябр[яь]", "октябр[яь]", "ноябр[яь]", "декабр[яь]")
# short forms written in chat ("5 дек", "3 сент", "10 нояб."), after the full names
RU_MONTH_ABBR = ("янв", "февр?", "мар", "апр", "июн", "июл", "авг", "сент?", "окт", "нояб?", "дек")
ZH_DIGITS = "零一二两三四五六七八九十"

NUMBER_WORDS = {
    # en
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "couple": 2,
    "a couple": 2, "a couple of": 2, "couple of": 2, "few": 3, "a few": 3,
    # ru
    "один": 1, "одну": 1, "одна": 1, "одного": 1, "два": 2, "две": 2, "двух": 2, "три": 3,
    "трех": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "восемь": 8, "девять": 9,
    "десять": 10, "пару": 2, "пара": 2, "несколько": 3,
    # zh
    "一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    "十": 10, "几": 3,
}


def number(word: str | None, default: int = 1) -> int:
    """A small count written as digits or as a word in any of the three languages."""
    if not word:
        return default
    word = word.strip().casefold().replace("ё", "е")
    if word.isdigit():
        return int(word)
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    if len(word) == 2 and word[0] == "十" and word[1] in NUMBER_WORDS:   # 十二
        return 10 + NUMBER_WORDS[word[1]]
    if len(word) >= 2 and word[-1] == "十" and word[0] in NUMBER_WORDS:   # 二十
        return NUMBER_WORDS[word[0]] * 10 + (NUMBER_WORDS.get(word[2:], 0) if len(word) > 2 else 0)
    if len(word) == 3 and word[1] == "十":                                 # 二十五
        return NUMBER_WORDS.get(word[0], 0) * 10 + NUMBER_WORDS.get(word[2], 0)
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
    start = month_start(day.replace(month=(day.month - 1) // 3 * 3 + 1), 3 * quarters)
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
    if name.endswith("_year"):
        year = today.year + {"this_year": 0, "next_year": 1, "last_year": -1}[name]
        return date(year, 1, 1), date(year, 12, 31)
    raise KeyError(name)
