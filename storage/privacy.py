"""The right to be forgotten: a customer's people erased from the store.

`forget` erases what identifies people at a customer, in one transaction:
contacts' names, phones, e-mails, roles and birthdays; interactions' and
notes' words; follow-ups' words (open ones are closed, so nothing reminds of
them); aliases; the customer's name (it becomes "[erased customer #id]");
chat states that point at it; inbox updates that mention it; pending nudges
about it; and the audit log's before/after values that hold any of these.
Deals stay, anonymised (amounts, currencies, stages, dates, owners), so
reports still add up. An audit row with action "forget" records that it
happened (counts only, no names). What erasing means word by word lives in
`storage.erasure`; reading a customer's history back, in `storage.audit`.
"""
from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Table, Text, cast, delete, func, or_, select, update
from sqlmodel import Session, SQLModel, col

from storage import clock
from storage.audit import customer_tables
from storage.customers import customers_named, name_key
from storage.erasure import (ERASED, PERSONAL, Terms, chunks, erase_value, erased_name, is_key, mentions,
                             terms_for, text_columns, walk)
from storage.models import (AuditLog, ChatState, Contact, Customer, CustomerAlias, Deal, FollowUp, Inbox,
                            Interaction, Note, NudgeLedger, StageChange, table_of)

NUDGE_OPEN = ("pending", "failed")


class ForgetError(ValueError):
    """The customer cannot be forgotten as asked (unknown, ambiguous)."""


def find_customer(session: Session, team_id: int, name: str) -> Customer:
    """The team's customer called `name`, or the one whose id is given as `#ID`; ForgetError when none
    or several match. A name made of digits ("2", "1999") is a name: an id is only ever `#2`."""
    match = re.fullmatch(r"\s*#(\d+)\s*", name)
    if match:
        customer = session.get(Customer, int(match.group(1)))
        if customer is not None and customer.team_id == team_id:
            return customer
        raise ForgetError(f"no customer #{match.group(1)} in this team")
    found = customers_named(session, team_id, name)
    if not found:
        raise ForgetError(f"no customer called {name!r} in this team")
    if len(found) > 1:
        options = ", ".join(f"#{c.id} {c.name}" for c in found)
        raise ForgetError(f"{name!r} matches several customers ({options}); give one as #ID")
    return found[0]


def customer_terms(session: Session, team_id: int, customer_id: int) -> Terms:
    """The words that identify the customer's people (its names, aliases, contacts' names, phones,
    e-mails): what `forget` erases, and how to recognise a queued update about them. Read before
    `forget`, which erases them."""
    customer = session.get(Customer, customer_id)
    if customer is None or customer.team_id != team_id:
        raise ForgetError(f"no customer #{customer_id} in this team")
    contacts = session.execute(select(Contact).where(col(Contact.team_id) == team_id,
                                                     col(Contact.customer_id) == customer_id)).scalars().all()
    aliases = session.execute(select(col(CustomerAlias.alias))
                              .where(col(CustomerAlias.team_id) == team_id,
                                     col(CustomerAlias.customer_id) == customer_id)).scalars()
    return terms_for([customer.name, *aliases], contacts)


def forget(session: Session, team_id: int, customer_id: int, member_id: int | None = None) -> dict[str, int]:
    """Erase the customer's personal data (see the module's doc) in the caller's transaction.

    Returns how many rows of each kind were touched. The caller commits.
    """
    customer = session.get(Customer, customer_id)
    if customer is None or customer.team_id != team_id:
        raise ForgetError(f"no customer #{customer_id} in this team")
    now = clock.now()
    scope = _scope(session, team_id, customer)
    counts = _erase_own_rows(session, scope, customer, now)
    counts.update(_scrub_mentions(session, scope))
    counts["chat_states"] = _clear_chat_states(session, scope)
    counts["inbox"] = _scrub_inbox(session, scope, now)
    counts["nudges"] = _drop_nudges(session, scope)
    counts["audit_entries"] = _scrub_audit(session, scope)
    session.add(AuditLog(team_id=team_id, member_id=member_id, note_id=None, action="forget",
                         table_name="customer", row_id=customer_id, before=None,
                         after={"customer": customer.name, **counts}, at=now))
    session.flush()
    return counts


@dataclass
class _Scope:
    """What forgetting one customer reaches, gathered before anything is erased."""

    team_id: int
    customer_id: int
    contacts: Sequence[Contact]
    aliases: Sequence[CustomerAlias]
    terms: Terms                            # the names and words that identify the customer's people
    variants: list[str]                     # those terms as LIKE patterns, for the SQL that finds mentions
    ids: dict[str, list[int]]               # table name → the customer's rows there (its notes included)
    extra: dict[str, Table]                 # tables beyond the core ones that hold customer rows
    message_ids: set[str] = field(default_factory=set)   # the platform messages behind those notes

    def of(self, name: str) -> list[int]:
        return self.ids.get(name, [])


def _scope(session: Session, team_id: int, customer: Customer) -> _Scope:
    """The customer's rows in every table, the notes written about it and the words that name it."""
    customer_id = customer.id
    assert customer_id is not None  # a stored customer

    def ids_of(model: Any, *where: Any) -> list[int]:
        return list(session.execute(select(model.id).where(model.team_id == team_id, *where)).scalars())

    contacts = session.execute(select(Contact).where(col(Contact.team_id) == team_id,
                                                     col(Contact.customer_id) == customer_id)).scalars().all()
    aliases = session.execute(select(CustomerAlias).where(
        col(CustomerAlias.team_id) == team_id, col(CustomerAlias.customer_id) == customer_id)).scalars().all()
    terms = terms_for([customer.name, *(a.alias for a in aliases)], contacts)
    deal_ids = ids_of(Deal, col(Deal.customer_id) == customer_id)
    extra = {t.name: t for t in customer_tables(session)}
    ids: dict[str, list[int]] = {
        "customer": [customer_id], "customeralias": [a.id for a in aliases if a.id is not None],
        "contact": [c.id for c in contacts if c.id is not None], "deal": deal_ids,
        "interaction": ids_of(Interaction, col(Interaction.customer_id) == customer_id),
        "followup": ids_of(FollowUp, col(FollowUp.customer_id) == customer_id),
        **{name: list(session.execute(select(t.c.id).where(t.c.customer_id == customer_id)).scalars())
           for name, t in extra.items()}}
    scope = _Scope(team_id, customer_id, contacts, aliases, terms, terms.like_variants(), ids, extra)
    notes = sorted(_notes_about(session, scope, ids_of(Note, col(Note.customer_id) == customer_id)))
    for batch in chunks(notes):
        scope.message_ids.update(m for m in session.execute(select(col(Note.message_id))
                                                            .where(col(Note.id).in_(batch))).scalars() if m)
    ids["note"] = notes
    ids["stagechange"] = ids_of(StageChange, col(StageChange.deal_id).in_(deal_ids)) if deal_ids else []
    return scope


def _notes_about(session: Session, scope: _Scope, linked: list[int]) -> set[int]:
    """Notes written about the customer: by their own link, and through the rows they wrote."""
    note_ids: set[int] = set(linked)
    sources: list[tuple[Table, list[int]]] = [(table_of(Interaction), scope.of("interaction")),
                                              (table_of(FollowUp), scope.of("followup"))]
    sources += [(table, scope.of(name)) for name, table in scope.extra.items() if "note_id" in table.c]
    for table, ids in sources:
        for batch in chunks(ids):
            note_ids.update(n for n in session.execute(select(table.c.note_id).where(table.c.id.in_(batch)))
                            .scalars() if n is not None)
    for name, ids in scope.ids.items():
        for batch in chunks(ids):
            note_ids.update(n for n in session.execute(
                select(col(AuditLog.note_id)).where(col(AuditLog.team_id) == scope.team_id,
                                                    col(AuditLog.table_name) == name,
                                                    col(AuditLog.row_id).in_(batch))).scalars()
                if n is not None)
    return note_ids


def _erase_own_rows(session: Session, scope: _Scope, customer: Customer, now: datetime) -> dict[str, int]:
    """The customer's own rows: people erased, words gone, open follow-ups closed, deals anonymised."""
    counts: dict[str, int] = {}
    for contact in scope.contacts:
        contact.name, contact.role, contact.phone, contact.email = ERASED, None, None, None
        contact.birth_month = contact.birth_day = None
        session.add(contact)
    counts["contacts"] = len(scope.contacts)
    for alias in scope.aliases:
        session.delete(alias)
    counts["aliases"] = len(scope.aliases)
    for batch in chunks(scope.of("interaction")):
        session.execute(update(Interaction).where(col(Interaction.id).in_(batch)).values(text=ERASED))
    counts["interactions"] = len(scope.of("interaction"))
    for batch in chunks(scope.of("followup")):
        session.execute(update(FollowUp).where(col(FollowUp.id).in_(batch)).values(what=ERASED))
        session.execute(update(FollowUp).where(col(FollowUp.id).in_(batch), col(FollowUp.done_at).is_(None))
                        .values(done_at=now))
    counts["followups"] = len(scope.of("followup"))
    for batch in chunks(scope.of("note")):
        session.execute(update(Note).where(col(Note.id).in_(batch)).values(text=ERASED))
    counts["notes"] = len(scope.of("note"))
    deal_ids = scope.of("deal")
    for deal in session.execute(select(Deal).where(col(Deal.id).in_(deal_ids))).scalars() if deal_ids else []:
        deal.title = None
        deal.lost_reason = scope.terms.scrub(deal.lost_reason) if deal.lost_reason else None
        session.add(deal)
    counts["deals_kept"] = len(deal_ids)
    for name, table in scope.extra.items():
        columns = {c.name: (None if c.nullable else ERASED) for c in text_columns(table)}
        if columns:
            for batch in chunks(scope.of(name)):
                session.execute(update(table).where(table.c.id.in_(batch)).values(**columns))
        counts[name] = len(scope.of(name))
    customer.name = erased_name(scope.customer_id)
    customer.name_key = name_key(customer.name)
    customer.custom = {}
    session.add(customer)
    session.flush()
    return counts


def _scrub_mentions(session: Session, scope: _Scope) -> dict[str, int]:
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


def _clear_chat_states(session: Session, scope: _Scope) -> int:
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


def _scrub_inbox(session: Session, scope: _Scope, now: datetime) -> int:
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


def _drop_nudges(session: Session, scope: _Scope) -> int:
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


def _scrub_audit(session: Session, scope: _Scope) -> int:
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
