"""Forecast inputs a note states beside what happened: the deal's expected close date, why it was
lost, where the customer came from, and how often to keep in touch.

    "they expect to close by Dec 15"             -> close_on 12-15
    "lost, they went with a cheaper vendor"      -> lost_reason "price"
    "Umbrella found us through LinkedIn"         -> source "linkedin"
    "keep in touch with Globex every 10 days"    -> touch_days 10

Each language's words live in its cue module (CLOSE, LOST_WHY, SOURCE_VIA, SOURCES, TOUCH, EVERY,
TOUCH_UNITS, CADENCES). The spans of the close date, the source and the cadence are blanked out of
the text the rest of the parse reads, so "close by Dec 15" is no follow-up, "签约预计月底" no
signed deal, "通过展会认识的" no meeting and "созваниваться раз в месяц" no call.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Iterable

from handlers.understanding import first_chars, pattern_cache
from handlers.understanding.cues import Clauses
from handlers.understanding.dates import REFUSED, find_dates
from handlers.understanding.languages import cues, registered
from storage.vocabulary import TOUCH_UNIT_DAYS, LeadSource, LostReason, TouchUnit

_I = re.IGNORECASE
_SENTENCE_END = re.compile(r"[.!?。！？;；\n]")
# the writer's own step between a close cue and a day ("可能会提前下单 我月底前再跟一次"): the day is the step's
_WRITER = re.compile(r"(?<![\u4e00-\u9fff])我(?!们)|\bI\b|(?<![\w])я\b")
_CLAUSE_END = re.compile(r"[.!?。！？;；\n,，、:：]")
_SOURCE_WINDOW = {"zh": 10}        # characters between "through" and the source's word
_SOURCE_WINDOW_DEFAULT = 24
_FREE_SOURCE_CHARS = 40            # a source in the writer's own words, at most
_REASON_CHARS = 200
_ZH_NUMERALS = "一二两三四五六七八九"
_WORDY = re.compile(r"[^\W\d_]{2}|[\u3400-\u9fff]")
_LEAD = re.compile(r"\s*[,，:：;；\-—–]")
_TOUCH_MAX_DAYS = 366


@dataclass
class Facts:
    """What a note says about the deal's close, the customer's source and the cadence."""

    close_on: date | None = None
    source: str | None = None            # a LeadSource value, or the writer's own words
    touch_days: int | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)
    subject: str | None = None           # the name the note opens with before "found us" ("Umbrella found us …")

    def blank(self, text: str) -> str:
        """The text with the facts' spans blanked out (same length: other spans stay valid)."""
        for start, end in self.spans:
            text = text[:start] + " " * (end - start) + text[end:]
        return text

    @property
    def found(self) -> bool:
        return self.close_on is not None or self.source is not None or self.touch_days is not None


@dataclass(frozen=True)
class _Cues:
    close: re.Pattern
    close_window: int
    lost_why: tuple[tuple[str, re.Pattern], ...]
    because: re.Pattern
    via: re.Pattern
    sources: tuple[tuple[str, re.Pattern], ...]
    source_end: re.Pattern | None
    touch: re.Pattern
    intervals: tuple[tuple[int, re.Pattern], ...]
    cadences: tuple[tuple[re.Pattern, int], ...]


def _one(phrases: Iterable[str]) -> re.Pattern:
    return first_chars.compile("|".join(f"(?:{p})" for p in phrases), _I)


@lru_cache(maxsize=None)
def _numbers() -> dict[str, int]:
    words: dict[str, int] = {}
    for module in registered():
        words.update({k.lower(): v for k, v in module.NUMBER_WORDS.items()})
    return words


@lru_cache(maxsize=None)
def _cues(lang: str) -> _Cues:
    mod = cues(lang)
    words = sorted(_numbers(), key=len, reverse=True)
    count = r"(?P<n>\d{1,3}|[" + _ZH_NUMERALS + "十]{1,3}|" + "|".join(
        re.escape(w) + (r"\b" if w[-1].isalpha() and w.isascii() else "") for w in words) + ")"
    every = "(?:" + "|".join(mod.EVERY) + ")"
    intervals = tuple((TOUCH_UNIT_DAYS[TouchUnit(unit)],
                       pattern_cache.compile(every + r"\s*(?:" + count + r"\s*)?(?:" + "|".join(phrases) + ")", _I))
                      for unit, phrases in mod.TOUCH_UNITS.items())
    return _Cues(_one(mod.CLOSE), mod.CLOSE_WINDOW,
                 tuple((LostReason(k), _one(v)) for k, v in mod.LOST_WHY.items()), _one(mod.LOST_BECAUSE),
                 _one(mod.SOURCE_VIA), tuple((LeadSource(k), _one(v)) for k, v in mod.SOURCES.items()),
                 _one(mod.SOURCE_END) if mod.SOURCE_END else None, _one(mod.TOUCH), intervals,
                 tuple((re.compile(p, _I), days) for p, days in mod.CADENCES))


def read(text: str, lang: str, today: date, clauses: Clauses, first_day: bool = False) -> Facts:
    """The close date, source and cadence a note states, with the spans that say them (`first_day`:
    numeric dates are written day first)."""
    facts = Facts()
    c = _cues(lang)
    _cadence(facts, text, c, clauses)
    _source(facts, facts.blank(text), lang, c)
    _close(facts, facts.blank(text), lang, today, c, first_day)
    return facts


def _cadence(facts: Facts, text: str, c: _Cues, clauses: Clauses) -> None:
    """"every 10 days", "每两周", "раз в месяц", "biweekly" in a clause that keeps in touch."""
    hits: list[tuple[int, int, int]] = []
    for days, pattern in c.intervals:
        for m in pattern.finditer(text):
            n = _count(m.group("n")) if m.group("n") else 1
            if n:
                hits.append((m.start(), m.end(), n * days))
    for pattern, days in c.cadences:
        hits += [(m.start(), m.end(), days) for m in pattern.finditer(text)]
    for start, end, days in sorted(hits):
        lo, hi = clauses.span(start)
        touch = [m for m in c.touch.finditer(text, lo, max(hi, end)) if m.end() <= start or m.start() >= end]
        if not touch or not 1 <= days <= _TOUCH_MAX_DAYS:
            continue
        facts.touch_days = days
        near = min(touch, key=lambda m: abs(m.start() - start))
        facts.spans.append((min(start, near.start()), max(end, near.end())))
        return


def _count(word: str) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    if word in _numbers():
        return _numbers()[word]
    if all(ch in _ZH_NUMERALS + "十" for ch in word):   # 十, 十五, 二十, 两
        if "十" not in word:
            return _numbers().get(word)
        tens, _, ones = word.partition("十")
        return (_numbers().get(tens, 1) if tens else 1) * 10 + (_numbers().get(ones, 0) if ones else 0)
    return None


def _source(facts: Facts, text: str, lang: str, c: _Cues) -> None:
    """"found us through LinkedIn", "通过展会认识的", "пришли с сайта": the source named, or the
    writer's own words for it."""
    window = _SOURCE_WINDOW.get(lang, _SOURCE_WINDOW_DEFAULT)
    for via in c.via.finditer(text):
        said = via.group(0)
        named = next((source for source, pattern in c.sources if pattern.search(said)), None)
        end = via.end()
        if named is None:
            found = [(m.start(), m.end(), source) for source, pattern in c.sources
                     for m in [pattern.search(text, via.end(), via.end() + window)] if m is not None
                     and not _CLAUSE_END.search(text, via.end(), m.start())]
            if found:
                _, end, named = min(found)
        if named is None:
            stop = _CLAUSE_END.search(text, via.end())
            words_end = stop.start() if stop else len(text)
            if c.source_end is not None:
                close = c.source_end.search(text, via.end(), words_end)
                words_end = close.start() if close else words_end
            words = text[via.end():words_end].strip()
            if not _WORDY.search(words) or len(words) > _FREE_SOURCE_CHARS:
                continue
            named, end = words, words_end
        if c.source_end is not None:                      # "认识的", "来的": part of saying the source
            close = c.source_end.match(text, end)
            end = close.end() if close else end
            end += 1 if text[end:end + 1] == "的" else 0
        facts.source = str(named)
        facts.spans.append((via.start(), end))
        facts.subject = _subject(text[:via.start()])
        return


_SUBJECT_CHARS = 40
_NOT_A_NAME = re.compile(r"[,.;:!?，。；：！？\n]")


def _subject(before: str) -> str | None:
    """What stands before "found us", "通过", "пришли с" when it is a short name alone ("Umbrella",
    "新客户华为" is not: the note's own rules read that); pronouns are for the caller to drop."""
    words = before.strip(" -—–:")
    if not words or len(words) > _SUBJECT_CHARS or _NOT_A_NAME.search(words) or not _WORDY.search(words):
        return None
    return words


def _close(facts: Facts, text: str, lang: str, today: date, c: _Cues, first_day: bool = False) -> None:
    """A date next to a close cue: "expect to close by Dec 15", "签约预计月底", "закроем до 15 декабря"."""
    cues_at = [(m.start(), m.end()) for m in c.close.finditer(text)]
    if not cues_at:
        return
    for hit in find_dates(text, lang, today, first_day):
        if hit.kind in (REFUSED, "bad") or hit.day is None or hit.day < today:
            continue
        for start, end in cues_at:
            gap = hit.start - end if end <= hit.start else start - hit.end if hit.end <= start else 0
            lo, hi = min(start, hit.start), max(end, hit.end)
            if gap <= c.close_window and not _SENTENCE_END.search(text, lo, hi) and not _WRITER.search(text, lo, hi):
                facts.close_on = hit.day
                facts.spans.append((lo, hi))
                return


def lost_reason(text: str, lang: str, lost_cue: re.Pattern, customer: str | None) -> str | None:
    """Why the deal was lost: a known reason its words name ("cheaper" is price), else the words after
    "because" or after the lost cue itself ("lost — their CFO left"), as written."""
    c = _cues(lang)
    for reason, pattern in c.lost_why:
        if pattern.search(text):
            return str(reason)
    because = c.because.search(text)
    after = because.end() if because else None
    if after is None:
        lost = lost_cue.search(text)
        if lost is None or not _LEAD.match(text, lost.end()):   # "lost, …", "lost — …": a reason follows
            return None
        after = lost.end()
    stop = _SENTENCE_END.search(text, after)
    words = text[after:stop.start() if stop else len(text)]
    if customer:
        words = words.replace(customer, " ")
    words = " ".join(words.split()).strip(" ,.;:，。；：-—–")
    return words[:_REASON_CHARS] if _WORDY.search(words) else None
