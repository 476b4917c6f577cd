"""Everything the bot says, one module a language (en.py, zh.py, ru.py), and how it writes
money, days and counts.

The registry is `storage.vocabulary.Lang`: adding a language is its text module here, its
cue module in handlers/understanding/languages, and its member in `Lang`. A code that is not
registered is answered in the default language; a key a language lacks, too (the test in
tests/handlers/test_texts.py keeps that from happening).
"""
from __future__ import annotations

import importlib
from datetime import date, time
from functools import lru_cache
from typing import cast

from handlers.texts.language import BabelLanguage, Language, TextModule
from handlers.understanding.languages import CODES, DEFAULT, cues

__all__ = ["CODES", "DEFAULT", "Language", "clock", "count", "day", "day_range", "language", "money", "month_day",
           "registered", "t"]


def language(code: str | None) -> BabelLanguage:
    """The language of `code` ("ru", "zh", a Lang), or the default one for a code not registered."""
    return _load(code if code in CODES else DEFAULT)


@lru_cache(maxsize=None)
def _load(code: str) -> BabelLanguage:
    module = cast(TextModule, importlib.import_module(f"{__name__}.{code}"))
    fallback = None if code == DEFAULT else _load(DEFAULT)
    return BabelLanguage(str(code), module, cues(str(code)), fallback)


def registered() -> tuple[BabelLanguage, ...]:
    """Every registered language, in registry order."""
    return tuple(language(code) for code in CODES)


def t(lang: str | None, key: str, **values: object) -> str:
    """The text `key` in `lang`, filled with `values`."""
    return language(lang).say(key, **values)


def count(lang: str | None, noun: str, n: int) -> str:
    """`n` with `noun` in `lang`'s plural form: "1 deal", "5 сделок"."""
    return language(lang).count(noun, n)


def money(minor: int | None, currency: str | None, lang: str | None) -> str:
    """An amount in minor units written for people in `lang`."""
    return language(lang).money(minor, currency)


def day(value: date, lang: str | None) -> str:
    """A day written for people in `lang`."""
    return language(lang).day(value)


def day_range(start: date, end: date, lang: str | None) -> str:
    """A period written for people in `lang`."""
    return language(lang).day_range(start, end)


def month_day(mm_dd: str, lang: str | None) -> str:
    """A birthday "MM-DD" written for people in `lang`."""
    return language(lang).month_day(mm_dd)


def clock(value: time, lang: str | None) -> str:
    """A time of day written for people in `lang`: "3:00 PM", "15:00"."""
    return language(lang).clock(value)
