"""Why deals were lost: the deals lost in a period, grouped by the reason the notes gave (a
LostReason value, or the words a rep wrote, or none), with their count and amount. SQL
aggregates; money per currency, converted at the team's rates or kept apart."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, literal, select, true

from storage.reports.common import Period, deal_amount, deal_currency, instants, tally, team_facts
from storage.reports.money import Sums, Tally, report_currency
from storage.reports.tables import DEAL
from storage.vocabulary import Stage


@dataclass(frozen=True)
class LostLine:
    """One reason (`reason` None: no reason given) and the deals lost for it."""

    reason: str | None
    lost: Sums


@dataclass(frozen=True)
class Losses:
    """Deals lost in the period by reason, most deals first; `lost`: all of them together.
    `owner_id`: narrowed to one member's deals."""

    period: Period
    currency: str
    reasons: tuple[LostLine, ...]
    lost: Sums
    owner_id: int | None = None


def losses(session: Any, team_id: int, start: date, end: date, currency: str | None = None,
           owner_id: int | None = None) -> Losses:
    """Deals lost (closed as lost) on local days [start, end], per reason and currency."""
    session.flush()
    connection = session.connection()
    facts = team_facts(connection, team_id)
    since, until = instants(start, end, facts.zone)
    deal = DEAL
    written = func.coalesce(deal.c.lost_reason, literal(""))
    reason = func.lower(written)          # "Price" and "price" are one reason; one expression: one GROUP BY key
    code = deal_currency(facts)
    rows = connection.execute(
        select(reason.label("reason"), func.min(written).label("said"), code.label("code"),
               func.count().label("n"), func.sum(deal_amount()).label("minor"))
        .where(deal.c.team_id == team_id, deal.c.stage == Stage.LOST,
               deal.c.closed_at >= since, deal.c.closed_at < until,
               deal.c.owner_id == owner_id if owner_id is not None else true())
        .group_by(reason, code)).all()
    per_reason: dict[str, list[Tally]] = defaultdict(list)
    said: dict[str, str] = {}
    for row in rows:  # reasons × currencies: a handful
        per_reason[row.reason].append(tally(row.code, row.n, row.minor))
        said[row.reason] = min(said.get(row.reason, row.said), row.said)
    every = [t for tallies in per_reason.values() for t in tallies]
    code_out = (currency or report_currency(every, facts.currency, facts.rates)).upper()
    lines = [LostLine(said[name] or None, Sums.of(tallies, code_out, facts.rates))
             for name, tallies in per_reason.items()]
    lines.sort(key=lambda line: (-line.lost.count, line.reason is None, -line.lost.total.minor, line.reason or ""))
    return Losses(Period(start, end), code_out, tuple(lines), Sums.of(every, code_out, facts.rates), owner_id)
