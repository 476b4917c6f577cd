"""Counts per member in a period, one grouped query each: interactions per channel, customers
created, deals put in the funnel / moved on / won, follow-ups done and overdue."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import and_, case, func, select
from sqlalchemy.engine import Connection

from storage.reports.tables import CUSTOMER, FOLLOWUP, INTERACTION, STAGE_CHANGE
from storage.vocabulary import Channel, Stage


def interactions(connection: Connection, team_id: int, since: datetime, until: datetime,
                 member_id: int | None) -> list[tuple[int, str, int]]:
    """(member, channel, count) of interactions in [since, until)."""
    it = INTERACTION
    query = (select(it.c.member_id, it.c.channel, func.count().label("n"))
             .where(it.c.team_id == team_id, it.c.at >= since, it.c.at < until, it.c.member_id.is_not(None))
             .group_by(it.c.member_id, it.c.channel))
    if member_id is not None:
        query = query.where(it.c.member_id == member_id)
    return [(row.member_id, row.channel or Channel.NOTE, int(row.n)) for row in connection.execute(query)]


def new_customers(connection: Connection, team_id: int, since: datetime, until: datetime,
                  member_id: int | None) -> dict[int, int]:
    """Customers each member created in [since, until)."""
    cu = CUSTOMER
    query = (select(cu.c.created_by.label("member_id"), func.count().label("n"))
             .where(cu.c.team_id == team_id, cu.c.created_at >= since, cu.c.created_at < until,
                    cu.c.created_by.is_not(None))
             .group_by(cu.c.created_by))
    if member_id is not None:
        query = query.where(cu.c.created_by == member_id)
    return {row.member_id: int(row.n) for row in connection.execute(query)}


def deals_moved(connection: Connection, team_id: int, since: datetime, until: datetime,
                member_id: int | None) -> dict[int, tuple[int, int, int]]:
    """Per member: distinct deals put in the funnel, moved on, and marked won in [since, until)."""
    sc = STAGE_CHANGE
    query = (select(sc.c.member_id,
                    func.count(func.distinct(case((sc.c.from_stage.is_(None), sc.c.deal_id)))).label("new"),
                    func.count(func.distinct(case((sc.c.from_stage.is_not(None), sc.c.deal_id)))).label("moved"),
                    func.count(func.distinct(case((sc.c.to_stage == Stage.WON, sc.c.deal_id)))).label("won"))
             .where(sc.c.team_id == team_id, sc.c.at >= since, sc.c.at < until, sc.c.member_id.is_not(None))
             .group_by(sc.c.member_id))
    if member_id is not None:
        query = query.where(sc.c.member_id == member_id)
    return {row.member_id: (int(row.new), int(row.moved), int(row.won)) for row in connection.execute(query)}


def followups(connection: Connection, team_id: int, since: datetime, until: datetime, today: date,
               member_id: int | None) -> dict[int, tuple[int, int]]:
    """Per member: follow-ups done in [since, until), and open ones due before `today`."""
    fu = FOLLOWUP
    done = and_(fu.c.done_at >= since, fu.c.done_at < until)
    overdue = and_(fu.c.done_at.is_(None), fu.c.due < today)
    query = (select(fu.c.member_id, func.sum(case((done, 1), else_=0)).label("done"),
                    func.sum(case((overdue, 1), else_=0)).label("overdue"))
             .where(fu.c.team_id == team_id, overdue | done)
             .group_by(fu.c.member_id))
    if member_id is not None:
        query = query.where(fu.c.member_id == member_id)
    return {row.member_id: (int(row.done or 0), int(row.overdue or 0)) for row in connection.execute(query)}
