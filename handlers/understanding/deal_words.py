"""Whether a note speaks of another deal beside one already won or lost.

"Globex signed another contract", "новый заказ от Вектора", "星辰科技又签了一单" open a new deal;
beside an open deal only the words of a deal of its own do (ANOTHER_DEAL: "new order", not "renewal"),
and a figure said as revised ("revised quote $45k") is the open deal's;
"globex signed" about a customer whose deal is already won only repeats what the store knows
(handlers/closed_deals.py). The phrases are each language's NEW_DEAL (languages/<code>.py).
"""
from __future__ import annotations

import re
from functools import lru_cache

from handlers.understanding.languages import CODES, cues, one_of


@lru_cache(maxsize=None)
def _phrases(code: str, name: str) -> re.Pattern[str] | None:
    phrases = getattr(cues(code), name, ())
    return re.compile(one_of(phrases), re.I) if phrases else None


def _says(text: str, lang: str, name: str) -> bool:
    return any((pattern := _phrases(code, name)) is not None and pattern.search(text) is not None
               for code in dict.fromkeys((lang, *CODES)))


def says_new_deal(text: str, lang: str) -> bool:
    """True when the note speaks of a new deal ("another order", "ещё один договор", "又签了一单")."""
    return _says(text, lang, "NEW_DEAL")


def says_another_deal(text: str, lang: str) -> bool:
    """True when the note speaks of a deal of its own beside the customer's open one ("new order: spare
    parts container", "ещё один заказ", "又下了一单"): a renewal is not one (it is the open deal, often)."""
    return _says(text, lang, "ANOTHER_DEAL")


def says_revised(text: str, lang: str) -> bool:
    """True when the note says the deal's figure was revised ("revised quote", "пересчитали", "重新报价")."""
    return _says(text, lang, "AMOUNT_REVISED")


def takes_back_a_loss(text: str, lang: str) -> bool:
    """True when the note takes a loss back ("not lost, they came back", "back on", "还没丢", "не проиграли")."""
    return _says(text, lang, "LOSS_TAKEN_BACK")
