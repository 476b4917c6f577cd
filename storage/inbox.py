"""The inbox: every update is stored, keyed by its platform id, before the platform is told it arrived.

A redelivered update is recognised by its key; one that was stored but not yet
processed (the process died after acknowledging) is processed on restart.
"""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, delete, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection
from sqlmodel import Session, col

from storage import clock
from storage.models import Inbox, table_of

# Every message runs these: built once, executed on the connection (no ORM bookkeeping).
_T = table_of(Inbox)
_KEY = (_T.c.platform == bindparam("b_platform")) & (_T.c.update_key == bindparam("b_key"))
_INSERT = {name: (dialect.insert(_T).on_conflict_do_nothing(index_elements=["platform", "update_key"])
                  .returning(_T.c.id)) for name, dialect in (("postgresql", postgresql), ("sqlite", sqlite))}
_SETTLE = (update(_T).where(_KEY, _T.c.processed_at.is_(None))
           .values(processed_at=bindparam("now"), team_id=bindparam("team"), reply=bindparam("reply")))
_ANSWERED = update(_T).where(_KEY, _T.c.answered_at.is_(None)).values(answered_at=bindparam("now"))


def _connection(db: Session | Connection) -> Connection:
    return db.connection() if isinstance(db, Session) else db


def _insert(session: Session | Connection, values: dict[str, Any]) -> bool:
    """INSERT … ON CONFLICT DO NOTHING (SQLite and PostgreSQL); True when the row is new."""
    connection = _connection(session)
    statement = _INSERT.get(connection.dialect.name, _INSERT["sqlite"])
    return connection.execute(statement, values).first() is not None


def accept(session: Session | Connection, platform: str, key: str, payload: dict[str, Any]) -> bool:
    """Store an update as received; False when its key was seen before."""
    return _insert(session, {"platform": platform, "update_key": key[:200], "payload": payload,
                             "received_at": clock.now()})


def claim(session: Session, platform: str, key: str, team_id: int | None) -> bool:
    """Mark the update processed in the caller's transaction; False when it already was.

    The mark commits with the records the update makes, so an update is applied
    exactly once even when two processes receive it.
    """
    now = clock.now()
    if _insert(session, {"team_id": team_id, "platform": platform, "update_key": key[:200], "payload": {},
                         "received_at": now, "processed_at": now}):
        return True
    claim = (update(Inbox).where(col(Inbox.platform) == platform, col(Inbox.update_key) == key[:200],
                                 col(Inbox.processed_at).is_(None))
             .values(processed_at=now, team_id=team_id))
    claimed = session.execute(claim).rowcount  # type: ignore[attr-defined]  # SQLAlchemy types it Result; an UPDATE's is a CursorResult
    return bool(claimed)


def unprocessed(session: Session, limit: int = 500, before: datetime | None = None) -> list[Inbox]:
    """Updates stored but never processed, oldest first; `before`: only those received by then."""
    query = select(Inbox).where(col(Inbox.processed_at).is_(None))
    if before is not None:
        query = query.where(col(Inbox.received_at) <= before)
    return list(session.execute(query.order_by(col(Inbox.id)).limit(limit)).scalars())


def discard(session: Session, platform: str, key: str) -> None:
    """Forget a stored update that will never be processed (a stranger's message)."""
    session.execute(delete(Inbox).where(col(Inbox.platform) == platform, col(Inbox.update_key) == key[:200]))


def record_reply(session: Session, platform: str, key: str, reply: dict[str, Any], payload: dict[str, Any]) -> None:
    """Keep the reply with the processed update, in the same transaction as what it confirms."""
    session.execute(update(Inbox).where(col(Inbox.platform) == platform, col(Inbox.update_key) == key[:200])
                    .values(reply=reply, payload=payload))


def settle(session: Session, platform: str, key: str, team_id: int | None, reply: dict[str, Any] | None) -> bool:
    """Claim an update stored earlier (its payload is there already) and keep its reply, in one
    statement of the caller's transaction; False when another worker processed it first (the
    caller then rolls back)."""
    session.flush()  # the note's own rows first, as a commit would
    done = _connection(session).execute(_SETTLE, {"b_platform": platform, "b_key": key[:200], "now": clock.now(),
                                                  "team": team_id, "reply": reply})
    return bool(done.rowcount)


def mark_answered(session: Session | Connection, platform: str, key: str) -> None:
    """The platform has the reply: nothing to resend after a restart."""
    _connection(session).execute(_ANSWERED, {"b_platform": platform, "b_key": key[:200], "now": clock.now()})


def unanswered(session: Session, limit: int = 500) -> list[Inbox]:
    """Updates applied whose reply never reached the platform (the process died in between)."""
    return list(session.execute(select(Inbox).where(col(Inbox.processed_at).is_not(None),
                                                    col(Inbox.answered_at).is_(None),
                                                    col(Inbox.reply).is_not(None))
                                .order_by(col(Inbox.id)).limit(limit)).scalars())


def tombstone(session: Session, platform: str, key: str, team_id: int | None) -> None:
    """Mark an update processed without applying it, its words gone (an erased queued update): a
    drain or replay that still holds it then leaves it, in the caller's transaction."""
    now = clock.now()
    if _insert(session, {"team_id": team_id, "platform": platform, "update_key": key[:200], "payload": {},
                         "received_at": now, "processed_at": now, "answered_at": now}):
        return
    session.execute(update(Inbox).where(col(Inbox.platform) == platform, col(Inbox.update_key) == key[:200])
                    .values(payload={}, reply=None, processed_at=func.coalesce(Inbox.processed_at, now),
                            answered_at=func.coalesce(Inbox.answered_at, now)))
