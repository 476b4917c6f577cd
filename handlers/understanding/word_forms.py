"""Whether a word of a message plausibly writes a word of a known name in another form.

Russian names are declined: "у Промснаба" writes Промснаб, "у Северного Ветра" writes Северный
Ветер, "по Слободе" writes Слобода. A word writes a name's word when both are one stem with a case
ending each (a vowel that drops out counts: Ветер, Ветра), and an adjective keeps its gender or
number: "сибирская нива" is not Сибирский Лес, "вкусная рыбка" is not Вкусные Традиции, "на красном
проспекте" is not Красная Глинка. What is left after the stem must be an ending: "технолог" is not
Техно, "ладно" is not Ладога, "Городище" is not Город, "Белова" (a surname) is not Белый Медведь.

A word typed wrong is forgiven only when it is about as long as the name's word (a typo adds or
drops a letter or two, it does not add a syllable: "екатеринбург" is not Екатеринбургская).
"""
from __future__ import annotations

from rapidfuzz import fuzz

MIN_STEM = 3              # letters a Russian stem keeps before its ending
MAX_TYPO_LENGTH = 2       # letters a word typed wrong may have more or fewer than the name's word
FUZZY_SCORE = 85          # rapidfuzz ratio of a word typed wrong to the name's word

_M, _F, _N, _P = "m", "f", "n", "p"
# adjective endings and the genders (or plural) each may be
_ADJECTIVE = {
    "ый": {_M}, "ий": {_M}, "ой": {_M, _F}, "ого": {_M, _N}, "его": {_M, _N}, "ому": {_M, _N}, "ему": {_M, _N},
    "ым": {_M, _N, _P}, "им": {_M, _N, _P}, "ом": {_M, _N}, "ем": {_M, _N}, "ая": {_F}, "яя": {_F}, "ую": {_F},
    "юю": {_F}, "ей": {_F}, "ою": {_F}, "ею": {_F}, "ое": {_N}, "ее": {_N}, "ые": {_P}, "ие": {_P}, "ых": {_P},
    "их": {_P}, "ыми": {_P}, "ими": {_P},
}
_NAMED_AS_ADJECTIVE = ("ый", "ий", "ая", "яя", "ое", "ее", "ые", "ие")     # an adjective as a name writes it
_NOUN_ENDINGS = frozenset("""а я о е у ю ы и ь й ой ей ом ем ам ям ах ях ов ев ами ями ою ею ия ию ии ью""".split())
ENDINGS = _NOUN_ENDINGS | frozenset(_ADJECTIVE) | {""}
_FLEETING = "ео"          # a vowel that drops out when the word is declined: Ветер → Ветра


def is_russian(word: str) -> bool:
    return bool(word) and ("а" <= word[0] <= "я" or word[0] == "е")


def _stems(name: str) -> list[tuple[str, str]]:
    """The ways `name` splits into a stem and an ending (longest ending first), and the stem a
    fleeting vowel leaves."""
    out = [(name[:-k], name[-k:]) for k in (3, 2, 1) if len(name) - k >= MIN_STEM and name[-k:] in ENDINGS]
    out.append((name, ""))
    if len(name) >= MIN_STEM + 2 and name[-2] in _FLEETING and name[-1] not in "аеёиоуыэюяйь":
        out.append((name[:-2] + name[-1], ""))
    return out


def ru_same_word(said: str, name: str) -> bool:
    """True when `said` is the Russian word `name` in another case (see the module doc); both are
    lower case, "ё" as "е"."""
    if said == name:
        return True
    adjective = name.endswith(_NAMED_AS_ADJECTIVE) and len(name) >= MIN_STEM + 2
    for stem, ending in _stems(name):
        if not said.startswith(stem):
            continue
        rest = said[len(stem):]
        if adjective:               # only as an adjective, of its gender or number
            if ending in _ADJECTIVE and rest in _ADJECTIVE and _ADJECTIVE[rest] & _ADJECTIVE[ending]:
                return True
        elif rest in ENDINGS:
            return True
    return False


def typed_wrong(said: str, name: str) -> bool:
    """True when `said` is `name` with a letter or two typed wrong: as long give or take a letter or
    two, the same first letter, close by rapidfuzz; a Russian word keeps its last two letters (a
    different ending is another form, judged by ru_same_word, not a typo)."""
    if len(said) < 5 or len(name) < 5 or said[0] != name[0] or abs(len(said) - len(name)) > MAX_TYPO_LENGTH:
        return False
    if is_russian(name) and said[-2:] != name[-2:]:
        return False
    return fuzz.ratio(said, name) >= FUZZY_SCORE
