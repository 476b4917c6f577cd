"""The inbox: every update is stored, keyed by its platform id, before the platform is told it arrived.

A redelivered update is recognised by its key; one that was stored but not yet
processed (the process died after acknowledging) is processed on restart.
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from storage.models import Inbox, utcnow


def accept(session: Session, platform: str, key: str, payload: dict[str, Any]) -> bool:
    """Store an update as received; False when its key was seen before."""
    try:
        with session.begin_nested():
            session.add(Inbox(platform=platform, update_key=key[:200], payload=payload, received_at=utcnow()))
            session.flush()
    except IntegrityError:
        return False
    return True


def claim(session: Session, platform: str, key: str, team_id: int | None) -> bool:
    """Mark the update processed in the caller's transaction; False when it already was.

    The mark commits with the records the update makes, so an update is applied
    exactly once even when two processes receive it.
    """
    now = utcnow()
    claimed = session.execute(update(Inbox).where(Inbox.platform == platform, Inbox.update_key == key[:200],
                                                  Inbox.processed_at.is_(None))  # type: ignore[union-attr]
                              .values(processed_at=now, team_id=team_id)).rowcount
    if claimed:
        return True
    if session.execute(select(Inbox.id).where(Inbox.platform == platform,
                                              Inbox.update_key == key[:200])).first() is not None:
        return False
    try:
        with session.begin_nested():
            session.add(Inbox(team_id=team_id, platform=platform, update_key=key[:200], payload={},
                              received_at=now, processed_at=now))
            session.flush()
    except IntegrityError:
        return False
    return True


def unprocessed(session: Session, limit: int = 500) -> list[Inbox]:
    """Updates stored but never processed, oldest first."""
    return list(session.execute(select(Inbox).where(Inbox.processed_at.is_(None))  # type: ignore[union-attr]
                                .order_by(Inbox.id).limit(limit)).scalars())


def discard(session: Session, platform: str, key: str) -> None:
    """Forget a stored update that will never be processed (a stranger's message)."""
    session.execute(delete(Inbox).where(Inbox.platform == platform, Inbox.update_key == key[:200]))
