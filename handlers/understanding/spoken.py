"""Dictated text tidied before it is read: fillers dropped ("um", "uh"), words said twice
kept once ("Bell Rock uh Bell Rock Pediatric Therapy"), and a name corrected on the fly
replaced by its correction ("Superstition Ridge HOA no it's Superstition Springs HOA",
"Kim Oduya - no, sorry, Kim Odum").

The cues come from the language's module (FILLERS, CORRECTION); a language without them
is left as written. The note's own text (its summary) is never changed, only what is read.
"""
from __future__ import annotations

import re
from functools import lru_cache

from handlers.understanding import ru_spoken, zh_spoken
from handlers.understanding.languages import cues

_NAME_WORD = r"(?:[A-Z][\w'&.-]*|&|and|of|the|n)"
_RUN_END = re.compile(r"[A-Z][\w'&.-]*(?:\s+" + _NAME_WORD + r"){0,6}$")
_RUN_START = re.compile(r"[A-Z][\w'&.-]*(?:\s+" + _NAME_WORD + r"){0,6}")
_SAID_TWICE = re.compile(r"(?<![\w'])((?:[^\W\d_][\w'&.-]*\s+){0,4}[^\W\d_][\w'&.-]*)\s+\1(?![\w'])", re.I)


@lru_cache(maxsize=None)
def _patterns(lang: str) -> tuple[re.Pattern | None, re.Pattern | None]:
    mod = cues(lang)
    fillers = getattr(mod, "FILLERS", ())
    marks = getattr(mod, "CORRECTION", ())
    filler = re.compile(r"(?<![\w'-])(?:" + "|".join(fillers) + r")(?![\w'-])[,.]*\s*") if fillers else None
    mark = re.compile(r"\s*(?:[,—–-]\s*)?(?:" + "|".join(marks) + r")[,.]?\s+", re.I) if marks else None
    return filler, mark


def _once(text: str) -> str:
    """Words said twice in a row kept once: "the the" -> "the", "Bell Rock Bell Rock" -> "Bell Rock"."""
    return _SAID_TWICE.sub(lambda m: m.group(1), text) if " " in text else text


def _corrected(text: str, mark: re.Pattern) -> str:
    """A capitalised name followed by a correction marker and another capitalised name: the second
    stands, keeping the words of the first that come before the corrected part ("Scottsdale Airpark
    Jet Center no Airpark Aviation Services" -> "Scottsdale Airpark Aviation Services")."""
    for _ in range(3):
        for m in mark.finditer(text):
            before = _RUN_END.search(text, 0, m.start())
            after = _RUN_START.match(text, m.end())
            if not before or not after or before.end() != m.start():
                continue
            old, new = before.group().split(), after.group().split()
            keep = old[:old.index(new[0])] if new[0] in old else []
            text = text[:before.start()] + " ".join(keep + [after.group()]) + text[after.end():]
            break
        else:
            return text
    return text


def tidy(text: str, lang: str) -> str:
    """The text as it is read: fillers, repeats and corrected names taken out."""
    if lang == "ru":
        return ru_spoken.corrected(text)
    if lang == "zh":
        text = zh_spoken.corrected(text)
    filler, mark = _patterns(lang)
    if filler is None and mark is None:
        return text
    if filler is not None:
        text = filler.sub("", text).strip()
    text = _once(text)
    if mark is not None:
        corrected = _corrected(text, mark)
        if corrected != text:
            text = _once(corrected)
    return text
