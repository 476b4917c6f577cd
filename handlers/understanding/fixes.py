"""Reading a correction: what a message says to fix in the records it points at.

"no, follow up on Tuesday, not Friday", "сумма 2 млн, а не 1,5", "改到周四", "change Maria's title
to CEO", "wrong customer, it was Initech", "move the hooli follow-up to next monday", "snooze 1 to
monday", "complaint 1 resolved". The phrases are each language's (languages/<code>.py, FIX_*);
what to change and how is handlers/correct.py's.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache

from handlers.understanding.amounts import find_amounts
from handlers.understanding.languages import CODES, cues, one_of
from handlers.understanding.ru_cases import nominative

FIELDS = ("role", "phone", "name")


@dataclass(frozen=True)
class ContactFix:
    """A contact's field to set: whose (a name as written, or None for the last note's contact)."""

    field: str
    value: str
    who: str | None = None


@dataclass(frozen=True)
class Move:
    """Move a follow-up: `what` names a customer or a listed number, `when` the new day as written."""

    what: str
    when: str


@lru_cache(maxsize=None)
def _compiled(code: str, slot: str) -> re.Pattern[str] | None:
    phrases = getattr(cues(code), slot)
    return re.compile(one_of(phrases), re.I) if phrases else None


@lru_cache(maxsize=None)
def _each(code: str, slot: str) -> tuple[re.Pattern[str], ...]:
    """A slot's phrases one by one (they name their groups alike)."""
    return tuple(re.compile(phrase, re.I) for phrase in getattr(cues(code), slot))


def _first(text: str, lang: str, slot: str) -> re.Match[str] | None:
    for code in _codes(lang):
        for pattern in _each(code, slot):
            found = pattern.search(text)
            if found:
                return found
    return None


def _codes(lang: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys((lang, *CODES)))


def is_fix(text: str, lang: str) -> bool:
    """True when the message corrects the last note ("Maria's phone is …" alone is a note's new fact)."""
    return any((_compiled(code, "FIX") or _never).search(text) for code in _codes(lang)) or says_customer(text, lang)


def new_value_text(text: str, lang: str) -> str:
    """The correction without the old value it names ("not Friday", "а не 1,5", "不是周五")."""
    for code in _codes(lang):
        for old in _each(code, "FIX_OLD"):  # in order: "не в пятницу, а в среду" -> "а в среду" -> "в среду"
            text = old.sub(" ", text).strip()
    return " ".join(text.split())


def names_other_customer(text: str, lang: str) -> bool:
    """True when the correction says the last note was about another customer."""
    return any((_compiled(code, "FIX_CUSTOMER") or _never).search(text) for code in _codes(lang))


def says_customer(text: str, lang: str) -> bool:
    """True when the message says in passing which customer the last note was about ("actually it
    was globex", "其实是星辰科技", "вообще-то это был Вектор"); the note moves only to a known one."""
    return any((_compiled(code, "FIX_CUSTOMER_SAID") or _never).search(text) for code in _codes(lang))


@dataclass(frozen=True)
class Swap:
    """"it was initech, not globex": the customer meant and the one the note went to, as written."""

    new: str
    old: str


def swapped_customer(text: str, lang: str) -> Swap | None:
    """The customer a message says the last note was about instead of another ("это был Вектор, не
    Уралхиммаш"); None when either side is a value (a day, an amount), not a name."""
    found = _first(text, lang, "FIX_CUSTOMER_SWAP")
    if found is None:
        return None
    new, old = (found.group(side).strip(" \"'“”«»") for side in ("new", "old"))
    if not new or not old or _a_value(new, lang) or _a_value(old, lang):
        return None
    case = _CASE_AFTER.get((found.groupdict().get("at") or "").lower(), "nom")
    return Swap(new=nominative(new, case), old=old)


_VALUE = re.compile(r"\d")


_ANY_DAY = date(2026, 1, 5)      # whether a side is a day does not depend on which day it is read on
_AROUND_A_DAY = 2                # word characters besides a day that leave it a day ("下周三签")


def _a_value(side: str, lang: str) -> bool:
    """True when a side of "it was X, not Y" is a value, not a name: a number, or a day ("是下周三签，不是下周二")."""
    from handlers.understanding.dates import find_dates

    if _VALUE.search(side):
        return True
    for hit in find_dates(side, lang, _ANY_DAY):
        if len(re.findall(r"\w", side[:hit.start] + side[hit.end:])) <= _AROUND_A_DAY:
            return True
    return False
_CASE_AFTER = {"у": "gen", "в": "loc", "во": "loc", "с": "ins", "со": "ins", "про": "acc", "по": "dat"}  # "у Вектора"


def contact_fix(text: str, lang: str) -> ContactFix | None:
    """A contact's title, phone or name to set, as the message writes it."""
    for code in _codes(lang):
        for field, phrases in cues(code).FIX_CONTACT.items():
            for phrase in phrases:
                found = re.search(phrase, text, 0 if code == "en" else re.I)  # English names by their capital
                if found:
                    who = found.groupdict().get("who")
                    value = found.group("value").strip(" .,;:!\"'“”«»")
                    if value:
                        return ContactFix(field=field, value=value[:200], who=who)
    return None


LISTED = re.compile(r"(?:第\s*)?[#№]?\s*(\d{1,3})\s*(?:条|个|项|号)?")     # a follow-up by its number in the list


def move(text: str, lang: str) -> Move | None:
    """"move the hooli follow-up to next monday", "snooze 1 to monday", "перенеси Вектор на среду"; a follow-up
    by its number in the list is its number ("把第2条跟进推迟到下周五": "2")."""
    found = _first(text, lang, "FIX_MOVE")
    if found is None:
        return None
    what = found.group("what").strip()
    listed = LISTED.fullmatch(what)
    return Move(what=listed.group(1) if listed else what, when=found.group("when").strip())


def resolved(text: str, lang: str) -> int | None:
    """The number of the complaint or inquiry a message says is resolved."""
    found = _first(text, lang, "FIX_RESOLVED")
    return int(found.group("n")) if found else None


def day_word(lang: str) -> str:
    """The language's word that makes a bare day read as a follow-up day."""
    return cues(lang).FIX_DAY_WORD


_never = re.compile(r"(?!x)x")


_BARE = re.compile(r"^\W*(\d+(?:[.,]\d+)?)\W*$")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def bare_amount(said: str, text: str, amount_minor: int | None) -> Decimal | None:
    """A correction that gives the deal's amount as a bare number in the unit the rep thinks in
    ("нет, не 450 а 540" of a 450 000 ₽ deal, "45 not 54" of $54,000): the number scaled as the old
    one it names (thousands, 万, millions, 亿), when that old number is the deal's amount."""
    bare = _BARE.match(said)
    if bare is None or not amount_minor:
        return None
    value = Decimal(bare.group(1).replace(",", "."))
    amount = Decimal(amount_minor) / 100
    olds = [Decimal(n.replace(",", ".")) for n in _NUMBER.findall(text)]
    for scale in (Decimal(1), Decimal(1000), Decimal(10_000), Decimal(1_000_000), Decimal(100_000_000)):
        if any(old * scale == amount for old in olds if old != value):
            return value * scale
    return None


def only_amount(text: str, lang: str) -> bool:
    """True when the message is nothing but an amount, maybe after a money word ("сумма 1,8 млн",
    "amount is 40k", "金额30万"): no other news a note would keep."""
    found = find_amounts(text, lang)
    if not found:
        return False
    rest = text
    for amount in reversed(found):
        rest = rest[:amount.start] + " " + rest[amount.end:]
    words = "|".join((*cues(lang).MONEY_WORDS, *cues(lang).MONEY_LINKS))
    rest = re.sub(words if lang == "zh" else r"(?<!\w)(?:" + words + r")(?!\w)", " ", rest, flags=re.I)
    return not re.sub(r"[\W_]+", "", rest)
