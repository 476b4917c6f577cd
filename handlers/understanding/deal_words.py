"""Whether a note speaks of another deal beside one already won or lost.

"Globex signed another contract", "новый заказ от Вектора", "星辰科技又签了一单" open a new deal;
"globex signed" about a customer whose deal is already won only repeats what the store knows
(handlers/closed_deals.py). The phrases are each language's NEW_DEAL (languages/<code>.py).
"""
from __future__ import annotations

import re
from functools import lru_cache

from handlers.understanding.languages import CODES, cues, one_of


@lru_cache(maxsize=None)
def _new_deal(code: str) -> re.Pattern[str] | None:
    phrases = getattr(cues(code), "NEW_DEAL", ())
    return re.compile(one_of(phrases), re.I) if phrases else None


def says_new_deal(text: str, lang: str) -> bool:
    """True when the note speaks of a new deal ("another order", "ещё один договор", "又签了一单")."""
    for code in dict.fromkeys((lang, *CODES)):
        pattern = _new_deal(code)
        if pattern is not None and pattern.search(text):
            return True
    return False
