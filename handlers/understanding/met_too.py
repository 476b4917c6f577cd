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
        if joint is None or _own_title(_BRACKETS.sub("", text[end:joint.start()]), lang).strip(" ,"):
            break
        person = _person(text, lang, joint, taken)
        if person is None or any(names_contact(p, person.name or "") for p in (first, *(f.name or "" for f in found))):
            break
        found.append(person)
        end = _end_of(text, person.name or "", joint.end())
    return found


def _own_title(gap: str, lang: Lang) -> str:
    """What is left between a person and the joint once their own title is taken out ("Bill Hutchins the owner and
    Kev …", "Ерлан, гл. инженер, и …"): the title said with a name is theirs, no break between the two people."""
    said = _ARTICLE.sub("", gap.strip(" ,"))
    return "" if said and people.title_words().fullmatch(said) else gap


_ARTICLE = re.compile(r"^(?:the|their|our|his|her|a|an)\s+", re.I)


# a first and last name right after the joint, with a title in brackets: "and Bo Lee (IT)"
_EN_PAIR = re.compile(r"(?P<name>[A-Z][a-z'’-]+\s+[A-Z][a-z'’-]+)(?![\w&])(?:\s*\((?P<role>[^()\d@]{2,30})\))?(?!\s+[A-Z])")


def _firm_words(name: str) -> bool:
    """True when a capitalised pair holds a company's word ("Acme Labs", "Stark Industries")."""
    return any(w.lower() in en_cues.FIRM_WORDS or w.lower() in LEGAL_FORMS for w in name.split())


def _end_of(text: str, name: str, start: int = 0) -> int:
    """Where `name` (or, in another case form, its last word's stem) ends in `text`; -1 when not found."""
    at = text.find(name, start)
    if at >= 0:
        end = at + len(name)
        while end < len(text) and text[end].isalpha() and not "\u4e00" <= text[end] <= "\u9fff":
            end += 1                            # "у Ерлана": the name in its case form, to the word's end
        return end
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


# where a note's sentences and joined clauses part: "Sharon Kelly accounts, overdue invoice. GM Pete wants …",
# "… is Mr. Balwinder, his mobile …, and the accounts are handled by Mrs. Kiran Sandhu"
_CLAUSES = re.compile(r"(?<=[.!?;])\s+|\n|,\s+(?=(?:and|и|а)\s)|[。；！？]|(?<=[\u4e00-\u9fff][.;!?])")


def titled_elsewhere(text: str, lang: Lang, first: str | None, taken: tuple[int, int],
                     met: list[people.Person]) -> list[people.Person]:
    """People named with their title in another sentence or clause of the note than its contact ("GM Pete wants a
    demo", "главбух Айгерим", "採購經理何太"): contacts of the customer too. Only a name said with a title counts."""
    said = [p for p in (first, *(m.name for m in met)) if p]
    found: list[people.Person] = []
    start = 0
    for cut in [*(m for m in _CLAUSES.finditer(text)), None]:
        end = cut.start() if cut else len(text)
        clause = text[start:end]
        span = (taken[0] - start, taken[1] - start) if start <= taken[0] < end else (-1, -1)
        start = cut.end() if cut else len(text)
        if not clause.strip() or any(_said_in(clause, name) for name in said):
            continue
        person = people.extract(clause, lang, span)
        if person.name and person.role and not any(names_contact(p, person.name) for p in said) \
                and not (0 <= span[0] <= clause.find(person.name) < span[1]):
            found.append(people.Person(person.name, person.role, person.phone, person.email))
            said.append(person.name)
        if len(found) + len(met) >= _MORE:
            break
    return found


def _said_in(clause: str, name: str) -> bool:
    """True when `name` (or its first word, in any case form) is written in `clause`."""
    stem = name.split()[0][:max(3, len(name.split()[0]) - 2)]
    return re.search(r"(?<!\w)" + re.escape(stem), clause, re.I) is not None
