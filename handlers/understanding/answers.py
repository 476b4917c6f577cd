"""What a short reply to the bot's "which customer?" says, from its words alone.

A reply that agrees ("yes", "ok", "да", "是的", "对") picks the only choice the question offered;
one that says "new customer" (or "yes, new customer") with no name picks the new name offered; a
reply with the words of a sentence (a pronoun, a verb, a correction: "sorry he is actually the
chairman", "поменяй должность", "他其实是总经理") is no company's name, so it is handled as a
message of its own and the question lapses.
"""
from __future__ import annotations

import re
from enum import Enum
from functools import lru_cache

from handlers.understanding.languages import CODES, cues, one_of


class Agreement(Enum):
    """A reply that picks without naming: the only choice, or the new customer offered."""

    ONLY = "only"
    NEW = "new"


@lru_cache(maxsize=None)
def _agreement(code: str) -> re.Pattern[str] | None:
    language = cues(code)
    if not language.ANSWER_YES:
        return None
    yes = one_of(language.ANSWER_YES)
    new = one_of(language.ANSWER_NEW) if language.ANSWER_NEW else r"(?!)"
    return re.compile(rf"\W*(?:(?P<yes>{yes})(?:[\s,.!:;，、-]*(?P<new1>{new}))?|(?P<new2>{new}))[\s.!。！~～]*",
                      re.I)


def agreement(text: str, lang: str) -> Agreement | None:
    """ONLY for a whole reply that agrees, NEW for one that picks the new customer without a
    name; None for anything else (in `lang`, or any language the bot reads)."""
    for code in dict.fromkeys((lang, *CODES)):
        pattern = _agreement(code)
        found = pattern.fullmatch(text.strip()) if pattern else None
        if found:
            return Agreement.NEW if found.group("new1") or found.group("new2") else Agreement.ONLY
    return None


@lru_cache(maxsize=None)
def _sentence_words() -> re.Pattern[str]:
    phrases = [phrase for code in CODES for phrase in cues(code).NOT_A_NAME]
    return re.compile(one_of(phrases), re.I)


def reads_as_sentence(text: str) -> bool:
    """True when a typed reply has the words of a sentence rather than of a company's name."""
    return _sentence_words().search(text) is not None
