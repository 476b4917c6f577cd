"""A Russian name corrected on the fly, as reps dictate it: the name said again, respelt, after "нет",
"ой" or "стоп" ("альфа логистик нет альфа лоджистик", "ЭнергоАльянс-Сибирь, нет, ЭнергоАльянс без
Сибири", "продмаркет южный нет продмаркет юг"). The correction stands in place of the first try; the
note's own text is never changed, only what is read.

A correction is taken only when its first word begins like a word of the first try (the same name
said again): "звонил в Вектор, нет ответа" corrects nothing.
"""
from __future__ import annotations

import re

from handlers.understanding.languages import ru

_MARK = re.compile(r"\s*,?\s*(?:" + "|".join(ru.RESPELT) + r")(?:\s*,?\s*(?:" + "|".join(ru.RESPELT) + r"))*\s*,?\s+",
                   re.I)
_WORD = re.compile(r"[\w-]+")
_REACH = 4               # words of the first try at most
_SAME_START = 4          # letters the two tries begin with alike


def _alike(a: str, b: str) -> bool:
    a, b = a.lower().replace("ё", "е"), b.lower().replace("ё", "е")
    return len(a) >= _SAME_START and len(b) >= _SAME_START and a[:_SAME_START] == b[:_SAME_START]


def corrected(text: str) -> str:
    """The text with each respelt name put in place of its first try."""
    for _ in range(3):
        for m in _MARK.finditer(text):
            after = list(_WORD.finditer(text, m.end()))
            if not after or after[0].start() != m.end():
                continue
            before = list(_WORD.finditer(text, max(0, m.start() - 80), m.start()))[-_REACH:]
            first = next((i for i, w in enumerate(before) if _alike(w.group(), after[0].group())), None)
            if first is None or re.search(r"[.!?;:]", text[before[first].start():m.start()]):
                continue
            count = len(before) - first
            new = after[:count]
            if re.search(r"[.!?;:,]", text[new[0].start():new[-1].end()]):
                new = new[:1]
            text = text[:before[first].start()] + text[new[0].start():new[-1].end()] + text[new[-1].end():]
            break
        else:
            return text
    return text
