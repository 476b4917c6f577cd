"""How money reads, everywhere the bot writes it (replies, reports, charts, digests, nudges, the CLI):
one format per currency per language, from Babel (CLDR), in the reader's locale.

- The locale's own currency pattern: "$42,000" and "CN¥120,000" in English, "1 200 000 ₽" and
  "42 000 $" in Russian, "US$42,000" in Chinese.
- Whole amounts without decimals, others with the currency's (cents): "$18,500", "$18,500.50".
- CLDR's currency spacing, which Babel leaves out: a symbol made of letters is kept off the digits
  by a no-break space ("RUB 1,200,000", never "RUB1,200,000").

`Sums` (storage.reports.money) read as one figure when everything is in one currency (converted
or not), else as one part per currency with its own count, never added up.
"""
from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from babel import Locale
from babel.numbers import format_currency, format_decimal, get_currency_symbol

from storage.reports.money import Money, Rate, Sums, Tally

NBSP = "\u00a0"
_FRACTION = re.compile(r"\.0+")


def locale_of(lang: str) -> str:
    """The Babel locale of `lang`, from its text module (handlers/texts/<code>.py)."""
    from handlers.texts import language

    return language(lang).module.LOCALE


@lru_cache(maxsize=4096)  # babel re-reads its patterns on every call; replies repeat amounts
def money(minor: int | None, currency: str | None, lang: str) -> str:
    """An amount in minor units written for people: "$42,000", "CN¥120,000", "1 200 000 ₽"."""
    if minor is None:
        return "—"
    value = Decimal(minor) / 100
    locale = locale_of(lang)
    if not currency:
        return format_decimal(value, locale=locale)
    code = currency.upper()
    if value == value.to_integral_value():
        pattern = _FRACTION.sub("", Locale.parse(locale).currency_formats["standard"].pattern)
        text = format_currency(value, code, format=pattern, locale=locale, currency_digits=False)
    else:
        text = format_currency(value, code, locale=locale)
    return _spaced(text, get_currency_symbol(code, locale=locale))


def _spaced(text: str, symbol: str) -> str:
    """CLDR currency spacing: a no-break space between a letter of the symbol and a digit."""
    if symbol[-1:].isalpha():
        text = re.sub(re.escape(symbol) + r"(?=[\d\-−])", symbol + NBSP, text, count=1)
    if symbol[:1].isalpha():
        text = re.sub(r"(?<=\d)" + re.escape(symbol), NBSP + symbol, text, count=1)
    return text


def cash(amount: Money | None, lang: str) -> str:
    """A `Money` written for people ("—" for none)."""
    return "—" if amount is None else money(amount.minor, amount.currency, lang)


def number(value: Decimal | float | int, lang: str) -> str:
    """A plain number (a rate, a ratio) in the reader's locale, up to six decimals."""
    return format_decimal(Decimal(str(value)), format="#,##0.######", locale=locale_of(lang))


def rate_text(rate: Rate, lang: str) -> str:
    """ "1 CNY = 0.14 USD" in the reader's locale."""
    return f"1 {rate.currency} = {number(rate.rate, lang)} {rate.to}"


def parts(sums: Sums) -> list[Tally]:
    """What a reader sees of `sums`: the report-currency figure (when it holds money, or when
    nothing else does), then each currency kept apart. Deals without an amount are in the report
    currency's count but are never written as "$0 (1)" beside another currency's money: the
    reports count them apart ("of which 1 with no amount yet")."""
    head = [sums.total] if sums.total.minor or sums.total.weighted_minor or not sums.apart else []
    return head + list(sums.apart)


def short(sums: Sums, lang: str) -> str:
    """ "$42,000" in one currency; "$42,000 (1) · CN¥120,000 (1)" across currencies, each with its count."""
    shown = parts(sums)
    if len(shown) == 1:
        return money(shown[0].minor, shown[0].currency, lang)
    return " · ".join(f"{money(t.minor, t.currency, lang)} ({t.count})" for t in shown)


def short_weighted(sums: Sums, lang: str) -> str:
    """Like `short`, for the probability-weighted amounts."""
    shown = parts(sums)
    if len(shown) == 1:
        return money(shown[0].weighted_minor, shown[0].currency, lang)
    return " · ".join(f"{money(t.weighted_minor, t.currency, lang)} ({t.count})" for t in shown)
