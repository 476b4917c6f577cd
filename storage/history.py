"""A customer's history: every interaction (visit, call, meeting, e-mail, message, note) and every move
of its deals between stages, with who did it, newest first, in one SQL query (UNION ALL, ORDER BY,
LIMIT); how many there are in all is counted beside, so a long history says how much is not shown."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import String, cast, func, literal, null, select, union_all

from storage.reports.common import aware
from storage.reports.tables import DEAL, INTERACTION, MEMBER, STAGE_CHANGE

LIMIT = 30


@dataclass(frozen=True)
class Event:
    """One entry: an interaction (`channel`, `text`) or a deal's move (`from_stage` → `to_stage`; the
    store keeps no amount per move); `member`: who, when known."""

    at: datetime
    member: str | None
    channel: str | None = None
    text: str = ""
    from_stage: str | None = None
    to_stage: str | None = None

    @property
    def is_move(self) -> bool:
        return self.to_stage is not None


@dataclass(frozen=True)
class History:
    """The latest `events` (at most the limit asked), newest first, and how many there are in all."""

    events: tuple[Event, ...]
    total: int


def customer_history(session: Any, team_id: int, customer_id: int, limit: int = LIMIT) -> History:
    """The customer's interactions and deal moves, newest first (see the module)."""
    session.flush()
    text = String()
    said = (select(INTERACTION.c.at.label("at"), MEMBER.c.name.label("member"),
                   INTERACTION.c.channel.label("channel"), INTERACTION.c.text.label("text"),
                   cast(null(), String(16)).label("from_stage"), cast(null(), String(16)).label("to_stage"),
                   INTERACTION.c.id.label("id"), literal(0).label("kind"))
            .outerjoin(MEMBER, MEMBER.c.id == INTERACTION.c.member_id)
            .where(INTERACTION.c.team_id == team_id, INTERACTION.c.customer_id == customer_id))
    moved = (select(STAGE_CHANGE.c.at.label("at"), MEMBER.c.name.label("member"),
                    cast(null(), String(16)).label("channel"), cast(literal(""), text).label("text"),
                    STAGE_CHANGE.c.from_stage, STAGE_CHANGE.c.to_stage,
                    STAGE_CHANGE.c.id.label("id"), literal(1).label("kind"))
             .join(DEAL, DEAL.c.id == STAGE_CHANGE.c.deal_id)
             .outerjoin(MEMBER, MEMBER.c.id == STAGE_CHANGE.c.member_id)
             .where(STAGE_CHANGE.c.team_id == team_id, DEAL.c.team_id == team_id, DEAL.c.customer_id == customer_id))
    both = union_all(said, moved).subquery()
    connection = session.connection()
    rows = connection.execute(select(both).order_by(both.c.at.desc(), both.c.kind.desc(), both.c.id.desc())
                              .limit(limit)).all()
    total = connection.execute(select(func.count()).select_from(both)).scalar_one()
    return History(tuple(Event(aware(r.at), r.member, r.channel, r.text or "", r.from_stage, r.to_stage)
                         for r in rows), int(total or 0))
