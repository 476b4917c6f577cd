"""People met beside the note's contact: each of them is a contact of the customer too, with the title
the note gives them.

    "met Maria Lopez and her boss Tom Hardy at Globex"                -> Tom Hardy (boss)
    "встретился с Ивановой Анной и её начальником Петровым в Альфастрое" -> Петров (начальник)
    "见了星辰的王总和他们的采购李娜"                                      -> 李娜 (采购)

A person counts only when joined to the contact ("and", "и", "和", the cue module's MET_TOO) right
after their name, optionally with a possessive and a title before the name ("her boss", "их главбух");
the words after the joint are read for a person as the note's contact is (handlers/understanding/people.py).
"""
from __future__ import annotations

import re
from functools import lru_cache

from handlers.understanding import people
from handlers.understanding.languages import cues, en as en_cues, one_of
from handlers.understanding.lex_names import LEGAL_FORMS
from handlers.understanding.ru_names import surname_nominative
from handlers.understanding.same_name import names_contact
from storage.vocabulary import Lang

_REACH = 40                 # characters between the joint and the second person's name, at most
_AFTER_FIRST = 30           # characters between the contact's name and the joint, at most
_MORE = 3                   # people beside the contact, at most
_TITLE_WORDS = 3            # words of an English title between the possessive and the name
_BRACKETS = re.compile(r"[(（][^()（）]{1,30}[)）]")   # a title in brackets after the name: "Ann Kay (ops) and …"
_INSTRUMENTAL = re.compile(r"(?:ым|ом|ой|ем|ей)$")


@lru_cache(maxsize=None)
def _joint(lang: str) -> re.Pattern[str]:
    return re.compile(one_of(cues(lang).MET_TOO), re.I)


@lru_cache(maxsize=None)
def _their(lang: str) -> re.Pattern[str]:
    return re.compile(one_of(cues(lang).MET_TOO_THEIR), re.I)


def met_too(text: str, lang: Lang, first: str | None, taken: tuple[int, int]) -> list[people.Person]:
    """The people `text` names beside its contact `first` (`taken`: the customer's span, never a person)."""
    if not first:
        return []
    end = _end_of(text, first)
    found: list[people.Person] = []
    while end >= 0 and len(found) < _MORE:
        joint = _joint(lang).search(text, end, min(len(text), end + _AFTER_FIRST + 8))
        if joint is None or _BRACKETS.sub("", text[end:joint.start()]).strip(" ,"):
            break
        person = _person(text, lang, joint, taken)
        if person is None or any(names_contact(p, person.name or "") for p in (first, *(f.name or "" for f in found))):
            break
        found.append(person)
        end = _end_of(text, person.name or "", joint.end())
    return found


# a first and last name right after the joint, with a title in brackets: "and Bo Lee (IT)"
_EN_PAIR = re.compile(r"(?P<name>[A-Z][a-z'’-]+\s+[A-Z][a-z'’-]+)(?![\w&])(?:\s*\((?P<role>[^()\d@]{2,30})\))?(?!\s+[A-Z])")


def _firm_words(name: str) -> bool:
    """True when a capitalised pair holds a company's word ("Acme Labs", "Stark Industries")."""
    return any(w.lower() in en_cues.FIRM_WORDS or w.lower() in LEGAL_FORMS for w in name.split())


def _end_of(text: str, name: str, start: int = 0) -> int:
    """Where `name` (or, in another case form, its last word's stem) ends in `text`; -1 when not found."""
    at = text.find(name, start)
    if at >= 0:
        return at + len(name)
    words = name.split()
    stem = words[-1][:max(3, len(words[-1]) - 2)] if words else ""
    m = re.compile(re.escape(stem) + r"\w*", re.I).search(text, start) if stem else None
    if m is None:
        return -1
    last = m.end()
    for word in words[:-1]:                     # "Ивановой Анной" written surname first
        other = re.compile(re.escape(word[:max(3, len(word) - 2)]) + r"\w*", re.I).search(text, start)
        if other is not None:
            last = max(last, other.end())
    return last


def _person(text: str, lang: Lang, joint: re.Match[str], taken: tuple[int, int]) -> people.Person | None:
    """The person right after the `joint` (read with it: "and Gamora Zen"), with the title before their name."""
    at = joint.start()
    rest = text[at:]
    span = (taken[0] - at, taken[1] - at) if taken[0] >= at else (-1, -1)
    pair = _EN_PAIR.match(text, joint.end()) if lang == Lang.EN else None
    if pair is not None and not (taken[0] <= pair.start() < taken[1]) and not _firm_words(pair.group("name")):
        return people.Person(pair.group("name"), pair.group("role"))     # "and Bo Lee (IT)": a first and last name
    person = people.extract(rest, lang, span)
    if not person.name:
        return None
    where = rest.find(person.name)
    if where < 0:
        where = _end_of(rest, person.name) - len(person.name.split()[-1])
    if not 0 <= where <= _REACH or (0 <= span[0] < where):
        return None
    name, role = person.name, person.role
    before = rest[joint.end() - at:where]
    their = _their(lang).match(before)
    if role is None and their is not None and lang == Lang.EN:
        title = before[their.end():].strip(" ,")
        if title and title.islower() and len(title.split()) <= _TITLE_WORDS:
            role = title                        # "her boss Tom Hardy"
    if lang == Lang.RU and role and len(name.split()) == 1 and _INSTRUMENTAL.search(name):
        name = surname_nominative(name, name.endswith(("ой", "ей")))    # "начальником Петровым": Петров
    return people.Person(name, role)
