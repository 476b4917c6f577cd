"""What forgetting a customer erases beyond its own rows: its people's names and words where other
rows mention them, chat states that point at it, inbox updates that mention it, pending nudges
about it, and the audit log's before/after values that hold any of these (storage/privacy.py)."""
from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import Text, cast, delete, func, or_, select, update
from sqlmodel import Session, SQLModel, col

from storage.erasure import ERASED, PERSONAL, chunks, erase_value, is_key, mentions, text_columns, walk
from storage.models import AuditLog, ChatState, Deal, FollowUp, Inbox, Interaction, Note, NudgeLedger, table_of

if TYPE_CHECKING:
    from storage.privacy import _Scope


NUDGE_OPEN = ("pending", "failed")


def scrub_mentions(session: Session, scope: _Scope) -> dict[str, int]:
    """Words about the customer written elsewhere (another customer's note, a colleague's interaction)."""
    counts: dict[str, int] = {}
    if not scope.variants:
        return counts
    terms, variants = scope.terms, scope.variants
    written: tuple[tuple[type[SQLModel], str], ...] = (
        (Note, "text"), (Interaction, "text"), (FollowUp, "what"), (Deal, "title"), (Deal, "lost_reason"))
    for holder, name in written:
        table = table_of(holder)
        column = table.c[name]
        rows = session.execute(select(table.c.id, column).where(table.c.team_id == scope.team_id,
                                                                mentions(column, variants))).all()
        fixed = 0
        for row_id, value in rows:
            if value and terms.found(value):
                session.execute(update(holder).where(table.c.id == row_id).values({name: terms.scrub(value)}))
                fixed += 1
        if fixed:
            counts[f"mentions_{table.name}_{name}"] = fixed
    for table in scope.extra.values():
        for column in text_columns(table):
            rows = session.execute(select(table.c.id, column).where(table.c.team_id == scope.team_id,
                                                                    mentions(column, variants))).all()
            for row_id, value in rows:
                if value and terms.found(value):
                    session.execute(update(table).where(table.c.id == row_id)
                                    .values({column.name: terms.scrub(value)}))
    return counts


def clear_chat_states(session: Session, scope: _Scope) -> int:
    """Chat states that point at the customer or remember a question about it; how many."""
    customer_id, contact_ids = scope.customer_id, scope.of("contact")
    states = session.execute(select(ChatState).where(col(ChatState.team_id) == scope.team_id)).scalars().all()
    cleared = 0
    for state in states:
        hit = False
        if state.customer_id == customer_id:
            state.customer_id, state.customer_at, hit = None, None, True
        if state.contact_id is not None and state.contact_id in contact_ids:
            state.contact_id, hit = None, True
        if state.listed and customer_id in state.listed:
            state.listed, hit = [c for c in state.listed if c != customer_id], True
        if state.pending:
            blob = json.dumps(state.pending, ensure_ascii=False)
            options = state.pending.get("options") if isinstance(state.pending, dict) else None
            if (scope.terms.found(blob) or (isinstance(options, list) and customer_id in options)
                    or (isinstance(state.pending, dict) and state.pending.get("message_id") in scope.message_ids)):
                state.pending, hit = None, True
        if hit:
            session.add(state)
            cleared += 1
    return cleared


def scrub_inbox(session: Session, scope: _Scope, now: datetime) -> int:
    """Inbox updates that mention the customer, or carried a note about it: their words go; how many."""
    terms, variants, message_ids = scope.terms, scope.variants, scope.message_ids
    inbox_where = [or_(col(Inbox.team_id) == scope.team_id, col(Inbox.team_id).is_(None))]
    conditions = [mentions(col(Inbox.payload), variants), mentions(col(Inbox.reply), variants)] if variants else []
    for batch in chunks(sorted(message_ids), 200):
        conditions.append(or_(*(func.lower(cast(col(Inbox.payload), Text)).contains(json.dumps(m)[1:-1].lower(),
                                                                                    autoescape=True)
                                for m in batch)))
    fixed = 0
    for condition in conditions:
        for row in session.execute(select(Inbox).where(*inbox_where, condition)).scalars().all():
            payload = row.payload or {}
            linked = isinstance(payload, dict) and payload.get("message_id") in message_ids
            new, changed = walk(payload, lambda s, linked=linked, payload=payload: ERASED
                                if (linked and s.strip() and s != ERASED and not is_key(s, payload))
                                or terms.found(s) else s)
            if row.reply is not None:  # the kept reply names the customer: it goes, unsent
                row.reply, row.answered_at, changed = None, row.answered_at or now, True
            if changed:
                row.payload = new
                if row.processed_at is None:
                    row.processed_at = now  # never applied: it would bring the customer back
                session.add(row)
                fixed += 1
    return fixed


def drop_nudges(session: Session, scope: _Scope) -> int:
    """Pending nudges about the customer, its contacts, deals and follow-ups; how many."""
    subjects = ([f"customer:{scope.customer_id}"] + [f"contact:{i}" for i in scope.of("contact")]
                + [f"deal:{i}" for i in scope.of("deal")] + [f"followup:{i}" for i in scope.of("followup")])
    dropped = 0
    for batch in chunks(subjects):
        deleted = session.execute(delete(NudgeLedger).where(
            col(NudgeLedger.team_id) == scope.team_id, col(NudgeLedger.status).in_(NUDGE_OPEN),
            col(NudgeLedger.subject).in_(batch)))
        dropped += deleted.rowcount or 0  # type: ignore[attr-defined]  # SQLAlchemy types it Result; a DELETE's is a CursorResult
    return dropped


def scrub_audit(session: Session, scope: _Scope) -> int:
    """The audit log: personal before/after values of the customer's rows, and mentions anywhere."""
    scrubbed = 0
    for name, ids in scope.ids.items():
        keys = PERSONAL.get(name) or (tuple(c.name for c in text_columns(scope.extra[name]))
                                      if name in scope.extra else ())
        if not keys:
            continue
        for batch in chunks(ids):
            entries = session.execute(select(AuditLog).where(col(AuditLog.team_id) == scope.team_id,
                                                             col(AuditLog.table_name) == name,
                                                             col(AuditLog.row_id).in_(batch))).scalars().all()
            scrubbed += sum(_erase_personal(session, entry, name, keys, scope.customer_id) for entry in entries)
    session.flush()
    if scope.variants:
        audit = table_of(AuditLog)
        for side in ("before", "after"):
            entries = session.execute(select(AuditLog).where(col(AuditLog.team_id) == scope.team_id,
                                                             mentions(audit.c[side], scope.variants))).scalars().all()
            for entry in entries:
                new, changed = walk(getattr(entry, side), scope.terms.scrub)
                if changed:
                    setattr(entry, side, new)
                    session.add(entry)
                    scrubbed += 1
    return scrubbed


def _erase_personal(session: Session, entry: AuditLog, name: str, keys: Sequence[str], customer_id: int) -> bool:
    """Erase the personal values (`keys`) an audit entry of table `name` holds; whether it changed."""
    changed = False
    for side in ("before", "after"):
        values = getattr(entry, side)
        if not isinstance(values, dict):
            continue
        new = dict(values)
        for key in keys:
            if key in new and new[key] is not None:
                erased = erase_value(name, key, new[key], customer_id)
                if erased != new[key]:
                    new[key], changed = erased, True
        if changed:
            setattr(entry, side, new)
    if changed:
        session.add(entry)
    return changed
