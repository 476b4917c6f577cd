"""A customer's history: the audit trail read back.

`history` reads, in SQL, every audit entry about a customer: the customer row,
its aliases, contacts, deals (and their stage changes), interactions,
follow-ups, inquiries, and the notes written about it. `customer_tables` names
the further tables whose rows belong to a customer (forgetting erases them too).
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import and_, inspect, or_, select
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import SQLModel, Session, col

from storage.models import (AuditLog, Contact, Customer, CustomerAlias, Deal, FollowUp, Interaction, Member, Note,
                            StageChange)


def _has(session: Session, table: str) -> bool:
    return inspect(session.connection()).has_table(table)  # on the caller's connection: no second writer


def customer_tables(session: Session) -> list[Any]:
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

    deal_ids = ids(Deal, col(Deal.customer_id) == customer_id)
    rows = [("customer", select(col(Customer.id)).where(col(Customer.id) == customer_id)),
            ("customeralias", ids(CustomerAlias, col(CustomerAlias.customer_id) == customer_id)),
            ("contact", ids(Contact, col(Contact.customer_id) == customer_id)),
            ("deal", deal_ids),
            ("stagechange", ids(StageChange, col(StageChange.deal_id).in_(deal_ids))),
            ("interaction", ids(Interaction, col(Interaction.customer_id) == customer_id)),
            ("followup", ids(FollowUp, col(FollowUp.customer_id) == customer_id)),
            ("note", ids(Note, col(Note.customer_id) == customer_id))]
    for table in customer_tables(session):
        rows.append((table.name, select(table.c.id).where(table.c.customer_id == customer_id)))
    notes = ids(Note, col(Note.customer_id) == customer_id)
    return and_(col(AuditLog.team_id) == team_id,
                or_(*(and_(col(AuditLog.table_name) == name, col(AuditLog.row_id).in_(sub))
                      for name, sub in rows),
                    col(AuditLog.note_id).in_(notes)))


WRITES = ("create", "update", "delete")


def history(session: Session, team_id: int, customer_id: int, limit: int | None = None) -> list[dict[str, Any]]:
    """Every change about the customer, oldest first: who, when, what, from which note and message.
    A change whose note was undone later stays in the trail, marked `undone` (with when), and the
    undo itself is an entry of its own."""
    query = (select(col(AuditLog.id), col(AuditLog.at), col(AuditLog.action), col(AuditLog.table_name),
                    col(AuditLog.row_id), col(AuditLog.before), col(AuditLog.after), col(AuditLog.member_id),
                    col(Member.name), col(AuditLog.note_id), col(Note.platform), col(Note.message_id), col(Note.at),
                    col(Note.text), col(Note.undone_at))
             .outerjoin(Member, col(Member.id) == col(AuditLog.member_id))
             .outerjoin(Note, col(Note.id) == col(AuditLog.note_id))
             .where(_about(session, team_id, customer_id))
             .order_by(col(AuditLog.at), col(AuditLog.id)))
    if limit:
        query = query.limit(limit)
    out = []
    for (entry_id, at, action, table, row_id, before, after, member_id, who, note_id, platform, message_id,
         _note_at, note_text, undone_at) in session.execute(query):
        undone = undone_at is not None and action in WRITES  # a write taken back later by undo
        out.append({"id": entry_id, "at": at.isoformat() if at else None, "who": who, "member_id": member_id,
                    "action": action, "table": table, "row_id": row_id, "before": before, "after": after,
                    "note_id": note_id, "platform": platform, "message_id": message_id,
                    "note_text": note_text, "undone": undone,
                    "undone_at": undone_at.isoformat() if undone else None})
    return _this_customer(out, customer_id)


def _this_customer(entries: list[dict[str, Any]], customer_id: int) -> list[dict[str, Any]]:
    """The entries of this customer, not of one an undo took back whose number the store gave again
    (SQLite reuses the id of the last row deleted): the notes undone before the customer's own, live
    creation are another customer's."""
    born = [e["id"] for e in entries if e["table"] == "customer" and e["row_id"] == customer_id
            and e["action"] == "create" and not e["undone"]]
    if not born:
        return entries
    stale = {e["note_id"] for e in entries if e["id"] < born[-1] and e["undone"] and e["table"] == "customer"
             and e["row_id"] == customer_id and e["action"] == "create"}
    return [e for e in entries if e["id"] >= born[-1] or e["note_id"] not in stale]

