"""Forecast and funnel: SQL aggregates over deals and their stage history.

Both group in the store (per currency, per stage level) and only ever loop in
Python over those few groups, never over deals.
"""
from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import and_, case, func, literal, or_, select

from storage.models import Deal, StageChange, Target
from storage.reports import stage_probabilities
from storage.reports_common import (converted, currency_of, instants, major, money, now_utc,
                                    period_json, team_facts)
from storage.vocabulary import FUNNEL_STAGES, OPEN_STAGES, Stage

LEVEL = {stage: i for i, stage in enumerate(FUNNEL_STAGES)}


def forecast(session, team_id: int, start: date, end: date, now: datetime | None = None,
             currency: str | None = None) -> dict[str, Any]:
    """Won so far + probability-weighted open deals closing in [start, end], against the target.

    - `won`: deals in stage won with `closed_at` from the period's start up to now
      (or the period's end, when it is over), local days of the team's time zone.
    - `weighted`: open deals with `expected_close` in the period, amount × the deal's
      probability or its stage's (as in the pipeline report). Undated open deals are
      not in the forecast; they are shown apart under `undated`.
    - `target`: the team's revenue target for exactly this period (`crmbot target set
      --revenue N --period P`), else the sum of the reps' revenue targets for it; null when none.
    - `projected` = won + weighted; `gap` = target − won; `projected_gap` = target − projected.
    Money is in `currency` (the target's, else the one asked for, else the team's), converted
    with the team's rates; currencies without a rate are listed under `unconverted`, not added.
    """
    session.flush()
    connection = session.connection()
    facts = team_facts(connection, team_id)
    now = now or now_utc()
    since, until = instants(start, end, facts.zone)
    deal = Deal.__table__
    code = currency_of(deal.c.currency, facts.currency)
    probs = stage_probabilities(facts.settings)
    percent = func.coalesce(deal.c.probability,
                            case(*((deal.c.stage == s, p) for s, p in probs.items()), else_=0))
    amount = func.coalesce(deal.c.amount_minor, 0)
    dated = deal.c.expected_close.between(start, end)
    open_rows = connection.execute(
        select(code.label("code"),
               func.sum(case((dated, 1), else_=0)).label("n"),
               func.sum(case((dated, amount), else_=0)).label("minor"),
               func.sum(case((dated, amount * percent), else_=0)).label("minor_pct"),
               func.sum(case((dated, 0), else_=1)).label("undated_n"),
               func.sum(case((dated, 0), else_=amount)).label("undated_minor"),
               func.sum(case((dated, 0), else_=amount * percent)).label("undated_pct"))
        .where(deal.c.team_id == team_id, deal.c.stage.in_(OPEN_STAGES),
               or_(dated, deal.c.expected_close.is_(None)))
        .group_by(code)).all()
    won_rows = connection.execute(
        select(code.label("code"), func.count().label("n"), func.sum(amount).label("minor"))
        .where(deal.c.team_id == team_id, deal.c.stage == Stage.WON,
               deal.c.closed_at >= since, deal.c.closed_at < until, deal.c.closed_at <= now)
        .group_by(code)).all()

    target = Target.__table__
    target_rows = connection.execute(
        select(target.c.member_id.is_(None).label("team_level"), target.c.currency,
               func.sum(target.c.value).label("minor"))
        .where(target.c.team_id == team_id, target.c.metric == "revenue",
               target.c.period_from == start, target.c.period_to == end)
        .group_by(target.c.member_id.is_(None), target.c.currency)).all()
    chosen = [r for r in target_rows if r.team_level] or [r for r in target_rows if not r.team_level]
    target_sums: dict[str, int] = defaultdict(int)
    for row in chosen:
        target_sums[(row.currency or facts.currency).upper()] += int(row.minor or 0)
    report_currency = (currency or (next(iter(target_sums)) if len(target_sums) == 1 else None)
                       or facts.currency).upper()

    weighted = converted(facts, {r.code: Decimal(int(r.minor_pct or 0)) / 100 for r in open_rows},
                         report_currency, {r.code: int(r.n or 0) for r in open_rows})
    open_amount = converted(facts, {r.code: int(r.minor or 0) for r in open_rows}, report_currency,
                            {r.code: int(r.n or 0) for r in open_rows})
    undated = converted(facts, {r.code: int(r.undated_minor or 0) for r in open_rows}, report_currency,
                        {r.code: int(r.undated_n or 0) for r in open_rows})
    undated_weighted = converted(facts, {r.code: Decimal(int(r.undated_pct or 0)) / 100 for r in open_rows},
                                 report_currency)
    won = converted(facts, {r.code: int(r.minor or 0) for r in won_rows}, report_currency,
                    {r.code: int(r.n) for r in won_rows})
    target_conv = converted(facts, target_sums, report_currency) if target_sums else None

    won_amount = Decimal(str(won["amount"]))
    projected = won_amount + Decimal(str(weighted["amount"]))
    target_amount = Decimal(str(target_conv["amount"])) if target_conv else None
    unconverted = _merge_apart(("open", open_amount), ("won", won), ("weighted", weighted),
                               ("undated", undated))
    report: dict[str, Any] = {
        "period": period_json(start, end),
        "currency": report_currency,
        "won": {"count": sum(int(r.n) for r in won_rows), "amount": won["amount"]},
        "open": {"count": sum(int(r.n or 0) for r in open_rows), "amount": open_amount["amount"]},
        "weighted": weighted["amount"],
        "undated": {"count": sum(int(r.undated_n or 0) for r in open_rows), "amount": undated["amount"],
                    "weighted": undated_weighted["amount"]},
        "projected": money(projected),
        "target": money(target_amount) if target_amount is not None else None,
        "gap": money(target_amount - won_amount) if target_amount is not None else None,
        "projected_gap": money(target_amount - projected) if target_amount is not None else None,
        "attainment_pct": (money(won_amount * 100 / target_amount) if target_amount else None),
        "unconverted": unconverted,
        "rates": {**open_amount["rates"], **won["rates"]},
    }
    return report


def _merge_apart(*parts: tuple[str, dict]) -> list[dict]:
    """Currencies without a rate, with each part's sum beside it: [{"currency", "open", "won", ...}]."""
    out: dict[str, dict] = {}
    for name, data in parts:
        for item in data["unconverted"]:
            slot = out.setdefault(item["currency"], {"currency": item["currency"]})
            slot[name] = item["amount"]
            if name in ("open", "won", "undated"):
                slot[f"{name}_count"] = item["count"]
    return [out[k] for k in sorted(out)]


def _days_between(connection, later, earlier):
    if connection.dialect.name == "postgresql":
        return func.extract("epoch", later - earlier) / 86400.0
    return func.julianday(later) - func.julianday(earlier)


def funnel(session, team_id: int, start: date, end: date) -> dict[str, Any]:
    """Conversion through the stages for deals that entered the funnel in [start, end].

    Cohort: deals created in the period (local days; a deal's first stage change is made
    with it). A deal "reached" a stage when it got that far or further: open and won deals
    by their stage (stages only move forward; won passed every stage), a lost deal by the
    stage it was lost from (its stage history). `stages[i].reached`, `to_next_pct` (share of
    those reaching the next stage), `to_won_pct`; `avg_days`: mean days in the stage over the
    cohort's moves out of it (from arriving in the stage to leaving it, from the history).
    `win_rate_pct` = won / (won + lost); `lost_reasons` per reason, most frequent first.
    """
    session.flush()
    connection = session.connection()
    facts = team_facts(connection, team_id)
    since, until = instants(start, end, facts.zone)
    deal, sc = Deal.__table__, StageChange.__table__
    in_cohort = and_(deal.c.team_id == team_id, deal.c.created_at >= since, deal.c.created_at < until)
    lost_from = (select(sc.c.from_stage).where(sc.c.deal_id == deal.c.id, sc.c.to_stage == Stage.LOST)
                 .order_by(sc.c.at.desc()).limit(1).scalar_subquery())
    before_lost = case((deal.c.stage == Stage.LOST, lost_from))
    rows = connection.execute(select(deal.c.stage, before_lost.label("before"), func.count().label("n"))
                              .where(in_cohort).group_by(deal.c.stage, before_lost)).all()
    at_level: dict[int, int] = defaultdict(int)
    entered = won = lost = 0
    for row in rows:  # a handful: stages × the stage lost deals were lost from
        entered += row.n
        if row.stage == Stage.LOST:
            lost += row.n
            at_level[LEVEL.get(row.before, -1)] += row.n
        else:
            won += row.n if row.stage == Stage.WON else 0
            at_level[LEVEL.get(row.stage, -1)] += row.n
    reached = [sum(n for lvl, n in at_level.items() if lvl >= i) for i in range(len(FUNNEL_STAGES))]

    # time in stage: each move out of a stage (from_stage = S) of a cohort deal, minus the
    # latest arrival in S before it; moves are found by time (ix_stagechange_team_at), the
    # arrival by deal (ix_stagechange_deal_to)
    arrival = sc.alias("arrival")
    arrived = (select(func.max(arrival.c.at)).where(arrival.c.deal_id == sc.c.deal_id,
                                                    arrival.c.to_stage == sc.c.from_stage,
                                                    arrival.c.at <= sc.c.at).scalar_subquery())
    moves = (select(sc.c.from_stage.label("stage"), sc.c.at.label("left_at"), arrived.label("arrived_at"))
             .join(deal, deal.c.id == sc.c.deal_id)
             .where(sc.c.team_id == team_id, sc.c.at >= since, sc.c.from_stage.is_not(None), in_cohort)
             .subquery("moves"))
    stays = connection.execute(
        select(moves.c.stage, func.count().label("n"),
               func.avg(_days_between(connection, moves.c.left_at, moves.c.arrived_at)).label("days"))
        .where(moves.c.arrived_at.is_not(None)).group_by(moves.c.stage)).all()
    avg_days = {row.stage: round(float(row.days), 1) for row in stays if row.days is not None}

    reason = func.coalesce(deal.c.lost_reason, literal(""))
    reasons = connection.execute(
        select(reason.label("reason"), func.count().label("n"))
        .where(in_cohort, deal.c.stage == Stage.LOST)
        .group_by(reason).order_by(func.count().desc(), reason)).all()

    stages = []
    for i, stage in enumerate(FUNNEL_STAGES):
        item: dict[str, Any] = {"stage": stage, "reached": reached[i]}
        if i + 1 < len(FUNNEL_STAGES):
            item["to_next_pct"] = _pct(reached[i + 1], reached[i])
            item["to_won_pct"] = _pct(reached[-1], reached[i])
            item["avg_days"] = avg_days.get(stage)
        stages.append(item)
    return {
        "period": period_json(start, end),
        "entered": entered,
        "stages": stages,
        "won": won, "lost": lost, "open": entered - won - lost,
        "win_rate_pct": _pct(won, won + lost),
        "lost_reasons": [{"reason": r.reason or None, "count": r.n} for r in reasons],
    }


def _pct(part: int, whole: int) -> float | None:
    return round(part * 100 / whole, 1) if whole else None


__all__ = ["forecast", "funnel", "major"]
