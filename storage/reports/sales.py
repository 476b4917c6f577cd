"""Forecast and funnel: SQL aggregates over deals, their stage history and the team's targets.

Both group in the store (per currency, per stage) and only ever loop in Python over those few
groups, never over deals.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Mapping

from sqlalchemy import and_, case, func, literal, or_, select, true
from sqlalchemy.engine import Connection
from sqlalchemy.sql.elements import ColumnElement

from storage import clock
from storage.reports.common import (Period, TeamFacts, days_between, deal_amount, deal_currency, deal_percent,
                                    instants, tally, team_facts)
from storage.reports.money import Money, Sums, Tally, report_currency
from storage.reports.tables import DEAL, STAGE_CHANGE, TARGET
from storage.team_stages import stage_in_use, team_stages
from storage.vocabulary import FUNNEL_STAGES, OPEN_STAGES, Stage

LEVEL: dict[str, int] = {stage: i for i, stage in enumerate(FUNNEL_STAGES)}


@dataclass(frozen=True)
class Forecast:
    """Won so far plus the probability-weighted open deals of a period, against its target.

    `won`: won deals closed from the period's start up to now (or its end, once over).
    `open`: open deals expected to close in the period (`open.total.weighted` is what the
    forecast counts). `undated`: open deals without a close date, not in the forecast.
    `target`: the team's revenue target for exactly this period, else the sum of the reps'.
    Every amount is in `currency`, converted at the team's rates; what has no rate is apart.
    `owner_id`: narrowed to one member's deals, against their own revenue target.
    """

    period: Period
    currency: str
    won: Sums
    open: Sums
    undated: Sums
    target: Sums | None
    owner_id: int | None = None

    @property
    def projected(self) -> Money:
        return self.won.total.amount + self.open.total.weighted

    @property
    def target_amount(self) -> Money | None:
        return self.target.total.amount if self.target is not None else None

    @property
    def gap(self) -> Money | None:
        """Target − won."""
        target = self.target_amount
        return target - self.won.total.amount if target is not None else None

    @property
    def projected_gap(self) -> Money | None:
        """Target − projected."""
        target = self.target_amount
        return target - self.projected if target is not None else None

    @property
    def attainment_pct(self) -> float | None:
        """Won as a share of the target, in percent (one decimal); None without a target."""
        target = self.target_amount
        return round(self.won.total.minor * 100 / target.minor, 1) if target and target.minor else None


def forecast(session: Any, team_id: int, start: date, end: date, now: datetime | None = None,
             currency: str | None = None, owner_id: int | None = None) -> Forecast:
    """The forecast of local days [start, end], in `currency` (else the target's, else the team's)."""
    session.flush()
    connection = session.connection()
    facts = team_facts(connection, team_id)
    now = now or clock.now()
    owned = DEAL.c.owner_id == owner_id if owner_id is not None else true()
    dated, undated = _open_groups(connection, facts, start, end, owned)
    won = _won_groups(connection, facts, start, end, now, owned)
    targets = _target_groups(connection, facts, start, end, owner_id)
    target_codes = {t.currency for t in targets}
    code = (currency or (next(iter(target_codes)) if len(target_codes) == 1 else None)
            or report_currency(won + dated + undated, facts.currency, facts.rates)).upper()
    return Forecast(Period(start, end), code, Sums.of(won, code, facts.rates), Sums.of(dated, code, facts.rates),
                    Sums.of(undated, code, facts.rates), Sums.of(targets, code, facts.rates) if targets else None,
                    owner_id)


def _open_groups(connection: Connection, facts: TeamFacts, start: date, end: date,
                 owned: ColumnElement[bool]) -> tuple[list[Tally], list[Tally]]:
    """Open deals per currency: those expected to close in the period, and those with no date."""
    deal = DEAL
    code, amount, percent = deal_currency(facts), deal_amount(), deal_percent(facts)
    dated = deal.c.expected_close.between(start, end)
    rows = connection.execute(
        select(code.label("code"),
               func.sum(case((dated, 1), else_=0)).label("n"),
               func.sum(case((dated, amount), else_=0)).label("minor"),
               func.sum(case((dated, amount * percent), else_=0)).label("pct"),
               func.sum(case((dated, 0), else_=1)).label("undated_n"),
               func.sum(case((dated, 0), else_=amount)).label("undated_minor"),
               func.sum(case((dated, 0), else_=amount * percent)).label("undated_pct"))
        .where(deal.c.team_id == facts.id, deal.c.stage.in_(OPEN_STAGES), owned,
               or_(dated, deal.c.expected_close.is_(None)))
        .group_by(code)).all()
    return ([tally(r.code, r.n, r.minor, r.pct) for r in rows],
            [tally(r.code, r.undated_n, r.undated_minor, r.undated_pct) for r in rows])


def _won_groups(connection: Connection, facts: TeamFacts, start: date, end: date, now: datetime,
                owned: ColumnElement[bool]) -> list[Tally]:
    """Won deals closed in the period up to `now`, per currency."""
    deal = DEAL
    since, until = instants(start, end, facts.zone)
    code, amount = deal_currency(facts), deal_amount()
    rows = connection.execute(
        select(code.label("code"), func.count().label("n"), func.sum(amount).label("minor"))
        .where(deal.c.team_id == facts.id, deal.c.stage == Stage.WON, owned,
               deal.c.closed_at >= since, deal.c.closed_at < until, deal.c.closed_at <= now)
        .group_by(code)).all()
    return [tally(r.code, r.n, r.minor) for r in rows]


def _target_groups(connection: Connection, facts: TeamFacts, start: date, end: date,
                   owner_id: int | None) -> list[Tally]:
    """The revenue target for exactly this period, per currency: the team's, else the reps' summed;
    one member's own when narrowed to them."""
    target = TARGET
    team_level = target.c.member_id.is_(None)
    code = func.coalesce(target.c.currency, literal(facts.currency))  # one expression: one GROUP BY key
    rows = connection.execute(
        select(team_level.label("team_level"), code.label("code"),
               func.count().label("n"), func.sum(target.c.value).label("minor"))
        .where(target.c.team_id == facts.id, target.c.metric == "revenue",
               target.c.period_from == start, target.c.period_to == end,
               target.c.member_id == owner_id if owner_id is not None else true())
        .group_by(team_level, code)).all()
    chosen = [r for r in rows if r.team_level] or [r for r in rows if not r.team_level]
    return [tally(r.code.upper(), r.n, r.minor) for r in chosen]


# -- the funnel -------------------------------------------------------------------------------


@dataclass(frozen=True)
class FunnelStage:
    """How many cohort deals reached a stage (or got further), and how they went on from it.
    `to_next_pct`, `to_won_pct` and `avg_days` are None for the last step (won)."""

    stage: str
    reached: int
    to_next_pct: float | None = None
    to_won_pct: float | None = None
    avg_days: float | None = None


@dataclass(frozen=True)
class ReasonCount:
    reason: str | None
    count: int


@dataclass(frozen=True)
class Funnel:
    """Conversion of the deals that entered the funnel in a period (see `funnel`)."""

    period: Period
    entered: int
    stages: tuple[FunnelStage, ...]
    won: int
    lost: int
    open: int
    win_rate_pct: float | None
    lost_reasons: tuple[ReasonCount, ...]
    owner_id: int | None = None


def funnel(session: Any, team_id: int, start: date, end: date, owner_id: int | None = None) -> Funnel:
    """Conversion through the stages for deals that entered the funnel in [start, end].

    Cohort: deals created in the period (local days). The steps are the team's open stages in its
    order, then won. A deal reached a stage when it got that far or further: open and won deals by
    their stage (stages move forward; won passed every stage),
    a lost deal by the stage it was lost from (its history). `avg_days`: mean days in the stage
    over the cohort's moves out of it. `win_rate_pct` = won / (won + lost); lost reasons most
    frequent first. `owner_id`: only that member's deals.
    """
    session.flush()
    connection = session.connection()
    facts = team_facts(connection, team_id)
    since, until = instants(start, end, facts.zone)
    deal = DEAL
    cohort = and_(deal.c.team_id == team_id, deal.c.created_at >= since, deal.c.created_at < until,
                  deal.c.owner_id == owner_id if owner_id is not None else true())
    steps = team_stages(facts.settings) + (Stage.WON,)
    at_level, won, lost = _levels(connection, cohort, _levels_of(steps))
    entered = sum(at_level.values())
    reached = [sum(n for level, n in at_level.items() if level >= i) for i in range(len(steps))]
    avg_days = _days_in_stage(connection, team_id, since, cohort)
    stages = tuple(
        FunnelStage(stage, reached[i], _pct(reached[i + 1], reached[i]), _pct(reached[-1], reached[i]),
                    avg_days.get(stage)) if i + 1 < len(steps) else FunnelStage(stage, reached[i])
        for i, stage in enumerate(steps))
    return Funnel(Period(start, end), entered, stages, won, lost, entered - won - lost, _pct(won, won + lost),
                  _lost_reasons(connection, cohort), owner_id)


def _levels_of(steps: tuple[Stage, ...]) -> Mapping[str, int]:
    """Each stage's level in a team's funnel `steps` (its open stages in its order, then won); a
    switched-off stage is at the level of the stage it counts as (storage.team_stages.stage_in_use)."""
    level = {stage: i for i, stage in enumerate(steps)}
    return {stage: level[stage_in_use(stage, steps[:-1])] for stage in FUNNEL_STAGES}


def _levels(connection: Connection, cohort: ColumnElement[bool],
            levels: Mapping[str, int] = LEVEL) -> tuple[dict[int, int], int, int]:
    """Cohort deals per furthest funnel level reached (-1: none), and how many were won and lost."""
    deal, sc = DEAL, STAGE_CHANGE
    lost_from = (select(sc.c.from_stage).where(sc.c.deal_id == deal.c.id, sc.c.to_stage == Stage.LOST)
                 .order_by(sc.c.at.desc()).limit(1).scalar_subquery())
    before_lost = case((deal.c.stage == Stage.LOST, lost_from))
    rows = connection.execute(select(deal.c.stage, before_lost.label("before"), func.count().label("n"))
                              .where(cohort).group_by(deal.c.stage, before_lost)).all()
    at_level: dict[int, int] = defaultdict(int)
    won = lost = 0
    for row in rows:  # a handful: stages × the stage lost deals were lost from
        if row.stage == Stage.LOST:
            lost += row.n
            at_level[levels.get(row.before, -1)] += row.n
        else:
            won += row.n if row.stage == Stage.WON else 0
            at_level[levels.get(row.stage, -1)] += row.n
    return at_level, won, lost


def _days_in_stage(connection: Connection, team_id: int, since: datetime,
                   cohort: ColumnElement[bool]) -> dict[str, float]:
    """Mean days per stage: each move of a cohort deal out of a stage minus the latest arrival in
    it before; moves found by time (ix_stagechange_team_at), arrivals by deal (ix_stagechange_deal_to)."""
    deal, sc = DEAL, STAGE_CHANGE
    arrival = sc.alias("arrival")
    arrived = (select(func.max(arrival.c.at)).where(arrival.c.deal_id == sc.c.deal_id,
                                                    arrival.c.to_stage == sc.c.from_stage,
                                                    arrival.c.at <= sc.c.at).scalar_subquery())
    moves = (select(sc.c.from_stage.label("stage"), sc.c.at.label("left_at"), arrived.label("arrived_at"))
             .join(deal, deal.c.id == sc.c.deal_id)
             .where(sc.c.team_id == team_id, sc.c.at >= since, sc.c.from_stage.is_not(None), cohort)
             .subquery("moves"))
    stays = connection.execute(
        select(moves.c.stage, func.avg(days_between(connection, moves.c.left_at, moves.c.arrived_at)).label("days"))
        .where(moves.c.arrived_at.is_not(None)).group_by(moves.c.stage)).all()
    return {row.stage: round(float(row.days), 1) for row in stays if row.days is not None}


def _lost_reasons(connection: Connection, cohort: ColumnElement[bool]) -> tuple[ReasonCount, ...]:
    deal = DEAL
    reason = func.coalesce(deal.c.lost_reason, literal(""))
    rows = connection.execute(select(reason.label("reason"), func.count().label("n"))
                              .where(cohort, deal.c.stage == Stage.LOST)
                              .group_by(reason).order_by(func.count().desc(), reason)).all()
    return tuple(ReasonCount(r.reason or None, int(r.n)) for r in rows)


def _pct(part: int, whole: int) -> float | None:
    return round(part * 100 / whole, 1) if whole else None
