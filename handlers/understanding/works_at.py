"""A contact put right in words: "Jorge works at Pacific Supply, not Harlow", "Ольга из ТехноСнаба, а не из
Уралмаша", "王经理是恒通的". The whole message says whose person a contact is; handlers/move_contact.py
moves that contact (each language's `CONTACT_WORKS_AT`)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Mapping, Sequence

from handlers.understanding.languages import cues
from handlers.understanding.matching import match_known


@dataclass(frozen=True)
class WorksAt:
    """The person as written, the known customer they work at, and the one they were filed at (as written)."""

    who: str
    to: str
    frm: str | None = None


def read(text: str, lang: str, known: Sequence[str], aliases: Mapping[str, str] | None) -> WorksAt | None:
    """What the message says of whose person a contact is, when it names a known customer as theirs."""
    for phrase in cues(lang).CONTACT_WORKS_AT:
        found = re.search(phrase, text, 0 if lang == "en" else re.I)
        if found is None:
            continue
        to = match_known(found.group("to"), known, aliases).name
        if to is None:
            return None
        frm = found.groupdict().get("frm")
        return WorksAt(who=found.group("who").strip(), to=to, frm=frm.strip() if frm else None)
    return None
