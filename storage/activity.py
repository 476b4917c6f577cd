"""Team activity in a period: interactions per member and channel, counted in SQL."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlmodel import Session

from storage.models import Interaction, Member


def activity(session: Session, team_id: int, start: datetime, end: datetime,
             member_id: int | None = None) -> list[tuple[str, str, int]]:
    """(member name, channel, count) for interactions with `start <= at < end`, busiest first."""
    count = func.count(Interaction.id)
    query = (select(Member.name, Interaction.channel, count)
             .join(Member, Member.id == Interaction.member_id)
             .where(Interaction.team_id == team_id, Interaction.at >= start, Interaction.at < end)
             .group_by(Member.id, Member.name, Interaction.channel)
             .order_by(Member.name, count.desc()))
    if member_id is not None:
        query = query.where(Interaction.member_id == member_id)
    return [(name, channel, int(n)) for name, channel, n in session.execute(query).all()]
