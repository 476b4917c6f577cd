"""A Russian message read as meant: past the words it opens with ("короче", "слушай"), and a name corrected on the fly, as reps dictate it: the name said again, respelt, after "нет",
"ой" or "стоп" ("альфа логистик нет альфа лоджистик", "ЭнергоАльянс-Сибирь, нет, ЭнергоАльянс без
Сибири", "продмаркет южный нет продмаркет юг"). The correction stands in place of the first try; the
note's own text is never changed, only what is read.

A correction is taken only when its first word begins like a word of the first try (the same name
said again): "звонил в Вектор, нет ответа" corrects nothing.
"""
from __future__ import annotations

import re

from handlers.understanding.languages import ru

_MARK = re.compile(r"\s*[,—–]?\s*(?:" + "|".join(ru.RESPELT) + r")(?:\s*,?\s*(?:" + "|".join(ru.RESPELT)
                   + r"))*\s*,?\s+«?", re.I)
_DENIED = re.compile(r"[\s,.!]*(?:" + "|".join(ru.UNSAID) + r")\s+(?P<verb>[а-яё]{5,})", re.I)
_DAY = re.compile(r"^(?:понедельник|вторник|сред[ауе]|четверг|пятниц[ауе]|суббот[ауе]|воскресенье)$", re.I)
_PREPOSITIONS = frozenset("в во на к ко до с со".split())
_LATIN = re.compile(r"[A-Za-z]{3}")
_EN_DAYS = list(ru.ENGLISH_DAYS.items())
_EN_DAY = re.compile(r"(?<![\w-])(?:" + "|".join(pattern for pattern, _ in _EN_DAYS) + r")(?![\w-])", re.I)
_DENIAL = re.compile(r"\bне\s+[а-яё]{5}", re.I)      # quick test: no "не <verb>", nothing denied
_STEM = 5                # letters a denied verb shares with the one it takes back ("подписали" / "подписали")
_WORD = re.compile(r"[\w-]+")
_REACH = 4               # words of the first try at most
_SAME_START = 4          # letters the two tries begin with alike


def _alike(a: str, b: str) -> bool:
    if _DAY.match(a) and _DAY.match(b):
        return True                       # "в четверг нет в среду": a day said again
    a, b = a.lower().replace("ё", "е"), b.lower().replace("ё", "е")
    return len(a) >= _SAME_START and len(b) >= _SAME_START and a[:_SAME_START] == b[:_SAME_START]


def _unsaid(text: str) -> str:
    """The text without a fact the rep takes back by denying it ("подписали, ура! Хотя стоп, ещё не
    подписали, сказали подпишут" reads "…, ура! …, сказали подпишут"): the denied verb and the denial are not read."""
    if not _DENIAL.search(text):
        return text
    for m in _MARK.finditer(text):
        denied = _DENIED.match(text, m.end())
        if denied is None:
            continue
        stem = denied.group("verb").lower()[:_STEM]
        said = [w for w in _WORD.finditer(text, 0, m.start()) if w.group().lower().startswith(stem)]
        if said:
            fact = said[-1]
            return text[:fact.start()] + text[fact.end():m.start()] + text[denied.end():]
    return text


def _english_days(text: str) -> str:
    """English days read as the Russian words they stand for ("попробую tomorrow" -> "попробую завтра")."""
    if not _LATIN.search(text):
        return text
    return _EN_DAY.sub(lambda m: next(ru_words for pattern, ru_words in _EN_DAYS if re.fullmatch(pattern, m.group(), re.I)),
                       text)


# a mark dictated as a word, never after a word it describes ("торговая точка", "одна точка", "3 точка")
_MARKS = [(re.compile(r"(?<![\w-])(?<!ая\s)(?<!яя\s)(?<!\d\s)\s*" + said + r"(?![\w-])", re.I), mark)
          for said, mark in ru.MARKS_SAID.items()]


def _marks(text: str) -> str:
    """Punctuation dictated as words read as the marks: "подписали точка ура" -> "подписали. ура"."""
    if "точк" not in text and "запят" not in text and "знак" not in text and "тире" not in text and "двоеточ" not in text:
        return text
    for pattern, mark in _MARKS:
        text = pattern.sub(mark, text)
    return text


_ASKING = re.compile(r"(?:что|кто|как|где|когда|куда|сколько|почему|зачем|какой|какая|какие|чей)(?![\w-])", re.I)
_OPENERS = re.compile(r"^(?:\W*(?:" + "|".join(ru.OPENERS) + r")(?![\w-])[\s,.!:;—–-]*)+", re.I)


def _opened(text: str) -> str:
    """The text past the words it opens with that say nothing ("короче", "слушай", "в общем"), so what
    opens the note is its subject; the text as it is when nothing else is said."""
    m = _OPENERS.match(text)
    if m is None or not re.search(r"\w", text[m.end():]) or _ASKING.match(text, m.end()):
        return text         # "ну что по Вектору?": a question is read as asked, openers and all
    return text[m.end():]


def corrected(text: str) -> str:
    """The text past its opening words, with each respelt name put in place of its first try, a fact the rep
    denies left out, and English days read in Russian."""
    text = _unsaid(_english_days(_opened(_marks(text))))
    for _ in range(3):
        for m in _MARK.finditer(text):
            after = list(_WORD.finditer(text, m.end()))
            if not after or after[0].start() != m.end():
                continue
            before = list(_WORD.finditer(text, max(0, m.start() - 80), m.start()))[-_REACH:]
            lead = int(len(after) > 1 and after[0].group().lower() in _PREPOSITIONS)    # "нет в среду"
            first = next((i for i, w in enumerate(before) if _alike(w.group(), after[lead].group())), None)
            if first is None or re.search(r"[.!?;:]", text[before[first].start():m.start()]):
                continue
            if lead and first and before[first - 1].group().lower() == after[0].group().lower():
                first -= 1
            count = len(before) - first
            new = after[:count]
            if re.search(r"[.!?;:,]", text[new[0].start():new[-1].end()]):
                new = new[:1]
            text = text[:before[first].start()] + text[new[0].start():new[-1].end()] + text[new[-1].end():]
            break
        else:
            return text
    return text
