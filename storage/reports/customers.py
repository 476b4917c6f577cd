"""Where revenue comes from: lead sources (customers, won deals, revenue, return on spend) and the
top customers by revenue (the top fifth's share, VIPs). SQL aggregates; money per currency,
converted at the team's rates or kept apart."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import and_, case, func, literal, select
from sqlalchemy.engine import Connection
from sqlalchemy.sql.elements import ColumnElement

from storage.reports.common import Period, TeamFacts, deal_amount, deal_currency, instants, tally, team_facts
from storage.reports.money import Money, Sums, Tally, half_up, report_currency
from storage.reports.tables import CUSTOMER, DEAL, SOURCE_COST
from storage.vocabulary import Stage


@dataclass(frozen=True)
class SourceLine:
    """One lead source (`source` None: customers with none). `revenue` counts the won deals."""

    source: str | None
    customers: int
    new_customers: int
    revenue: Sums
    cost: Sums | None = None

    @property
    def revenue_per_cost(self) -> float | None:
        """Revenue per unit of spend, when both are wholly in the report currency."""
        if self.cost is None or self.cost.apart or not self.cost.total.minor or self.revenue.apart:
            return None
        return round(self.revenue.total.minor / self.cost.total.minor, 2)


@dataclass(frozen=True)
class Sources:
    """Lead sources, largest revenue first; `revenue`: every source's won deals together."""

    period: Period
    currency: str
    sources: tuple[SourceLine, ...]
    revenue: Sums


def sources(session: Any, team_id: int, start: date, end: date, currency: str | None = None) -> Sources:
    """Per lead source: customers (all), new customers and won deals closed in [start, end],
    revenue, spend entered for periods inside [start, end]. Largest revenue first."""
    session.flush()
    connection = session.connection()
    facts = team_facts(connection, team_id)
    since, until = instants(start, end, facts.zone)
    counts = _customers_per_source(connection, team_id, since, until)
    revenue = _won_per_source(connection, facts, since, until)
    spend = _spend_per_source(connection, team_id, start, end)
    won = [t for tallies in revenue.values() for t in tallies]
    code = (currency or report_currency(won, facts.currency, facts.rates)).upper()
    lines = [SourceLine(name or None, *counts.get(name, (0, 0)), Sums.of(revenue.get(name, ()), code, facts.rates),
                        Sums.of(spend[name], code, facts.rates) if name in spend else None)
             for name in set(counts) | set(revenue) | set(spend)]
    lines.sort(key=lambda s: (-s.revenue.total.minor, -s.customers, s.source is None, s.source or ""))
    return Sources(Period(start, end), code, tuple(lines), Sums.of(won, code, facts.rates))


def _source() -> ColumnElement[Any]:
    return func.coalesce(CUSTOMER.c.source, literal(""))


def _customers_per_source(connection: Connection, team_id: int, since: datetime,
                          until: datetime) -> dict[str, tuple[int, int]]:
    cu = CUSTOMER
    new = and_(cu.c.created_at >= since, cu.c.created_at < until)
    src = _source()  # one expression: one GROUP BY key
    rows = connection.execute(select(src.label("src"), func.count().label("n"),
                                     func.sum(case((new, 1), else_=0)).label("new"))
                              .where(cu.c.team_id == team_id).group_by(src))
    return {row.src: (int(row.n), int(row.new or 0)) for row in rows}


def _won_per_source(connection: Connection, facts: TeamFacts, since: datetime,
                    until: datetime) -> dict[str, list[Tally]]:
    cu, deal = CUSTOMER, DEAL
    code, src = deal_currency(facts), _source()
    rows = connection.execute(
        select(src.label("src"), code.label("code"), func.count().label("n"),
               func.sum(deal_amount()).label("minor"))
        .join(cu, cu.c.id == deal.c.customer_id)
        .where(deal.c.team_id == facts.id, deal.c.stage == Stage.WON, deal.c.closed_at >= since,
               deal.c.closed_at < until)
        .group_by(src, code))
    out: dict[str, list[Tally]] = defaultdict(list)
    for row in rows:
        out[row.src].append(tally(row.code, row.n, row.minor))
    return out


def _spend_per_source(connection: Connection, team_id: int, start: date, end: date) -> dict[str, list[Tally]]:
    cost = SOURCE_COST
    rows = connection.execute(
        select(cost.c.source, cost.c.currency, func.count().label("n"), func.sum(cost.c.amount_minor).label("minor"))
        .where(cost.c.team_id == team_id, cost.c.period_from >= start, cost.c.period_to <= end)
        .group_by(cost.c.source, cost.c.currency))
    out: dict[str, list[Tally]] = defaultdict(list)
    for row in rows:
        out[row.source].append(tally(row.currency.upper(), row.n, row.minor))
    return out


# -- top customers ----------------------------------------------------------------------------


@dataclass(frozen=True)
class TopLine:
    rank: int
    customer_id: int
    name: str
    revenue: Money
    deals: int
    share_pct: float
    vip: bool


@dataclass(frozen=True)
class TopCustomers:
    """Revenue per customer in `currency` (won deals closed in the period), largest first.

    `top20_count` customers (the top fifth, rounded up) hold `top20_share_pct` of `total`. VIP:
    revenue ≥ `vip_threshold`. `won`: every won deal of the period per currency; those in a
    currency without a rate (`won.apart`) are not ranked.
    """

    period: Period
    currency: str
    customers_with_revenue: int
    total: Money
    top20_count: int
    top20_share_pct: float | None
    vip_threshold: Money | None
    vip_count: int
    top: tuple[TopLine, ...]
    won: Sums


def top_customers(session: Any, team_id: int, start: date, end: date, currency: str | None = None,
                  limit: int = 10, vip_threshold_minor: int | None = None) -> TopCustomers:
    """The top customers of [start, end]. VIP from `vip_threshold_minor`, else the team's
    `settings["vip_threshold"]` (currency units), else the smallest revenue in the top fifth."""
    session.flush()
    connection = session.connection()
    facts = team_facts(connection, team_id)
    since, until = instants(start, end, facts.zone)
    deal = DEAL
    won = and_(deal.c.team_id == team_id, deal.c.stage == Stage.WON, deal.c.closed_at >= since,
               deal.c.closed_at < until)
    tallies = _won_tallies(connection, facts, won)
    code = (currency or report_currency(tallies, facts.currency, facts.rates)).upper()
    factor = _rate_factor(connection, facts, code)
    per_customer = _per_customer(won, factor)
    ranked = _ranked(per_customer)
    summary = connection.execute(select(
        func.count().label("customers"), func.sum(ranked.c.rev).label("total"),
        func.sum(case((ranked.c.rn <= ranked.c.k, ranked.c.rev), else_=0)).label("top"),
        func.min(case((ranked.c.rn <= ranked.c.k, ranked.c.rev))).label("floor"),
        func.max(ranked.c.k).label("k"))).one()
    total = _minor(summary.total)
    threshold = _vip_threshold(facts, vip_threshold_minor, summary.floor)
    vip_count = connection.execute(select(func.count()).select_from(per_customer)
                                   .where(per_customer.c.rev >= threshold)).scalar_one() if threshold is not None else 0
    top = tuple(TopLine(int(r.rn), r.customer_id, r.name, Money(_minor(r.rev), code), int(r.deals),
                        round(_minor(r.rev) * 100 / total, 1) if total else 0.0,
                        threshold is not None and _minor(r.rev) >= threshold)
                for r in _top_rows(connection, ranked, limit))
    return TopCustomers(Period(start, end), code, int(summary.customers or 0), Money(total, code), int(summary.k or 0),
                        round(_minor(summary.top) * 100 / total, 1) if total else None,
                        Money(threshold, code) if threshold is not None else None, int(vip_count), top,
                        Sums.of(tallies, code, facts.rates))


def _won_tallies(connection: Connection, facts: TeamFacts, won: ColumnElement[bool]) -> list[Tally]:
    code = deal_currency(facts)
    rows = connection.execute(select(code.label("code"), func.count().label("n"),
                                     func.sum(deal_amount()).label("minor")).where(won).group_by(code))
    return [tally(r.code, r.n, r.minor) for r in rows]


def _rate_factor(connection: Connection, facts: TeamFacts, target: str) -> ColumnElement[Any]:
    """A SQL factor turning a deal's amount into `target`; NULL for a currency without a rate."""
    deal = DEAL
    code = deal_currency(facts)
    present = connection.execute(select(code).where(deal.c.team_id == facts.id).distinct()).scalars()
    whens = [(code == c, literal(float(rate))) for c in sorted(set(present))
             if (rate := facts.rates.rate(c, target)) is not None]
    return case(*whens, else_=literal(None)) if whens else literal(None)


def _per_customer(won: ColumnElement[bool], factor: ColumnElement[Any]) -> Any:
    deal = DEAL
    revenue = func.sum(deal_amount() * factor)
    return (select(deal.c.customer_id, revenue.label("rev"), func.count().label("deals"))
            .where(won, factor.is_not(None)).group_by(deal.c.customer_id).having(revenue > 0).subquery("pc"))


def _ranked(per_customer: Any) -> Any:
    """Customers with a rank by revenue, and k: the size of the top fifth (rounded up)."""
    n = func.count().over()
    return select(per_customer.c.customer_id, per_customer.c.rev, per_customer.c.deals,
                  func.row_number().over(order_by=(per_customer.c.rev.desc(), per_customer.c.customer_id))
                  .label("rn"), ((n + 4) / 5).label("k")).subquery("ranked")


def _top_rows(connection: Connection, ranked: Any, limit: int) -> list[Any]:
    cu = CUSTOMER
    return list(connection.execute(
        select(ranked.c.customer_id, cu.c.name, ranked.c.rev, ranked.c.deals, ranked.c.rn)
        .join(cu, cu.c.id == ranked.c.customer_id).where(ranked.c.rn <= limit).order_by(ranked.c.rn)))


def _vip_threshold(facts: TeamFacts, asked_minor: int | None, floor: Any) -> int | None:
    setting = facts.settings.get("vip_threshold")
    if asked_minor is not None:
        return asked_minor
    if setting is not None:
        return half_up(Decimal(str(setting)) * 100)
    return _minor(floor) if floor is not None else None


def _minor(value: Any) -> int:
    """A SQL sum of converted minor units (a float where a rate applied) as whole minor units."""
    return half_up(Decimal(str(value))) if value is not None else 0
