"""A day said in place of another ("wed not tmrw", "не вторник, среда", "改周三去 不是周二", "不是周二 是周三"): the
day kept is the follow-up's, the day taken back is none. Each language's words are lists in its module
(`DAY_INSTEAD`: between the day kept and the one taken back; `DAY_NOT`: right before the day taken back;
`DAY_BUT`: between the day taken back and the one kept), one phrase a line. A step said as moved to its day
("sending the proposal moves to monday", "КП перенёс на понедельник", "发方案改到下周一": `DAY_MOVE` right
before the day, `DAY_MOVED_TO` between them) is a follow-up that moves, not a new one."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from handlers.understanding.dates import DateHit
from handlers.understanding.languages import cues, one_of

_GAP = 12       # characters at most between the two days


@lru_cache(maxsize=None)
def _patterns(lang: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None, re.Pattern[str] | None]:
    module = cues(lang)
    instead, no, but = (getattr(module, slot, []) for slot in ("DAY_INSTEAD", "DAY_NOT", "DAY_BUT"))
    return (re.compile(r"\s*(?:" + one_of(instead) + r")\s*$", re.I) if instead else None,
            re.compile(r"(?:^|[\s,.:;!，。：；！])(?:" + one_of(no) + r")\s*$", re.I) if no else None,
            re.compile(r"^\s*[,，]?\s*(?:(?:" + one_of(but) + r")\s*)?$", re.I) if but else None)


def kept_day(text: str, lang: str, hits: Sequence[DateHit]) -> DateHit | None:
    """The day a message keeps in place of another it takes back, or None when it says no such thing."""
    instead, no, but = _patterns(lang)
    for a, b in zip(hits, hits[1:]):
        if a.day is None or b.day is None or a.day == b.day or not 0 <= b.start - a.end <= _GAP:
            continue
        between = text[a.end:b.start]
        if instead is not None and instead.match(between):
            return a                              # "wed not tmrw", "周三去 不是周二"
        if no is not None and but is not None and no.search(text, max(0, a.start - 8), a.start) \
                and but.match(between):
            return b                              # "не вторник, среда", "不是周二 是周三"
    return None


_MOVE_GAP = 30  # characters at most between the day a follow-up leaves and the one it goes to


@lru_cache(maxsize=None)
def _move_patterns(lang: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None, re.Pattern[str] | None]:
    module = cues(lang)
    verb, frm, to = (getattr(module, slot, []) for slot in ("DAY_MOVE", "DAY_MOVED_FROM", "DAY_MOVED_TO"))
    return (re.compile(one_of(verb), re.I) if verb else None,
            re.compile(r"(?:^|[\s,.:;!，。：；！]|(?<=[\u4e00-\u9fff]))(?:" + one_of(frm) + r")\s*$", re.I) if frm else None,
            re.compile(r"^\s*(?:" + one_of(to) + r")\s*$", re.I) if to else None)


def _opens_with(pattern: re.Pattern[str] | None, said: str) -> bool:
    """True when a day as found opens with the word ("со среды", "на пятницу": the dates keep their preposition)."""
    if pattern is None:
        return False
    words = said.split(maxsplit=1)
    return len(words) == 2 and pattern.search(words[0] + " ") is not None


def moved_day(text: str, lang: str, hits: Sequence[DateHit]) -> tuple[DateHit, DateHit] | None:
    """The day a follow-up is moved from and the one it goes to ("перенести демо со среды на пятницу", "move our
    wednesday call to friday 2pm", "下周一的会改到周三上午10点"), or None when the note moves nothing."""
    verb, frm, to = _move_patterns(lang)
    if verb is None or to is None or verb.search(text) is None:
        return None
    for a, b in zip(hits, hits[1:]):
        if a.day is None or b.day is None or a.day == b.day or not 0 <= b.start - a.end <= _MOVE_GAP:
            continue
        between = text[a.end:b.start]
        goes = to.match(between) or (not between.strip() and _opens_with(to, text[b.start:b.end]))
        leaves = frm is None or lang != "ru" or frm.search(text, max(0, a.start - 6), a.start) \
            or _opens_with(frm, text[a.start:a.end])
        if goes and leaves:
            return a, b
    return None


_ONTO_REACH = 24    # characters at most between a move's word and the day it moves to


def moved_onto(text: str, lang: str, hit: DateHit) -> int | None:
    """Where the move's words start when the day at `hit` is the one a step is said as moved to ("the
    deadline has moved to 5 Feb", "КП перенёс на понедельник", "发方案改到下周一"); None when it is not."""
    verb, _, to = _move_patterns(lang)
    if verb is None:
        return None
    for found in reversed(list(verb.finditer(text, max(0, hit.start - _ONTO_REACH), hit.start))):
        between = text[found.end():hit.start]
        if not between.strip() or (to is not None and to.match(between)) or (
                _opens_with(to, text[hit.start:hit.end]) and not between.strip(" ")):
            return found.start()
    return None
