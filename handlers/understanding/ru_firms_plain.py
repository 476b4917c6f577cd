"""A company named in lower case by one word after a preposition where a company stands: the rep
talked with it, went to it, or heard from it ("созвонилась с вектором", "была у альфастроя",
"звонок от ромашки", "кп для промснаба"). The word names a company when it is no ordinary word of a
note: not in the vocabulary (every word of the Russian cues and `ru.PLAIN_NOUNS`), no person's name
or surname, no pronoun, no place or day. The name is given in its base form ("вектором" -> "Вектор"),
to be asked about: nothing here says the company is a customer already."""
from __future__ import annotations

import re
from functools import lru_cache

from handlers.understanding.languages import ru
from handlers.understanding.lex_names import COMMON_WORDS
from handlers.understanding.ru_cases import _ADJ, nominative
from handlers.understanding.ru_firms import _CASE_OF, _FILLERS, _NOT_FIRMS, _STARTERS
from handlers.understanding.ru_names import lookup_first

MIN_STEM = 4            # letters a vocabulary stem has at least, to be matched as a word's beginning
MAX_ENDING = 3          # letters of a case ending a word may have after a vocabulary stem

# whom the rep talked or met with ("с"), and where the rep went, called, sent or heard from ("в/у/к/от/для/из")
_WITH = (r"(?:(?:по|со|пере)?звон\w*|созвон\w*|встрет\w*|встреч\w*|(?:по|пере)?говор\w*|общал\w*|пообщал\w*|"
         r"связал\w*|списал\w*|переписк\w*|переписыва\w*|пересекл\w*|пересекал\w*|переговор\w*)")
_AT = (r"(?:(?:по|пере)?звон\w*|был[аи]?|побывал\w*|заехал\w*|заезжал\w*|заходил\w*|зашл[аи]|заш[её]л|съездил\w*|"
       r"ездил\w*|набрал\w*|отправил\w*|выслал\w*|скинул\w*|письм\w*|запрос\w*|заявк\w*|кп|предложени\w*|"
       r"сч[её]т|вернул\w*|приехал\w*|вышел|вышла|выехал\w*)")
_SOON = r"(?:\s+(?:сегодня|вчера|утром|днем|днём|вечером|опять|снова|ещ[её]\s+раз))?"
_WHAT = r"(?:\s+(?:кп|ткп|прайс\w*|письм\w*|сч[её]т\w*|предложени\w*|образц\w*|каталог\w*|договор\w*|документ\w*))?"
_WORD = r"\s+(?P<word>[а-яё][а-яё-]{3,})(?=[\s,.;:!?)—–]|$)"
_SLOT = re.compile(r"(?<![\w-])(?i:" + _WITH + _SOON + r"\s+(?P<with>с|со)|" + _AT + _SOON + _WHAT
                   + r"\s+(?P<prep>у|в|во|к|ко|от|для|из))" + _WORD)
# the word after the name: a second word of it ("в белом медведе", "в норд кабель"), unless a verb or a plain word
_NEXT = re.compile(r"\s+(?P<next>[а-яё][а-яё-]{2,})")
_VERB = re.compile(r"(?:ят|ют|ут|ат|ит|ет|л|ла|ли|ло|ть|ся|сь)$")
_PRONOUN = re.compile(r"^(?:ни(?:кто|кого|кому|кем|чего|что)|н?(?:им|ими|ей|ею|его|ему|ее|её|их|ем|ём)|мной|нами|вами|"
                      r"тобой|собой|себ[яе]|кем|чем|(?:вс|эт|т|наш|ваш|сво|ихн)(?:е|ё|и|ем|ех|еми|ого|ому|ой|ом|им|ими|их|"
                      r"у|а|о|от|ая|ую|ей)|всем|всеми|всех)$")
_SURNAME = re.compile(r"(?:ов|ев|ёв|ин|ын|ск)(?:а|у|ым|ом|е|ой|ою|ых|ым|ого|ому)?$")
_LETTERS = re.compile(r"[а-яё]{%d,}" % MIN_STEM)
_PATTERN_LISTS = ("HELP", "UNDO", "DROP_FOLLOWUP", "PIPELINE", "FOLLOWUPS", "ACTIVITY", "QUERY", "LOG_VERBS",
                  "NEGATION", "COMMIT", "FUTURE", "BIRTHDAY", "LATER_WORDS", "COMPLAINT", "INQUIRY", "NEW_COMPANY",
                  "ROLES", "TRADE_NOUNS", "NOT_YET", "HANDED_OVER", "NEW_DEAL", "WON_BY_OTHER", "ASKED_FOR",
                  "COUNT_WORDS", "MONEY_WORDS", "HEDGE", "MENTIONED_BEFORE", "RECORD_OPENERS", "OPENERS")


def _phrases(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [p for v in value.values() for p in _phrases(v)]
    if isinstance(value, (list, tuple, frozenset, set)):
        return [p for v in value for p in _phrases(v)]
    return []


@lru_cache(maxsize=1)
def vocabulary() -> frozenset[str]:
    """Stems of the ordinary words of a Russian note: the words the cues are written with, and
    `ru.PLAIN_NOUNS`."""
    words: set[str] = {w.replace("ё", "е") for w in ru.PLAIN_NOUNS}
    for name in (*_PATTERN_LISTS, "CHANNELS", "STAGES", "PERIODS"):
        for phrase in _phrases(getattr(ru, name, [])):
            words.update(w.replace("ё", "е") for w in _LETTERS.findall(re.sub(r"\\[a-zA-Z]", " ", phrase.lower())))
    return frozenset(words)


def ordinary(word: str) -> bool:
    """Whether a lower-case word is an ordinary word of a note: a vocabulary stem with a case ending
    at most after it, a person's first name, a pronoun, a filler, a place or a day, a plain word."""
    low = word.lower().replace("ё", "е")
    if low in _FILLERS or low in _STARTERS or low in COMMON_WORDS or _PRONOUN.match(low) or lookup_first(low) \
            or _NOT_FIRMS.match(low) or _SURNAME.search(low):
        return True
    vocab = vocabulary()
    return any(low[:k] in vocab for k in range(max(1, len(low) - MAX_ENDING), len(low) + 1)) \
        or any(low.startswith(stem) and len(low) - len(stem) <= MAX_ENDING for stem in vocab if len(stem) < MIN_STEM
               and stem in ru.PLAIN_NOUNS)


def after_preposition(text: str, person: str | None) -> str | None:
    """The company a lower-case word after a preposition names, in its base form, or None."""
    for m in _SLOT.finditer(text):
        word, prep = m.group("word"), (m.group("with") or m.group("prep")).lower()
        if ordinary(word) or (person and word[:4].lower() in person.lower()) \
                or text[m.end():].lstrip().startswith(("«", '"')):
            continue
        after = _NEXT.match(text, m.end())
        if after and not _VERB.search(after.group("next")) and (_ADJ.search(word) or not ordinary(after.group("next"))):
            continue                              # "в новом офисе", "в белом медведе": left to the rules that read names
        case = _CASE_OF.get(prep, "nom")
        if case == "loc" and not re.search(r"(?:е|и)$", word):
            case = "acc"                          # "звонил в вектор": where to, as written
        return nominative(word.capitalize(), case)
    return None
