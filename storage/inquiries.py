"""Inquiries and complaints a customer raised: recorded from notes, open until resolved."""
from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select

from storage import clock
from storage.models import Customer, Inquiry, Member

KINDS = ("inquiry", "complaint")


def record(session, team_id: int, customer_id: int, kind: str, text: str, member_id: int | None = None,
           note_id: int | None = None, at: datetime | None = None) -> Inquiry:
    """Add an open inquiry or complaint (flushed, not committed: the caller's transaction decides)."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    row = Inquiry(team_id=team_id, customer_id=customer_id, member_id=member_id, note_id=note_id,
                  kind=kind, text=" ".join(text.split())[:2000], opened_at=at or clock.now())
    session.add(row)
    session.flush()
    return row


def resolve(session, team_id: int, inquiry_id: int, member_id: int | None = None,
            at: datetime | None = None) -> Inquiry | None:
    """Mark one of the team's inquiries resolved; None when the team has no such inquiry."""
    row = session.execute(select(Inquiry).where(Inquiry.team_id == team_id, Inquiry.id == inquiry_id)
                          ).scalars().first()
    if row is None:
        return None
    if row.status != "resolved":
        row.status, row.resolved_at, row.resolved_by = "resolved", at or clock.now(), member_id
        session.add(row)
        session.flush()
    return row


def open_for_customer(session, team_id: int, customer_id: int, limit: int = 5) -> list[Inquiry]:
    """A customer's unresolved inquiries and complaints, oldest first (for the customer card)."""
    return list(session.execute(select(Inquiry).where(Inquiry.team_id == team_id,
                                                      Inquiry.customer_id == customer_id,
                                                      Inquiry.status == "open")
                                .order_by(Inquiry.opened_at, Inquiry.id).limit(limit)).scalars())


def inquiries_report(session, team_id: int, since: datetime | None = None, until: datetime | None = None,
                     member_id: int | None = None, include_resolved: bool = False,
                     limit: int = 30) -> dict[str, Any]:
    """Counts per kind and status (SQL), and the open ones (or all, with `include_resolved`)
    opened in [since, until), oldest first, with customer and who logged them."""
    session.flush()
    connection = session.connection()
    iq, cu, me = Inquiry.__table__, Customer.__table__, Member.__table__
    where = [iq.c.team_id == team_id]
    if since is not None:
        where.append(iq.c.opened_at >= since)
    if until is not None:
        where.append(iq.c.opened_at < until)
    if member_id is not None:
        where.append(iq.c.member_id == member_id)
    counts = {(k, s): int(n) for k, s, n in connection.execute(
        select(iq.c.kind, iq.c.status, func.count()).where(*where).group_by(iq.c.kind, iq.c.status))}
    listed = list(where) if include_resolved else where + [iq.c.status == "open"]
    rows = connection.execute(
        select(iq.c.id, iq.c.kind, iq.c.status, iq.c.text, iq.c.opened_at, iq.c.resolved_at,
               cu.c.name.label("customer"), me.c.name.label("member"))
        .join(cu, cu.c.id == iq.c.customer_id).outerjoin(me, me.c.id == iq.c.member_id)
        .where(*listed).order_by(iq.c.opened_at, iq.c.id).limit(limit)).all()
    return {
        "counts": {kind: {"open": counts.get((kind, "open"), 0), "resolved": counts.get((kind, "resolved"), 0)}
                   for kind in KINDS},
        "open": sum(n for (k, s), n in counts.items() if s == "open"),
        "items": [{"id": r.id, "kind": r.kind, "status": r.status, "text": r.text, "customer": r.customer,
                   "member": r.member, "opened_at": _iso(r.opened_at), "resolved_at": _iso(r.resolved_at)}
                  for r in rows],
    }


def _iso(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return str(value)
