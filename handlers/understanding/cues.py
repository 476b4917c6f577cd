"""Cue words compiled per language, and the clause-aware detectors built on them:
channel (how the interaction happened) and stage (where the deal moved)."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from types import ModuleType
from typing import Sequence

from handlers.understanding import lex_en, lex_ru, lex_zh
from storage.vocabulary import Channel, Stage

_MODULES: dict[str, ModuleType] = {"en": lex_en, "zh": lex_zh, "ru": lex_ru}
_CLAUSE_END = re.compile(r"(?<!\d),|,(?!\d)|\.(?!\d)|[!?;\n()]|(?<!\d):|:(?!\d\d)|\s[—–-]\s|\.\.\.")  # "15:00" is no cut
_IMPERATIVE = re.compile(r"(?:call|email|e-mail|text|visit|meet|message|ping)\s+(?!with\b|w/|went\b|was\b|is\b|lasted\b|ended\b|dropped\b|today\b|yesterday\b|this\b|earlier\b)(?=\w)", re.I)
_STAGE_ORDER = (Stage.WON, Stage.LOST, Stage.NEGOTIATION, Stage.PROPOSAL, Stage.QUALIFIED, Stage.LEAD)


@dataclass(frozen=True)
class Lexicon:
    """One language's cue patterns, compiled."""

    lang: str
    help: re.Pattern
    undo: re.Pattern
    done: re.Pattern
    pipeline: re.Pattern
    followups: re.Pattern
    activity: re.Pattern
    query: re.Pattern
    log_verbs: re.Pattern
    channels: tuple[tuple[re.Pattern, Channel, int], ...]
    stages: tuple[tuple[Stage, re.Pattern], ...]
    negation: re.Pattern
    commit: re.Pattern
    future: re.Pattern
    periods: tuple[tuple[re.Pattern, str], ...]
    birthday: re.Pattern
    refer_back: re.Pattern
    new_company: re.Pattern


@lru_cache(maxsize=None)
def lexicon(lang: str) -> Lexicon:
    """The compiled cues of `lang` (en / zh / ru)."""
    mod = _MODULES.get(lang, lex_en)
    c = lambda source: re.compile(source, re.I)  # noqa: E731
    return Lexicon(
        lang, c(mod.HELP), c(mod.UNDO), c(mod.DONE), c(mod.PIPELINE), c(mod.FOLLOWUPS), c(mod.ACTIVITY),
        c(mod.QUERY), c(mod.LOG_VERBS), tuple((c(p), Channel(ch), w) for p, ch, w in mod.CHANNELS),
        tuple((s, c(mod.STAGES[s])) for s in _STAGE_ORDER), c(mod.NEGATION), c(mod.COMMIT), c(mod.FUTURE),
        tuple((c(p), name) for p, name in mod.PERIODS), c(mod.BIRTHDAY), c(mod.REFER_BACK), c(mod.NEW_COMPANY))


class Clauses:
    """Clause boundaries of a text (commas, full stops, dashes), for "same clause" tests."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.cuts = [0] + [m.end() for m in _CLAUSE_END.finditer(text)] + [len(text) + 1]

    def span(self, pos: int) -> tuple[int, int]:
        """The clause holding character `pos`, as (start, end)."""
        i = bisect.bisect_right(self.cuts, pos) - 1
        return self.cuts[i], min(self.cuts[i + 1], len(self.text))

    def before(self, pos: int) -> str:
        """The clause's text before `pos`."""
        return self.text[self.span(pos)[0]:pos]


_PAST = {"en": re.compile(r"(?:ed|met|rang|spoke|had|sent|went|left|by|in|off|to)$", re.I),
         "ru": re.compile(r"(?:л|ла|ли|лся|лась|лись|лось|ка|ки|ке|ку|ок|чи|че|чу|ча|ия|ии|ей|ом)$", re.I)}

_OUTCOME = re.compile(r"没人接|没接|无人接听|占线|关机|no\s+answer|voicemail|\bvm\b|не\s+взял\w*|недозвон\w*", re.I)

_RU_VERB_PAST = re.compile(r"\w(?:л|ла|ли|ло|лся|лась|лись|лось)\b", re.I)


def is_past(text: str, m: re.Match, lang: str) -> bool:
    """True when a channel cue reads as something that already happened."""
    if _OUTCOME.search(m.group()):
        return True             # "没人接", "no answer": a call that already happened, whatever comes next
    if lang == "zh":
        return "了" in m.group() or "了" in text[m.end():m.end() + 3] or "过" in text[m.end():m.end() + 2]
    return _PAST.get(lang, _PAST["en"]).search(m.group()) is not None


def planned(text: str, m: re.Match, lang: str, clauses: Clauses, future: list[tuple[int, int]]) -> bool:
    """True for "call with Acme tomorrow": a cue next to a future date in its clause, not in the past tense."""
    if not future:
        return False
    lo, hi = clauses.span(m.start())
    if lang == "ru" and not _RU_VERB_PAST.search(m.group()) and not _RU_VERB_PAST.search(text[lo:hi]) \
            and not _OUTCOME.search(text[lo:hi]):
        # a bare noun next to a future day: "в пт встреча", "звонок Вектору 5 дек" is on the agenda
        return any(lo <= s < hi and (abs(s - m.end()) < 40 or abs(m.start() - e) < 40) for s, e in future)
    if is_past(text, m, lang):
        return False
    return any(lo <= s < hi and (abs(s - m.end()) < 40 or abs(m.start() - e) < 40) for s, e in future)


def channel(text: str, lex: Lexicon, clauses: Clauses, future: Sequence[tuple[int, int]] = ()) -> Channel | None:
    """How the interaction happened: the first cue that is not a plan, a weak one only alone."""
    hits: list[tuple[int, int, Channel]] = []
    for pattern, name, weight in lex.channels:
        for m in pattern.finditer(text):
            before = clauses.before(m.start())
            if lex.future.search(before) or lex.negation.search(before) and name != Channel.CALL:
                continue
            if lex.lang == "en" and _IMPERATIVE.match(text, m.start()) and not before.strip():
                continue        # "call Acme Monday": a to-do, not an interaction
            if planned(text, m, lex.lang, clauses, list(future)):
                continue        # "call with Acme tomorrow at 3": the next step, not this one
            hits.append((m.start(), -weight, name))
            break
    if not hits:
        return None
    strong = [h for h in hits if h[1] <= -2]
    if strong:
        hits = strong
    return min(hits)[2]


def stage(text: str, lex: Lexicon, clauses: Clauses, new_customer: bool) -> Stage | None:
    """Where the deal moved; "lead" only for a company the team does not know yet."""
    for name, pattern in lex.stages:
        for m in pattern.finditer(text):
            before = clauses.before(m.start())
            if lex.negation.search(before):
                continue
            if name in (Stage.PROPOSAL, Stage.WON, Stage.QUALIFIED) and lex.future.search(before):
                continue
            if name == Stage.LEAD and not new_customer:
                continue
            return name
    if new_customer and lex.new_company.search(text):
        return Stage.LEAD
    return None
