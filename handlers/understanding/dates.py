"""Finding date expressions in chat text and resolving them against today, by the rules of
the note's language (its module's DATES, languages/<code>.py) plus ISO dates in any language.

`find_dates` returns every expression it recognises, with its span, so the callers
(`timeline.py`) can decide which one is the follow-up, which one a birthday.

The text is read once: two patterns made of every rule (the rules' branches that start with a
letter or digit, grouped by it, and the others: `first_letters.any_order`) find where a date may
start, and only there are the rules tried one by one (a note of a few hundred characters holds a
date or two, not one per rule).
"""
from __future__ import annotations

import re
from re import _constants as _c, _parser  # type: ignore[attr-defined]  # the stdlib's regex parser is untyped
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from babel.core import Locale, UnknownLocaleError, get_global

from handlers.understanding import first_chars, first_letters, pattern_cache
from handlers.understanding.days import (DAY_OVER_12_SLASH_MONTH, DAY_SLASH_MONTH, MONTH_SLASH_DAY,
                                         MONTH_SLASH_DAY_OVER_12, REFUSED, YEAR, Resolver, numeric_date as _numeric)
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


_ISO = r"\b" + YEAR + r"-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b"
_GROUP_NAME = re.compile(r"\(\?P<\w+>")
_WORD_CHAR = re.compile(r"\w")
_AT_A_WORD = r"(?<!\w)(?=\w)"


@dataclass(frozen=True)
class _Rules:
    """A language's date rules (ISO dates first), and the patterns that find between them where any
    rule may match: the rules' branches that start with a letter, grouped by it, and the others."""

    each: tuple[tuple[re.Pattern, Resolver], ...]
    anywhere: tuple[re.Pattern, ...]


@lru_cache(maxsize=None)
def day_first(zone: str | None, lang: str) -> bool:
    """True when a writer in this time zone writes a numeric date day first in this language
    ("07/12" is 7 December in Europe/London, July 12 in America/New_York), by the region's short
    date format; a zone of no known region writes as the language does by default."""
    territory = get_global("zone_territories").get(zone or "")
    try:
        locale = Locale.parse(f"{lang}_{territory}") if territory else Locale.parse(lang)
    except (UnknownLocaleError, ValueError):
        locale = Locale.parse(lang)
    pattern = locale.date_formats["short"].pattern
    return 0 <= pattern.find("d") < pattern.find("M")


def _in_order(phrases: list[tuple[str, Resolver]], first_day: bool) -> list[tuple[str, Resolver]]:
    """The slash dates in the writer's order, and the other order where only it can be meant ("20/11")."""
    out: list[tuple[str, Resolver]] = []
    for phrase, resolve in phrases:
        if phrase != MONTH_SLASH_DAY:
            out.append((phrase, resolve))
        elif first_day:
            out += [(DAY_SLASH_MONTH, resolve), (MONTH_SLASH_DAY_OVER_12, resolve)]
        else:
            out += [(MONTH_SLASH_DAY, resolve), (DAY_OVER_12_SLASH_MONTH, resolve)]
    return out


@lru_cache(maxsize=None)
def _rules(lang: str, first_day: bool = False) -> _Rules:
    phrases = _in_order([(_ISO, _numeric)] + list(cues(lang).DATES), first_day)
    each = tuple((first_chars.compile(phrase, re.I), resolve) for phrase, resolve in phrases)
    apart = _APART.join(_GROUP_NAME.sub("(?:", phrase) for phrase, _ in phrases)
    anywhere = (pattern_cache.compile(apart, re.I, _lettered_starts, "2"),
                pattern_cache.compile(apart, re.I, _other_starts, "2"))
    return _Rules(each, anywhere)


_APART = "\x00"              # between the rules' texts, in the key their start patterns are kept under
_NOWHERE = "(?!)"


def _lettered_starts(apart: str, flags: int) -> tuple[str, int]:
    """Where a rule's branch that starts with a letter or digit may match (`first_letters.any_order`)."""
    letters, _ = first_letters.any_order(apart.split(_APART), flags)
    return letters if letters is not None else (_NOWHERE, flags)


def _other_starts(apart: str, flags: int) -> tuple[str, int]:
    """Where one of the rules' other branches may match."""
    phrases = apart.split(_APART)
    _, rest = first_letters.any_order(phrases, flags)
    if rest is None:
        return _NOWHERE, flags
    if all(_at_a_word(_parser.parse(phrase, flags)) for phrase in phrases):
        rest = _AT_A_WORD + "(?:" + rest + ")"      # only where a word starts: most places are not tried
    return first_chars.guarded(rest, flags)


def _at_a_word(items: list, boundary: bool = False) -> bool:
    """True when every match of the parsed pattern `items` starts where a word starts: a word
    boundary (\\b), then a letter or digit, with only lookarounds or optional parts before."""
    items = list(items)
    for i, (op, arg) in enumerate(items):
        rest = items[i + 1:]
        if op in (_c.ASSERT, _c.ASSERT_NOT):
            continue
        if op is _c.AT:
            if arg is not _c.AT_BOUNDARY:
                return False
            boundary = True
            continue
        if op is _c.SUBPATTERN:
            return _at_a_word(list(arg[3]) + rest, boundary)
        if op is _c.BRANCH:
            return all(_at_a_word(list(alt) + rest, boundary) for alt in arg[1])
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            least, _, sub = arg
            return _at_a_word(list(sub) + rest, boundary) and (least > 0 or _at_a_word(rest, boundary))
        return boundary and _wordy(op, arg)
    return False


def _wordy(op: object, arg: Any) -> bool:
    """True when the parsed item `op arg` reads only letters or digits."""
    if op is _c.LITERAL:
        return _WORD_CHAR.match(chr(arg)) is not None
    if op is _c.IN:
        return all((kind is _c.LITERAL and _WORD_CHAR.match(chr(value)))
                   or (kind is _c.RANGE and _WORD_CHAR.match(chr(value[0])) and _WORD_CHAR.match(chr(value[1])))
                   or (kind is _c.CATEGORY and value in (_c.CATEGORY_WORD, _c.CATEGORY_DIGIT)) for kind, value in arg)
    return False


def rules(lang: str) -> tuple[tuple[re.Pattern, Resolver], ...]:
    """The date rules of `lang` (ISO dates, then its module's DATES), compiled."""
    return _rules(lang).each


def find_dates(text: str, lang: str, today: date, first_day: bool = False) -> list[DateHit]:
    """Every date expression in `text` (rules of `lang`, plus ISO dates), earliest first; where
    several start at one place the longest is kept, and what starts inside it is not read.
    `first_day`: the writer writes numeric dates day first (`day_first`)."""
    compiled = _rules(lang, first_day)
    out: list[DateHit] = []
    pos = 0
    while (at := _first_start(compiled.anywhere, text, pos)) is not None:
        best: DateHit | None = None
        for pattern, resolve in compiled.each:
            match = pattern.match(text, at)
            if match is None or match.end() == at or (best is not None and match.end() <= best.end):
                continue
            try:
                day, kind, md = resolve(match, today)
            except (KeyError, ValueError, OverflowError):
                continue
            best = DateHit(at, match.end(), day, kind, md)
        if best is None:
            pos = at + 1
            continue
        out.append(best)
        pos = best.end
    return _in_month_said(out)


def _first_start(anywhere: tuple[re.Pattern, ...], text: str, pos: int) -> int | None:
    """The first place from `pos` where one of the patterns matches."""
    starts = [found.start() for found in (pattern.search(text, pos) for pattern in anywhere) if found is not None]
    return min(starts) if starts else None


def _in_month_said(hits: list[DateHit]) -> list[DateHit]:
    """A day of the month said bare after a date of a later month is in that month: "ТЗ до 15.12,
    напомни 16-го" (written in November) is 16 December, "by Dec 15, ping me on the 16th" too."""
    out: list[DateHit] = []
    month_of: date | None = None
    for hit in hits:
        if hit.kind == "calendar" and hit.month_day is None and hit.day is not None and month_of is not None \
                and month_of > hit.day:
            try:
                moved = month_of.replace(day=hit.day.day)
            except ValueError:
                moved = None
            if moved is not None and moved >= month_of:
                hit = DateHit(hit.start, hit.end, moved, hit.kind, None)
        if hit.month_day is not None and hit.day is not None:
            month_of = hit.day
        out.append(hit)
    return out


__all__ = ["REFUSED", "DateHit", "day_first", "find_dates", "rules"]
