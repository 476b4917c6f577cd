"""The biggest deals: the team's largest open deals (or the largest won in a period), one line each
with its customer, stage, owner and expected close, largest first.

Which deals: open ones (lead, qualified, proposal, negotiation), with `expected_close` in the period
when one is asked ("top deals this quarter"), else every open deal; or, `won`, the deals won
(`closed_at`) in the period. `owner_id` narrows it to one owner's deals. A deal with no amount cannot
be ranked: how many there are is counted beside.

Money (storage.reports.money): the list is ranked in the report currency (the team's, or, when no deal
is in it or converts into it, the one most deals are in, as in the pipeline), other
currencies at the team's rates, in SQL (ORDER BY the converted amount, LIMIT); deals in a currency
with no rate to it are not ranked among the others but counted and summed apart per currency, so a
manager sees they exist (`crmbot fx set`). Only the listed rows come back from the store.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import Float, case, cast, func, select, true
from sqlalchemy.sql.elements import ColumnElement

from storage.reports.common import Period, TeamFacts, as_date, aware, deal_currency, instants, tally, team_facts
from storage.reports.money import Money, Rate, Tally, half_up, report_currency
from storage.reports.tables import CUSTOMER, DEAL, MEMBER
from storage.vocabulary import OPEN_STAGES, Stage

DEFAULT_ROWS = 10
MAX_ROWS = 50


@dataclass(frozen=True)
class BigDeal:
    """One deal of the list: `amount` as stored, `shown` in the report currency (the same when it is
    in it; converted at `rate` otherwise)."""

    deal_id: int
    customer_id: int
    customer: str
    stage: str
    amount: Money
    shown: Money
    owner: str | None
    expected_close: date | None
    closed_on: date | None


@dataclass(frozen=True)
class BiggestDeals:
    """The largest deals, largest first. `period`: the days the list covers (None: every open deal);
    `apart`: per currency with no rate to `currency`, the priced deals left out of the ranking;
    `unpriced`: deals that match but have no amount; `rates`: the rates the ranking used."""

    currency: str
    won: bool
    period: Period | None
    deals: tuple[BigDeal, ...]
    apart: tuple[Tally, ...] = ()
    unpriced: int = 0
    rates: tuple[Rate, ...] = ()
    owner_id: int | None = None


def biggest_deals(session: Any, team_id: int, rows: int = DEFAULT_ROWS, won: bool = False,
                  start: date | None = None, end: date | None = None, owner_id: int | None = None) -> BiggestDeals:
    """The `rows` largest open deals (`won`: won in [start, end]), or an owner's; see the module."""
    session.flush()
    connection = session.connection()
    facts = team_facts(connection, team_id)
    rows = max(1, min(int(rows or DEFAULT_ROWS), MAX_ROWS))
    code = deal_currency(facts)
    where = [DEAL.c.team_id == team_id, DEAL.c.owner_id == owner_id if owner_id is not None else true()]
    if won:
        first, last = start or date.min, end or date.max
        since, until = instants(first, last, facts.zone)
        where += [DEAL.c.stage == Stage.WON, DEAL.c.closed_at >= since, DEAL.c.closed_at < until]
    else:
        where.append(DEAL.c.stage.in_(OPEN_STAGES))
        if start is not None and end is not None:
            where += [DEAL.c.expected_close >= start, DEAL.c.expected_close <= end]
    priced = DEAL.c.amount_minor > 0
    held = connection.execute(
        select(code.label("code"), func.count().label("n"), func.sum(DEAL.c.amount_minor).label("minor"))
        .where(*where, priced).group_by(code)).all()
    # ranked in the currency the pipeline is written in: the team's, else the one most deals are in
    facts = replace(facts, currency=report_currency((tally(r.code, r.n, r.minor) for r in held), facts.currency,
                                                    facts.rates))
    ranked = _ranked_currencies(facts)
    value = _converted(facts, code, ranked)
    listed = connection.execute(
        select(DEAL.c.id, DEAL.c.customer_id, CUSTOMER.c.name.label("customer"), DEAL.c.stage,
               DEAL.c.amount_minor, code.label("code"), MEMBER.c.name.label("owner"), DEAL.c.expected_close,
               DEAL.c.closed_at)
        .join(CUSTOMER, CUSTOMER.c.id == DEAL.c.customer_id)
        .outerjoin(MEMBER, MEMBER.c.id == DEAL.c.owner_id)
        .where(*where, priced, code.in_(ranked))
        .order_by(value.desc(), DEAL.c.id)
        .limit(rows)).all()
    apart = sorted((row for row in held if row.code not in ranked), key=lambda row: row.code)
    unpriced = connection.execute(
        select(func.count()).select_from(DEAL)
        .where(*where, func.coalesce(DEAL.c.amount_minor, 0) <= 0)).scalar_one()
    deals = tuple(_line(row, facts) for row in listed)
    used = sorted({row.code for row in listed} - {facts.currency})
    return BiggestDeals(facts.currency, won, Period(start, end) if start and end else None, deals,
                        tuple(tally(row.code, row.n, row.minor) for row in apart), int(unpriced or 0),
                        tuple(Rate(c, facts.currency, _rate(facts, c)) for c in used), owner_id)


def _ranked_currencies(facts: TeamFacts) -> list[str]:
    """The report currency and every currency the team has a rate for into it (either way round)."""
    codes = {facts.currency}
    for base, quote in facts.rates.pairs:
        for code in (base, quote):
            if facts.rates.rate(code, facts.currency) is not None:
                codes.add(code)
    return sorted(codes)


def _rate(facts: TeamFacts, code: str) -> Decimal:
    rate = facts.rates.rate(code, facts.currency)
    assert rate is not None  # only ranked currencies come here
    return rate


def _converted(facts: TeamFacts, code: ColumnElement[Any], ranked: list[str]) -> ColumnElement[Any]:
    """A deal's amount in the report currency in SQL, for the ranking only (the shown amount is
    converted exactly from the stored minor units)."""
    amount = cast(DEAL.c.amount_minor, Float)
    others = [(code == c, amount * float(_rate(facts, c))) for c in ranked if c != facts.currency]
    return case(*others, else_=amount) if others else amount


def _line(row: Any, facts: TeamFacts) -> BigDeal:
    amount = Money(int(row.amount_minor), row.code)
    shown = amount if row.code == facts.currency else \
        Money(half_up(Decimal(amount.minor) * _rate(facts, row.code)), facts.currency)
    closed = aware(row.closed_at).astimezone(facts.zone).date() if row.closed_at is not None else None
    return BigDeal(int(row.id), int(row.customer_id), row.customer, row.stage, amount, shown, row.owner,
                   as_date(row.expected_close) if row.expected_close is not None else None, closed)
