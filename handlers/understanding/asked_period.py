"""Which period a question asks about ("this quarter", "в марте 2026", "до конца года", "上个月"): the
calendar's period the words name, a year written after a month or quarter, or from today until a
date ("before xmas")."""
from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from handlers.understanding import calendar as cal
from handlers.understanding.cues import Lexicon, cues
from handlers.understanding.dates import find_dates


def period(text: str, lex: Lexicon, today: date, days: bool = False,
           ahead: bool = False, back: bool = False) -> tuple[date, date] | None:
    """The period a question names (the earliest one written), or None. With `days`, a single
    day also counts ("what do I have on Friday", "планы на пятницу", "周五有什么安排"). A month or
    quarter takes the year written right after it ("Q1 2027"); otherwise, `ahead` (a forecast) makes
    one that is over next year's, `back` (what was done) makes one still to come last year's."""
    best: tuple[int, int, str] | None = None
    for pattern, name in lex.periods:
        m = pattern.search(text)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), m.end(), name)
    if best is None:
        if days:
            hit = next((h for h in find_dates(text, lex.lang, today) if h.day is not None and h.kind != "week"), None)
            if hit is not None and hit.day is not None:
                return hit.day, hit.day
        return _until(text, lex, today) if ahead else None
    start, end, name = best
    if name.startswith("last_") and lex.period_compared is not None \
            and lex.period_compared.search(text, max(0, start - 30), start):
        name = "this_" + name.removeprefix("last_")      # "ahead of this time last quarter": this quarter asked
    if not _CALENDAR_PART.fullmatch(name):
        return cal.period_for(name, today, ahead)
    year = _YEAR_AFTER.match(text, end)
    if year:
        return cal.period_for(name, date(int(year.group(1)), 1, 1))
    first, last = cal.period_for(name, today, ahead)
    if back and first > today:
        return cal.period_for(name, date(today.year - 1, 1, 1))
    return first, last


def _until(text: str, lex: Lexicon, today: date) -> tuple[date, date] | None:
    """From today to a day named after "before"/"by"/"until" ("what are we signing before xmas"): the day
    itself left out after "before"."""
    if lex.period_until is None:
        return None
    for hit in find_dates(text, lex.lang, today):
        cue = lex.period_until.search(text, 0, hit.start) if hit.day is not None else None
        if cue is None or hit.day is None:
            continue
        last = hit.day - timedelta(days=1) if cue.groupdict().get("before") else hit.day
        return (today, last) if last >= today else None
    return None


_CALENDAR_PART = re.compile(r"q[1-4]|m\d{1,2}")         # a quarter or a month by name
_YEAR_AFTER = re.compile(r"\s*(?:г\.?\s*|года?\s*|年\s*)?(20\d\d)\b")


def compared(text: str, lex: Lexicon, today: date) -> tuple[date, date] | None:
    """The period a question sets beside the one it asks about ("this quarter vs last quarter",
    "сравни этот квартал с прошлым", "这个季度跟上个季度比"): the second period named, or the one
    before the first when "last" stands alone after it; None when the question compares no periods."""
    if not _any_of(lex.lang, "PERIODS_COMPARED").search(text):
        return None
    hits: list[tuple[int, int, str]] = []
    for start, end, name in sorted((m.start(), m.end(), name) for pattern, name in lex.periods
                                   for m in pattern.finditer(text)):
        if not hits or start >= hits[-1][1]:
            hits.append((start, end, name))
    if len(hits) >= 2:
        second = period(text[hits[1][0]:], lex, today)
        return second if second != period(text, lex, today) else None
    if len(hits) == 1 and hits[0][2].startswith("this_") \
            and _any_of(lex.lang, "PERIOD_LAST_ALONE").search(text, hits[0][1]):
        return cal.period_for("last_" + hits[0][2].removeprefix("this_"), today)
    return None


@lru_cache(maxsize=None)
def _any_of(code: str, slot: str) -> re.Pattern[str]:
    phrases = getattr(cues(code), slot)
    return re.compile("|".join(f"(?:{p})" for p in phrases) if phrases else r"(?!)", re.IGNORECASE)

