"""A customer's history (the audit trail) and the right to be forgotten.

`history` reads, in SQL, every audit entry about a customer: the customer row,
its aliases, contacts, deals (and their stage changes), interactions,
follow-ups, inquiries, and the notes written about it.

`forget` erases what identifies people at a customer, in one transaction:
contacts' names, phones, e-mails, roles and birthdays; interactions' and
notes' words; follow-ups' words (open ones are closed, so nothing reminds of
them); aliases; the customer's name (it becomes "[erased customer #id]");
chat states that point at it; inbox updates that mention it; pending nudges
about it; and the audit log's before/after values that hold any of these.
Deals stay, anonymised (amounts, currencies, stages, dates, owners), so
reports still add up. An audit row with action "forget" records that it
happened (counts only, no names).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

from sqlalchemy import String, Text, and_, cast, delete, func, inspect, or_, select, update
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session, SQLModel

from storage.customers import customers_named, name_key
from storage.models import (AuditLog, ChatState, Contact, Customer, CustomerAlias, Deal, FollowUp, Inbox,
                            Interaction, Member, Note, NudgeLedger, StageChange, utcnow)

ERASED = "[erased]"
NUDGE_OPEN = ("pending", "failed")
_CHUNK = 500
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")

# Columns of a journalled row that hold personal data: scrubbed in the audit log's before/after.
PERSONAL = {
    "customer": ("name", "name_key", "custom"),
    "customeralias": ("alias", "alias_key"),
    "contact": ("name", "role", "phone", "email", "birth_month", "birth_day"),
    "interaction": ("text",),
    "followup": ("what",),
    "note": ("text",),
    "deal": ("title", "lost_reason"),
    "inquiry": ("text",),
}
# Columns of unknown tables (with a customer_id) that are erased as free text.
FREE_TEXT = ("text", "what", "note", "notes", "title", "name", "description", "body", "comment")


class ForgetError(ValueError):
    """The customer cannot be forgotten as asked (unknown, ambiguous)."""


def erased_name(customer_id: int) -> str:
    """What a forgotten customer is called from then on."""
    return f"[erased customer #{customer_id}]"


def find_customer(session: Session, team_id: int, name: str) -> Customer:
    """The team's customer called `name` (or `#ID`); ForgetError when none or several match."""
    match = re.fullmatch(r"\s*#?(\d+)\s*", name)
    if match:
        customer = session.get(Customer, int(match.group(1)))
        if customer is not None and customer.team_id == team_id:
            return customer
    found = customers_named(session, team_id, name)
    if not found:
        raise ForgetError(f"no customer called {name!r} in this team")
    if len(found) > 1:
        options = ", ".join(f"#{c.id} {c.name}" for c in found)
        raise ForgetError(f"{name!r} matches several customers ({options}); give one as #ID")
    return found[0]


# -- the audit trail ------------------------------------------------------------------------------


def _has(session: Session, table: str) -> bool:
    return inspect(session.get_bind()).has_table(table)


def _extra_tables(session: Session) -> list[Any]:
    """Tables beyond the core ones that belong to a customer (e.g. inquiries), present in this store."""
    core = {"customer", "customeralias", "contact", "deal", "interaction", "followup", "note", "chatstate",
            "stagechange"}
    out = []
    for table in SQLModel.metadata.sorted_tables:
        if table.name in core or "customer_id" not in table.c or "id" not in table.c:
            continue
        if _has(session, table.name):
            out.append(table)
    return out


def _about(session: Session, team_id: int, customer_id: int) -> ColumnElement[bool]:
    """The audit log condition: an entry about this customer or any row of it."""
    def ids(model: Any, *where: Any) -> Any:
        return select(model.id).where(model.team_id == team_id, *where)

    deal_ids = ids(Deal, Deal.customer_id == customer_id)
    rows = [("customer", select(Customer.id).where(Customer.id == customer_id)),
            ("customeralias", ids(CustomerAlias, CustomerAlias.customer_id == customer_id)),
            ("contact", ids(Contact, Contact.customer_id == customer_id)),
            ("deal", deal_ids),
            ("stagechange", ids(StageChange, StageChange.deal_id.in_(deal_ids))),  # type: ignore[attr-defined]
            ("interaction", ids(Interaction, Interaction.customer_id == customer_id)),
            ("followup", ids(FollowUp, FollowUp.customer_id == customer_id)),
            ("note", ids(Note, Note.customer_id == customer_id))]
    for table in _extra_tables(session):
        rows.append((table.name, select(table.c.id).where(table.c.customer_id == customer_id)))
    notes = ids(Note, Note.customer_id == customer_id)
    return and_(AuditLog.team_id == team_id,
                or_(*(and_(AuditLog.table_name == name, AuditLog.row_id.in_(sub))  # type: ignore[union-attr]
                      for name, sub in rows),
                    AuditLog.note_id.in_(notes)))  # type: ignore[union-attr]


def history(session: Session, team_id: int, customer_id: int, limit: int | None = None) -> list[dict[str, Any]]:
    """Every change about the customer, oldest first: who, when, what, from which note and message."""
    query = (select(AuditLog.id, AuditLog.at, AuditLog.action, AuditLog.table_name, AuditLog.row_id,
                    AuditLog.before, AuditLog.after, AuditLog.member_id, Member.name, AuditLog.note_id,
                    Note.platform, Note.message_id, Note.at, Note.text)
             .outerjoin(Member, Member.id == AuditLog.member_id)
             .outerjoin(Note, Note.id == AuditLog.note_id)
             .where(_about(session, team_id, customer_id))
             .order_by(AuditLog.at, AuditLog.id))
    if limit:
        query = query.limit(limit)
    out = []
    for (entry_id, at, action, table, row_id, before, after, member_id, who, note_id, platform, message_id,
         note_at, note_text) in session.execute(query):
        out.append({"id": entry_id, "at": at.isoformat() if at else None, "who": who, "member_id": member_id,
                    "action": action, "table": table, "row_id": row_id, "before": before, "after": after,
                    "note_id": note_id, "platform": platform, "message_id": message_id,
                    "note_text": note_text})
    return out


# -- forgetting -----------------------------------------------------------------------------------


@dataclass
class _Terms:
    """The words that identify the customer's people, and how to find them in text."""

    strong: list[str] = field(default_factory=list)   # customer names, phones, e-mails, long contact names
    all: list[str] = field(default_factory=list)      # and every contact name, however short

    @staticmethod
    def _pattern(term: str) -> re.Pattern[str]:
        body = re.escape(term)
        if _CJK.search(term):
            return re.compile(body, re.IGNORECASE)
        return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)

    def __post_init__(self) -> None:
        self.patterns = [self._pattern(t) for t in self.strong]

    def found(self, text: str) -> bool:
        return any(p.search(text) for p in self.patterns)

    def scrub(self, text: str) -> str:
        for pattern in self.patterns:
            text = pattern.sub(ERASED, text)
        return text

    def like_variants(self) -> list[str]:
        """Lower-cased forms to look for in stored text, raw and as JSON writes them."""
        out: set[str] = set()
        for term in self.strong:
            for form in {term, term.lower(), term.title(), term.upper()}:
                out.add(form.lower())
                escaped = json.dumps(form)[1:-1]
                if escaped != form:
                    out.add(escaped.lower())
        return sorted(out)


def _usable(term: str | None) -> str | None:
    if not term:
        return None
    term = term.strip()
    if term in (ERASED, "?") or term.startswith("[erased"):
        return None
    minimum = 2 if _CJK.search(term) else 3
    return term if len(term) >= minimum else None


def _mentions(column: Any, variants: Sequence[str]) -> ColumnElement[bool]:
    text = func.lower(cast(column, Text))
    return or_(*(text.contains(v, autoescape=True) for v in variants))


def _walk(value: Any, fix: Any) -> tuple[Any, bool]:
    """Apply `fix` to every string inside a JSON value; (new value, changed)."""
    if isinstance(value, str):
        new = fix(value)
        return new, new != value
    if isinstance(value, dict):
        changed = False
        out: dict[str, Any] = {}
        for key, item in value.items():
            out[key], hit = _walk(item, fix)
            changed = changed or hit
        return out, changed
    if isinstance(value, list):
        changed = False
        items = []
        for item in value:
            new, hit = _walk(item, fix)
            items.append(new)
            changed = changed or hit
        return items, changed
    return value, False


def _erase_value(table: str, key: str, value: Any, customer_id: int) -> Any:
    if value is None:
        return None
    if table == "customer" and key == "name":
        return erased_name(customer_id)
    if table == "customer" and key == "name_key":
        return name_key(erased_name(customer_id))
    if key == "custom":
        return {}
    if isinstance(value, str):
        return ERASED
    return None


def _chunks(items: Iterable[Any], size: int = _CHUNK) -> Iterable[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def forget(session: Session, team_id: int, customer_id: int, member_id: int | None = None) -> dict[str, int]:
    """Erase the customer's personal data (see the module's doc) in the caller's transaction.

    Returns how many rows of each kind were touched. The caller commits.
    """
    customer = session.get(Customer, customer_id)
    if customer is None or customer.team_id != team_id:
        raise ForgetError(f"no customer #{customer_id} in this team")
    now = utcnow()
    counts: dict[str, int] = {}

    def ids_of(model: Any, *where: Any) -> list[int]:
        return list(session.execute(select(model.id).where(model.team_id == team_id, *where)).scalars())

    contacts = session.execute(select(Contact).where(Contact.team_id == team_id,
                                                     Contact.customer_id == customer_id)).scalars().all()
    aliases = session.execute(select(CustomerAlias).where(CustomerAlias.team_id == team_id,
                                                          CustomerAlias.customer_id == customer_id)).scalars().all()
    strong: list[str] = []
    every: list[str] = []
    for term in [customer.name, *(a.alias for a in aliases)]:
        if _usable(term):
            strong.append(term.strip())
    for contact in contacts:
        for term in (contact.phone, contact.email):
            if _usable(term):
                strong.append(term.strip())  # type: ignore[union-attr]
        if _usable(contact.name):
            every.append(contact.name.strip())
            if len(contact.name.strip()) >= 4 or _CJK.search(contact.name):
                strong.append(contact.name.strip())
    terms = _Terms(strong=sorted(set(strong), key=len, reverse=True),
                   all=sorted(set(strong + every), key=len, reverse=True))
    variants = terms.like_variants()

    contact_ids = [c.id for c in contacts]
    alias_ids = [a.id for a in aliases]
    deal_ids = ids_of(Deal, Deal.customer_id == customer_id)
    stage_ids = ids_of(StageChange, StageChange.deal_id.in_(deal_ids)) if deal_ids else []  # type: ignore[attr-defined]
    interaction_ids = ids_of(Interaction, Interaction.customer_id == customer_id)
    followup_ids = ids_of(FollowUp, FollowUp.customer_id == customer_id)
    extra = {t.name: t for t in _extra_tables(session)}
    extra_ids = {name: list(session.execute(select(t.c.id).where(t.c.customer_id == customer_id)).scalars())
                 for name, t in extra.items()}

    # Notes written about the customer: by their own link, and through the rows they wrote.
    note_ids: set[int] = set(ids_of(Note, Note.customer_id == customer_id))
    for model, ids in ((Interaction, interaction_ids), (FollowUp, followup_ids)):
        for batch in _chunks(ids):
            note_ids.update(n for n in session.execute(select(model.note_id).where(model.id.in_(batch)))
                            .scalars() if n is not None)
    for name, ids in extra_ids.items():
        if "note_id" in extra[name].c:
            for batch in _chunks(ids):
                note_ids.update(n for n in session.execute(select(extra[name].c.note_id)
                                                           .where(extra[name].c.id.in_(batch))).scalars()
                                if n is not None)
    touched = {"customer": [customer_id], "customeralias": alias_ids, "contact": contact_ids, "deal": deal_ids,
               "interaction": interaction_ids, "followup": followup_ids, **extra_ids}
    for name, ids in touched.items():
        for batch in _chunks(ids):
            note_ids.update(n for n in session.execute(
                select(AuditLog.note_id).where(AuditLog.team_id == team_id, AuditLog.table_name == name,
                                               AuditLog.row_id.in_(batch))).scalars()  # type: ignore[union-attr]
                if n is not None)
    note_ids_list = sorted(note_ids)
    message_ids: set[str] = set()
    for batch in _chunks(note_ids_list):
        message_ids.update(m for m in session.execute(select(Note.message_id).where(Note.id.in_(batch)))  # type: ignore[union-attr]
                           .scalars() if m)
    touched["note"] = note_ids_list
    touched["stagechange"] = stage_ids

    # The customer's own rows.
    for contact in contacts:
        contact.name, contact.role, contact.phone, contact.email = ERASED, None, None, None
        contact.birth_month = contact.birth_day = None
        session.add(contact)
    counts["contacts"] = len(contacts)
    for alias in aliases:
        session.delete(alias)
    counts["aliases"] = len(aliases)
    for batch in _chunks(interaction_ids):
        session.execute(update(Interaction).where(Interaction.id.in_(batch)).values(text=ERASED))  # type: ignore[union-attr]
    counts["interactions"] = len(interaction_ids)
    for batch in _chunks(followup_ids):
        session.execute(update(FollowUp).where(FollowUp.id.in_(batch)).values(what=ERASED))  # type: ignore[union-attr]
        session.execute(update(FollowUp).where(FollowUp.id.in_(batch), FollowUp.done_at.is_(None))  # type: ignore[union-attr]
                        .values(done_at=now))
    counts["followups"] = len(followup_ids)
    for batch in _chunks(note_ids_list):
        session.execute(update(Note).where(Note.id.in_(batch)).values(text=ERASED))  # type: ignore[union-attr]
    counts["notes"] = len(note_ids_list)
    for deal in session.execute(select(Deal).where(Deal.id.in_(deal_ids))).scalars() if deal_ids else []:  # type: ignore[attr-defined]
        deal.title = None
        deal.lost_reason = terms.scrub(deal.lost_reason) if deal.lost_reason else None
        session.add(deal)
    counts["deals_kept"] = len(deal_ids)
    for name, ids in extra_ids.items():
        table = extra[name]
        columns = {c.name: (None if c.nullable else ERASED) for c in _text_columns(table)}
        if columns:
            for batch in _chunks(ids):
                session.execute(update(table).where(table.c.id.in_(batch)).values(**columns))
        counts[name] = len(ids)
    customer.name = erased_name(customer_id)
    customer.name_key = name_key(customer.name)
    customer.custom = {}
    session.add(customer)
    session.flush()

    # Words about the customer written elsewhere (another customer's note, a colleague's interaction).
    if variants:
        for model, column in ((Note, Note.text), (Interaction, Interaction.text), (FollowUp, FollowUp.what),
                              (Deal, Deal.title), (Deal, Deal.lost_reason)):
            rows = session.execute(select(model.id, column).where(model.team_id == team_id,
                                                                  _mentions(column, variants))).all()
            fixed = 0
            for row_id, value in rows:
                if value and terms.found(value):
                    session.execute(update(model).where(model.id == row_id)
                                    .values({column.key: terms.scrub(value)}))
                    fixed += 1
            if fixed:
                counts[f"mentions_{model.__tablename__}_{column.key}"] = fixed
        for name, table in extra.items():
            for column in _text_columns(table):
                rows = session.execute(select(table.c.id, column).where(table.c.team_id == team_id,
                                                                        _mentions(column, variants))).all()
                for row_id, value in rows:
                    if value and terms.found(value):
                        session.execute(update(table).where(table.c.id == row_id)
                                        .values({column.name: terms.scrub(value)}))

    # Chat states that point at the customer or remember a question about it.
    states = session.execute(select(ChatState).where(ChatState.team_id == team_id)).scalars().all()
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
            if (terms.found(blob) or (isinstance(options, list) and customer_id in options)
                    or (isinstance(state.pending, dict) and state.pending.get("message_id") in message_ids)):
                state.pending, hit = None, True
        if hit:
            session.add(state)
            cleared += 1
    counts["chat_states"] = cleared

    # Inbox updates that mention the customer, or carried a note about it: their words go.
    inbox_where = [or_(Inbox.team_id == team_id, Inbox.team_id.is_(None))]  # type: ignore[union-attr]
    conditions = [_mentions(Inbox.payload, variants), _mentions(Inbox.reply, variants)] if variants else []
    for batch in _chunks(sorted(message_ids), 200):
        conditions.append(or_(*(func.lower(cast(Inbox.payload, Text)).contains(json.dumps(m)[1:-1].lower(),
                                                                               autoescape=True)
                                for m in batch)))
    fixed = 0
    for condition in conditions:
        for row in session.execute(select(Inbox).where(*inbox_where, condition)).scalars().all():
            payload = row.payload or {}
            linked = isinstance(payload, dict) and payload.get("message_id") in message_ids
            new, changed = _walk(payload, lambda s: ERASED if (linked and s.strip() and s != ERASED
                                                               and not _is_key(s, payload))
                                 or terms.found(s) else s)
            if row.reply is not None:  # the kept reply names the customer: it goes, unsent
                row.reply, row.answered_at, changed = None, row.answered_at or now, True
            if changed:
                row.payload = new
                if row.processed_at is None:
                    row.processed_at = now  # never applied: it would bring the customer back
                session.add(row)
                fixed += 1
    counts["inbox"] = fixed

    # Pending nudges about the customer, its contacts, deals and follow-ups.
    subjects = ([f"customer:{customer_id}"] + [f"contact:{i}" for i in contact_ids]
                + [f"deal:{i}" for i in deal_ids] + [f"followup:{i}" for i in followup_ids])
    dropped = 0
    for batch in _chunks(subjects):
        dropped += session.execute(delete(NudgeLedger).where(
            NudgeLedger.team_id == team_id, NudgeLedger.status.in_(NUDGE_OPEN),  # type: ignore[attr-defined]
            NudgeLedger.subject.in_(batch))).rowcount or 0  # type: ignore[attr-defined]
    counts["nudges"] = dropped

    # The audit log: personal before/after values of the customer's rows, and mentions anywhere.
    scrubbed = 0
    for name, ids in touched.items():
        keys = PERSONAL.get(name) or (tuple(c.name for c in _text_columns(extra[name])) if name in extra else ())
        if not keys:
            continue
        for batch in _chunks(ids):
            entries = session.execute(select(AuditLog).where(AuditLog.team_id == team_id,
                                                             AuditLog.table_name == name,
                                                             AuditLog.row_id.in_(batch))).scalars().all()  # type: ignore[union-attr]
            for entry in entries:
                changed = False
                for side in ("before", "after"):
                    values = getattr(entry, side)
                    if not isinstance(values, dict):
                        continue
                    new = dict(values)
                    for key in keys:
                        if key in new and new[key] is not None:
                            erased = _erase_value(name, key, new[key], customer_id)
                            if erased != new[key]:
                                new[key], changed = erased, True
                    if changed:
                        setattr(entry, side, new)
                if changed:
                    session.add(entry)
                    scrubbed += 1
    session.flush()
    if variants:
        for side in (AuditLog.before, AuditLog.after):
            entries = session.execute(select(AuditLog).where(AuditLog.team_id == team_id,
                                                             _mentions(side, variants))).scalars().all()
            for entry in entries:
                values = getattr(entry, side.key)
                new, changed = _walk(values, terms.scrub)
                if changed:
                    setattr(entry, side.key, new)
                    session.add(entry)
                    scrubbed += 1
    counts["audit_entries"] = scrubbed

    session.add(AuditLog(team_id=team_id, member_id=member_id, note_id=None, action="forget",
                         table_name="customer", row_id=customer_id, before=None,
                         after={"customer": customer.name, **counts}, at=now))
    session.flush()
    return counts


def _text_columns(table: Any) -> list[Any]:
    """Free-text columns of a table (by name and string type)."""
    def is_text(kind: Any) -> bool:
        return isinstance(kind, String) or isinstance(getattr(kind, "impl", None), String) \
            or getattr(kind, "impl", None) is String
    return [c for c in table.c if c.name in FREE_TEXT and is_text(c.type)]


def _is_key(value: str, payload: dict[str, Any]) -> bool:
    """Fields of an inbox update that identify it rather than say anything (kept for de-duplication)."""
    return value in {str(payload.get(k)) for k in ("platform", "account_id", "chat_id", "message_id",
                                                   "workspace_id", "lang_hint", "sent_at") if payload.get(k)}
