"""Report queries: SQL aggregates (GROUP BY in the store), never Python loops over rows.

Money leaves here in major units as JSON numbers: an int when whole, else a float
rounded to cents. Sums are exact (integer minor units) until that last step.
"""
from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import and_, case, func, literal, or_, select

from storage.models import Deal, Member, Team
from storage.vocabulary import OPEN_STAGES, Stage

DEFAULT_PROBABILITIES: dict[str, int] = {Stage.LEAD: 10, Stage.QUALIFIED: 25, Stage.PROPOSAL: 50, Stage.NEGOTIATION: 75}

_CENT = Decimal("0.01")


def money(value: Decimal | int | None) -> int | float:
    """A major-unit amount as a JSON number: int when whole, else float with two decimals."""
    if value is None:
        return 0
    value = Decimal(value).quantize(_CENT, rounding=ROUND_HALF_UP)
    return int(value) if value == value.to_integral_value() else float(value)


def stage_probabilities(team_settings: dict[str, Any] | None,
                        override: dict[str, int] | None = None) -> dict[str, int]:
    """Default probabilities, then the team's `settings["stage_probabilities"]`, then `override`."""
    result = dict(DEFAULT_PROBABILITIES)
    for source in ((team_settings or {}).get("stage_probabilities"), override):
        if isinstance(source, dict):
            for stage, value in source.items():
                if stage in result and value is not None:
                    result[stage] = int(value)
    return result


def pipeline(session, team_id: int, start: date, end: date,
             probabilities: dict[str, int] | None = None, owner_id: int | None = None) -> dict:
    """The pipeline for `team_id`: open deals closing in [start, end], plus undated open deals.

    Which deals: stage lead/qualified/proposal/negotiation (won and lost are closed),
    with `expected_close` between `start` and `end` (both days included) or with no
    `expected_close` at all. Undated deals are counted in `stages` and shown apart
    in `undated`. `owner_id` narrows everything to one owner's deals.

    Weighted amounts: amount × the deal's own `probability` when set, else the
    stage's: `probabilities` (argument) over the team's
    `settings["stage_probabilities"]` over lead 10, qualified 25, proposal 50,
    negotiation 75 (percent).

    Currency rule (amounts in different currencies are never added together):
    a deal without a currency is in the team's currency. If every priced deal in
    the report is in one currency, that is the report currency. If they are in
    several, the report currency is the team's currency. All money fields
    (`stages[].amount/weighted`, `undated.amount`, `total`, `weighted_total`,
    `per_owner[].amount/weighted`) hold only deals in the report currency, and
    `currency` always names it; counts include every deal whatever its currency.
    When there is more than one currency, `by_currency` maps each code (the report
    currency included) to `{"count", "amount", "weighted", "undated": {"count",
    "amount"}}` so nothing is hidden, and `mixed_currency` is true.

    Shape: {"period": {"from", "to"}, "stages": [{"stage", "count", "amount",
    "weighted"}] (funnel order, all four open stages even when zero),
    "undated": {"count", "amount"}, "total", "weighted_total", "currency",
    "mixed_currency", ["by_currency"], "per_owner": [{"owner_id", "name", "count",
    "amount", "weighted"}] (largest amount first)}.
    """
    session.flush()  # deals added in this session but not yet flushed count too
    connection = session.connection()
    team = connection.execute(
        select(Team.__table__.c.currency, Team.__table__.c.settings).where(Team.__table__.c.id == team_id)
    ).first()
    if team is None:
        raise LookupError(f"no team {team_id}")
    team_currency = (team.currency or "USD").upper()
    probs = stage_probabilities(team.settings, probabilities)

    deal = Deal.__table__
    currency = func.coalesce(deal.c.currency, literal(team_currency))
    stage_pct = case(*((deal.c.stage == stage, pct) for stage, pct in probs.items()), else_=0)
    percent = func.coalesce(deal.c.probability, stage_pct)
    amount = func.coalesce(deal.c.amount_minor, 0)
    undated = deal.c.expected_close.is_(None)
    conditions = [
        deal.c.team_id == team_id,
        deal.c.stage.in_(OPEN_STAGES),
        or_(deal.c.expected_close.between(start, end), undated),
    ]
    if owner_id is not None:
        conditions.append(deal.c.owner_id == owner_id)
    where = and_(*conditions)

    # one row per (stage, currency): at most 4 × the number of currencies
    rows = connection.execute(
        select(
            deal.c.stage, currency.label("currency"),
            func.count().label("n"),
            func.sum(amount).label("minor"),
            func.sum(amount * percent).label("minor_pct"),
            func.sum(case((undated, 1), else_=0)).label("undated_n"),
            func.sum(case((undated, amount), else_=0)).label("undated_minor"),
        ).where(where).group_by(deal.c.stage, currency)
    ).all()

    priced = {row.currency for row in rows if row.minor}
    currencies = {row.currency for row in rows}
    if len(priced) == 1:
        report_currency = next(iter(priced))
    elif not priced and len(currencies) == 1:
        report_currency = next(iter(currencies))
    else:
        report_currency = team_currency
    mixed = len(priced) > 1

    per_stage = {stage: {"n": 0, "minor": 0, "minor_pct": 0} for stage in OPEN_STAGES}
    undated_n = undated_minor = total_minor = total_minor_pct = 0
    by_currency: dict[str, dict[str, int]] = {}
    for row in rows:
        minor, minor_pct = int(row.minor or 0), int(row.minor_pct or 0)
        slot = by_currency.setdefault(row.currency, {"n": 0, "minor": 0, "minor_pct": 0,
                                                      "undated_n": 0, "undated_minor": 0})
        slot["n"] += row.n
        slot["minor"] += minor
        slot["minor_pct"] += minor_pct
        slot["undated_n"] += int(row.undated_n or 0)
        slot["undated_minor"] += int(row.undated_minor or 0)
        per_stage[row.stage]["n"] += row.n
        undated_n += int(row.undated_n or 0)
        if row.currency == report_currency:
            per_stage[row.stage]["minor"] += minor
            per_stage[row.stage]["minor_pct"] += minor_pct
            undated_minor += int(row.undated_minor or 0)
            total_minor += minor
            total_minor_pct += minor_pct

    report: dict[str, Any] = {
        "period": {"from": start.isoformat(), "to": end.isoformat()},
        "stages": [{"stage": stage, "count": per_stage[stage]["n"],
                    "amount": _major(per_stage[stage]["minor"]),
                    "weighted": _weighted(per_stage[stage]["minor_pct"])} for stage in OPEN_STAGES],
        "undated": {"count": undated_n, "amount": _major(undated_minor)},
        "total": _major(total_minor),
        "weighted_total": _weighted(total_minor_pct),
        "currency": report_currency,
        "mixed_currency": mixed,
    }
    if mixed:
        report["by_currency"] = {
            code: {"count": slot["n"], "amount": _major(slot["minor"]),
                   "weighted": _weighted(slot["minor_pct"]),
                   "undated": {"count": slot["undated_n"], "amount": _major(slot["undated_minor"])}}
            for code, slot in sorted(by_currency.items())}
    if mixed:
        report.update(_converted(connection, team_id, team_currency, by_currency))
    report["per_owner"] = _per_owner(connection, where, currency, amount, percent, report_currency)
    return report


def _per_owner(connection, where, currency, amount, percent, report_currency: str) -> list[dict]:
    """Per owner (in SQL): every deal counted, money only in the report currency."""
    deal, member = Deal.__table__, Member.__table__
    in_currency = currency == report_currency
    minor = func.sum(case((in_currency, amount), else_=0))
    rows = connection.execute(
        select(
            deal.c.owner_id, member.c.name,
            func.count().label("n"),
            minor.label("minor"),
            func.sum(case((in_currency, amount * percent), else_=0)).label("minor_pct"),
        ).select_from(deal.outerjoin(member, member.c.id == deal.c.owner_id))
        .where(where)
        .group_by(deal.c.owner_id, member.c.name)
        .order_by(minor.desc(), member.c.name, deal.c.owner_id)
    ).all()
    return [{"owner_id": row.owner_id, "name": row.name, "count": row.n,
             "amount": _major(int(row.minor or 0)), "weighted": _weighted(int(row.minor_pct or 0))}
            for row in rows]


def _major(minor: int) -> int | float:
    return money(Decimal(minor) / 100)


def _weighted(minor_times_percent: int) -> int | float:
    return money(Decimal(minor_times_percent) / 10000)


def _converted(connection, team_id: int, team_currency: str, by_currency: dict[str, dict[str, int]]) -> dict:
    """Mixed currencies and the team has rates: the totals in the team's currency as well, under
    `converted` ({"currency", "total", "weighted_total", "unconverted": [codes], "rates"}).
    Loops over currencies (a handful), never deals; codes without a rate are named, not added."""
    from storage.reports_common import converted, team_facts

    facts = team_facts(connection, team_id)
    if not facts.rates:
        return {}
    amounts = converted(facts, {c: s["minor"] for c, s in by_currency.items()}, team_currency,
                        {c: s["n"] for c, s in by_currency.items()})
    weighted = converted(facts, {c: Decimal(s["minor_pct"]) / 100 for c, s in by_currency.items()},
                         team_currency)
    return {"converted": {"currency": team_currency, "total": amounts["amount"],
                          "weighted_total": weighted["amount"],
                          "unconverted": [a["currency"] for a in amounts["unconverted"]],
                          "rates": amounts["rates"]}}
