"""A follow-up closed or moved by naming its customer, in any registered language.

    "done with the globex follow up", "globex follow-up done", "с Вектором готово", "星辰科技的跟进完成了"
        -> close that customer's open follow-up
    "snooze globex to next week", "push the hooli call to monday", "отложи Вектор на неделю",
    "星辰科技推迟到下周" -> move it to that day, or later by that span

The phrases are each language's (languages/<code>.py: FOLLOWUP_DONE_NAMED, FOLLOWUP_SNOOZE_NAMED,
SNOOZE_SPAN; a named FIX_MOVE too). Which of a customer's follow-ups a step's words mean ("the demo",
"发方案", "КП") is `step_score`. A message is read so only when what stands in the name's place
is a known customer's name and nothing else ("по Вектору КП готово" names a proposal, it is a
note); which follow-up, and what the member may change, is handlers/followups.py's.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, time
from functools import lru_cache
from typing import Mapping, Sequence

from handlers.understanding.cues import lexicon
from handlers.understanding.dates import find_dates
from handlers.understanding.fixes import LISTED as _LISTED, move
from handlers.understanding.languages import CODES, cues
from handlers.understanding.matching import match_known
from handlers.understanding.times_of_day import first_clock
from storage.vocabulary import Intent

_MAX_DAYS = 90          # the longest span a snooze moves a follow-up by (as the Snooze buttons)
_WORDY = re.compile(r"[^\W_]")
_LEAD = re.compile(r"^\s*(?:to|till|until|by|for|на|до|к|到|至)\s*", re.IGNORECASE)
# what a day stands beside in the name's place ("friday's call", "周五的会议"): the day alone is left
_SESSION_WORDS = re.compile(r"(?:'s|’s)\b|的|\b(?:the|my|our|call|meeting|mtg|demo|follow[\s-]?ups?|f/u|reminder|task)\b|"
                            r"(?<![\w-])(?:встреч\w*|звон\w*|задач\w*|напоминани\w*)|电话会议?|电话|会议|会|见面|拜访|演示|跟进|提醒",
                            re.IGNORECASE)
_HAN_COUNT = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


@dataclass(frozen=True)
class NamedFollowup:
    """A follow-up to close (`Intent.DONE`) or move (`Intent.SNOOZE`: to `on`, or later by `days`),
    found by its customer: `customer` as the team knows it, or as written when it knows none."""

    action: Intent
    customer: str
    known: bool
    on: date | None = None
    days: int | None = None
    at: time | None = None          # the time of day said ("moved to 3pm"): a timed reminder then
    session: str | None = None      # the call or meeting said as moved ("call", "встречу"): planned when none is open
    moved_from: date | None = None  # the day of the follow-up to move, said in the name's place ("friday's call")
    step: str | None = None         # the words beside the name that say which of its follow-ups ("golden lotus demo",
                                    # "金城地产的发方案"), or the words in its place that name none of the team's customers


def named_followup(text: str, lang: str, today: date, known: Sequence[str] = (),
                   aliases: Mapping[str, str] | None = None) -> NamedFollowup | None:
    """What the message asks of a customer's follow-up, or None when it is no such request. A name with
    words beside it that say which follow-up ("golden lotus demo") is read when no phrase holds the name alone."""
    for steps in (False, True):
        for code in dict.fromkeys((lang, *CODES)):
            for pattern in _each(code, "FOLLOWUP_DONE_NAMED") if not steps else ():
                found = pattern.search(text)
                if found:
                    customer = _customer(found.group("name"), known, aliases)
                    if customer is not None:
                        return NamedFollowup(Intent.DONE, *customer)
            for pattern in _each(code, "FOLLOWUP_SNOOZE_NAMED"):
                found = pattern.search(text)
                if found:
                    asked = _snooze(found.group("name"), found.group("when"), code, today, known, aliases,
                                    found.groupdict().get("session"), steps)
                    if asked is not None:
                        return asked
        moved = move(text, lang)      # "push the hooli call to monday", "把华彩科技的跟进改到下周一"
        if moved is not None and not moved.what.isdigit():
            asked = _snooze(moved.what, moved.when, lang, today, known, aliases, steps=steps)
            if asked is not None:
                return asked
    return None


def _snooze(name: str, when: str, lang: str, today: date, known: Sequence[str],
            aliases: Mapping[str, str] | None, session: str | None = None, steps: bool = False) -> NamedFollowup | None:
    moved_from = _day(_SESSION_WORDS.sub(" ", name), lang, today)     # "friday's call", "周五的会议": that day's
    named = ("", False, None) if moved_from is not None else _customer_and_step(name, known, aliases, steps)
    if named is None:
        return None
    customer, step = named[:2], named[2]
    found = _snoozed(customer, when, lang, today, session, moved_from)
    return replace(found, step=step) if found is not None else None


def _snoozed(customer: tuple[str, bool], when: str, lang: str, today: date, session: str | None,
             moved_from: date | None) -> NamedFollowup | None:
    days = _span(when, lang)
    if days is not None:        # "на 2 дня" is a span, not 2 pm
        return NamedFollowup(Intent.SNOOZE, *customer, days=days, moved_from=moved_from)
    clock = first_clock(when, lexicon(lang))
    if clock is not None:       # "to 3pm", "на 15:00", "下午三点", "to friday 10am": that time, today or the day said
        rest = _LEAD.sub("", (when[:clock.start] + when[clock.end:]).strip(" .,!?。，！？"))
        on = _day(rest, lang, today) if _WORDY.search(rest) else today
        return NamedFollowup(Intent.SNOOZE, *customer, on=on, at=clock.at, session=session, moved_from=moved_from) \
            if on is not None and on >= today else None
    on = _day(when, lang, today)
    week = 7 if on is not None and _day(when, lang, today, kind="week") == on else None
    # "推迟到下周", "push it to next week": next Monday, or a week on when it is due that Monday or later already
    return NamedFollowup(Intent.SNOOZE, *customer, on=on, days=week, session=session, moved_from=moved_from) \
        if on is not None and on >= today else None


_STEP_WORDS = 4       # words at most beside a customer's name that say which of its follow-ups moves
_ANY_DAY = date(2026, 1, 5)     # whether words hold a day does not depend on the day they are read


def _customer_and_step(said: str, known: Sequence[str], aliases: Mapping[str, str] | None,
                       steps: bool = False) -> tuple[str, bool, str | None] | None:
    """`_customer`, and (with `steps`) the words beside the known name that say which of its follow-ups
    ("golden lotus demo": Golden Lotus Hospital, "demo"; "金城地产的发方案": 金城地产, "的发方案"); a name the team
    does not know is its own step words too ("演示改到下周一": which follow-up, when no customer is called so)."""
    alone = _customer(said, known, aliases)
    if alone is not None:
        return alone[0], alone[1], None if alone[1] else alone[0]
    if not steps:
        return None
    said = said.strip(" \"'“”«»「」,.:;")
    match = match_known(said, known, aliases)
    if not match.name or match.start < 0:
        return None
    rest = (said[:match.start] + " " + said[match.end:]).strip()
    if not _WORDY.search(rest) or len(rest.split()) > _STEP_WORDS or _LISTED.fullmatch(rest) \
            or any(find_dates(rest, code, _ANY_DAY) for code in CODES):
        return None     # "把周五给狮城美食坊的电话挪到下周一": the day it leaves says which (a note's move, core.py)
    return match.name, True, rest


def _customer(said: str, known: Sequence[str], aliases: Mapping[str, str] | None) -> tuple[str, bool] | None:
    """The known customer `said` names and nothing more (its name, True); a short unknown name as
    written (False); None when the words hold more than a name ("Вектору КП", "the globex quote")."""
    said = said.strip(" \"'“”«»「」,.:;")
    if not said or not _WORDY.search(said) or _LISTED.fullmatch(said):     # "snooze 1 to friday", "把第1条…": a listed one
        return None
    match = match_known(said, known, aliases)
    if match.name and match.start >= 0:
        rest = said[:match.start] + said[match.end:]
        own = {w.lower() for w in re.findall(r"[^\W_]+", match.name)}    # "rosies deli": the name's own word after a typo
        return (match.name, True) if all(w.lower() in own for w in re.findall(r"[^\W_]+", rest)) else None
    if match.name or len(match.candidates) > 1:
        return None
    return (said, False) if len(said.split()) <= 3 and len(said) <= 40 else None


def span(when: str, lang: str) -> int | None:
    """Days in a span said whole ("a week", "на неделю", "一周"), or None: a listed follow-up moved by it."""
    return _span(when, lang)


def _span(when: str, lang: str) -> int | None:
    """Days in a span said whole ("a week", "на 2 дня", "两天"), at most `_MAX_DAYS`."""
    said = when.strip(" .,!?。，！？")
    for code in dict.fromkeys((lang, *CODES)):
        for unit, phrases in cues(code).SNOOZE_SPAN.items():
            for phrase in phrases:
                found = re.fullmatch(phrase, said, re.IGNORECASE)
                if found:
                    count = found.groupdict().get("n")
                    n = int(count) if count and count.isdigit() else _HAN_COUNT.get(count or "", 1)
                    return min(_MAX_DAYS, max(1, n * unit))
    return None


def _day(when: str, lang: str, today: date, kind: str | None = None) -> date | None:
    """The day `when` says ("to next week": next Monday, "до понедельника", "下周一"), in the
    message's language first; with `kind`, only a date of that kind ("week": a week without its day)."""
    said = _LEAD.sub("", when.strip(" .,!?。，！？"))
    for code in dict.fromkeys((lang, *CODES)):
        hits = [hit for hit in find_dates(said, code, today) if hit.day is not None]
        if hits and not _WORDY.search(said[:hits[0].start] + said[hits[0].end:].replace("的", "")):
            return hits[0].day if kind is None or hits[0].kind == kind else None
    return None


@lru_cache(maxsize=None)
def _each(code: str, slot: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(phrase, re.IGNORECASE) for phrase in getattr(cues(code), slot))


_STEM = 4                                       # Latin and Cyrillic words are compared by their first letters
_WORD = re.compile(r"[^\W\d_]+")
_HAN_RUN = re.compile(r"[\u3400-\u9fff]+")


def _stems(words: str) -> set[str]:
    """A step's words as compared: a Latin or Cyrillic word of four letters or more by its first four ("send",
    "sending"), a shorter one only in capitals ("КП", "PO"); Chinese by each two characters running ("发方", "方案")."""
    stems = set()
    for word in _WORD.findall(words.replace("ё", "е").replace("Ё", "Е")):
        if _HAN_RUN.fullmatch(word):
            stems |= {word[i:i + 2] for i in range(len(word) - 1)} or {word}
        elif len(word) >= _STEM:
            stems.add(word[:_STEM].casefold())
        elif len(word) >= 2 and word.isupper():
            stems.add(word.casefold())
    return stems


def step_score(said: str, what: str) -> int:
    """How many words a step said ("sending the proposal", "发方案", "демо") shares with a follow-up's words
    ("send the proposal", "发方案", "демо назначили"): 0 when it names something else."""
    return len(_stems(said) & _stems(what))
