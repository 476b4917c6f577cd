"""Russian personal names: recognising a first name in any case and putting a full name
back into the nominative ("с Сергеем Ковалёвым" -> "Сергей Ковалёв")."""
from __future__ import annotations

import re
from functools import lru_cache

from handlers.understanding.languages import ru

MALE = ru.MALE_NAMES
FEMALE = ru.FEMALE_NAMES
_MALE_IN_A = {"Никита", "Илья", "Данила", "Кузьма", "Фома", "Савва"}
_IRREGULAR = {"Павел": "Павл", "Лев": "Льв", "Пётр": "Петр", "Петр": "Петр"}
_HUSHING = set("гкхжшчщ")


def _forms(name: str) -> list[str]:
    low = name.lower().replace("ё", "е")
    if name in _IRREGULAR:
        stem = _IRREGULAR[name].lower()
        return [low] + [stem + e for e in ("а", "у", "ом", "е")]
    if low.endswith("ий"):
        stem = low[:-1]
        return [low, stem + "я", stem + "ю", stem + "ем", stem + "и"]
    if low.endswith(("й", "ь")):
        stem = low[:-1]
        return [low, stem + "я", stem + "ю", stem + "ем", stem + "е"]
    if low.endswith("ия"):
        stem = low[:-1]
        return [low, stem + "и", stem + "ю", stem + "ей"]
    if low.endswith("я"):
        stem = low[:-1]
        return [low, stem + "и", stem + "е", stem + "ю", stem + "ей"]
    if low.endswith("а"):
        stem = low[:-1]
        gen = "и" if stem[-1] in _HUSHING else "ы"
        ins = "ей" if stem[-1] in "жшчщц" else "ой"
        return [low, stem + gen, stem + "е", stem + "у", stem + ins]
    return [low, low + "а", low + "у", low + "ом", low + "е"]


def case_forms(name: str) -> list[str]:
    """A Russian name's forms in the nominative, genitive, dative, accusative, instrumental and
    prepositional cases, lower-cased ("анна" -> "анны", "анне", "анну", "анной")."""
    return _forms(name[:1].upper() + name[1:])


@lru_cache(maxsize=1)
def first_names() -> dict[str, tuple[str, bool]]:
    """Every case form of a common first name -> (nominative, is_female)."""
    table: dict[str, tuple[str, bool]] = {}
    for name in MALE + FEMALE:
        female = name in FEMALE and name not in _MALE_IN_A
        for form in _forms(name):
            table.setdefault(form, (name, female))
    return table


def lookup_first(word: str) -> tuple[str, bool] | None:
    """(nominative, is_female) when the word is a first name in some case."""
    return first_names().get(word.lower().replace("ё", "е"))


def is_patronymic(word: str) -> bool:
    """True for "Сергеевна", "Николаевны", "Ивановичем" and the like."""
    return _PATRONYMIC.search(word.lower()) is not None and word[:1].isupper()


# the endings of a patronymic in its cases: "Иванович(а|у|ем|е)", "Ивановн(а|ы|е|у|ой)", "Ильинична", "Палыч";
# a word with those letters inside ("Отлично", "Гончаров") is none
_PATRONYMIC = re.compile(r"(?:ович|евич|ьич|инич|ыч)(?:а|у|ем|е)?$|(?:овн|евн|ичн)(?:а|ы|е|у|ой|ою)$")


def patronymic_nominative(word: str) -> str:
    """"Сергеевной" -> "Сергеевна", "Ивановичем" -> "Иванович"."""
    for marker in ("овн", "евн", "ичн"):
        i = word.lower().rfind(marker)
        if i > 0:
            return word[:i + len(marker)] + "а"
    for marker in ("ович", "евич", "ьич", "ич"):
        i = word.lower().rfind(marker)
        if i > 0:
            return word[:i + len(marker)]
    return word


_SURNAME_SHAPE = re.compile(r"(?:ов|ев|ёв|ин|ын)(?:а|у|ым|ом|е|ой|ою|ого|ому|ую|ы)?$|(?:ск|цк)(?:ий|ая|ого|ому|им|ом|ой|ую|ая)$"
                            r"|(?:енко|чук|щук|йчук|дзе|швили|ян|янц)$", re.I)     # "Руденко Павел", "Ковальчук Ирина"


def surname_before_first(words: list[str]) -> bool:
    """True for "Петровым Иваном", "Смирновой Анны": a surname-shaped word, then a first name."""
    return len(words) >= 2 and lookup_first(words[0]) is None and lookup_first(words[1]) is not None \
        and _SURNAME_SHAPE.search(words[0].replace("ё", "е")) is not None and len(words[0]) > 4


def surname_nominative(word: str, female: bool) -> str:
    """A surname in the nominative, for the usual -ов/-ев/-ин/-ский families."""
    low = word.lower().replace("ё", "е")
    for base in ("ов", "ев", "ин", "ын"):
        for end in ("ым", "ой", "ою", "ом", "ого", "ому", "ую", "а", "у", "е", "ы"):
            if low.endswith(base + end) and len(low) > len(base + end) + 1:
                stem = word[:len(word) - len(end)]
                if female:
                    return stem + "а"
                return stem if end not in ("ой", "ую", "ы") else stem + "а"
    for end, male_nom, female_nom in (("ским", "ский", "ская"), ("ского", "ский", "ская"),
                                      ("скому", "ский", "ская"), ("ской", "ский", "ская"),
                                      ("скую", "ский", "ская"), ("цким", "цкий", "цкая"),
                                      ("цкого", "цкий", "цкая"), ("цкой", "цкий", "цкая")):
        if low.endswith(end):
            return word[:len(word) - len(end)] + (female_nom if female or end in ("ской", "скую", "цкой") else male_nom)
    return word


def nominative(words: list[str]) -> str:
    """A Russian full name ("Сергеем Ковалёвым") back in the nominative where the
    first name is recognised; otherwise the words as written."""
    if not words:
        return ""
    first = lookup_first(words[0])
    if first is None:
        second = lookup_first(words[1]) if len(words) >= 2 else None
        if second is not None:                               # "Орлов Дмитрий"
            nom, female = second
            rest = [patronymic_nominative(w) if is_patronymic(w) else w for w in words[2:]]
            return " ".join([surname_nominative(words[0], female), nom] + rest)
        return " ".join(words)
    nom, female = first
    out = [nom]
    ending = _case_ending(words[0], nom) if not female else None
    for word in words[1:]:
        if is_patronymic(word):
            out.append(patronymic_nominative(word))
            continue
        surname = surname_nominative(word, female)
        if surname == word and ending and word.lower().endswith(ending) and len(word) > len(ending) + 2 \
                and word.lower()[-len(ending) - 1] not in "аеёиоуыэюя":
            surname = word[:-len(ending)]          # "Андреем Кимом" -> Ким, "Кириллом Мельником" -> Мельник
        out.append(surname)
    return " ".join(out)


def _case_ending(said: str, nom: str) -> str | None:
    """The ending a man's surname takes in the case his first name is said in: "ом" after "Андреем",
    "а" after "Андрея", "у" after "Андрею"; None in the nominative."""
    low, base = said.lower().replace("ё", "е"), nom.lower().replace("ё", "е")
    if low == base:
        return None
    if low.endswith(("ем", "ом")):
        return "ом"
    if low.endswith(("а", "я")) and not base.endswith(("а", "я")):
        return "а"
    if low.endswith(("у", "ю")):
        return "у"
    return None
