"""Which of the team's members a question is about: "Anna's pipeline", "what did Anna Lee do this
week", "воронка Анны", "чем занимался Борис", "王芳这周做了什么", "Anna的销售漏斗".

The team's own names are looked for in the words, whatever the letter case, an English possessive
("Anna's", "annas"), or the Russian grammatical case ("Анны", "Борисом"). A member's full name
counts first; else one of its words alone ("Anna", "Lee", "Петрова"), or a Chinese given name.
Several members answering to the words (two Annas) are all returned, so the caller can ask which.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from handlers.understanding.lang import casefold, is_cjk
from handlers.understanding.ru_names import case_forms

_LATIN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ]+(?:[-'’][A-Za-zÀ-ÖØ-öø-ÿ]+)*")
_CYRILLIC = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")
_POSSESSIVE = re.compile(r"(?:'s|’s|')$")
# a first name that is also an everyday word counts only when written with a capital letter
_EVERYDAY = frozenset("""will may max mark bill art grant rich june april sue pat rob chase hope joy faith dawn jack
guy ray rose sunny summer win bob""".split())
# words a display name may hold that also turn up in report questions: never a name on their own
_NOT_A_NAME = frozenset("""team sales manager admin bot the my our all office group crm rep reps""".split())


@dataclass(frozen=True)
class Member:
    """A member as the matcher needs one."""

    id: int
    name: str


def members_named(text: str, roster: Sequence[Member]) -> tuple[Member, ...]:
    """The members of `roster` the text names: those named in full, else those named by one word
    of their name (or a Chinese given name); empty when it names none."""
    words = _words(text)
    full = [m for m in roster if _full(m.name, words, text)]
    if full:
        return tuple(full)
    return tuple(m for m in roster if _first(m.name, words, text))


def _words(text: str) -> list[tuple[str, bool]]:
    """The Latin and Cyrillic words of `text`, casefolded, a possessive taken off, with whether
    each was written with a capital letter."""
    found = []
    for pattern in (_LATIN, _CYRILLIC):
        for match in pattern.finditer(text):
            word = match.group()
            found.append((casefold(_POSSESSIVE.sub("", word)), word[:1].isupper()))
    return found


def _tokens(name: str) -> list[str]:
    return [casefold(w) for w in _LATIN.findall(name) + _CYRILLIC.findall(name)]


def _spellings(token: str) -> set[str]:
    """A name's word as it may be written: itself, "annas" for "Anna's", and its Russian cases."""
    forms = {token, token + "s"}
    if _CYRILLIC.fullmatch(token):
        forms |= set(case_forms(token))
    return forms


def _has(token: str, words: list[tuple[str, bool]]) -> bool:
    spellings = _spellings(token)
    everyday = token in _EVERYDAY
    return any(word in spellings and (capital or not everyday) for word, capital in words)


def _full(name: str, words: list[tuple[str, bool]], text: str) -> bool:
    cjk = "".join(ch for ch in name if is_cjk(ch))
    if cjk:
        return len(cjk) >= 2 and cjk in text
    tokens = _tokens(name)
    return len(tokens) >= 2 and all(_has(token, words) for token in tokens)


def _first(name: str, words: list[tuple[str, bool]], text: str) -> bool:
    cjk = "".join(ch for ch in name if is_cjk(ch))
    if cjk:  # 王小明 answers to 小明; a two-character name only in full
        return len(cjk) >= 3 and cjk[1:] in text
    return any(token not in _NOT_A_NAME and len(token) >= 2 and _has(token, words) for token in _tokens(name))
