"""What a language gives the offline understanding: its cues, as lists of phrases.

A phrase is a word or a small regular-expression fragment, matched without regard to
case; a slot's phrases are tried together as one compiled alternation, so adding a
phrase is adding a line. Every registered language fills every slot
(tests/understanding/test_languages.py); an empty list means "this language has no
such cue" and the rule that reads it is skipped.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Mapping, Protocol, Sequence, get_type_hints

from storage.vocabulary import SPOKEN_CHANNELS, Stage

if TYPE_CHECKING:
    from handlers.understanding.days import Resolver

Phrases = Sequence[str]


def one_of(phrases: Phrases) -> str:
    """The phrases as one group: ["a", "b"] -> "(?:a|b)", for a choice inside a longer phrase."""
    return "(?:" + "|".join(phrases) + ")"


class Cues(Protocol):
    """One language's understanding cues (a module under handlers/understanding/languages)."""

    CODE: str

    # -- what the writer wants --
    HELP: Phrases              # asking how to use the bot, or a bare greeting
    UNDO: Phrases              # a whole message that takes the last note back
    DONE: Phrases              # "done 2": a follow-up marked done, its number in the group `n`
    PIPELINE: Phrases          # a question about deals and the forecast
    FOLLOWUPS: Phrases         # a question about what is due for me
    ACTIVITY: Phrases          # a question about what the team did
    QUERY: Phrases             # a question about one customer
    QUESTION_START: Phrases    # words that open a question ("what", "что", "哪")
    LOG_VERBS: Phrases         # verbs that make a message a note even without other facts

    # -- what happened --
    CHANNELS: Mapping[str, Phrases]   # channel -> cues of an interaction by that channel
    STAGES: Mapping[str, Phrases]     # stage -> cues of a deal moving there
    NEW_COMPANY: Phrases       # cues of a company met for the first time (a lead)
    NEGATION: Phrases          # the clause before a cue negates it ("didn't sign")
    IMPERATIVE: Phrases        # a cue opening a to-do, not an interaction ("call Acme Monday")
    PAST: Phrases              # a channel cue that ends like the past tense ("called", "звонил")
    PAST_AFTER: Phrases        # a past marker right after a channel cue ("了", "过")
    VERB_PAST: Phrases         # a past-tense verb ending: without one, a channel noun next to a future day is a plan
    CALL_OUTCOME: Phrases      # a call that happened, whatever comes next ("no answer", "没人接")
    REFER_BACK: Phrases        # pronouns pointing at the last note's customer

    # -- when --
    COMMIT: Phrases            # the writer commits to a next step in this clause
    FUTURE: Phrases            # the clause before a cue is about the future ("will", "надо")
    REMIND: Phrases            # "remind me": the date is the reminder's
    TODAY_OK: Phrases          # steps that make "today" a follow-up day
    THEIRS: Phrases            # the customer's own promise, not the writer's
    THEIRS_NAMED: Phrases      # the same, said of a named company (matched with case)
    MINE: Phrases              # the writer's own step, which wins over THEIRS
    CLOCK: Phrases             # a clock time, which makes a date an appointment
    CLOCK_WINDOW: int          # how many characters a clock time may stand from its date
    FILLER: Phrases            # words that open a follow-up's "what" and say nothing ("and then")
    PERIODS: Mapping[str, Phrases]    # period name (today, this_week, q1, m1, ...) -> cues
    BIRTHDAY: Phrases          # a birthday word
    DATES: Sequence[tuple[str, Resolver]]     # a date phrase and how it becomes a day (handlers/understanding/days.py)
    NUMBER_WORDS: Mapping[str, int]           # small counts as words ("two", "пару", "两"), read in every language


# slots a language may leave empty (the rule that reads them is then skipped)
OPTIONAL = frozenset({"IMPERATIVE", "PAST", "PAST_AFTER", "VERB_PAST", "THEIRS", "THEIRS_NAMED", "CLOCK"})
# the keys every language's mappings must have
CHANNEL_NAMES: tuple[str, ...] = tuple(SPOKEN_CHANNELS)
STAGE_NAMES: tuple[str, ...] = tuple(Stage)
PERIOD_NAMES = ("today", "tomorrow", "yesterday", "next_week", "last_week", "this_week", "next_month", "last_month",
                "this_month", "next_quarter", "last_quarter", "this_quarter", "this_year", "q1", "q2", "q3", "q4",
                *(f"m{n}" for n in range(1, 13)))
_KEYS = {"CHANNELS": CHANNEL_NAMES, "STAGES": STAGE_NAMES, "PERIODS": PERIOD_NAMES}


def slots() -> dict[str, object]:
    """Every slot a language's cue module fills, with its type."""
    from handlers.understanding.days import Resolver

    return get_type_hints(Cues, localns={"Resolver": Resolver})


def problems(module: object) -> list[str]:
    """What a cue module lacks or gets wrong: a missing or mistyped slot, an empty required
    list, a mapping without every channel, stage or period, a phrase that is no regular expression."""
    found: list[str] = []
    for name, kind in slots().items():
        if not hasattr(module, name):
            found.append(f"{name}: missing")
            continue
        value = getattr(module, name)
        if name == "DATES":
            found += _date_problems(value)
            continue
        if name == "NUMBER_WORDS":
            if not isinstance(value, Mapping) or not value or not all(
                    isinstance(k, str) and isinstance(v, int) for k, v in value.items()):
                found.append(f"{name}: not a mapping of words to numbers")
            continue
        if kind is str or kind is int:
            if not isinstance(value, kind):
                found.append(f"{name}: not {kind.__name__}")
            continue
        groups = value if name in _KEYS else {name: value}
        if not isinstance(groups, Mapping):
            found.append(f"{name}: not a mapping")
            continue
        for key in _KEYS.get(name, ()):
            if key not in groups:
                found.append(f"{name}[{key}]: missing")
        for key, phrases in groups.items():
            found += _phrase_problems(f"{name}[{key}]" if name in _KEYS else name, phrases, name in OPTIONAL)
    return found


def _date_problems(rules: object) -> list[str]:
    if isinstance(rules, str) or not isinstance(rules, Sequence) or not rules:
        return ["DATES: not a list of (phrase, resolver)"]
    out = []
    for rule in rules:
        if not (isinstance(rule, tuple) and len(rule) == 2 and callable(rule[1])):
            out.append(f"DATES: {rule!r} is not (phrase, resolver)")
        else:
            out += _phrase_problems("DATES", [rule[0]], False)
    return out


def _phrase_problems(where: str, phrases: object, optional: bool) -> list[str]:
    if isinstance(phrases, str) or not isinstance(phrases, Sequence):
        return [f"{where}: not a list of phrases"]
    if not phrases and not optional:
        return [f"{where}: empty"]
    out = []
    for phrase in phrases:
        if not isinstance(phrase, str) or not phrase:
            out.append(f"{where}: {phrase!r} is not a phrase")
            continue
        try:
            re.compile(phrase)
        except re.error as exc:
            out.append(f"{where}: {phrase!r} does not compile ({exc})")
    if len(set(phrases)) != len(phrases):
        out.append(f"{where}: a phrase is listed twice")
    return out
