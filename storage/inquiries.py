"""Inquiries and complaints a customer raised: recorded from notes, open until resolved."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select

from storage import clock
from storage.models import Inquiry
from sqlmodel import Session, col

KINDS = ("inquiry", "complaint")


def record(session: Session, team_id: int, customer_id: int, kind: str, text: str, member_id: int | None = None,
           note_id: int | None = None, at: datetime | None = None) -> Inquiry:
    """Add an open inquiry or complaint (flushed, not committed: the caller's transaction decides)."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    row = Inquiry(team_id=team_id, number=next_number(session, team_id), customer_id=customer_id,
                  member_id=member_id, note_id=note_id,
                  kind=kind, text=" ".join(text.split())[:2000], opened_at=at or clock.now())
    session.add(row)
    session.flush()
    return row


def next_number(session: Session, team_id: int) -> int:
    """The number the team's next inquiry gets: one more than its highest (a team's first is #1; a
    number taken back by undo is given again). Two notes numbering at once in one team: the second
    breaks the unique index and its message is run again (`bot.pipeline`)."""
    session.flush()
    highest = session.execute(select(func.max(col(Inquiry.number))).where(col(Inquiry.team_id) == team_id)).scalar()
    return int(highest or 0) + 1


def numbered(session: Session, team_id: int, number: int) -> Inquiry | None:
    """The team's inquiry or complaint with that number ("complaint 3 resolved"); None when it has none."""
    return session.execute(select(Inquiry).where(col(Inquiry.team_id) == team_id, col(Inquiry.number) == number)
                           ).scalars().first()


def resolve(session: Session, team_id: int, number: int, member_id: int | None = None,
            at: datetime | None = None) -> Inquiry | None:
    """Mark the team's inquiry with that number resolved; None when the team has no such inquiry."""
    row = numbered(session, team_id, number)
    if row is None:
        return None
    if row.status != "resolved":
        row.status, row.resolved_at, row.resolved_by = "resolved", at or clock.now(), member_id
        session.add(row)
        session.flush()
    return row


def open_for_customer(session: Session, team_id: int, customer_id: int, limit: int = 5) -> list[Inquiry]:
    """A customer's unresolved inquiries and complaints, oldest first (for the customer card)."""
    return list(session.execute(select(Inquiry).where(col(Inquiry.team_id) == team_id,
                                                      col(Inquiry.customer_id) == customer_id,
                                                      col(Inquiry.status) == "open")
                                .order_by(col(Inquiry.opened_at), col(Inquiry.id)).limit(limit)).scalars())
