"""What the people of a team did: activity per member (interactions per channel, new customers,
deals moved, follow-ups, against targets), one member's week in detail, and the leaderboard
(won amount, won deals, activities per rep). SQL aggregates grouped per member, never row loops.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from storage.reports.common import Period, TeamFacts, aware, deal_amount, deal_currency, instants, tally, team_facts
from storage.reports.money import Sums, Tally, report_currency
from storage.reports.counts import deals_moved, followups, interactions, new_customers
from storage.reports.targets import TargetProgress, member_targets
from storage.reports.tables import CUSTOMER, DEAL, INTERACTION, MEMBER
from storage.vocabulary import Channel, Role, Stage

COUNTERS = ("interactions", "new_customers", "deals_new", "deals_moved", "deals_won", "followups_done",
            "followups_overdue")
RECENT = 10  # one member's latest interactions listed with their activity


@dataclass(frozen=True)
class ChannelCount:
    channel: str
    count: int


@dataclass(frozen=True)
class Counters:
    """What one member (or the team) did in a period. `channels`: interactions per channel
    (a note without a channel is "note"), busiest first; the rest count distinct things."""

    channels: tuple[ChannelCount, ...] = ()
    interactions: int = 0
    new_customers: int = 0
    deals_new: int = 0
    deals_moved: int = 0
    deals_won: int = 0
    followups_done: int = 0
    followups_overdue: int = 0

    def channel(self, name: str) -> int:
        return next((c.count for c in self.channels if c.channel == name), 0)

    @property
    def anything(self) -> bool:
        return any(getattr(self, name) for name in COUNTERS)


@dataclass(frozen=True)
class MemberActivity:
    member_id: int
    name: str
    role: str
    did: Counters
    targets: tuple[TargetProgress, ...] = ()


@dataclass(frozen=True)
class RecentInteraction:
    at: datetime
    customer: str
    channel: str
    text: str


@dataclass(frozen=True)
class Activity:
    """Per member for a period, busiest first; `totals` over the members listed. Narrowed to one
    member (`member_id`), `recent` lists their latest interactions in the period."""

    period: Period
    members: tuple[MemberActivity, ...]
    totals: Counters
    member_id: int | None = None
    recent: tuple[RecentInteraction, ...] = ()


def activity_report(session: Any, team_id: int, start: date, end: date, today: date,
                    member_id: int | None = None, zone: tzinfo | None = None,
                    among: frozenset[int] | None = None) -> Activity:
    """Per member for local days [start, end] of `zone` (default the team's); `member_id` narrows
    it to one (a rep sees themselves, a manager asks for Anna). Follow-ups overdue: open and due
    before `today`. The team view lists every rep (zeros included) and others who did something."""
    session.flush()
    connection = session.connection()
    facts = team_facts(connection, team_id)
    since, until = instants(start, end, zone or facts.zone)
    counted = _counters(connection, team_id, since, until, today, member_id)
    targets = member_targets(connection, facts, start, end, member_id)
    members = [MemberActivity(m.id, m.name, m.role, counted.get(m.id, Counters()), targets.get(m.id, ()))
               for m in _members(connection, team_id, member_id)]
    if among is not None:  # members set side by side ("compare Anna and Boris"), whatever their role
        members = [m for m in members if m.member_id in among]
    elif member_id is None:  # the team view leaves out managers and admins who did nothing
        members = [m for m in members if m.role == Role.REP or m.did.anything]
    members.sort(key=lambda m: (-m.did.interactions, -m.did.deals_moved, m.name))
    recent = _recent(connection, team_id, since, until, member_id) if member_id is not None else ()
    return Activity(Period(start, end), tuple(members), _sum(m.did for m in members), member_id, recent)


def _members(connection: Connection, team_id: int, member_id: int | None) -> list[Any]:
    me = MEMBER
    query = select(me.c.id, me.c.name, me.c.role).where(me.c.team_id == team_id).order_by(me.c.name, me.c.id)
    if member_id is not None:
        query = query.where(me.c.id == member_id)
    return list(connection.execute(query))


def _counters(connection: Connection, team_id: int, since: datetime, until: datetime, today: date,
              member_id: int | None) -> dict[int, Counters]:
    """Every counter per member, from four grouped queries."""
    values: dict[int, dict[str, Any]] = defaultdict(dict)
    channels: dict[int, list[ChannelCount]] = defaultdict(list)
    for mid, channel, n in interactions(connection, team_id, since, until, member_id):
        channels[mid].append(ChannelCount(channel, n))
    for mid, listed in channels.items():
        listed.sort(key=lambda c: (-c.count, c.channel))
        values[mid].update(channels=tuple(listed), interactions=sum(c.count for c in listed))
    for mid, n in new_customers(connection, team_id, since, until, member_id).items():
        values[mid]["new_customers"] = n
    for mid, (new, moved, won) in deals_moved(connection, team_id, since, until, member_id).items():
        values[mid].update(deals_new=new, deals_moved=moved, deals_won=won)
    for mid, (done, overdue) in followups(connection, team_id, since, until, today, member_id).items():
        values[mid].update(followups_done=done, followups_overdue=overdue)
    return {mid: Counters(**fields) for mid, fields in values.items()}


def _sum(counters: Any) -> Counters:
    listed = list(counters)
    per_channel: dict[str, int] = defaultdict(int)
    for c in listed:
        for channel in c.channels:
            per_channel[channel.channel] += channel.count
    return Counters(channels=tuple(ChannelCount(ch, n) for ch, n in sorted(per_channel.items(),
                                                                          key=lambda kv: (-kv[1], kv[0]))),
                    **{name: sum(getattr(c, name) for c in listed) for name in COUNTERS})


def _recent(connection: Connection, team_id: int, since: datetime, until: datetime,
            member_id: int) -> tuple[RecentInteraction, ...]:
    """One member's latest interactions in the period (newest first, at most RECENT)."""
    it, cu = INTERACTION, CUSTOMER
    rows = connection.execute(
        select(it.c.at, cu.c.name, it.c.channel, it.c.text).join(cu, cu.c.id == it.c.customer_id)
        .where(it.c.team_id == team_id, it.c.member_id == member_id, it.c.at >= since, it.c.at < until)
        .order_by(it.c.at.desc(), it.c.id.desc()).limit(RECENT)).all()
    return tuple(RecentInteraction(aware(r.at), r.name, r.channel or Channel.NOTE, r.text or "") for r in rows)


# -- the leaderboard ---------------------------------------------------------------------------


@dataclass(frozen=True)
class LeaderRow:
    """One member's period: won deals they own (closed in it), their activities, deals moved."""

    member_id: int
    name: str
    won: Sums
    interactions: int
    deals_moved: int
    new_customers: int


@dataclass(frozen=True)
class Leaderboard:
    """Members ranked by won amount in `currency` (converted at the team's rates), then won deals,
    then activities. A currency with no rate is never ranked against another: it shows apart in
    each row's `won.apart`. `total`: every won deal of the period, owned or not."""

    period: Period
    currency: str
    rows: tuple[LeaderRow, ...]
    total: Sums


def leaderboard(session: Any, team_id: int, start: date, end: date) -> Leaderboard:
    """The leaderboard of local days [start, end]: every rep, and anyone else who won or did something."""
    session.flush()
    connection = session.connection()
    facts = team_facts(connection, team_id)
    since, until = instants(start, end, facts.zone)
    won = _won_per_owner(connection, facts, since, until)
    everything = [t for tallies in won.values() for t in tallies]
    currency = report_currency(everything, facts.currency, facts.rates)
    done: dict[int, int] = defaultdict(int)
    for mid, _channel, n in interactions(connection, team_id, since, until, None):
        done[mid] += n
    moved = deals_moved(connection, team_id, since, until, None)
    created = new_customers(connection, team_id, since, until, None)
    rows = []
    for m in _members(connection, team_id, None):
        row = LeaderRow(m.id, m.name, Sums.of(won.get(m.id, ()), currency, facts.rates), done[m.id],
                        sum(moved.get(m.id, (0, 0, 0))[:2]), created.get(m.id, 0))
        if m.role == Role.REP or row.won.count or row.interactions or row.deals_moved or row.new_customers:
            rows.append(row)
    rows.sort(key=lambda r: (-r.won.total.minor, -r.won.count, -r.interactions, -r.deals_moved, r.name))
    return Leaderboard(Period(start, end), currency, tuple(rows), Sums.of(everything, currency, facts.rates))


def _won_per_owner(connection: Connection, facts: TeamFacts, since: datetime,
                   until: datetime) -> dict[int | None, list[Tally]]:
    deal = DEAL
    code, amount = deal_currency(facts), deal_amount()
    rows = connection.execute(
        select(deal.c.owner_id, code.label("code"), func.count().label("n"), func.sum(amount).label("minor"))
        .where(deal.c.team_id == facts.id, deal.c.stage == Stage.WON, deal.c.closed_at >= since,
               deal.c.closed_at < until)
        .group_by(deal.c.owner_id, code)).all()
    out: dict[int | None, list[Tally]] = defaultdict(list)
    for row in rows:
        out[row.owner_id].append(tally(row.code, row.n, row.minor))
    return out
