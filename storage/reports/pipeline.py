"""The pipeline: open deals expected to close in a period, and open deals with no expected close
date (reps rarely give one), per stage, with their probability-weighted amounts.

Which deals: stage lead, qualified, proposal or negotiation (won and lost are closed), with
`expected_close` in the period (both days included) or none at all; `owner_id` narrows it to one
owner's deals (a rep's own pipeline, or a manager asking for Anna's).

Weighted: amount × the deal's own probability when set, else its stage's: the caller's
`probabilities` over the team's `settings["stage_probabilities"]` over lead 10, qualified 25,
proposal 50, negotiation 75 (percent).

Money (storage.reports.money): one SQL group per (stage, currency); the report currency is the
team's unless nothing is in it or converts into it; other currencies are converted at the team's
rates and named, or kept apart with their own counts. Never a loop over deals.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.engine import Connection, Row
from sqlalchemy.sql.elements import ColumnElement

from storage.reports.common import (Period, TeamFacts, deal_amount, deal_currency, deal_percent, tally,
                                    team_facts)
from storage.reports.money import Sums, Tally, report_currency
from storage.reports.tables import DEAL, MEMBER
from storage.team_stages import shown_stages
from storage.vocabulary import OPEN_STAGES


@dataclass(frozen=True)
class StageLine:
    """One open stage: its deals' count and amounts (dated and undated together), and how many of
    them have no amount yet (counted, never shown as if they were worth nothing)."""

    stage: str
    sums: Sums
    unpriced: int = 0


@dataclass(frozen=True)
class OwnerLine:
    """One owner's share of the pipeline (`owner_id` None: deals nobody owns)."""

    owner_id: int | None
    name: str | None
    sums: Sums


@dataclass(frozen=True)
class Pipeline:
    """The pipeline of a period. `stages`: every open stage the team uses, in its order (storage.team_settings:
    `stages`), even when empty, then a switched-off one that still holds deals;
    `undated`: the deals among them without an expected close date; `total`: all of them;
    `per_owner`: largest first; `owner_id`: the one owner it was narrowed to, if any."""

    period: Period
    currency: str
    stages: tuple[StageLine, ...]
    undated: Sums
    total: Sums
    per_owner: tuple[OwnerLine, ...]
    owner_id: int | None = None


def pipeline(session: Any, team_id: int, start: date, end: date,
             probabilities: Mapping[str, int] | None = None, owner_id: int | None = None) -> Pipeline:
    """The pipeline of `team_id` for local days [start, end] (see the module's rules)."""
    session.flush()  # deals added in this session but not yet flushed count too
    connection = session.connection()
    facts = team_facts(connection, team_id, probabilities)
    where = _open_in_period(team_id, start, end, owner_id)
    groups = _stage_groups(connection, facts, where)
    currency = report_currency((t for _stage, t, _undated in groups), facts.currency, facts.rates)
    unpriced = _unpriced(connection, where)
    stages = tuple(StageLine(stage, Sums.of((t for s, t, _u in groups if s == stage), currency, facts.rates),
                             unpriced.get(stage, 0))
                   for stage in shown_stages(facts.settings, {s for s, _t, _u in groups}))
    return Pipeline(
        period=Period(start, end), currency=currency, stages=stages,
        undated=Sums.of((u for _s, _t, u in groups), currency, facts.rates),
        total=Sums.of((t for _s, t, _u in groups), currency, facts.rates),
        per_owner=_per_owner(connection, facts, where, currency), owner_id=owner_id)


def _open_in_period(team_id: int, start: date, end: date, owner_id: int | None) -> ColumnElement[bool]:
    deal = DEAL
    conditions = [deal.c.team_id == team_id, deal.c.stage.in_(OPEN_STAGES),
                  or_(deal.c.expected_close.between(start, end), deal.c.expected_close.is_(None))]
    if owner_id is not None:
        conditions.append(deal.c.owner_id == owner_id)
    return and_(*conditions)


def _stage_groups(connection: Connection, facts: TeamFacts,
                  where: ColumnElement[bool]) -> list[tuple[str, Tally, Tally]]:
    """One SQL group per (stage, currency): (stage, all its deals, the undated among them)."""
    deal = DEAL
    code, amount, percent = deal_currency(facts), deal_amount(), deal_percent(facts)
    undated = deal.c.expected_close.is_(None)
    rows: Sequence[Row[Any]] = connection.execute(
        select(deal.c.stage, code.label("code"), func.count().label("n"),
               func.sum(amount).label("minor"), func.sum(amount * percent).label("pct"),
               func.sum(case((undated, 1), else_=0)).label("undated_n"),
               func.sum(case((undated, amount), else_=0)).label("undated_minor"),
               func.sum(case((undated, amount * percent), else_=0)).label("undated_pct"))
        .where(where).group_by(deal.c.stage, code)).all()
    return [(row.stage, tally(row.code, row.n, row.minor, row.pct),
             tally(row.code, row.undated_n, row.undated_minor, row.undated_pct)) for row in rows]


def _unpriced(connection: Connection, where: ColumnElement[bool]) -> dict[str, int]:
    """Per stage, the deals with no amount yet (one SQL group per stage)."""
    deal = DEAL
    rows = connection.execute(select(deal.c.stage, func.count().label("n"))
                              .where(where, or_(deal.c.amount_minor.is_(None), deal.c.amount_minor == 0))
                              .group_by(deal.c.stage)).all()
    return {row.stage: int(row.n) for row in rows}


def _per_owner(connection: Connection, facts: TeamFacts, where: ColumnElement[bool],
               currency: str) -> tuple[OwnerLine, ...]:
    """One SQL group per (owner, currency), gathered per owner; largest total first."""
    deal, member = DEAL, MEMBER
    code, amount, percent = deal_currency(facts), deal_amount(), deal_percent(facts)
    rows = connection.execute(
        select(deal.c.owner_id, member.c.name, code.label("code"), func.count().label("n"),
               func.sum(amount).label("minor"), func.sum(amount * percent).label("pct"))
        .select_from(deal.outerjoin(member, member.c.id == deal.c.owner_id))
        .where(where).group_by(deal.c.owner_id, member.c.name, code)).all()
    owners: dict[int | None, tuple[str | None, list[Tally]]] = {}
    for row in rows:  # owners × currencies: a team's size, not its deals
        owners.setdefault(row.owner_id, (row.name, []))[1].append(tally(row.code, row.n, row.minor, row.pct))
    lines = [OwnerLine(owner, name, Sums.of(tallies, currency, facts.rates))
             for owner, (name, tallies) in owners.items()]
    lines.sort(key=lambda o: (-o.sums.total.minor, -o.sums.count, o.name is None, o.name or "", o.owner_id or 0))
    return tuple(lines)
