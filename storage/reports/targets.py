"""Members' activity targets and how far they got: the narrowest target per member and metric
whose period covers the report's, with the actual count over the target's own period."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from storage.reports.common import Period, TeamFacts, as_date, instants
from storage.reports.counts import deals_moved, interactions, new_customers
from storage.reports.tables import TARGET
from storage.vocabulary import Channel

# target metric → what it counts (`crmbot target set --visits 16` is metric "visits")
CHANNEL_METRICS = {"visits": Channel.VISIT, "calls": Channel.CALL, "meetings": Channel.MEETING,
                   "emails": Channel.EMAIL, "messages": Channel.MESSAGE}
METRICS = tuple(CHANNEL_METRICS) + ("new_customers", "deals_won")


@dataclass(frozen=True)
class TargetProgress:
    """A member's target for `period` and what they did in it; `pct` None for a zero target."""

    metric: str
    target: int
    actual: int
    pct: float | None
    period: Period


def member_targets(connection: Connection, facts: TeamFacts, start: date, end: date,
                   member_id: int | None) -> dict[int, tuple[TargetProgress, ...]]:
    """Per member, the targets covering [start, end] (the narrowest per metric), in METRICS order;
    one grouped count per distinct target period."""
    chosen = _covering(connection, facts.id, start, end, member_id)
    actuals = {span: _actuals(connection, facts, span, member_id) for span in {r[2:4] for r in chosen.values()}}
    out: dict[int, list[TargetProgress]] = defaultdict(list)
    for (mid, metric), (_mid, _metric, first, last, value) in sorted(
            chosen.items(), key=lambda kv: (kv[0][0], METRICS.index(kv[0][1]))):
        actual = actuals[(first, last)].get((mid, CHANNEL_METRICS.get(metric, metric)), 0)
        out[mid].append(TargetProgress(metric, value, actual, round(actual * 100 / value, 1) if value else None,
                                       Period(first, last)))
    return {mid: tuple(items) for mid, items in out.items()}


def _covering(connection: Connection, team_id: int, start: date, end: date,
              member_id: int | None) -> dict[tuple[int, str], tuple[int, str, date, date, int]]:
    tg = TARGET
    span = ((tg.c.period_to - tg.c.period_from) if connection.dialect.name == "postgresql"
            else func.julianday(tg.c.period_to) - func.julianday(tg.c.period_from))
    query = (select(tg.c.member_id, tg.c.metric, tg.c.period_from, tg.c.period_to, tg.c.value)
             .where(tg.c.team_id == team_id, tg.c.member_id.is_not(None), tg.c.metric.in_(METRICS),
                    tg.c.period_from <= start, tg.c.period_to >= end)
             .order_by(tg.c.member_id, tg.c.metric, span))
    if member_id is not None:
        query = query.where(tg.c.member_id == member_id)
    chosen: dict[tuple[int, str], tuple[int, str, date, date, int]] = {}
    for row in connection.execute(query):  # the narrowest comes first
        chosen.setdefault((row.member_id, row.metric),
                          (row.member_id, row.metric, as_date(row.period_from), as_date(row.period_to), int(row.value)))
    return chosen


def _actuals(connection: Connection, facts: TeamFacts, span: tuple[date, date],
             member_id: int | None) -> dict[tuple[int, str], int]:
    """(member, channel or metric) → count over the target's period."""
    since, until = instants(span[0], span[1], facts.zone)
    counts: dict[tuple[int, str], int] = {}
    for mid, channel, n in interactions(connection, facts.id, since, until, member_id):
        counts[(mid, channel)] = n
    for mid, n in new_customers(connection, facts.id, since, until, member_id).items():
        counts[(mid, "new_customers")] = n
    for mid, (_new, _moved, won) in deals_moved(connection, facts.id, since, until, member_id).items():
        counts[(mid, "deals_won")] = won
    return counts

