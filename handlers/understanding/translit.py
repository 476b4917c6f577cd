"""Known names written in the other alphabet: "SmartSoft Ural" for ООО «СмартСофт Урал», "Гринхаус" or
"у Гринхауса" for Greenhouse Solutions, "Хельветия" for Helvetia Pharma. Reps type a name the way it
sounds in the alphabet their keyboard is on; the name's consonants stay, its vowels do not (Green /
Грин, Solutions / Солюшнс), so both sides are compared by their consonants, as Latin letters.

Only a name's first word is compared, and only when it has at least `MIN_CONSONANTS` consonants: a short
word ("Грин", "Ural") sounds like too many others. A word spelt letter for letter in the other alphabet
("Obskoy" for Обской, "Лукойл" for Lukoil) is that name whatever its consonants: vowels and all agree.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable

from handlers.understanding.name_index import Index

MIN_CONSONANTS = 4

_CYRILLIC_LATIN = {"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
                   "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
                   "у": "u", "ф": "f", "х": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sh", "ъ": "", "ы": "y", "ь": "",
                   "э": "e", "ю": "u", "я": "a"}
# how English spellings sound, before the vowels go: "ph" is f, "ck" k, "c" s or k, "w" v, "x" ks, "th" t
_SPELLINGS = [("gh", ""), ("ph", "f"), ("ck", "k"), ("th", "t"), ("kh", "h"), ("ce", "se"), ("ci", "si"), ("cy", "sy"),
              ("c", "k"), ("q", "k"), ("w", "v"), ("x", "ks"), ("j", "dzh"), ("tion", "shn"), ("sion", "shn")]
_VOWELS = re.compile(r"[aeiouy]+")
_DOUBLE = re.compile(r"(.)\1+")
_CYRILLIC = re.compile(r"[а-яё]")
_LATIN = re.compile(r"[a-z]")
_CASE_ENDINGS = ("ами", "ями", "ом", "ем", "ой", "ей", "ах", "ях", "ам", "ям", "ов", "а", "я", "у", "ю", "е", "ы", "и")
_WORD = re.compile(r"[A-Za-zА-Яа-яЁё]+")
_LATIN_WORD = re.compile(r"[A-Za-z]{5}")


@lru_cache(maxsize=65536)
def consonants(word: str) -> str:
    """A word's consonants as Latin letters, doubled ones once: "Greenhouse" and "Гринхаус" are both "grnhs"."""
    low = word.lower()
    if _CYRILLIC.search(low):
        low = "".join(_CYRILLIC_LATIN.get(ch, ch) for ch in low)
    else:
        for spelt, sound in _SPELLINGS:
            if spelt in ("tion", "sion"):
                low = low.replace(spelt, sound)
        for spelt, sound in _SPELLINGS:
            low = low.replace(spelt, sound)
    low = low.replace("zh", "z").replace("sh", "s").replace("ch", "c").replace("ts", "s")
    return _DOUBLE.sub(r"\1", _VOWELS.sub("", re.sub(r"[^a-z]", "", low)))


# the usual ways one Cyrillic letter is spelt in Latin, brought to one spelling
_LATIN_SPELLINGS = [("shch", "sh"), ("sch", "sh"), ("kh", "h"), ("yu", "u"), ("ju", "u"), ("ya", "a"), ("ja", "a"),
                    ("yo", "o"), ("ye", "e"), ("ts", "c"), ("iy", "y"), ("ij", "y"), ("yi", "y"), ("ii", "y"), ("i", "y")]
_FULL_MIN = 5       # letters a word spelt out in full needs to stand for a name


@lru_cache(maxsize=65536)
def spelt(word: str) -> str:
    """A word letter for letter in Latin, each Cyrillic letter's usual spellings made one: "Обской",
    "Obskoy" and "Obskoi" are all "obskoy"."""
    low = word.lower()
    if _CYRILLIC.search(low):
        low = "".join(_CYRILLIC_LATIN.get(ch, ch) for ch in low).replace("ts", "c")
    low = re.sub(r"[^a-z]", "", low)
    for latin, one in _LATIN_SPELLINGS:
        low = low.replace(latin, one)
    return _DOUBLE.sub(r"\1", low)


@dataclass
class Sounds:
    """A team's names by the consonants of their first word, apart for Latin and Cyrillic names, and by
    that word spelt out in full."""

    latin: dict[str, list[int]] = field(default_factory=dict)
    cyrillic: dict[str, list[int]] = field(default_factory=dict)
    latin_spelt: dict[str, list[int]] = field(default_factory=dict)
    cyrillic_spelt: dict[str, list[int]] = field(default_factory=dict)


def _table(index: Index) -> Sounds:
    if isinstance(index.across, Sounds):
        return index.across
    table = Sounds()
    for entry in range(len(index)):
        tokens = index.tokens(entry)
        if not tokens:
            continue
        first = tokens[0]
        cyrillic = bool(_CYRILLIC.search(first))
        if not cyrillic and not (_LATIN.search(first) and first.isascii()):
            continue
        key = consonants(first)
        if len(key) >= MIN_CONSONANTS:
            (table.cyrillic if cyrillic else table.latin).setdefault(key, []).append(entry)
        if len(first) >= _FULL_MIN:
            (table.cyrillic_spelt if cyrillic else table.latin_spelt).setdefault(spelt(first), []).append(entry)
    index.across = table
    return table


def _keys(word: str, key: Callable[[str], str] = consonants) -> list[str]:
    """The word's consonants (or another `key`), and, for a Cyrillic word, those of it without a case
    ending ("Гринхаусом")."""
    keys = [key(word)]
    low = word.lower()
    if _CYRILLIC.search(low):
        for end in _CASE_ENDINGS:
            if low.endswith(end) and len(low) - len(end) >= 4:
                keys.append(key(low[:-len(end)]))
    return keys


def matches(text: str, index: Index) -> list[tuple[int, int, int, float, int, bool]]:
    """Hits (start, end, words matched, share of the name, entry, fuzzy) of known names written in the
    other alphabet: a Latin word of the note against the Cyrillic names, a Cyrillic word against the Latin ones."""
    table = _table(index)
    latin = table.latin or table.latin_spelt
    cyrillic = table.cyrillic or table.cyrillic_spelt
    if not (latin and _CYRILLIC.search(text.lower())) and not (cyrillic and _LATIN_WORD.search(text)):
        return []               # no word of the note is in the alphabet of another name
    found: list[tuple[int, int, int, float, int, bool]] = []
    for m in _WORD.finditer(text):
        word = m.group()
        in_cyrillic = bool(_CYRILLIC.search(word.lower()))
        other = table.latin if in_cyrillic else table.cyrillic
        other_spelt = table.latin_spelt if in_cyrillic else table.cyrillic_spelt
        if len(word) < _FULL_MIN:
            continue
        entries = next((other_spelt[k] for k in _keys(word, spelt) if k in other_spelt), None) \
            or next((other[k] for k in _keys(word) if len(k) >= MIN_CONSONANTS and k in other), None)
        if entries:
            found += [(m.start(), m.end(), 1, 0.5, entry, True) for entry in entries]
    return found
