"""Known customers with Latin names said by their initials, as reps type them: "HVO" for Hudson Valley
Orthopedics, "QH" for Quarry Hill Foods (a trade word at the end may go unsaid), "h&w" for Harbison &
Webb. Read only when no word of the message names a customer, and only when one customer fits.

A Latin word also names a word of a known name when it sounds the same, as dictation mishears it:
"halverson" for Halvorsen, "kettleby" for Kettlebee (same first letter, same consonants in order).
"""
from __future__ import annotations

import re

from handlers.understanding.languages import en as en_cues
from handlers.understanding.name_index import Index

# written in capitals as initials, yet everyday words of a sales note
_NOT_INITIALS = frozenset("""po gm ceo cfo coo cto cio cmo vp svp evp it hr md fd ok nda sow msa asap eod eow cob roi pm am
qbr llc inc usa us uk la ny nyc sf dc tbd fyi btw rfp rfq rfi sla crm erp pos saas hq ops vm dm sms ooo pto eta kpi mtd ytd
qtd nye ppl hvac pdf ai api id tv pr hoa icu er av""".split())
_SAID = re.compile(r"(?<![\w&])(?:[A-Z]{2,4}|[A-Za-z]&[A-Za-z](?:&[A-Za-z])?)(?![\w&])")
_LATIN = re.compile(r"^[a-z0-9]")
_CODE_AFTER = re.compile(r"-?\d")


_VOWELS = re.compile(r"(?<=.)[aeiouyhw]+")
_DOUBLED = re.compile(r"(.)\1+")


def _consonants(word: str) -> str:
    """The consonants of a word in order, doubled ones once: "halvorsen" -> "hlvrsn", "marrow" -> "mr"."""
    return _DOUBLED.sub(r"\1", _VOWELS.sub("", word))


def sounds_alike(said: str, name: str) -> bool:
    """True when a Latin word of five letters or more is said as another one sounds: the same first
    letter and the same consonants in order, at most two letters longer or shorter ("halverson" and
    "halvorsen", not "marker" and "market")."""
    return (len(said) >= 5 and len(name) >= 5 and said[0] == name[0] and abs(len(said) - len(name)) <= 2
            and said.isascii() and name.isascii() and said.isalpha() and name.isalpha()
            and _consonants(said) == _consonants(name))


def _table(index: Index) -> dict[str, list[int]]:
    """Every Latin name's initials (and those without the trade words or short forms it ends with) -> its entries."""
    if isinstance(index.en_initials, dict):
        return index.en_initials
    table: dict[str, list[int]] = {}
    for entry in range(len(index)):
        tokens = index.tokens(entry)
        if len(tokens) < 2 or not all(_LATIN.match(t) for t in tokens):
            continue
        keys = {"".join(t[0] for t in tokens)}
        cut = list(tokens)
        while len(cut) > 2 and (cut[-1] in en_cues.FIRM_WORDS or len(cut[-1]) <= 2):     # "foods", "pc"
            cut.pop()
            keys.add("".join(t[0] for t in cut))
        for key in keys:
            table.setdefault(key, []).append(entry)
    index.en_initials = table
    return table


_NAME_BEFORE = re.compile(r"(?<=[^.!?:;\s]\s)[A-Z][a-z][\w'&-]*\s+$")


def _ends_a_name(text: str, start: int) -> bool:
    """True when capitals close a capitalised name written right before them, not at a sentence's start:
    "Quantum Leaf AV signed" is one company, not Leaf and the initials of Ashgrove Veterinary."""
    return _NAME_BEFORE.search(text, max(0, start - 40), start) is not None


def matches(text: str, index: Index) -> list[tuple[int, int, int, float, int, bool]]:
    """(start, end, words, share, entry, fuzzy) of the one known customer a message names by initials."""
    found = []
    for m in _SAID.finditer(text):
        key = m.group().replace("&", "").lower()
        if key in _NOT_INITIALS or _ends_a_name(text, m.start()) or _CODE_AFTER.match(text, m.end()):
            continue        # "Quantum Leaf AV": the end of another name; "LS-50": a product's code
        entries = _table(index).get(key, [])
        names = {index.canonical(e) for e in entries}
        if len(names) == 1:
            found.append((m.start(), m.end(), len(key), 1.0, entries[0], True))
    return found

