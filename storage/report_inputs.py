"""What reports compare against, as the team enters it: targets, spend per lead source, exchange rates."""
from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from sqlalchemy import select

from storage import clock
from storage.models import FxRate, Identity, Member, SourceCost, Target
from sqlmodel import Session, col

CURRENCY_HINT = "a three-letter ISO 4217 code such as USD, EUR, CNY or RUB"


def currency_code(value: str) -> str:
    code = (value or "").strip().upper()
    if len(code) != 3 or not code.isalpha():
        raise ValueError(f"{value!r} is not {CURRENCY_HINT}")
    return code


def set_fx(session: Session, team_id: int, base: str, quote: str, rate: str | float | Decimal) -> FxRate:
    """One unit of `base` is `rate` units of `quote` for this team (replaces an earlier rate)."""
    base, quote = currency_code(base), currency_code(quote)
    if base == quote:
        raise ValueError("a rate needs two different currencies")
    try:
        value = Decimal(str(rate))
    except InvalidOperation as exc:
        raise ValueError(f"rate {rate!r} is not a number") from exc
    if not value.is_finite() or value <= 0:
        raise ValueError("a rate must be a positive number")
    row = session.execute(select(FxRate).where(col(FxRate.team_id) == team_id, col(FxRate.base) == base,
                                               col(FxRate.quote) == quote)).scalars().first()
    if row is None:
        row = FxRate(team_id=team_id, base=base, quote=quote, rate=str(value))
    row.rate, row.updated_at = format(value.normalize(), "f"), clock.now()  # "90", never "9E+1"
    session.add(row)
    # the inverse, if the team set one before, would now disagree: drop it
    inverse = session.execute(select(FxRate).where(col(FxRate.team_id) == team_id, col(FxRate.base) == quote,
                                                   col(FxRate.quote) == base)).scalars().first()
    if inverse is not None:
        session.delete(inverse)
    session.flush()
    return row


def member_named(session: Session, team_id: int, name: str) -> Member:
    """A member of the team by chat account id (e.g. console "rep1"), member id, exact name, or a
    unique case-insensitive name prefix."""
    account = session.execute(
        select(Member).join(Identity, col(Identity.member_id) == col(Member.id))
        .where(col(Identity.team_id) == team_id, col(Identity.external_id) == name)).scalars().first()
    if account is not None:
        return account
    if name.isdigit():
        found = session.get(Member, int(name))
        if found is not None and found.team_id == team_id:
            return found
    members = list(session.execute(select(Member).where(col(Member.team_id) == team_id)).scalars())
    exact = [m for m in members if m.name.casefold() == name.casefold()]
    if len(exact) == 1:
        return exact[0]
    prefix = [m for m in members if m.name.casefold().startswith(name.casefold())]
    if len(prefix) == 1:
        return prefix[0]
    if not prefix:
        raise ValueError(f"no member of the team is called {name!r}")
    raise ValueError(f"{name!r} could be " + ", ".join(sorted(m.name for m in prefix)[:5]))


def set_target(session: Session, team_id: int, member_id: int | None, metric: str, start: date, end: date,
               value: int, currency: str | None = None) -> Target:
    """Set (or replace) a target: per member, or for the team when `member_id` is None."""
    if value < 0:
        raise ValueError("a target cannot be negative")
    row = session.execute(select(Target).where(col(Target.team_id) == team_id, col(Target.member_id) == member_id
                                               if member_id is not None else col(Target.member_id).is_(None),
                                               col(Target.metric) == metric, col(Target.period_from) == start,
                                               col(Target.period_to) == end)).scalars().first()
    if row is None:
        row = Target(team_id=team_id, member_id=member_id, metric=metric, period_from=start, period_to=end,
                     value=value)
    row.value, row.currency = value, currency_code(currency) if currency else None
    session.add(row)
    session.flush()
    return row


def set_source_cost(session: Session, team_id: int, source: str, start: date, end: date, amount_minor: int,
                    currency: str) -> SourceCost:
    """Spend on one lead source for a period (replaces an earlier figure for the same period)."""
    source = source.strip()
    if not source:
        raise ValueError("name the lead source")
    if amount_minor < 0:
        raise ValueError("spend cannot be negative")
    code = currency_code(currency)
    row = session.execute(select(SourceCost).where(
        col(SourceCost.team_id) == team_id, col(SourceCost.source) == source, col(SourceCost.period_from) == start,
        col(SourceCost.period_to) == end, col(SourceCost.currency) == code)).scalars().first()
    if row is None:
        row = SourceCost(team_id=team_id, source=source, period_from=start, period_to=end,
                         amount_minor=amount_minor, currency=code)
    row.amount_minor = amount_minor
    session.add(row)
    session.flush()
    return row
