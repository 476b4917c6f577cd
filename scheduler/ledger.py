"""The nudge ledger: a row per (kind, subject, local day, member), written before sending, marked after.

Claiming is an INSERT ... ON CONFLICT DO NOTHING: the process whose insert
returns the id sends; anyone else (a second ticker, the next tick, a restart)
finds the key taken and skips. So a nudge is sent at most once. States:

- `pending`: claimed, being sent. The tick claims a message's rows just before
  handing it to the platform, so a crash leaves pending only the message that
  was in flight, whose fate is unknown: it is never sent again (at most once
  beats at least once for a reminder). Nudges not yet claimed go at the next tick.
- `sent`: delivered; `sent_at` and `attempts` say when and after how many tries.
- `failed`: every try of a tick failed; `error` says why. Later ticks of the
  same day take it back (a conditional UPDATE, so only one does) until
  `MAX_ATTEMPTS` tries in all.
- `blocked`: the member blocked the bot (HTTP 403); never tried again.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Iterable, Sequence

from sqlalchemy import and_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session

from scheduler.nudge import Nudge
from storage.models import Identity, NudgeLedger, table_of

MAX_ATTEMPTS = 9
ERROR_CHARS = 500
FEW = 100  # up to this many nudges, `claim` looks up only their own keys
Key = tuple[str, str, date, int]


@dataclass
class Claim:
    """A ledger row this process holds, with the nudge it stands for."""

    id: int
    nudge: Nudge
    attempts: int = 0


def _insert(session: Session) -> Any:  # SQLite's or PostgreSQL's INSERT, each with its ON CONFLICT
    dialect = session.get_bind().dialect.name
    return (pg_insert if dialect == "postgresql" else sqlite_insert)(table_of(NudgeLedger))


def existing(session: Session, team_id: int, days: Iterable[date],
             nudges: Sequence[Nudge] | None = None) -> dict[Key, tuple[int, str, int]]:
    """The team's ledger rows of these local days: key → (id, status, attempts). One indexed query.

    With `nudges` (a message's few), only their keys are looked up, on the unique key's index.
    """
    table = table_of(NudgeLedger)
    query = (select(table.c.kind, table.c.subject, table.c.local_day, table.c.member_id,
                    table.c.id, table.c.status, table.c.attempts)
             .where(table.c.team_id == team_id, table.c.local_day.in_(sorted(set(days)))))
    if nudges is not None:
        query = query.where(table.c.kind.in_(sorted({n.kind for n in nudges})),
                            table.c.subject.in_(sorted({n.subject for n in nudges})),
                            table.c.member_id.in_(sorted({n.member_id for n in nudges})))
    rows = session.execute(query).all()
    return {(k, s, d, m): (i, st, a) for k, s, d, m, i, st, a in rows}


def unsettled(session: Session, team_id: int, nudges: Sequence[Nudge],
              max_attempts: int = MAX_ATTEMPTS) -> list[Nudge]:
    """The nudges nobody has claimed yet, or whose earlier tries failed and may be tried again."""
    if not nudges:
        return []
    known = existing(session, team_id, (n.local_day for n in nudges))
    out = []
    for nudge in nudges:
        row = known.get(nudge.key)
        if row is None or (row[1] == "failed" and row[2] < max_attempts):
            out.append(nudge)
    return out


def claim(session: Session, team_id: int, nudges: Sequence[Nudge], now: datetime,
          max_attempts: int = MAX_ATTEMPTS) -> list[Claim]:
    """Take the ledger keys of `nudges` that nobody holds (or a retriable failure); commit; return ours.

    A key another process inserted first is skipped (the unique constraint
    decides, on SQLite and PostgreSQL alike).
    """
    if not nudges:
        return []
    table = table_of(NudgeLedger)
    few = nudges if len(nudges) <= FEW else None
    known = existing(session, team_id, (n.local_day for n in nudges), few)
    session.commit()  # end the read: on SQLite (WAL) a read that turns into a write cannot wait for a writer
    claims: list[Claim] = []
    seen: set[Key] = set()
    for nudge in nudges:
        key = nudge.key
        if key in seen:
            continue
        seen.add(key)
        row = known.get(key)
        if row is None:
            stmt = (_insert(session).values(team_id=team_id, member_id=nudge.member_id, kind=nudge.kind,
                                             subject=nudge.subject, local_day=nudge.local_day, status="pending",
                                             attempts=0, created_at=now)
                    .on_conflict_do_nothing(index_elements=["kind", "subject", "local_day", "member_id"])
                    .returning(table.c.id))
            new_id = session.execute(stmt).scalar()
            if new_id is not None:
                claims.append(Claim(int(new_id), nudge, 0))
            continue
        row_id, status, attempts = row
        if status == "failed" and attempts < max_attempts:
            taken = session.execute(update(table).where(table.c.id == row_id, table.c.status == "failed",
                                                        table.c.attempts == attempts)
                                    .values(status="pending"))
            if taken.rowcount == 1:  # type: ignore[attr-defined]  # SQLAlchemy types it Result; an UPDATE's is a CursorResult
                claims.append(Claim(row_id, nudge, attempts))
    session.commit()
    return claims


def mark_sent(session: Session, ids: Sequence[int], attempts: int, now: datetime) -> None:
    """The message carrying these rows went out."""
    table = table_of(NudgeLedger)
    session.execute(update(table).where(table.c.id.in_(list(ids)))
                    .values(status="sent", sent_at=now, attempts=table.c.attempts + attempts, error=None))
    session.commit()


def mark_failed(session: Session, ids: Sequence[int], attempts: int, error: str) -> None:
    """Every try failed: record how many and why (a later tick may try again)."""
    table = table_of(NudgeLedger)
    session.execute(update(table).where(table.c.id.in_(list(ids)))
                    .values(status="failed", attempts=table.c.attempts + attempts, error=error[:ERROR_CHARS]))
    session.commit()


def mark_blocked(session: Session, ids: Sequence[int], attempts: int, error: str,
                 identity_id: int | None) -> None:
    """The member blocked the bot: the rows stop here and the account is marked unreachable."""
    table = table_of(NudgeLedger)
    session.execute(update(table).where(table.c.id.in_(list(ids)))
                    .values(status="blocked", attempts=table.c.attempts + attempts, error=error[:ERROR_CHARS]))
    if identity_id is not None:
        ident = table_of(Identity)
        session.execute(update(ident).where(and_(ident.c.id == identity_id)).values(reachable=False))
    session.commit()
