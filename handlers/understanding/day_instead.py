"""A day said in place of another ("wed not tmrw", "не вторник, среда", "改周三去 不是周二", "不是周二 是周三"): the
day kept is the follow-up's, the day taken back is none. Each language's words are lists in its module
(`DAY_INSTEAD`: between the day kept and the one taken back; `DAY_NOT`: right before the day taken back;
`DAY_BUT`: between the day taken back and the one kept), one phrase a line."""
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
