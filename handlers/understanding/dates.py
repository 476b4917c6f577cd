"""Finding date expressions in chat text and resolving them against today, by the rules of
the note's language (its module's DATES, languages/<code>.py) plus ISO dates in any language.

`find_dates` returns every expression it recognises, with its span, so the callers
(`timeline.py`) can decide which one is the follow-up, which one a birthday.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from handlers.understanding.days import REFUSED, YEAR, Resolver, numeric_date as _numeric
from handlers.understanding.languages import cues


@dataclass(frozen=True)
class DateHit:
    """One date expression: its span, the day it means (None when it cannot exist),
    its kind ("today", "relative", "calendar", "week", "bad", "refused") and, for calendar dates,
    the month and day as written (for birthdays)."""

    start: int
    end: int
    day: date | None
    kind: str
    month_day: tuple[int, int] | None = None


@lru_cache(maxsize=None)
def rules(lang: str) -> tuple[tuple[re.Pattern, Resolver], ...]:
    """The date rules of `lang` (its module's DATES), compiled."""
    return tuple((re.compile(phrase, re.I), resolve) for phrase, resolve in cues(lang).DATES)


def find_dates(text: str, lang: str, today: date) -> list[DateHit]:
    """Every date expression in `text` (rules of `lang`, plus ISO dates), earliest first,
    overlapping ones reduced to the longest."""
    hits: list[DateHit] = []
    for match in _ISO.finditer(text):
        day, kind, md = _numeric(match, today)
        hits.append(DateHit(match.start(), match.end(), day, kind, md))
    for pattern, resolve in rules(lang):
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


_ISO = re.compile(r"\b" + YEAR + r"-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b")
__all__ = ["REFUSED", "DateHit", "find_dates", "rules"]
