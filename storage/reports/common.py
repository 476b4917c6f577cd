"""What every report shares: the team's facts, periods of local days as UTC instants, a deal's
currency and probability in SQL, and per-currency SQL groups turned into `Tally`s."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from decimal import Decimal, InvalidOperation
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import case, func, literal, select
from sqlalchemy.engine import Connection
from sqlalchemy.sql.elements import ColumnElement

from storage.reports.money import Rates, Tally, half_up
from storage.reports.tables import DEAL, FX_RATE, TEAM
from storage.vocabulary import OPEN_STAGES, Stage

DEFAULT_PROBABILITIES: dict[str, int] = {Stage.LEAD: 10, Stage.QUALIFIED: 25, Stage.PROPOSAL: 50, Stage.NEGOTIATION: 75}
DEFAULT_CURRENCY = "USD"


@dataclass(frozen=True)
class Period:
    """Local days from `start` to `end`, both included."""

    start: date
    end: date


@dataclass(frozen=True)
class TeamFacts:
    """The team's currency, time zone, settings, stage probabilities and exchange rates."""

    id: int
    currency: str
    zone: ZoneInfo
    settings: Mapping[str, Any] = field(default_factory=dict)
    rates: Rates = field(default_factory=Rates)
    probabilities: Mapping[str, int] = field(default_factory=lambda: dict(DEFAULT_PROBABILITIES))


def stage_probabilities(team_settings: Mapping[str, Any] | None,
                        override: Mapping[str, int] | None = None) -> dict[str, int]:
    """Default probabilities, then the team's `settings["stage_probabilities"]`, then `override`."""
    result = dict(DEFAULT_PROBABILITIES)
    for source in ((team_settings or {}).get("stage_probabilities"), override):
        if isinstance(source, Mapping):
            for stage, value in source.items():
                if stage in result and value is not None:
                    result[stage] = int(value)
    return result


def team_facts(connection: Connection, team_id: int,
               probabilities: Mapping[str, int] | None = None) -> TeamFacts:
    """Read the team row and its rates (two small queries); LookupError for an unknown team."""
    team = TEAM
    row = connection.execute(select(team.c.currency, team.c.timezone, team.c.settings)
                             .where(team.c.id == team_id)).first()
    if row is None:
        raise LookupError(f"no team {team_id}")
    settings = dict(row.settings or {})
    return TeamFacts(team_id, (row.currency or DEFAULT_CURRENCY).upper(), _zone(row.timezone), settings,
                     _rates(connection, team_id), stage_probabilities(settings, probabilities))


def _zone(name: str | None) -> ZoneInfo:
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):  # a bad zone name in the row: UTC rather than no report
        return ZoneInfo("UTC")


def _rates(connection: Connection, team_id: int) -> Rates:
    fx = FX_RATE
    pairs: dict[tuple[str, str], Decimal] = {}
    for base, quote, rate in connection.execute(select(fx.c.base, fx.c.quote, fx.c.rate)
                                                .where(fx.c.team_id == team_id)):
        try:
            value = Decimal(rate)
        except InvalidOperation:
            continue
        if value.is_finite() and value > 0:
            pairs[(base.upper(), quote.upper())] = value
    return Rates(pairs)


def instants(start: date, end: date, zone: tzinfo) -> tuple[datetime, datetime]:
    """Local days [start, end] (both included) as UTC instants [since, until)."""
    since = datetime.combine(start, time.min, zone).astimezone(timezone.utc)
    until = datetime.combine(end + timedelta(days=1), time.min, zone).astimezone(timezone.utc)
    return since, until


def deal_currency(facts: TeamFacts) -> ColumnElement[Any]:
    """A deal's currency in SQL: its own, else the team's."""
    return func.coalesce(DEAL.c.currency, literal(facts.currency))


def deal_amount() -> ColumnElement[Any]:
    """A deal's amount in minor units in SQL; a deal without one adds nothing."""
    return func.coalesce(DEAL.c.amount_minor, 0)


def deal_percent(facts: TeamFacts) -> ColumnElement[Any]:
    """A deal's win probability in percent in SQL: its own, else its stage's (closed stages 0)."""
    deal = DEAL
    by_stage = case(*((deal.c.stage == stage, pct) for stage, pct in facts.probabilities.items()
                      if stage in OPEN_STAGES), else_=0)
    return func.coalesce(deal.c.probability, by_stage)


def tally(currency: str, count: Any, minor: Any, minor_times_percent: Any = 0) -> Tally:
    """A SQL group (count, sum of minor units, sum of minor × percent) as a `Tally`."""
    weighted = half_up(Decimal(int(minor_times_percent or 0)) / 100)
    return Tally(currency, int(count or 0), int(minor or 0), weighted)


def days_between(connection: Connection, later: Any, earlier: Any) -> ColumnElement[Any]:
    """Days (fractional) from `earlier` to `later` in SQL, on either store."""
    if connection.dialect.name == "postgresql":
        return func.extract("epoch", later - earlier) / 86400.0
    return func.julianday(later) - func.julianday(earlier)


def aware(moment: datetime) -> datetime:
    """A stored instant as an aware UTC datetime (SQLite gives them back naive)."""
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def as_date(value: Any) -> date:
    """A stored day as a `date` (SQLite may give it back as text)."""
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
