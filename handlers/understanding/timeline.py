"""Which date in a note is the follow-up, which is a birthday, and which period a question asks about."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from handlers.understanding import calendar as cal
from handlers.understanding.cues import Clauses, Lexicon, planned
from handlers.understanding.dates import DateHit, find_dates

_SENTENCE_END = re.compile(r"[.!?。！？;\n]")
_REMIND = re.compile(r"\bremind\s+me\b|\bнапомни\w*|提醒我?|\bset\s+a\s+reminder\b|\bне\s+забыть\b|记得", re.I)
_TODAY_OK = re.compile(r"\bfollow[\s-]?up\b|\bping\b|\bcheck\s+in\b|\btouch\s+base\b|\bcall\s+(?:them|him|her|back)\b|"
                       r"跟进|回访|\bперезвон\w*|\bсозвонимся\b|\bпозвонить\b|\bнаписать\b", re.I)
_FILLER = re.compile(r"^(?:and|then|also|so|и|а|потом|然后|再|还有)\s+|[\s,.;:!?，。！？；：-]+$|^[\s,.;:!?，。！？；：-]+", re.I)


@dataclass
class Timeline:
    """The dates a note holds, sorted out."""

    followup_on: date | None = None
    followup_what: str | None = None
    birthday: str | None = None
    problems: list[str] = field(default_factory=list)
    future: list[tuple[int, int]] = field(default_factory=list)     # spans of dates after today


def _birthday_hits(text: str, hits: list[DateHit], lex: Lexicon) -> dict[int, DateHit]:
    chosen: dict[int, DateHit] = {}
    for cue in lex.birthday.finditer(text):
        best, best_gap = None, 10**6
        for i, hit in enumerate(hits):
            if hit.month_day is None or i in chosen:
                continue
            lo, hi = (hit.end, cue.start()) if hit.end <= cue.start() else (cue.end(), hit.start)
            gap = hi - lo
            if gap > 45 or _SENTENCE_END.search(text, lo, hi):
                continue
            gap += 5 if hit.end <= cue.start() else 0      # "birthday is April 9" over "April 9 birthday"
            if gap < best_gap:
                best, best_gap = i, gap
        if best is not None:
            chosen[best] = hits[best]
    return chosen


def sort_out(text: str, lang: str, today: date, lex: Lexicon, clauses: Clauses) -> Timeline:
    """Follow-up date (a date in a clause where the writer commits to something), birthday
    (a month and day next to a birthday word) and date problems."""
    out = Timeline()
    hits = find_dates(text, lang, today)
    if not hits:
        return out
    birthdays = _birthday_hits(text, hits, lex)
    for hit in birthdays.values():
        if hit.kind == "bad" or hit.month_day is None or not cal.valid_month_day(*hit.month_day):
            out.problems.append("bad_date")
        elif out.birthday is None:
            out.birthday = f"{hit.month_day[0]:02d}-{hit.month_day[1]:02d}"
    remind = _REMIND.search(text) is not None
    out.future = [(h.start, h.end) for i, h in enumerate(hits)
                  if i not in birthdays and h.day is not None and h.day > today and h.kind != "today"]
    for i, hit in enumerate(hits):
        if i in birthdays:
            continue
        if hit.kind == "bad" or hit.day is None:
            if "bad_date" not in out.problems:
                out.problems.append("bad_date")
            continue
        if out.followup_on is not None or hit.day < today:
            continue
        start, end = clauses.span(hit.start)
        clause = text[start:end]
        committed = lex.commit.search(clause) is not None or remind or any(
            planned(text, m, lang, clauses, [(hit.start, hit.end)])
            for pattern, _, _ in lex.channels for m in pattern.finditer(text, start, end))
        if hit.kind == "today" and not remind and not _TODAY_OK.search(clause):
            continue
        if committed:
            out.followup_on = hit.day
            what = (clause[:hit.start - start] + " " + clause[hit.end - start:]).strip()
            what = _FILLER.sub("", re.sub(r"\s+", " ", what)).strip()
            out.followup_what = what[:160] or None
    return out


def period(text: str, lex: Lexicon, today: date) -> tuple[date, date] | None:
    """The period a question names (the earliest one written), or None."""
    best: tuple[int, str] | None = None
    for pattern, name in lex.periods:
        m = pattern.search(text)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), name)
    if best is None:
        return None
    return cal.period_for(best[1], today)
