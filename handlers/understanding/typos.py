"""A known customer's name typed a letter or two off, right after a contact verb ("emailed initek
the revised quote" for Initech, "called umbrela" for Umbrella Corp). Such a word names that
customer or another company, never "no company": the note is asked about (the close customer,
or a new one as written), never filed under the last note's customer.
"""
from __future__ import annotations

import re
from typing import Sequence

from rapidfuzz.distance import Levenshtein

from handlers.understanding.lex_names import COMMON_WORDS as COMMON
from handlers.understanding.matching import name_tokens

MIN_LETTERS = 5          # shorter words are too often other words one letter off
_AFTER_VERB = re.compile(
    r"(?<![\w-])(?:e-?mailed|emailed|texted|messaged|pinged|called|rang|phoned|visited|met\s+with|"
    r"spoke\s+(?:to|with|w/?)|talked\s+(?:to|with|w/?)|wrote\s+to|heard\s+from|followed\s+up\s+with|"
    r"sent\s+(?:it|them|the\s+\w+)\s+to|написал[аи]?|позвонил[аи]?|звонил[аи]?)\s+"
    r"(?P<word>[^\W\d_][\w-]*)", re.I)


def _close(word: str, token: str) -> bool:
    """One or two letters off (one for short words), not the same word. Names that differ in a
    number ("Store 12" / "Store 11", "Plant2" / "Plant3") are other companies, never a typo."""
    if word == token or len(word) < MIN_LETTERS or word[0] != token[0]:
        return False
    if re.sub(r"\D", "", word) != re.sub(r"\D", "", token):
        return False
    return Levenshtein.distance(word, token) <= (1 if len(token) < 6 else 2)


def typo_of_known(text: str, names: Sequence[str]) -> tuple[str, list[str]] | None:
    """The word written after a contact verb and the known names whose first significant word it
    is a typo of; None when there is no such word."""
    for found in _AFTER_VERB.finditer(text):
        close = close_names(found.group("word"), names)
        if close:
            return found.group("word"), close
    return None


def close_names(word: str, names: Sequence[str]) -> list[str]:
    """The known names whose first significant word `word` is a typo of ("initek": Initech)."""
    word = word.casefold()
    if word in COMMON:
        return []
    close = []
    for name in names:
        tokens = [t for t in name_tokens(name) if t not in COMMON]
        if tokens and _close(word, tokens[0].casefold()):
            close.append(name)
    return close[:4]
