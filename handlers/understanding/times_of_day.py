"""The time of day written next to a follow-up's date: "tomorrow at 3pm", "завтра в 15:00",
"в 3 часа дня", "明天下午3点半".

Where a clock time stands comes from the language's CLOCK cues; what it means from its digits
(or Chinese numerals), its minutes (":30", "半", "15分") and the language's words for morning,
afternoon and noon (CLOCK_AM, CLOCK_PM, CLOCK_NOON), in the phrase or right after it ("в 3 часа
дня"). A bare hour from 1 to 7 ("at 3", "в 5", "3点") is the afternoon's, as people at work mean
it; "07:30", written with its zero, is the morning's.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time
from functools import lru_cache

from handlers.understanding import calendar as cal
from handlers.understanding.cues import Lexicon
from handlers.understanding.languages import registered



@lru_cache(maxsize=1)
def _hour() -> re.Pattern:
    """An hour and its minutes: "15:30", "3.30", "3点半", "十点十五分" (numerals of every language)."""
    numerals = "".join(sorted({word for lang in registered() for word in lang.NUMBER_WORDS
                               if len(word) == 1 and not word.isascii() and word != "几"}))
    num = r"\d{1,2}|[" + numerals + r"]{1,3}"
    return re.compile(r"(?P<h>" + num + r")(?:\s*[:.]\s*(?P<m>[0-5]\d)|\s*[点时]\s*(?:(?P<half>半)|(?P<zm>" + num
                      + r")\s*分?)?)?")


_LEAD = re.compile(r"(?:(?<!\w)(?:at|around|about|в|к|около)\s+|@\s*)$", re.I)  # "at" of "at 3pm", "в" of "в 15:00"
_BARE = re.compile(r"^(?:(?:at|around|about|в|к|на|около)\s+|@\s*)", re.I)
AFTERNOON_UNTIL = 7  # a bare hour up to this one is the afternoon's
TAIL = 12            # characters after the phrase where its "дня", "вечера", "pm" may stand


@dataclass(frozen=True)
class ClockHit:
    """A time of day and where it is written."""

    start: int
    end: int
    at: time
    written: str  # the phrase as written, without the preposition before it ("3pm", "в 3 часа дня")


def read_time(phrase: str, tail: str, lex: Lexicon) -> tuple[time, int] | None:
    """What a clock phrase means ("3pm" → 15:00), and how many characters of `tail` (the text right
    after it) belong to it ("дня" in "в 3 часа дня")."""
    after = tail[:TAIL]
    taken = 0

    def marked(pattern: re.Pattern | None) -> bool:
        nonlocal taken
        if pattern is None:
            return False
        if pattern.search(phrase):
            return True
        stripped = after.lstrip()
        found = pattern.match(stripped)
        if found:
            taken = len(after) - len(stripped) + found.end()
        return found is not None

    hour_match = _hour().search(phrase)
    noon = lex.clock_noon is not None and lex.clock_noon.search(phrase) is not None
    if hour_match is None:
        return (time(12, 0), 0) if noon else None
    hour = cal.number(hour_match.group("h"), -1)
    minute = 30 if hour_match.group("half") else cal.number(hour_match.group("m") or hour_match.group("zm"), 0)
    if not (0 <= hour <= 24 and 0 <= minute <= 59):
        return None
    if marked(lex.clock_pm) or (noon and hour < 11):
        hour = hour + 12 if hour < 12 else hour
    elif marked(lex.clock_am):
        hour = 0 if hour == 12 else hour
    elif 1 <= hour <= AFTERNOON_UNTIL and not hour_match.group("h").startswith("0"):
        hour += 12
    return time(hour % 24, minute), taken


def clock_near(text: str, lex: Lexicon, start: int, end: int) -> ClockHit | None:
    """The time of day written right before or after the date at start:end (the nearest)."""
    if lex.clock is None:
        return None
    window = lex.clock_window
    found = [m for m in lex.clock.finditer(text, max(0, start - window - 12), min(len(text), end + window + 12))
             if m.end() >= start - window and m.start() <= end + window]
    found.sort(key=lambda m: min(abs(m.start() - end), abs(start - m.end())))
    for m in found:
        read = read_time(m.group(), text[m.end():], lex)
        if read is not None:
            return ClockHit(_lead(text, m.start()), m.end() + read[1], read[0],
                            _BARE.sub("", text[m.start():m.end() + read[1]]))
    return None


def _lead(text: str, start: int) -> int:
    """Where a clock phrase starts with the preposition before it ("at 3pm", "в 15:00")."""
    found = _LEAD.search(text, max(0, start - 8), start)
    return found.start() if found else start


def first_clock(text: str, lex: Lexicon) -> ClockHit | None:
    """The first time of day written anywhere in the text ("remind me at 3pm to call Maria")."""
    if lex.clock is None:
        return None
    for m in lex.clock.finditer(text):
        read = read_time(m.group(), text[m.end():], lex)
        if read is not None:
            return ClockHit(_lead(text, m.start()), m.end() + read[1], read[0],
                            _BARE.sub("", text[m.start():m.end() + read[1]]))
    return None
