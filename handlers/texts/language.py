"""A language the bot speaks: its reply texts, its understanding cues, and how it writes money,
days and counts, through Babel and the language's locale."""
from __future__ import annotations

import string
from dataclasses import dataclass, field
from datetime import date, time
from decimal import Decimal
from functools import lru_cache
from typing import Any, Mapping, Protocol

from babel import Locale
from babel.dates import format_date, format_interval, format_time

from handlers import money_text
from handlers.understanding.languages import Cues


class TextModule(Protocol):
    """One language's texts (a module under handlers/texts)."""

    LOCALE: str                                   # Babel locale ("ru_RU"): money, dates, plural rules
    DAY: str                                      # Babel pattern of a day ("EEE, d MMM")
    MONTH_DAY: str                                # Babel pattern of a birthday ("d MMMM")
    TIME: str                                     # Babel pattern of a time of day ("HH:mm", "h:mm a")
    MODEL_NAME: str                               # how the model's prompt names the language
    COUNTS: Mapping[str, Mapping[str, str]]       # noun -> plural category -> "{n} сделки"
    TEXTS: Mapping[str, str]                      # key -> text, with {placeholders}


class Language(Protocol):
    """What the bot needs of a language to answer in it."""

    code: str
    cues: Cues
    texts: Mapping[str, str]

    def say(self, key: str, **values: object) -> str: ...
    def count(self, noun: str, n: int) -> str: ...
    def plural(self, n: int) -> str: ...
    def money(self, minor: int | None, currency: str | None) -> str: ...
    def day(self, value: date) -> str: ...
    def day_range(self, start: date, end: date) -> str: ...
    def month_day(self, mm_dd: str) -> str: ...
    def clock(self, value: time) -> str: ...


@dataclass(frozen=True, eq=False)
class BabelLanguage:
    """A `Language` from a text module and a cue module; `fallback` answers keys it lacks."""

    code: str
    module: TextModule
    cues: Cues
    fallback: BabelLanguage | None = None
    locale: Locale = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "locale", Locale.parse(self.module.LOCALE))

    @property
    def texts(self) -> Mapping[str, str]:
        return self.module.TEXTS

    def template(self, key: str) -> str:
        """The text `key`, from the fallback language when this one lacks it; KeyError when none has it."""
        found = self.module.TEXTS.get(key)
        if found:
            return found
        if self.fallback is None:
            raise KeyError(key)
        return self.fallback.template(key)

    def say(self, key: str, **values: object) -> str:
        """The text `key` filled with `values`; `{n:deal}` writes n with the noun's plural form."""
        template = self.template(key)
        if not values:
            return template
        if _counted(template):
            return _Counting(self).format(template, **values)
        return template.format(**values)

    def plural(self, n: int) -> str:
        """The plural category of `n` in this language: "one", "few", "many" or "other"."""
        return self.locale.plural_form(abs(n))

    def count(self, noun: str, n: int) -> str:
        """`n` with `noun` in the right form: "1 deal", "4 сделки", "5 сделок", "3 个商机"."""
        forms = self.module.COUNTS.get(noun)
        if forms is None:
            if self.fallback is None:
                raise KeyError(noun)
            return self.fallback.count(noun, n)
        form = forms.get(self.plural(n)) or forms["other"]
        return form.format(n=n)

    def money(self, minor: int | None, currency: str | None) -> str:
        """An amount in minor units written for people: "$42,000", "CN¥120,000", "1 200 000 ₽"
        (handlers/money_text.py: one format per currency per language, everywhere)."""
        return money_text.money(minor, currency, self.code)

    def day(self, value: date) -> str:
        """A day written for people: "Fri, Nov 27", "11月27日周五", "пт, 27 нояб."."""
        return _day(value, self.module.DAY, self.module.LOCALE)

    def day_range(self, start: date, end: date) -> str:
        """A period written for people: "Nov 1 – 30, 2026", "2026年11月1日至30日", "1–30 нояб. 2026 г."."""
        return format_interval(start, end, "yMMMd", locale=self.module.LOCALE)

    def month_day(self, mm_dd: str) -> str:
        """A birthday "MM-DD" written for people: "April 9", "4月9日", "9 апреля"."""
        month, dom = (int(p) for p in mm_dd.split("-"))
        return _day(date(2000, month, dom), self.module.MONTH_DAY, self.module.LOCALE)

    def clock(self, value: time) -> str:
        """A time of day written for people: "3:00 PM", "15:00"."""
        return _clock(value, self.module.TIME, self.module.LOCALE)


class _Counting(string.Formatter):
    """Formats `{n:deal}` as the count with its noun's plural form."""

    def __init__(self, language: BabelLanguage) -> None:
        self.language = language

    def format_field(self, value: Any, format_spec: str) -> Any:
        if format_spec and format_spec[0].isalpha():
            if isinstance(value, (int, Decimal)) and not isinstance(value, bool) and value == int(value):
                return self.language.count(format_spec, int(value))
            return super().format_field(value, "")       # not a whole number: written as it is
        return super().format_field(value, format_spec)


@lru_cache(maxsize=1024)
def _counted(template: str) -> bool:
    """True when the template writes a count with a noun (`{n:deal}`)."""
    return any(spec and spec[0].isalpha() for _, name, spec, _ in string.Formatter().parse(template) if name)


@lru_cache(maxsize=2048)
def _day(value: date, pattern: str, locale: str) -> str:
    return format_date(value, pattern, locale=locale)


@lru_cache(maxsize=512)
def _clock(value: time, pattern: str, locale: str) -> str:
    return format_time(value, pattern, locale=locale)
