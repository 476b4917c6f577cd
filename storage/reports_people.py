"""What the team did: per rep, interactions per channel, new customers, deals moved,
follow-ups done and overdue, against per-rep targets. SQL aggregates only."""
from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import and_, case, func, select

from storage.models import Customer, FollowUp, Interaction, Member, StageChange, Target
from storage.reports_common import instants, period_json, team_facts
from storage.vocabulary import Channel, Stage

# target metric → what it counts (`crmbot target set --visits 16` is metric "visits")
CHANNEL_METRICS = {"visits": Channel.VISIT, "calls": Channel.CALL, "meetings": Channel.MEETING,
                   "emails": Channel.EMAIL, "messages": Channel.MESSAGE}
METRICS = tuple(CHANNEL_METRICS) + ("new_customers", "deals_won")


def _interactions(connection, team_id: int, since, until, member_id: int | None):
    it = Interaction.__table__
    query = (select(it.c.member_id, it.c.channel, func.count().label("n"))
             .where(it.c.team_id == team_id, it.c.at >= since, it.c.at < until,
                    it.c.member_id.is_not(None))
             .group_by(it.c.member_id, it.c.channel))
    if member_id is not None:
        query = query.where(it.c.member_id == member_id)
    return connection.execute(query).all()


def _new_customers(connection, team_id: int, since, until, member_id: int | None):
    cu = Customer.__table__
    query = (select(cu.c.created_by.label("member_id"), func.count().label("n"))
             .where(cu.c.team_id == team_id, cu.c.created_at >= since, cu.c.created_at < until,
                    cu.c.created_by.is_not(None))
             .group_by(cu.c.created_by))
    if member_id is not None:
        query = query.where(cu.c.created_by == member_id)
    return {row.member_id: int(row.n) for row in connection.execute(query)}


def _deals(connection, team_id: int, since, until, member_id: int | None):
    sc = StageChange.__table__
    query = (select(sc.c.member_id,
                    func.count(func.distinct(case((sc.c.from_stage.is_(None), sc.c.deal_id)))).label("new"),
                    func.count(func.distinct(case((sc.c.from_stage.is_not(None), sc.c.deal_id)))).label("moved"),
                    func.count(func.distinct(case((sc.c.to_stage == Stage.WON, sc.c.deal_id)))).label("won"))
             .where(sc.c.team_id == team_id, sc.c.at >= since, sc.c.at < until, sc.c.member_id.is_not(None))
             .group_by(sc.c.member_id))
    if member_id is not None:
        query = query.where(sc.c.member_id == member_id)
    return {row.member_id: (int(row.new), int(row.moved), int(row.won)) for row in connection.execute(query)}


def _followups(connection, team_id: int, since, until, today: date, member_id: int | None):
    fu = FollowUp.__table__
    done = and_(fu.c.done_at >= since, fu.c.done_at < until)
    overdue = and_(fu.c.done_at.is_(None), fu.c.due < today)
    query = (select(fu.c.member_id, func.sum(case((done, 1), else_=0)).label("done"),
                    func.sum(case((overdue, 1), else_=0)).label("overdue"))
             .where(fu.c.team_id == team_id,
                    (fu.c.done_at.is_(None) & (fu.c.due < today)) | done)
             .group_by(fu.c.member_id))
    if member_id is not None:
        query = query.where(fu.c.member_id == member_id)
    return {row.member_id: (int(row.done or 0), int(row.overdue or 0)) for row in connection.execute(query)}


def activity_report(session, team_id: int, start: date, end: date, today: date,
                    member_id: int | None = None) -> dict[str, Any]:
    """Per member for local days [start, end]; `member_id` narrows it to one (a rep sees themselves).

    `channels` counts interactions by channel (notes without a channel count as "note");
    `new_customers`: customers the member created; `deals_new` / `deals_moved` /
    `deals_won`: distinct deals the member put in the funnel / moved on / marked won;
    `followups_done`: done in the period; `followups_overdue`: open and due before `today`.
    `targets`: the member's targets whose period covers the report's (the narrowest per
    metric), each with `actual` counted over the target's own period.
    Every member of the team is listed (reps with nothing show zeros), busiest first.
    """
    session.flush()
    connection = session.connection()
    facts = team_facts(connection, team_id)
    since, until = instants(start, end, facts.zone)
    me = Member.__table__
    query = select(me.c.id, me.c.name, me.c.role).where(me.c.team_id == team_id)
    if member_id is not None:
        query = query.where(me.c.id == member_id)
    members = {row.id: {"member_id": row.id, "name": row.name, "role": row.role,
                        "channels": {}, "interactions": 0, "new_customers": 0, "deals_new": 0,
                        "deals_moved": 0, "deals_won": 0, "followups_done": 0, "followups_overdue": 0,
                        "targets": []}
               for row in connection.execute(query)}
    for row in _interactions(connection, team_id, since, until, member_id):
        slot = members.get(row.member_id)
        if slot is not None:
            slot["channels"][row.channel] = int(row.n)
            slot["interactions"] += int(row.n)
    for mid, n in _new_customers(connection, team_id, since, until, member_id).items():
        if mid in members:
            members[mid]["new_customers"] = n
    for mid, (new, moved, won) in _deals(connection, team_id, since, until, member_id).items():
        if mid in members:
            members[mid].update(deals_new=new, deals_moved=moved, deals_won=won)
    for mid, (done, overdue) in _followups(connection, team_id, since, until, today, member_id).items():
        if mid in members:
            members[mid].update(followups_done=done, followups_overdue=overdue)
    _targets(connection, team_id, start, end, today, member_id, members, facts)

    listed = sorted(members.values(), key=lambda m: (-m["interactions"], -m["deals_moved"], m["name"]))
    if member_id is None:  # the team view leaves out managers and admins who did nothing
        listed = [m for m in listed if m["role"] == "rep" or m["interactions"] or m["deals_new"]
                  or m["deals_moved"] or m["new_customers"] or m["followups_overdue"]]
    totals: dict[str, Any] = {"channels": {}}
    for key in ("interactions", "new_customers", "deals_new", "deals_moved", "deals_won",
                "followups_done", "followups_overdue"):
        totals[key] = sum(m[key] for m in listed)
    for channel in sorted({c for m in listed for c in m["channels"]}):
        totals["channels"][channel] = sum(m["channels"].get(channel, 0) for m in listed)
    return {"period": period_json(start, end), "members": listed, "totals": totals}


def _targets(connection, team_id, start, end, today, member_id, members, facts) -> None:
    """Attach covering targets and their progress (one grouped query per distinct target period)."""
    tg = Target.__table__
    query = (select(tg.c.member_id, tg.c.metric, tg.c.period_from, tg.c.period_to, tg.c.value)
             .where(tg.c.team_id == team_id, tg.c.member_id.is_not(None), tg.c.metric.in_(METRICS),
                    tg.c.period_from <= start, tg.c.period_to >= end)
             .order_by(tg.c.member_id, tg.c.metric, (tg.c.period_to - tg.c.period_from)
                       if connection.dialect.name == "postgresql"
                       else func.julianday(tg.c.period_to) - func.julianday(tg.c.period_from)))
    if member_id is not None:
        query = query.where(tg.c.member_id == member_id)
    chosen: dict[tuple[int, str], Any] = {}
    for row in connection.execute(query):
        chosen.setdefault((row.member_id, row.metric), row)  # the narrowest comes first
    if not chosen:
        return
    progress: dict[tuple[date, date], dict[tuple[int, str], int]] = {}
    for row in chosen.values():
        span = (row.period_from, row.period_to)
        if span in progress:
            continue
        since, until = instants(span[0], span[1], facts.zone)
        counts: dict[tuple[int, str], int] = {}
        for r in _interactions(connection, team_id, since, until, member_id):
            counts[(r.member_id, r.channel)] = int(r.n)
        for mid, n in _new_customers(connection, team_id, since, until, member_id).items():
            counts[(mid, "new_customers")] = n
        for mid, (_new, _moved, won) in _deals(connection, team_id, since, until, member_id).items():
            counts[(mid, "deals_won")] = won
        progress[span] = counts
    for (mid, metric), row in sorted(chosen.items(), key=lambda kv: (kv[0][0], METRICS.index(kv[0][1]))):
        if mid not in members:
            continue
        key = CHANNEL_METRICS.get(metric, metric)
        actual = progress[(row.period_from, row.period_to)].get((mid, key), 0)
        members[mid]["targets"].append({
            "metric": metric, "target": int(row.value), "actual": actual,
            "pct": round(actual * 100 / row.value, 1) if row.value else None,
            "period": period_json(row.period_from, row.period_to)})
