"""Money in reports: integer minor units beside their currency, never added across currencies
without a rate.

Amounts are hundredths of the currency's unit, as the store keeps them (`Deal.amount_minor`),
for every currency. SQL sums them per currency; `Sums.of` then puts those per-currency groups
(a handful, never rows) into one report currency:

- a currency with a rate the team set to the report currency (`crmbot fx set CNY USD 0.14`, or
  the inverse of `USD CNY`) is converted, rounded half up to the minor unit, and the rate used
  is named in `Sums.rates`, so a reader is told the total is converted and at what rate;
- a currency without a rate is never added in: it stays apart (`Sums.apart`), with its own count;
  deals without an amount are counted in whatever their currency (nothing to convert).

Counts follow their money: `Sums.total.count` counts exactly the deals inside `Sums.total`.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

MINOR_PER_UNIT = 100  # the store keeps hundredths of every currency's unit


def half_up(value: Decimal) -> int:
    """A value in minor units, rounded half up (away from zero) to a whole minor unit."""
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class Money:
    """One amount in one currency, in minor units."""

    minor: int
    currency: str

    def __add__(self, other: Money) -> Money:
        return Money(self.minor + self._same(other).minor, self.currency)

    def __sub__(self, other: Money) -> Money:
        return Money(self.minor - self._same(other).minor, self.currency)

    def _same(self, other: Money) -> Money:
        if other.currency != self.currency:
            raise ValueError(f"cannot add {other.currency} to {self.currency} without a rate")
        return other


@dataclass(frozen=True)
class Tally:
    """Deals (or any counted things with an amount) in one currency: how many, their amount in
    minor units, and that amount weighted by each deal's probability (minor units, rounded)."""

    currency: str
    count: int = 0
    minor: int = 0
    weighted_minor: int = 0

    @property
    def amount(self) -> Money:
        return Money(self.minor, self.currency)

    @property
    def weighted(self) -> Money:
        return Money(self.weighted_minor, self.currency)

    def __add__(self, other: Tally) -> Tally:
        if other.currency != self.currency:
            raise ValueError(f"cannot add {other.currency} to {self.currency} without a rate")
        return Tally(self.currency, self.count + other.count, self.minor + other.minor,
                     self.weighted_minor + other.weighted_minor)

    def converted(self, currency: str, rate: Decimal) -> Tally:
        """The same deals with their amounts in `currency`, one unit of ours being `rate` of it."""
        return Tally(currency, self.count, half_up(self.minor * rate), half_up(self.weighted_minor * rate))


@dataclass(frozen=True)
class Rate:
    """One unit of `currency` is `rate` units of `to`."""

    currency: str
    to: str
    rate: Decimal


@dataclass(frozen=True)
class Rates:
    """The exchange rates a team set: (base, quote) → how many quote units one base unit is."""

    pairs: Mapping[tuple[str, str], Decimal] = field(default_factory=dict)

    def rate(self, currency: str, to: str) -> Decimal | None:
        """Direct, else the inverse of the opposite pair, else None (no rate: never guessed)."""
        currency, to = currency.upper(), to.upper()
        if currency == to:
            return Decimal(1)
        if (currency, to) in self.pairs:
            return self.pairs[(currency, to)]
        inverse = self.pairs.get((to, currency))
        return Decimal(1) / inverse if inverse else None

    def __bool__(self) -> bool:
        return bool(self.pairs)


@dataclass(frozen=True)
class Sums:
    """Counts and amounts over things in any currencies, gathered into one report currency.

    `total`: the things in `currency`, plus those converted into it at `rates` (one `Rate` per
    currency converted; empty when nothing was converted). `apart`: currencies with no rate to
    `currency`, each with its own count and amounts, never in `total`. `by_currency`: every
    currency's own tally before any conversion (the report currency first).
    """

    currency: str
    total: Tally
    apart: tuple[Tally, ...] = ()
    rates: tuple[Rate, ...] = ()
    by_currency: tuple[Tally, ...] = ()

    @classmethod
    def empty(cls, currency: str) -> Sums:
        return cls(currency, Tally(currency))

    @classmethod
    def of(cls, tallies: Iterable[Tally], currency: str, rates: Rates) -> Sums:
        """Gather per-currency tallies (one or several per currency) into `currency`."""
        merged: dict[str, Tally] = {}
        for tally in tallies:
            if tally.count or tally.minor:
                merged[tally.currency] = merged[tally.currency] + tally if tally.currency in merged else tally
        total, apart, used = Tally(currency), [], []
        for code in sorted(merged, key=lambda c: (c != currency, c)):
            rate = rates.rate(code, currency)
            if rate is None and not (merged[code].minor or merged[code].weighted_minor):
                rate = Decimal(0)  # nothing but unpriced deals: counted in, no money to convert
            if rate is None:
                apart.append(merged[code])
                continue
            total = total + merged[code].converted(currency, rate)
            if code != currency and rate:
                used.append(Rate(code, currency, rate))
        ordered = tuple(merged[c] for c in sorted(merged, key=lambda c: (c != currency, c)))
        return cls(currency, total, tuple(apart), tuple(used), ordered)

    @property
    def count(self) -> int:
        """Every thing counted, in whichever currency."""
        return self.total.count + sum(t.count for t in self.apart)

    @property
    def converted(self) -> bool:
        """Whether `total` holds amounts converted from other currencies."""
        return bool(self.rates)

    @property
    def mixed(self) -> bool:
        """Whether the things are in more than one currency."""
        return len(self.by_currency) > 1


def report_currency(tallies: Iterable[Tally], team_currency: str, rates: Rates) -> str:
    """The currency a report is written in: the team's, when any amount is in it or converts into
    it (or there is no amount at all); else the one currency every amount is in; else the currency
    with the most priced things (ties: the larger amount, then the code)."""
    counts: dict[str, tuple[int, int]] = {}
    for tally in tallies:
        if tally.minor:
            n, minor = counts.get(tally.currency, (0, 0))
            counts[tally.currency] = (n + tally.count, minor + tally.minor)
    if not counts or any(rates.rate(code, team_currency) is not None for code in counts):
        return team_currency
    return min(counts, key=lambda code: (-counts[code][0], -counts[code][1], code))
