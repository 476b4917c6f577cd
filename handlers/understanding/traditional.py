"""Notes in Traditional characters or Cantonese, read as Simplified Mandarin and answered as written.

A Hong Kong rep writes "美心集團今日簽咗合約" where a Shanghai rep writes "美心集团今天签了合同". The cues
are written once, in Simplified Mandarin: a note in Traditional characters or Cantonese is read as
Simplified Mandarin (Cantonese words first, from `zh.CANTONESE`, then each Traditional character as
its Simplified one), every word for one of the same length. So every span of the reading is a span
of the note as written, and what the reading takes from it (the customer, the contact, the step) is
given back in the rep's own characters. The team's customers are read the same way, so "美心集團"
written either way is one customer.

    reading = read("美心集團今日簽咗合約", ["美心集團"])
    reading.text == "美心集团今日签了合约"; reading.names == ["美心集团"]
    reading.back("美心集团") == "美心集團"
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from enum import Enum
from typing import Mapping, Sequence, TypeVar

from handlers.understanding.languages import zh
from handlers.understanding.languages.zh_traditional import SIMPLIFIED, TRADITIONAL

_TABLE = str.maketrans(TRADITIONAL, SIMPLIFIED)
_SAID = dict(zh.CANTONESE)
_CANTONESE = re.compile("|".join(re.escape(w) for w in sorted(_SAID, key=len, reverse=True)))
_LISTS_KEPT = 16
_PIECE = re.compile(r"[^\s…]+")
T = TypeVar("T")


def simplified(text: str) -> str:
    """`text` read as Simplified Mandarin, of the same length."""
    return _CANTONESE.sub(lambda m: _SAID[m.group()], text).translate(_TABLE)


@dataclass
class Reading:
    """A note and a team's customers as read, and the way back to them as written."""

    written: str
    text: str
    names: Sequence[str]                                   # the team's customers as read
    aliases: Mapping[str, str] | None
    known_back: dict[str, str] = field(default_factory=dict)   # a customer as read -> as the team wrote it

    def back(self, value: str) -> str:
        """A customer's name or a span of the reading, as written; anything else as it is."""
        if value in self.known_back:
            return self.known_back[value]
        at = self.text.find(value) if value else -1
        if at >= 0:
            return self.written[at:at + len(value)]
        return _PIECE.sub(lambda m: self._piece(m.group()), value)   # a span with words blanked or cut

    def _piece(self, piece: str) -> str:
        at = self.text.find(piece)
        return self.written[at:at + len(piece)] if at >= 0 else piece

    def restore(self, value: T) -> T:
        """Every text a parse holds (its parts, people and steps too), as written."""
        return _restored(value, self)


def read(written: str, known: Sequence[str], aliases: Mapping[str, str] | None) -> Reading | None:
    """The note and the team's customers as Simplified Mandarin; None when they read as written."""
    text = simplified(written)
    names, back = _names(known)
    if text == written and not back:
        return None
    said = None
    if aliases:
        said = {simplified(a): simplified(c) for a, c in aliases.items()}
        back = {**back, **{simplified(c): c for c in aliases.values() if simplified(c) != c}}
    return Reading(written, text, names, said, back)


# a team's list of customers is read once while the bot holds the same list (one list per team)
_READ: dict[int, tuple[Sequence[str], int, Sequence[str], dict[str, str]]] = {}


def _names(known: Sequence[str]) -> tuple[Sequence[str], dict[str, str]]:
    seen = _READ.get(id(known))
    if seen is not None and seen[0] is known and seen[1] == len(known):
        return seen[2], seen[3]
    read_names = [simplified(k) for k in known]
    back = {r: k for r, k in zip(read_names, known) if r != k}
    names: Sequence[str] = read_names if back else known
    if len(_READ) >= _LISTS_KEPT:
        _READ.clear()
    _READ[id(known)] = (known, len(known), names, back)
    return names, back


def _restored(value: T, reading: Reading) -> T:
    if isinstance(value, Enum):
        return value
    if isinstance(value, str):
        return reading.back(value)  # type: ignore[return-value]
    if isinstance(value, list):
        return [_restored(v, reading) for v in value]  # type: ignore[return-value]
    if isinstance(value, tuple):
        return tuple(_restored(v, reading) for v in value)  # type: ignore[return-value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for f in dataclasses.fields(value):
            if not f.init:
                continue
            old = getattr(value, f.name)
            new = _restored(old, reading)
            if new is not old and new != old:
                changes[f.name] = new
        if changes:
            return dataclasses.replace(value, **changes)
    return value
