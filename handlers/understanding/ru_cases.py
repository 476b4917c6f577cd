"""A Russian company name put back in the nominative from the case its sentence gives it: "у
Вектора" -> "Вектор", "с Ромашкой" -> "Ромашка", "у Северной Звезды" -> "Северная Звезда", "в
Уральских Садах" -> "Уральские Сады"; a name the writer left undeclined stays as written."""
from __future__ import annotations

import re
from typing import Callable

from handlers.understanding.languages import ru as ru_cues


_ADJ = re.compile(r"(?:ого|его|ому|ему|ым|им|ой|ей|ую|юю|ая|яя|ый|ий|ое|ее)$")
_FEMININE_ADJ = ("ой", "ей", "ую", "юю", "ая", "яя")
_FEM_STEM = re.compile(r"(?:[бвгджзклмнпрстфхцчшщ]к|зд)$")
_VOWELS = "аеёиоуыэюя"
# stems of run-together names ending in a consonant (languages/ru.py NAME_STEMS): a word ending in one is as written
_STEM_ENDS = tuple(stem for stem in ru_cues.NAME_STEMS if len(stem) >= 4 and stem[-1] not in _VOWELS)


def _adjective(word: str, case: str) -> str:
    """An adjective of a company name in the nominative ("Северной" -> "Северная")."""
    low = word.lower()
    soft_or_velar = len(low) > 3 and low[-4] in "кгхжшчщ"
    for end, nom in (("ого", "ий" if soft_or_velar else "ый"), ("его", "ий"), ("ому", "ий" if soft_or_velar else "ый"),
                     ("ему", "ий"), ("ым", "ый"), ("им", "ий"), ("ую", "ая"), ("юю", "яя"),
                     ("ей", "ая" if len(low) > 2 and low[-3] in "жшчщ" else "яя"), ("ой", "ая")):
        if low.endswith(end) and not (end == "ой" and case == "nom"):
            return word[:-len(end)] + nom
    if case == "loc" and low.endswith(("ом", "ем")):
        return word[:-2] + ("ый" if low.endswith("ом") and low[-3:-2] not in "кгхжшчщ" else "ий")   # "Сибирском" -> "Сибирский"
    return word


# the endings a feminine noun in -а/-я takes in each case ("Ромашку", "Ромашки", "Ромашке", "Ромашкой")
_FEMININE_ENDINGS = {"acc": ("у", "ю"), "gen": ("ы", "и"), "dat": ("е", "и"), "loc": ("е", "и"), "ins": ("ой", "ей", "ою")}


def _noun(word: str, case: str, feminine: bool | None) -> str:
    """A noun of a company name in the nominative, from `case`; unchanged when unclear."""
    low = word.lower()
    if "-" in word:                                        # "Альфа-Строя": only the last part declines
        head, _, tail = word.rpartition("-")
        said = _noun(tail, case, feminine)
        first = "acc" if case == "loc" and head.lower().endswith(("у", "ю")) else case    # "в" + "Ромашку": where to
        if said == tail and "-" not in head and head.lower().endswith(_FEMININE_ENDINGS.get(first, ())):
            return _noun(head, first, True) + "-" + tail    # "в Ромашку-Агро", "у Балтики-Сервис": the first part
        return head + "-" + said
    if len(low) < 4 or low[-1] in "оэ":
        return word
    if low.endswith(("ии", "ией", "ию")) and case != "nom":
        return word[:len(word) - (3 if low.endswith("ией") else 2)] + "ия"
    from_case = _FROM_CASE.get(case)
    nominative = from_case(word, low, feminine) if from_case is not None else None
    return word if nominative is None else nominative


def _vowel_before(low: str) -> bool:
    return len(low) > 2 and low[-2] in _VOWELS


def _from_genitive(word: str, low: str, feminine: bool | None) -> str | None:
    if low.endswith("а") and not feminine:
        return word[:-1]
    if low.endswith("я") and not feminine:
        return word[:-1] + ("й" if _vowel_before(low) else "ь")
    if low.endswith("ы"):
        return word[:-1] + "а"
    if low.endswith("и"):
        return word[:-1] + ("а" if low[-2] in "гкхжшчщ" else "я")
    return None


def _from_dative(word: str, low: str, feminine: bool | None) -> str | None:
    if low.endswith("у") and not feminine:
        return word[:-1]
    if low.endswith("ю") and not feminine:
        return word[:-1] + ("й" if _vowel_before(low) else "ь")
    if low.endswith("е"):
        return word[:-1] + "а"
    if low.endswith("и") and low[-2] not in _VOWELS:    # "по ТеплоСибири": a feminine -ь noun
        return word[:-1] + "ь"
    return None


def _from_instrumental(word: str, low: str, feminine: bool | None) -> str | None:
    if low.endswith("ом") and not feminine:
        return word[:-2]
    if low.endswith(("ем", "ём")) and not feminine:
        return word[:-2] + ("й" if len(low) > 3 and low[-3] in _VOWELS else "ь")
    if low.endswith("ой"):
        return word[:-2] + "а"
    if low.endswith("ей"):
        return word[:-2] + "я"
    return None


def _from_locative(word: str, low: str, feminine: bool | None) -> str | None:
    if low.endswith("е"):
        if feminine or (feminine is None and _FEM_STEM.search(low[:-1])):
            return word[:-1] + "а"
        return word[:-1] + ("й" if _vowel_before(low) else "")
    if low.endswith("у"):                              # "в Ромашку": the accusative
        return word[:-1] + "а"
    if low.endswith("ю"):
        return word[:-1] + "я"
    if low.endswith("и") and low[-2] not in _VOWELS:    # "в ТеплоСибири"
        return word[:-1] + "ь"
    return None


def _from_accusative(word: str, low: str, feminine: bool | None) -> str | None:
    if low.endswith("у"):
        return word[:-1] + "а"
    if low.endswith("ю"):
        return word[:-1] + "я"
    return None


# a case's endings back to the nominative: None where the word is no form of that case
_FROM_CASE: dict[str, Callable[[str, str, bool | None], str | None]] = {
    "gen": _from_genitive, "dat": _from_dative, "ins": _from_instrumental, "loc": _from_locative,
    "acc": _from_accusative,
}


_PLURAL_ADJ = re.compile(r"(?:ых|их|ыми|ими)$")
_PLURAL_NOUN = re.compile(r"(?:ах|ях|ам|ям|ами|ями)$")
_SOFT_PLURAL = re.compile(r"(?:[гкхжшчщ]|я\w*)$")


def _plural(words: list[str], case: str) -> str | None:
    """A plural name in the nominative ("Уральских Садах" -> "Уральские Сады", "Самарским Кровлям" ->
    "Самарские Кровли"), or None when the name is not plural."""
    low = [w.lower() for w in words]
    if case == "nom" or not (_PLURAL_NOUN.search(low[-1]) or (len(words) > 1 and _PLURAL_ADJ.search(low[0]))):
        return None
    out = []
    for word, lw in zip(words, low):
        adj = re.search(r"(ых|ым|ыми|их|им|ими)$", lw) if word is not words[-1] else None
        if adj:
            out.append(word[:adj.start()] + ("ые" if adj.group(1).startswith("ы") else "ие"))
            continue
        noun = re.search(r"(ах|ях|ам|ям|ами|ями|ов|ев|ей)$", lw) if word is words[-1] else None
        if word is words[-1] and lw.endswith("ий"):           # "Новых Технологий"
            out.append(word[:-2] + "ии")
            continue
        if not noun and word is words[-1] and lw[-1:] not in _VOWELS + "ьй":   # "Северных Теплиц": no ending
            out.append(word + ("и" if _SOFT_PLURAL.search(lw) else "ы"))
            continue
        if not noun:
            out.append(word)
            continue
        stem = word[:noun.start()]
        soft = noun.group(1).startswith("я") or noun.group(1) in ("ей", "ев") or _SOFT_PLURAL.search(stem.lower())
        out.append(stem + ("и" if soft else "ы"))
    return " ".join(out)


# a name that is one adjective, declined: "по Каспийской", "у Северного" (not "с Ромашкой", a noun)
_LONE_ADJ = re.compile(r"(?:ск|цк|н)(?:ого|его|ому|ему|ой|ей|ым|им|ую)$")
_LOC_ADJ = re.compile(r"(?:ск|цк|н|в)(?:ом|ем)$")    # an adjective in the prepositional: "Сибирском", "Верхнем"
_NOMINATIVE_ADJ = re.compile(r"(?:ый|ий|ая|яя|ое|ее|ые|ие)$")
_NOMINATIVE_HEAD = re.compile(r"[ая]$")


def _as_written(words: list[str], case: str) -> bool:
    """True when a name of several words is written undeclined after a word that wants another case
    ("в Балтийская Верфь Сервис", "с Пекарня Добрый Хлеб"): its first word is visibly a nominative
    (an adjective's nominative ending, or a noun's -а/-я where the case would change it)."""
    first = words[0].lower()
    if len(words) < 2 or case == "nom":
        return False
    if _NOMINATIVE_ADJ.search(first) and not (case == "acc" and first.endswith(("ое", "ее", "ые", "ие"))):
        return len(first) > 4
    return case in ("dat", "ins", "loc") and _NOMINATIVE_HEAD.search(first) is not None and len(first) > 3 \
        and len(words) > 2


def _stem_left(before: str, after: str) -> bool:
    """True when putting a word back in the nominative leaves a word: the last part of a compound
    name keeps a vowel ("с ВолгаХимПром" stays ВолгаХимПром, not "ВолгаХимПр"), and a name ending in a
    stem names are run together from ("-пром", "-снаб", "-торг") ends so."""
    if before == after:
        return True
    if before.lower().endswith(_STEM_ENDS):
        return False          # "с Сахалин-Рыбпром" is Сахалин-Рыбпром: a name ending in a stem ends as written
    parts = re.findall(r"[А-ЯЁA-Z][а-яёa-z]*", after) or [after]
    return any(ch in _VOWELS for ch in parts[-1].lower())


def nominative(name: str, case: str) -> str:
    """A company name in the nominative from `case` (gen, dat, ins, loc, acc, nom): its leading
    adjectives and the noun they go with decline, the words after that noun stay ("про Медиагруппу
    Пятый Элемент", "с Канской Тепловой Компанией", "в Красноярский Завод Кровли"); a plural name ("в
    Уральских Садах"); a name the writer left undeclined stays as written ("в Балтийская Верфь Сервис")."""
    if case == "nom" or not re.match(r"[А-ЯЁа-яё]", name):
        return name
    if name[:1].islower():              # "в «уральских садах»": declined the same way, kept in lower case
        return " ".join(w[:1].lower() + w[1:] for w in nominative(" ".join(w[:1].upper() + w[1:] for w in name.split()), case).split())
    words = name.split()
    plural = _plural(words, case)
    if plural is not None:
        return plural
    if _as_written(words, case):
        return name
    if len(words) == 1 and case != "nom" and len(name) > 5 and _LONE_ADJ.search(name.lower()):
        return _adjective(name, case)                                 # "по Каспийской": Каспийская
    if len(words) == 2 and case == "loc" and _LOC_ADJ.search(words[0].lower()):    # "в Сибирском Птицепроме"
        return f"{_adjective(words[0], case)} {_noun(words[1], case, False)}"
    if len(words) == 2 and not _ADJ.search(words[0].lower()):
        last = _noun(words[1], case, None)
        if last == words[1] and case in ("dat", "ins", "loc") and words[0].lower().endswith(("е", "ой", "ей")) \
                and _noun(words[0], case, None) != words[0]:
            return f"{_noun(words[0], case, None)} {words[1]}"       # "по Армаде Системс": the last word keeps its form
        return f"{words[0]} {last}"                                   # "у Альфа Строя": the last word declines
    feminine: bool | None = None
    out = []
    for i, word in enumerate(words):
        if i < len(words) - 1 and _ADJ.search(word.lower()) and all(_ADJ.search(w.lower()) for w in words[:i]):
            feminine = word.lower().endswith(_FEMININE_ADJ)
            out.append(_adjective(word, case))
            continue
        head = _noun(word, case, feminine)
        out.append(head if _stem_left(word, head) else word)
        out += words[i + 1:]
        break
    return " ".join(out)
