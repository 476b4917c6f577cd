"""The languages the bot understands, one module of cues each (en.py, zh.py, ru.py).

The registry is `storage.vocabulary.Lang`: adding a language is its cue module here, its
text module in handlers/texts, and its member in `Lang`; tests/understanding/test_languages.py
checks that it fills every slot.
"""
from __future__ import annotations

import importlib
from functools import lru_cache
from typing import cast

from handlers.understanding.languages.protocol import Cues, Phrases, one_of
from storage.vocabulary import Lang

CODES: tuple[Lang, ...] = tuple(Lang)      # every registered language, in registry order
DEFAULT = Lang.EN                          # what an unknown code falls back to

__all__ = ["CODES", "DEFAULT", "Cues", "Phrases", "cues", "one_of", "registered"]


@lru_cache(maxsize=None)
def cues(code: str) -> Cues:
    """The cue module of `code`, or the default language's when `code` is not registered."""
    if code not in CODES:
        code = DEFAULT
    return cast(Cues, importlib.import_module(f"{__name__}.{code}"))


def registered() -> tuple[Cues, ...]:
    """Every registered language's cues, in registry order."""
    return tuple(cues(code) for code in CODES)
