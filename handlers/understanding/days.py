"""How a date phrase becomes a day: the resolvers a language's DATES rules name.

A rule is (phrase, resolver): the phrase is a regular expression in the language's module
(languages/<code>.py), the resolver turns its match and today into (day, kind, month_day):
the day meant (None when it cannot exist), its kind ("today", "relative", "calendar",
"week", "deadline", "bad") and, for calendar dates, the month and day as written.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Callable, Mapping

from handlers.understanding import calendar as cal

Resolved = tuple[date | None, str, tuple[int, int] | None]
Resolver = Callable[[re.Match, date], Resolved]
PAST = "past"            # the kind of a day named as gone: when a thing happened, never a follow-up
REFUSED = "refused"  # the kind of a real day after MAX_YEAR: named in the reply, never recorded
MAX_YEAR = 2100
# a year written in full: this century's, or a later one the bot refuses ("9999-12-31")
YEAR = r"(?P<y>20\d\d|2[1-9]\d\d|[3-9]\d\d\d)"
# "1/8", "12/25/2026": month first, in English and Chinese notes alike
MONTH_SLASH_DAY = (r"(?<![\d/.$])\b(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])(?:/(?P<y>20\d\d|2[1-9]\d\d|[3-9]\d\d\d|"
                   r"\d\d))?\b(?![/\d])")
_SLASH_YEAR = r"(?:/(?P<y>20\d\d|2[1-9]\d\d|[3-9]\d\d\d|\d\d))?\b(?![/\d])"
# "07/12" where the writer's zone writes the day first (London, Sydney): 7 December; "24/7" is no date
DAY_SLASH_MONTH = r"(?<![\d/.$])\b(?!24/7\b)(?P<d>3[01]|[12]\d|0?[1-9])/(?P<m>1[0-2]|0?[1-9])" + _SLASH_YEAR
# the other order, read only where it cannot be the writer's own: two digits a side, the first over 12
# ("20/11" from New York is 20 November) or the second over 12 ("11/20" from London is 20 November)
DAY_OVER_12_SLASH_MONTH = r"(?<![\d/.$])\b(?P<d>3[01]|2\d|1[3-9])/(?P<m>1[0-2]|0[1-9])" + _SLASH_YEAR
MONTH_SLASH_DAY_OVER_12 = r"(?<![\d/.$])\b(?P<m>1[0-2]|0[1-9])/(?P<d>3[01]|2\d|1[3-9])" + _SLASH_YEAR


def _fixed(func: Callable[[date], date], kind: str = "relative") -> Resolver:
    return lambda m, today: (func(today), kind, None)


def in_days(n: int) -> Resolver:
    """`n` days after today ("tomorrow", "послезавтра", "大后天")."""
    return _fixed(lambda t: t + timedelta(days=n))


def days_ago(n: int) -> Resolver:
    """`n` days before today ("yesterday", "позавчера", "前天"): a day gone, when something happened."""
    return _fixed(lambda t: t - timedelta(days=n), PAST)


def last_weekday(names: Mapping[str, int]) -> Resolver:
    """"last Friday", "в прошлую пятницу", "上周五": the latest such day before today (a week ago on that day)."""
    def resolve(m: re.Match, today: date) -> Resolved:
        back = (today.weekday() - lookup(m.group("wd"), names)) % 7 or 7
        return today - timedelta(days=back), PAST, None
    return resolve


TODAY = _fixed(lambda t: t, "today")                     # "today", "tonight"
DEADLINE_TODAY = _fixed(lambda t: t, "deadline")         # "by end of day": the rep's own deadline today
WEEK_END = _fixed(lambda t: cal.next_weekday(t, 4, include_today=True))           # this Friday
NEXT_WEEK_END = _fixed(lambda t: cal.week_start(t, 1) + timedelta(days=4))       # next week's Friday
NEXT_WEEK = _fixed(lambda t: cal.week_start(t, 1), "week")                        # next week, no day named
WEEK_AFTER_NEXT = _fixed(lambda t: cal.week_start(t, 2), "week")
MONTH_END = _fixed(cal.month_end)
NEXT_MONTH_START = _fixed(lambda t: cal.month_start(t, 1))
NEXT_MONTH_END = _fixed(lambda t: cal.month_end(cal.month_start(t, 1)))


def lookup(word: str, table: Mapping[str, int]) -> int:
    """The value of `word` in `table`: the word itself, else the first key it starts with
    ("tues" -> "tu", "марта" -> "мар"); KeyError when none fits."""
    word = word.lower().replace("ё", "е").rstrip(".")
    if word in table:
        return table[word]
    for key, value in table.items():
        if word.startswith(key):
            return value
    raise KeyError(word)


def _group(m: re.Match, name: str) -> str:
    return m.groupdict().get(name) or ""


def weekday(names: Mapping[str, int], next_week: tuple[str, ...] = (), this_week: tuple[str, ...] = (),
            week_after: tuple[str, ...] = ()) -> Resolver:
    """A weekday (group `wd`, looked up in `names`) with its modifier (group `mod`): a modifier
    starting with one of `next_week` (or a `tail` group, "Tuesday next week") means that day
    of next week, `week_after` of the week after, `this_week` allows today; otherwise the next
    such day after today."""
    def resolve(m: re.Match, today: date) -> Resolved:
        mod, day = _group(m, "mod").lower(), lookup(m.group("wd"), names)
        if week_after and mod.startswith(week_after):
            return cal.week_start(today, 2) + timedelta(days=day), "relative", None
        if (next_week and mod.startswith(next_week)) or _group(m, "tail"):
            return cal.weekday_of_next_week(today, day), "relative", None
        return cal.next_weekday(today, day, include_today=bool(this_week) and mod.startswith(this_week)), \
            "relative", None
    return resolve


def weekday_of_next_week(names: Mapping[str, int]) -> Resolver:
    """"next week on Tuesday": that day of next week."""
    return lambda m, today: (cal.weekday_of_next_week(today, lookup(m.group("wd"), names)), "relative", None)


def offset(day_units: str, week_units: str) -> Resolver:
    """"in 3 days", "через 2 недели", "两周后": a count (group `n`, 1 when absent) of days, weeks
    or months (group `unit`, told apart by its first letter)."""
    def resolve(m: re.Match, today: date) -> Resolved:
        n = cal.number(m.group("n"), 1)
        unit = m.group("unit").lower()
        if unit[0] in day_units:
            return today + timedelta(days=n), "relative", None
        if unit[0] in week_units:
            return today + timedelta(weeks=n), "relative", None
        return cal.add_months(today, n), "relative", None
    return resolve


def _calendar(month: int, day: int, year: str | None, today: date) -> Resolved:
    if not cal.valid_month_day(month, day):
        return None, "bad", (month, day)
    if year is not None and len(year) == 4 and int(year) > MAX_YEAR:
        return None, REFUSED, (month, day)
    return cal.upcoming(today, month, day, int(year) if year else None), "calendar", (month, day)


def _number(text: str) -> int:
    return int(text) if text.isdigit() else cal.number(text, 0)


def _said_day(text: str, ordinals: Mapping[str, int] | None) -> int:
    """A day of the month in digits or, with `ordinals`, said as a word ("пятнадцатого", "двадцать шестого")."""
    if text.isdigit():
        return int(text)
    if ordinals is None:
        raise KeyError(text)
    return ordinals[" ".join(text.lower().replace("ё", "е").split())]


def named_month(months: Mapping[str, int], ordinals: Mapping[str, int] | None = None) -> Resolver:
    """"Dec 3", "3 декабря", "десятого декабря": a month by name (group `mon`), a day (`d`, in digits or,
    with `ordinals`, as a word), maybe a year (`y`)."""
    return lambda m, today: _calendar(lookup(m.group("mon"), months), _said_day(m.group("d"), ordinals), _group(m, "y"),
                                      today)


MONTH_PARTS = {"start": 1, "middle": 15}


def part_of_month(months: Mapping[str, int], part: str) -> Resolver:
    """"в середине декабря", "в феврале ближе к середине", "в конце января": a day in a month named
    (group `mon`): its first day ("start"), the 15th ("middle") or its last day ("end")."""
    def resolve(m: re.Match, today: date) -> Resolved:
        month = lookup(m.group("mon"), months)
        first = date(today.year if month >= today.month else today.year + 1, month, 1)
        day = cal.month_end(first) if part == "end" else first.replace(day=MONTH_PARTS[part])
        return day, "relative", None
    return resolve


def numeric_date(m: re.Match, today: date) -> Resolved:
    """"12/3", "03.12.2026", "12月3日": month (`m`) and day (`d`, or `dc` in numerals) as numbers."""
    return _calendar(_number(m.group("m")), _number(m.group("d") or _group(m, "dc")), m.group("y"), today)


def day_of_month(m: re.Match, today: date) -> Resolved:
    """"the 15th", "15-го числа", "15号": that day this month when still ahead, else the next
    month that has it; `next` ("следующего месяца", "下个月") means next month's."""
    return _day_of_month(_number(m.group("d")), bool(_group(m, "next")), today)


def said_day_of_month(ordinals: Mapping[str, int]) -> Resolver:
    """"числа пятнадцатого", "двадцатого числа": `day_of_month` with the day said as a word."""
    return lambda m, today: _day_of_month(_said_day(m.group("d"), ordinals), bool(_group(m, "next")), today)


def _day_of_month(day: int, next_month: bool, today: date) -> Resolved:
    months = (1,) if next_month else (0, 1, 2)
    for shift in months:
        base = cal.month_start(today, shift)
        if day <= cal.month_end(base).day and (shift or day >= today.day):
            return base.replace(day=day), "calendar", None
    return None, "bad", None
