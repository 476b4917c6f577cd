"""The right to be forgotten: a customer's people erased from the store.

`forget` erases what identifies people at a customer, in one transaction:
contacts' names, phones, e-mails, roles and birthdays; interactions' and
notes' words; follow-ups' words (open ones are closed, so nothing reminds of
them); aliases; the customer's name (it becomes "[erased customer #id]");
chat states that point at it; inbox updates that mention it; pending nudges
about it; and the audit log's before/after values that hold any of these.
Deals stay, anonymised (amounts, currencies, stages, dates, owners), so
reports still add up. An audit row with action "forget" records that it
happened (counts only, no names). What it erases beyond the customer's own rows is
`storage.forget_traces`; what erasing means word by word lives in `storage.erasure`; reading a
customer's history back, in `storage.audit`.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Table, select, update
from sqlmodel import Session, col

from storage import clock
from storage.audit import customer_tables
from storage.customers import customers_named, name_key
from storage.erasure import ERASED, Terms, chunks, erased_name, terms_for, text_columns
from storage.forget_traces import clear_chat_states, drop_nudges, scrub_audit, scrub_inbox, scrub_mentions
from storage.models import (AuditLog, Contact, Customer, CustomerAlias, Deal, FollowUp, Interaction, Note,
                            StageChange, table_of)


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
    counts.update(scrub_mentions(session, scope))
    counts["chat_states"] = clear_chat_states(session, scope)
    counts["inbox"] = scrub_inbox(session, scope, now)
    counts["nudges"] = drop_nudges(session, scope)
    counts["audit_entries"] = scrub_audit(session, scope)
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
