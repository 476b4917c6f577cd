"""Which day a note tells as gone, the day its interaction happened ("был у них в понедельник", "I
was there monday", "the 31st"): a day said with words that look back, a bare day of the month
already past, a day and month this year that has come. A day said as ahead ("next", "下", "следующ")
is never one gone."""
from __future__ import annotations

import re
from datetime import date, timedelta

from handlers.understanding.cues import Lexicon
from handlers.understanding.dates import DateHit
from handlers.understanding.days import PAST


_WORD = re.compile(r"\w+")
_AROUND = 2             # words after a day that may tell it is gone ("в среду заходила", "в пятницу надо было звонить")
_STOP = re.compile(r"[.!?;\n]")
_CLAUSE_STOP = re.compile(r"[.!?;\n,，。！？；]")
_BEFORE = 3             # words before a day that may tell it is gone ("I was there monday", "был у них в понедельник")
_AHEAD = re.compile(r"\bnext\b|下|следующ|будущ|ближайш", re.I)    # a day said as ahead is never one gone
_MONTHS_BACK = 3        # months looked back for a bare day of the month told as gone ("the 31st")
_YEAR_AHEAD = 300       # days: a day and month written without a year that came out this far ahead is this year's, gone


def _told_as_past(text: str, hit: DateHit, lex: Lexicon, today: date) -> bool:
    """True for a day the sentence tells in the past tense ("в среду заходила", "monday I was at Umbrella",
    "周一去了华彩", "КП отправлено 05.02" a few days after): that day is gone, whatever the calendar says
    (the words looked at are the two after the date and up to three before it in its clause)."""
    if lex.day_gone is None or hit.day is None or _AHEAD.search(text, hit.start, hit.end):
        return False
    if hit.kind != "relative" and not (hit.kind == "calendar" and (
            (hit.day - today).days > _YEAR_AHEAD or hit.month_day is None)):
        return False        # a bare day of the month ("11号那天去拜访了", "on the 11th we met") may be this month's, gone
    stop = _STOP.search(text, hit.end)
    after = [m.group() for m in _WORD.finditer(text, hit.end, min(stop.start() if stop else len(text), hit.end + 40))]
    if after and after[0].casefold() == "s":       # "wednesday's site visit went great": the event's name, then its verb
        after = after[1:_AROUND + 2]
    else:
        after = after[:_AROUND]
    lo = max(0, hit.start - 30)
    cut = [m.end() for m in _CLAUSE_STOP.finditer(text, lo, hit.start)]
    before = [m.group() for m in _WORD.finditer(text, cut[-1] if cut else lo, hit.start)][-_BEFORE:]
    comma = _CLAUSE_STOP.search(text, hit.end)
    own = [m.group() for m in _WORD.finditer(text, hit.end, comma.start() if comma else len(text))]
    if any(lex.day_gone.search(w) for w in after if w in own and not w[0].isupper()):
        return True         # "демо в пятницу прошло норм": what the day's event did, told after it in its clause
    if any(lex.commit.search(w) for w in before):      # "перенесли на понедельник", "call them monday": ahead
        return False
    return any(lex.day_gone.search(w) for w in before if not w[0].isupper())   # a name ("Уралстали") aside


def happened(text: str, hits: list[DateHit], lex: Lexicon, today: date) -> tuple[date | None, set[int]]:
    """The day the note tells something happened ("yesterday called Globex", "monday I was at Umbrella",
    "周一去了华彩": the Monday just gone), and the places in `hits` of every day told as gone."""
    day: date | None = None
    gone: set[int] = set()
    for i, hit in enumerate(hits):
        if hit.day is None:
            continue
        back: date | None
        if hit.kind == PAST:
            back = hit.day
        elif _told_as_past(text, hit, lex, today):
            back = _gone(hit, today)
        else:
            continue
        gone.add(i)
        if day is None and back is not None and back < today:
            day = back
    return day, gone


def _gone(hit: DateHit, today: date) -> date | None:
    """The day just gone that a day resolved ahead means when told in the past tense: a weekday a week
    back ("monday I was there", on a Wednesday: the Monday before), a bare day of the month the last
    time it came ("29го заезжал" on 12 January: 29 December), a date a year back."""
    assert hit.day is not None
    if hit.kind == "relative" and (hit.day - today).days <= 7:
        return hit.day - timedelta(days=7)
    if hit.kind == "calendar" and hit.month_day is None:
        year, month = today.year, today.month
        for _ in range(_MONTHS_BACK):
            try:
                back = date(year, month, hit.day.day)
            except ValueError:          # no 31st this month
                back = None
            if back is not None and back < today:
                return back
            year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        return None
    if hit.kind == "calendar":
        try:
            return hit.day.replace(year=hit.day.year - 1)
        except ValueError:
            return None
    return None
