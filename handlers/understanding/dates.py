"""Finding date expressions in en / zh / ru chat text and resolving them against today.

`find_dates` returns every expression it recognises, with its span, so the callers
(`timeline.py`) can decide which one is the follow-up, which one a birthday.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable

from handlers.understanding import calendar as cal
from handlers.understanding.calendar import EN_MONTHS, EN_WEEKDAYS, RU_MONTH_ABBR, RU_MONTHS, RU_WEEKDAYS, ZH_DIGITS



@dataclass(frozen=True)
class DateHit:
    """One date expression: its span, the day it means (None when it cannot exist),
    its kind ("today", "relative", "calendar", "week", "bad") and, for calendar dates,
    the month and day as written (for birthdays)."""

    start: int
    end: int
    day: date | None
    kind: str
    month_day: tuple[int, int] | None = None


Resolver = Callable[[re.Match, date], "tuple[date | None, str, tuple[int, int] | None]"]
_I = re.I


def _wd(word: str, table: dict[str, int]) -> int:
    word = word.lower().replace("ё", "е").rstrip(".")
    for key, value in table.items():
        if word.startswith(key):
            return value
    raise KeyError(word)


def _weekday_en(m: re.Match, today: date):
    mod, wd, tail = (m.group("mod") or "").lower(), _wd(m.group("wd"), EN_WEEKDAYS), m.group("tail")
    if mod == "next" or tail:
        return cal.weekday_of_next_week(today, wd), "relative", None
    return cal.next_weekday(today, wd, include_today=mod == "this"), "relative", None


def _weekday_ru(m: re.Match, today: date):
    mod, wd = (m.group("mod") or "").lower(), _wd(m.group("wd"), RU_WEEKDAYS)
    if mod.startswith("след"):
        return cal.weekday_of_next_week(today, wd), "relative", None
    return cal.next_weekday(today, wd, include_today=mod.startswith("эт")), "relative", None


def _weekday_zh(m: re.Match, today: date):
    mod, char = m.group("mod") or "", m.group("wd")
    wd = 5 if char == "末" else ("一二三四五六".index(char) if char in "一二三四五六" else 6)
    if mod.startswith("下下"):
        return cal.week_start(today, 2) + timedelta(days=wd), "relative", None
    if mod.startswith("下"):
        return cal.weekday_of_next_week(today, wd), "relative", None
    return cal.next_weekday(today, wd, include_today=bool(mod)), "relative", None


def _offset(m: re.Match, today: date):
    n = cal.number(m.group("n"), 1)
    unit = m.group("unit").lower()
    if unit[0] in "dд天日":
        return today + timedelta(days=n), "relative", None
    if unit[0] in "wн周星礼":
        return today + timedelta(weeks=n), "relative", None
    return cal.add_months(today, n), "relative", None


def _calendar(month: int, day: int, year: str | None, today: date):
    if not cal.valid_month_day(month, day):
        return None, "bad", (month, day)
    return cal.upcoming(today, month, day, int(year) if year else None), "calendar", (month, day)


def _zh_num(text: str) -> int:
    if text.isdigit():
        return int(text)
    return cal.number(text, 0)


def _fixed(func: Callable[[date], date], kind: str = "relative") -> Resolver:
    return lambda m, today: (func(today), kind, None)


def _day_of_month(m: re.Match, today: date):
    day = _zh_num(m.group("d"))
    months = (1,) if m.group("next") else (0, 1, 2)
    for shift in months:
        base = cal.month_start(today, shift)
        if day <= cal.month_end(base).day and (shift or day >= today.day):
            return base.replace(day=day), "calendar", None
    return None, "bad", None


_EN_WD = r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday|tues?|thu(?:rs?)?|fri|weds?)"
_EN_WD_SHORT = r"(?P<wd>mon|sat|sun)"
_EN_MON = r"(?P<mon>" + "|".join(sorted(EN_MONTHS, key=len, reverse=True)) + r")\.?"
_EN_N = r"(?P<n>\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|(?:a\s+)?couple(?:\s+of)?|(?:a\s+)?few)"
_RU_WD = r"(?P<wd>понедельник\w*|вторник\w*|сред[аеуы]|четверг\w*|пятниц[аеуы]|суббот[аеуы]|воскресень[еяю])"
_RU_MON = r"(?P<mon>" + "|".join(RU_MONTHS + RU_MONTH_ABBR) + r")"
_RU_N = r"(?P<n>\d{1,3}|одн[ау]|один|дв[ае]|три|четыре|пять|шесть|семь|восемь|девять|десять|пару|несколько)"
_ZH_N = "[0-9" + ZH_DIGITS + "几]{1,3}"

RULES: dict[str, list[tuple[re.Pattern, Resolver]]] = {
    "en": [
        (re.compile(r"\b(?:the\s+)?day\s+after\s+tomorrow\b", _I), _fixed(lambda t: t + timedelta(days=2))),
        (re.compile(r"\b(?:tomorrow|tmrw|tmr|tmro|2mor+ow?|tomoz)\b", _I), _fixed(lambda t: t + timedelta(days=1))),
        (re.compile(r"\b(?:today|tonight|this\s+(?:morning|afternoon|evening)|later\s+today)\b", _I),
         _fixed(lambda t: t, "today")),
        (re.compile(r"\b(?:(?:by\s+)?(?:the\s+)?end\s+of\s+(?:the\s+)?(?:business\s+)?day|(?:close\s+of\s+business|eod|cob)(?:\s+today)?)\b", _I),
         _fixed(lambda t: t, "deadline")),                                      # the rep's own deadline today
        (re.compile(r"\bnext\s+week\s+(?:on\s+)?" + _EN_WD.replace("wd", "wd") + r"\b", _I),
         lambda m, t: (cal.weekday_of_next_week(t, _wd(m.group("wd"), EN_WEEKDAYS)), "relative", None)),
        (re.compile(r"(?:\b(?P<mod>next|this|coming|on|by|until|till|before)\s+)?\b" + _EN_WD
                    + r"\b(?P<tail>\s+next\s+week)?", _I), _weekday_en),
        (re.compile(r"\b(?P<mod>next|this|on|by|until|till|before)\s+" + _EN_WD_SHORT + r"\b(?P<tail>\s+next\s+week)?",
                    _I), _weekday_en),
        (re.compile(r"(?P<mod>)\b" + _EN_WD_SHORT + r"\b(?P<tail>)(?=\.?\s+(?:\d{1,2}(?::\d\d|\s*[ap]\.?m\b)|at\s+\d|@|"
                    r"morning|afternoon|evening|am\b|pm\b))", _I), _weekday_en),        # "Mon 9:00", "sat morning"
        (re.compile(r"\b(?:early|beginning\s+of|start\s+of)\s+next\s+month\b|\bnext\s+month\b", _I),
         _fixed(lambda t: cal.month_start(t, 1))),
        (re.compile(r"\b(?:the\s+)?end\s+of\s+next\s+month\b", _I), _fixed(lambda t: cal.month_end(cal.month_start(t, 1)))),
        (re.compile(r"\b(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?month\b|\beom\b|\bmonth[- ]end\b", _I),
         _fixed(cal.month_end)),
        (re.compile(r"\b(?:the\s+)?end\s+of\s+next\s+week\b|\blate\s+next\s+week\b", _I),
         _fixed(lambda t: cal.week_start(t, 1) + timedelta(days=4))),
        (re.compile(r"\b(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?week\b|\beow\b", _I),
         _fixed(lambda t: cal.next_weekday(t, 4, include_today=True))),
        (re.compile(r"\b(?:the\s+)?week\s+after\s+next\b", _I), _fixed(lambda t: cal.week_start(t, 2), "week")),
        (re.compile(r"\b(?:early\s+)?ne?xt\s+w(?:ee)?k\b", _I), _fixed(lambda t: cal.week_start(t, 1), "week")),
        (re.compile(r"\bin\s+" + _EN_N + r"\s+(?P<unit>day|week|month)s?\b", _I), _offset),
        (re.compile(r"\b" + _EN_N + r"\s+(?P<unit>day|week|month)s?\s+from\s+(?:now|today)\b", _I), _offset),
        (re.compile(r"\b" + _EN_MON + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>20\d\d))?", _I),
         lambda m, t: _calendar(EN_MONTHS[m.group("mon").lower()], int(m.group("d")), m.group("y"), t)),
        (re.compile(r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _EN_MON + r"\b(?:,?\s+(?P<y>20\d\d))?", _I),
         lambda m, t: _calendar(EN_MONTHS[m.group("mon").lower()], int(m.group("d")), m.group("y"), t)),
        (re.compile(r"(?<![\d/.$])\b(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])(?:/(?P<y>20\d\d|\d\d))?\b(?![/\d])"),
         lambda m, t: _calendar(int(m.group("m")), int(m.group("d")), m.group("y"), t)),
        (re.compile(r"\bthe\s+(?P<d>[12]?\d|3[01])(?:st|nd|rd|th)\b(?P<next>)", _I), _day_of_month),
    ],
    "ru": [
        (re.compile(r"\b(?:в|во|до|к|ко|на|с|со)\s+(?:(?P<mod>следующ\w*|след\.|эт[оиу]\w*|ближайш\w*)\s*)?"
                    r"(?P<wd>пн|вт|ср|чт|пт|сб|вс)\b\.?", _I), _weekday_ru),
        (re.compile(r"\bпослезавтра\b", _I), _fixed(lambda t: t + timedelta(days=2))),
        (re.compile(r"\bзавтра\b", _I), _fixed(lambda t: t + timedelta(days=1))),
        (re.compile(r"\bсегодня\b", _I), _fixed(lambda t: t, "today")),
        (re.compile(r"(?:\b(?:в|во|к|до|на|с|со)\s+)?(?:\b(?P<mod>следующ\w*|эт[оиу]\w*|ближайш\w*|будущ\w*)\s+)?\b"
                    + _RU_WD + r"(?!\w)", _I), _weekday_ru),
        (re.compile(r"(?<![\d.,])\b(?P<d>3[01]|[12]\d|0?[1-9])-?(?:го|е)?\s+числа(?P<next>\s+следующего\s+месяца)?\b", _I),
         _day_of_month),
        (re.compile(r"\b(?:в|к|до)\s+(?:конц[ауе]|концу)\s+(?:следующего|будущего)\s+месяца\b", _I),
         _fixed(lambda t: cal.month_end(cal.month_start(t, 1)))),
        (re.compile(r"\b(?:в|к|до)\s+(?:конц[ауе]|концу)\s+(?:этого\s+|текущего\s+)?месяца\b", _I), _fixed(cal.month_end)),
        (re.compile(r"\b(?:в|к|до)\s+(?:конц[ауе]|концу)\s+(?:следующей|будущей)\s+недели\b", _I),
         _fixed(lambda t: cal.week_start(t, 1) + timedelta(days=4))),
        (re.compile(r"\b(?:в|к|до)\s+(?:конц[ауе]|концу)\s+(?:этой\s+)?недели\b", _I),
         _fixed(lambda t: cal.next_weekday(t, 4, include_today=True))),
        (re.compile(r"\b(?:в\s+начале\s+(?:следующего|будущего)\s+месяца|в\s+(?:следующем|будущем)\s+месяце)\b", _I),
         _fixed(lambda t: cal.month_start(t, 1))),
        (re.compile(r"\b(?:на\s+)?(?:следующей|будущей|след\.)\s+неделе\b|\bчерез\s+неделю\b(?P<x>)", _I),
         lambda m, t: ((t + timedelta(days=7), "relative", None) if m.group(0).lower().startswith("через")
                       else (cal.week_start(t, 1), "week", None))),
        (re.compile(r"\bчерез\s+(?:" + _RU_N + r"\s+)?(?P<unit>дн\w*|день|недел\w*|месяц\w*)\b", _I), _offset),
        (re.compile(r"(?<![\d.,])\b(?P<d>[0-3]?\d)(?:-?го)?\s+" + _RU_MON + r"\b(?:\s+(?P<y>20\d\d))?", _I),
         lambda m, t: _calendar(_ru_month(m.group("mon")), int(m.group("d")), m.group("y"), t)),
        (re.compile(r"(?<![\d.,])(?<!\bв\s)\b(?P<d>3[01]|[12]\d|0?[1-9])\.(?P<m>1[0-2]|0[1-9])(?:\.(?P<y>20\d\d|\d\d))?\b"
                    r"(?![.,]?\d|\s*(?:млн|млрд|тыс|к\b|k\b|%|руб|р\.|₽))", _I),
         lambda m, t: _calendar(int(m.group("m")), int(m.group("d")), m.group("y"), t)),
    ],
    "zh": [
        (re.compile("大后天"), _fixed(lambda t: t + timedelta(days=3))),
        (re.compile("(?<!大)后天"), _fixed(lambda t: t + timedelta(days=2))),
        (re.compile("明[天早晚儿日]"), _fixed(lambda t: t + timedelta(days=1))),
        (re.compile("今[天晚早日]"), _fixed(lambda t: t, "today")),
        (re.compile("(?P<mod>下下个?|下个?|这个?|本)?(?:周|星期|礼拜)(?P<wd>[一二三四五六日天末])"), _weekday_zh),
        (re.compile("下(?:个)?(?:周|星期|礼拜)(?:底|结束前)"), _fixed(lambda t: cal.week_start(t, 1) + timedelta(days=4))),
        (re.compile("下下个?(?:周|星期|礼拜)"), _fixed(lambda t: cal.week_start(t, 2), "week")),
        (re.compile("下个?(?:周|星期|礼拜)"), _fixed(lambda t: cal.week_start(t, 1), "week")),
        (re.compile("下个?月[底末]"), _fixed(lambda t: cal.month_end(cal.month_start(t, 1)))),
        (re.compile("(?:这个|本)?月[底末]"), _fixed(cal.month_end)),
        (re.compile("下个?月初|下个?月(?![0-9" + ZH_DIGITS + "])"), _fixed(lambda t: cal.month_start(t, 1))),
        (re.compile("(?:过|再过)?(?P<n>" + _ZH_N + ")个?(?P<unit>天|日|周|星期|礼拜|月)(?:之后|以后|后)"), _offset),
        (re.compile("过(?P<n>" + _ZH_N + ")(?P<unit>天)"), _offset),
        (re.compile("(?:(?P<y>20\\d\\d)年)?(?P<m>[0-9]{1,2}|十[一二]?|[一二三四五六七八九])月(?:(?P<d>[0-9]{1,2})[日号]?(?![0-9])|(?P<dc>[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])[日号])"),
         lambda m, t: _calendar(_zh_num(m.group("m")), _zh_num(m.group("d") or m.group("dc")), m.group("y"), t)),
        (re.compile("(?<![0-9月])(?P<next>下个?月)?(?P<d>[0-9]{1,2})[号日](?![0-9])"), _day_of_month),
    ],
}
RULES["zh"].append((RULES["en"][-2][0], RULES["en"][-2][1]))    # "1/8" in Chinese notes is M/D too
_RU_MONTH_KEYS = list(RU_MONTHS)


def _ru_month(word: str) -> int:
    word = word.lower()
    for i, stem in enumerate(("янв", "фев", "мар", "апр", "ма", "июн", "июл", "авг", "сен", "окт", "ноя", "дек")):
        if word.startswith(stem):
            return i + 1
    raise KeyError(word)


def find_dates(text: str, lang: str, today: date) -> list[DateHit]:
    """Every date expression in `text` (rules of `lang`, plus ISO dates), earliest first,
    overlapping ones reduced to the longest."""
    hits: list[DateHit] = []
    for match in _ISO.finditer(text):
        day, kind, md = _calendar(int(match.group("m")), int(match.group("d")), match.group("y"), today)
        hits.append(DateHit(match.start(), match.end(), day, kind, md))
    for pattern, resolve in RULES.get(lang, ()):
        for match in pattern.finditer(text):
            if match.end() == match.start():
                continue
            try:
                day, kind, md = resolve(match, today)
            except (KeyError, ValueError, OverflowError):
                continue
            hits.append(DateHit(match.start(), match.end(), day, kind, md))
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    out: list[DateHit] = []
    for hit in hits:
        if out and hit.start < out[-1].end:
            continue
        out.append(hit)
    return out


_ISO = re.compile(r"\b(?P<y>20\d\d)-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b")
