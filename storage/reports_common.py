"""What every report shares: the team's facts, local periods as UTC instants, and money across currencies.

Currency rule, for every report: amounts keep their currency. Sums are grouped by
currency in SQL. A report in one currency (the team's, unless asked otherwise)
converts each currency group with a rate the team set (`crmbot fx set EUR USD
1.08`, or the inverse of `USD EUR`); a currency without a rate is never added in:
it is reported apart, under `unconverted`, with its own sums, and the report says so.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any, Iterable
from zoneinfo import ZoneInfo

from sqlalchemy import case, func, literal, select

from storage import clock
from storage.models import FxRate, Team

_CENT = Decimal("0.01")


def money(value: Decimal | int | float | None) -> int | float:
    """A major-unit amount as a JSON number: int when whole, else float with two decimals."""
    if value is None:
        return 0
    value = Decimal(str(value)).quantize(_CENT, rounding=ROUND_HALF_UP)
    return int(value) if value == value.to_integral_value() else float(value)


def major(minor: int | float | Decimal | None) -> int | float:
    """Minor units (cents) to a major-unit JSON number."""
    return money(Decimal(str(minor or 0)) / 100)


@dataclass
class TeamFacts:
    """The team's currency, time zone, settings and exchange rates."""

    id: int
    currency: str
    zone: ZoneInfo
    settings: dict[str, Any]
    rates: dict[tuple[str, str], Decimal] = field(default_factory=dict)

    def rate(self, code: str, to: str) -> Decimal | None:
        """How many units of `to` one unit of `code` is: direct, inverse, or None without a rate."""
        code, to = code.upper(), to.upper()
        if code == to:
            return Decimal(1)
        if (code, to) in self.rates:
            return self.rates[(code, to)]
        inverse = self.rates.get((to, code))
        if inverse:
            return Decimal(1) / inverse
        return None


def team_facts(connection, team_id: int) -> TeamFacts:
    """Read the team row and its rates (two small queries)."""
    team = Team.__table__
    row = connection.execute(select(team.c.currency, team.c.timezone, team.c.settings)
                             .where(team.c.id == team_id)).first()
    if row is None:
        raise LookupError(f"no team {team_id}")
    fx = FxRate.__table__
    rates: dict[tuple[str, str], Decimal] = {}
    for base, quote, rate in connection.execute(select(fx.c.base, fx.c.quote, fx.c.rate)
                                                .where(fx.c.team_id == team_id)):
        try:
            rates[(base.upper(), quote.upper())] = Decimal(rate)
        except InvalidOperation:
            continue
    try:
        zone = ZoneInfo(row.timezone or "UTC")
    except Exception:  # a bad zone name in the row: UTC rather than no report
        zone = ZoneInfo("UTC")
    return TeamFacts(team_id, (row.currency or "USD").upper(), zone, dict(row.settings or {}), rates)


def instants(start: date, end: date, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """Local days [start, end] (both included) as UTC instants [since, until)."""
    since = datetime.combine(start, time.min, zone).astimezone(timezone.utc)
    until = datetime.combine(end + timedelta(days=1), time.min, zone).astimezone(timezone.utc)
    return since, until


def period_json(start: date, end: date) -> dict[str, str]:
    return {"from": start.isoformat(), "to": end.isoformat()}


def currency_of(column, team_currency: str):
    """A deal's currency in SQL: its own, else the team's."""
    return func.coalesce(column, literal(team_currency))


def converted(facts: TeamFacts, sums: dict[str, Decimal | int], target: str | None = None,
              count: dict[str, int] | None = None) -> dict[str, Any]:
    """Per-currency sums (minor units) in one currency where a rate exists; the rest apart.

    Returns {"currency", "amount" (major units, converted), "unconverted": [{"currency",
    "amount", "count"}], "rates": {code: rate used}}. Loops over currencies, not rows.
    """
    target = (target or facts.currency).upper()
    total = Decimal(0)
    used: dict[str, str] = {}
    apart = []
    for code in sorted(sums):
        value = Decimal(str(sums[code] or 0))
        rate = facts.rate(code, target)
        if rate is None:
            if value or (count and count.get(code)):
                apart.append({"currency": code, "amount": major(value),
                              "count": (count or {}).get(code, 0)})
            continue
        if code != target:
            used[code] = str(rate.normalize())
        total += value * rate
    return {"currency": target, "amount": major(total), "unconverted": apart, "rates": used}


def rate_case(facts: TeamFacts, currency_expr, target: str, codes: Iterable[str]):
    """A SQL factor turning an amount in `currency_expr` into `target`; NULL where no rate exists."""
    whens = []
    for code in sorted(set(codes)):
        rate = facts.rate(code, target)
        if rate is not None:
            whens.append((currency_expr == code, literal(float(rate))))
    if not whens:
        return literal(None)
    return case(*whens, else_=literal(None))


def now_utc() -> datetime:
    return clock.now()
