"""Whether two written names are one person: another spelling, case or case form ("Сергей" and
"Сергеем", "Maria" and "Maria Lopez", "王总" and "王总经理", a first name and a surname in either
order: "Lopez Maria", "Иванова Анна"), and whether a name said in a
correction ("maria", "Козлова", "王总") names a contact stored in full.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from handlers.understanding.languages import registered

_CJK = re.compile(r"[\u4e00-\u9fff]")
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _honorifics() -> frozenset[str]:
    """Every language's words before a name that are no part of it ("dr", "mrs", "г-н")."""
    return frozenset(word for language in registered() for word in getattr(language, "HONORIFICS", ()))


def without_honorific(name: str) -> str:
    """A person's name without the word of address before it ("Dr Priya Shah" is Priya Shah)."""
    words = name.split()
    while len(words) > 1 and words[0].casefold().rstrip(".") in _honorifics():
        words = words[1:]
    return " ".join(words)


def honorific(word: str) -> bool:
    """True for a word of address before a name ("Dr", "Mrs.", "г-н")."""
    return word.casefold().rstrip(".") in _honorifics()


def short_form(stored: str, said: str) -> bool:
    """True when `said` is `stored` with the first name shortened ("Al Cross" of Dr Alan Cross, "Sue Marsh" of
    Susan Marsh): the same surname, and first names with the same first letters, one the other's beginning."""
    full, short = _words(bare(stored)), _words(said)
    if len(full) < 2 or len(short) < 2 or not same_word(full[-1], short[-1]):
        return False
    a, b = full[0], short[0]
    return a[:1] == b[:1] and (a.startswith(b) or b.startswith(a) or a[:2] == b[:2])


def _words(name: str) -> list[str]:
    text = unicodedata.normalize("NFKC", without_honorific(name)).casefold().replace("ё", "е")
    return _WORD.findall(text)


def same_word(a: str, b: str) -> bool:
    """One word of a name in another case form ("Козлова" of Козлов)."""
    if a == b:
        return True
    shortest = min(len(a), len(b))
    if shortest < 3:
        return False
    stem = max(3, shortest - 2)  # Russian case endings: Сергей/Сергеем, Ковалёв/Ковалёвым
    return a[:stem] == b[:stem]


def same_person(a: str, b: str) -> bool:
    """True when two written names plausibly mean the same contact."""
    if _CJK.search(a) or _CJK.search(b):
        a2, b2 = a.replace(" ", ""), b.replace(" ", "")
        return a2 == b2 or (a2[:1] == b2[:1] and (a2.startswith(b2) or b2.startswith(a2)))
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return False
    if len(wa) == len(wb):        # in either order: "Lopez Maria", "Иванова Анна" of Анна Иванова
        return all(same_word(x, y) for x, y in zip(wa, wb)) \
            or (len(wa) == 2 and all(same_word(x, y) for x, y in zip(wa, reversed(wb))))
    short, long_ = (wa, wb) if len(wa) < len(wb) else (wb, wa)
    return all(same_word(x, y) for x, y in zip(short, long_))


def names_contact(full: str, said: str) -> bool:
    """True when `said` ("maria", "Козлова", "王总") names the contact `full` ("Maria Lopez", "Иван Козлов")."""
    if not said.strip():
        return False
    if same_person(full, said):
        return True
    words, asked = _name_words(full), _name_words(said)
    return bool(asked) and all(any(same_word(a, w) for w in words) for a in asked)


def _name_words(name: str) -> list[str]:
    return _WORD.findall(name.casefold().replace("ё", "е"))


_ALIAS = re.compile(r"\s*[(（]\s*([^()（）]+?)\s*[)）]\s*$")


def alias_of(stored: str) -> str | None:
    """The nickname a contact is stored with, in brackets after the name ("张总（老张）", "Андрей (Дрон)")."""
    m = _ALIAS.search(stored)
    return m.group(1) if m else None


def bare(stored: str) -> str:
    """A contact's name as stored without the nickname in brackets ("张总（老张）" is 张总)."""
    return _ALIAS.sub("", stored) or stored


def with_alias(name: str, alias: str | None) -> str:
    """The name a contact is stored with: the name, then the nickname in brackets ("张总（老张）", "Andy (Big A)")."""
    if not alias or alias.casefold() in name.casefold():
        return name
    return f"{name}（{alias}）" if _CJK.search(name + alias) else f"{name} ({alias})"


def nicknamed(stored: str, said: str) -> bool:
    """True when `said` is the contact's nickname: the one in brackets ("老张" of 张总（老张）), or the name cut short
    in its last word ("Big T" of Big Tony, "Tony R" of Tony Russo)."""
    alias = alias_of(stored)
    if alias and (alias.casefold() == said.strip().casefold()
                  or (len(alias.split()) == len(said.split()) == 1 and same_word(alias, said))):   # "Дрона" of Дрон
        return True
    full, short = bare(stored).split(), said.split()
    return len(short) == len(full) >= 2 and [w.casefold() for w in full[:-1]] == [w.casefold() for w in short[:-1]] \
        and full[-1].casefold().startswith(short[-1].casefold()) and len(short[-1]) < len(full[-1])
