"""Whether a note may be undone, decided before anything is written: the note's writes folded into
each row as it left it, and each row checked — it still holds what the note left (`changed`), it
still exists (`erased`), a row it created is used by no row it did not write (`used`), a row it
removed can come back (`taken`). The first that fails is the blocker, with the later note that
changed or used the row when the journal knows it (storage/revert.py replays the note)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from functools import lru_cache
from typing import Any, Iterable

from sqlalchemy import Column, Table, UniqueConstraint, select
from sqlmodel import Session, SQLModel

from storage.erasure import ERASED
from storage.models import AuditLog, Customer, Member, Note, stored_id, table_of
from storage.values import typed_row


AUDIT = table_of(AuditLog)
NOTES = table_of(Note)
MEMBERS = table_of(Member)
SOFT = frozenset({"chatstate"})  # conversation, not record: restored where untouched, never blocks
WRITES = ("create", "update", "delete")


class Reason(StrEnum):
    """Why a note cannot be undone."""

    CHANGED = "changed"  # a row it wrote holds other values now
    ERASED = "erased"    # a row it wrote is gone, or its customer was forgotten
    USED = "used"        # a row it created is used since by a row it did not write
    TAKEN = "taken"      # a row it removed cannot come back: another row holds its unique values now


@dataclass(frozen=True)
class Blocker:
    """The row that stops an undo, and the later note that changed or used it (when known)."""

    reason: Reason
    table: str
    row_id: int
    label: str | None = None        # the row as a person knows it: a name, a follow-up's words
    by_member_id: int | None = None
    by_member: str | None = None
    by_text: str | None = None
    by_at: datetime | None = None


@dataclass
class _Row:
    """One row as the note left it."""

    table: Table
    row_id: int
    created: bool = False                      # the note made it (so undo removes it)
    exists: bool = True                        # the note left it in place (not deleted)
    left: dict[str, Any] = field(default_factory=dict)  # plain values of the columns it wrote
    gone: dict[str, Any] = field(default_factory=dict)  # a row it removed, as it was (to put back)
    restored: set[str] = field(default_factory=set)     # columns the replay gives earlier values


@lru_cache(maxsize=1)
def tables_by_name() -> dict[str, Table]:
    return {table.name: table for table in SQLModel.metadata.sorted_tables}


@lru_cache(maxsize=64)
def referrers(name: str) -> tuple[tuple[Table, Column], ...]:
    """Every column of the store that points at `name`.id."""
    found = []
    for table in SQLModel.metadata.sorted_tables:
        for key in table.foreign_keys:
            if key.column.table.name == name and key.column.name == "id":
                found.append((table, key.parent))
    return tuple(found)


def entries_of(session: Session, note: Note) -> list[AuditLog]:
    """The note's journalled writes, oldest first."""
    return list(session.execute(
        select(AuditLog).where(AUDIT.c.team_id == note.team_id, AUDIT.c.note_id == note.id,
                               AUDIT.c.action.in_(WRITES)).order_by(AUDIT.c.id)).scalars())


def _fold(entries: Iterable[AuditLog]) -> dict[tuple[str, int], _Row]:
    """Each row the note wrote, as it left it (several writes of one row folded in order)."""
    tables = tables_by_name()
    rows: dict[tuple[str, int], _Row] = {}
    for entry in entries:
        table = tables.get(entry.table_name)
        if table is None or entry.row_id is None:
            continue
        row = rows.setdefault((entry.table_name, entry.row_id), _Row(table, entry.row_id))
        if entry.action == "create":
            row.created, row.exists, row.left = True, True, dict(entry.after or {})
        elif entry.action == "update":
            row.left.update(entry.after or {})
            row.restored.update(entry.before or {})
        else:
            row.exists, row.left, row.gone = False, {}, dict(entry.before or {})
    return rows


def row_key(table: Table, row_id: int) -> Any:
    """The row's primary key (`id`, or a chat state's `member_id`) is `row_id`."""
    [column] = table.primary_key.columns
    return column == row_id


def current_row(session: Session, table: Table, row_id: int) -> dict[str, Any] | None:
    found = session.connection().execute(select(table).where(row_key(table, row_id))).first()
    return dict(found._mapping) if found is not None else None


def _is_erased(value: Any) -> bool:
    return isinstance(value, str) and (value == ERASED or value.startswith("[erased"))


def _label(table: str, values: dict[str, Any] | None, session: Session) -> str | None:
    """How a person knows the row: a customer's or contact's name, a follow-up's words, else its customer."""
    if not values:
        return None
    if table in ("customer", "contact", "member", "team"):
        return values.get("name")
    if table == "identity":
        return values.get("external_id")
    if table == "followup":
        return values.get("what")
    if table == "inquiry" and values.get("number") is not None:
        return str(values["number"])  # the team's number, as "#3" names it
    customer_id = values.get("customer_id")
    if customer_id is not None:
        customer = session.get(Customer, customer_id)
        return customer.name if customer is not None else None
    return None


def _remembered(session: Session, note: Note, table: str, row_id: int) -> dict[str, Any]:
    """A row no longer stored, as the journal last saw it (to name it)."""
    values: dict[str, Any] = {}
    for before, after in session.execute(
            select(AUDIT.c.before, AUDIT.c.after).where(AUDIT.c.team_id == note.team_id,
                                                        AUDIT.c.table_name == table, AUDIT.c.row_id == row_id)
            .order_by(AUDIT.c.id)):
        values.update(before or {})
        values.update(after or {})
    return values


def _by_note(session: Session, note_id: int | None) -> dict[str, Any]:
    """Who wrote a note and what it said, for a blocker."""
    if note_id is None:
        return {}
    found = session.execute(select(NOTES.c.member_id, MEMBERS.c.name, NOTES.c.text, NOTES.c.at)
                            .join(MEMBERS, MEMBERS.c.id == NOTES.c.member_id).where(NOTES.c.id == note_id)).first()
    if found is None:
        return {}
    return {"by_member_id": found[0], "by_member": found[1], "by_text": found[2], "by_at": found[3]}


def _later_writer(session: Session, note: Note, table: str, row_id: int, after_id: int) -> int | None:
    """The newest note still standing that wrote the row after `after_id`."""
    return session.execute(
        select(AUDIT.c.note_id).join(NOTES, NOTES.c.id == AUDIT.c.note_id)
        .where(AUDIT.c.team_id == note.team_id, AUDIT.c.table_name == table, AUDIT.c.row_id == row_id,
               AUDIT.c.id > after_id, AUDIT.c.action.in_(WRITES), NOTES.c.undone_at.is_(None))
        .order_by(AUDIT.c.id.desc()).limit(1)).scalar()


def _changed(session: Session, note: Note, key: tuple[str, int], row: _Row, last_id: int) -> Blocker | None:
    """Whether the row still is as the note left it."""
    name, row_id = key
    current = current_row(session, row.table, row_id)
    if not row.exists:
        if current is None:
            return None
        return Blocker(Reason.CHANGED, name, row_id, _label(name, current, session),
                       **_by_note(session, _later_writer(session, note, name, row_id, last_id)))
    if current is None:
        return Blocker(Reason.ERASED, name, row_id, _label(name, _remembered(session, note, name, row_id), session))
    left = typed_row(row.table, row.left)
    moved = [column for column, value in left.items() if current.get(column) != value]
    if not moved:
        return None
    reason = Reason.ERASED if any(_is_erased(current.get(column)) for column in moved) else Reason.CHANGED
    label = _label(name, row.left if reason is Reason.ERASED else current, session)
    return Blocker(reason, name, row_id, label,
                   **_by_note(session, _later_writer(session, note, name, row_id, last_id)))


def _used(session: Session, note: Note, key: tuple[str, int], rows: dict[tuple[str, int], _Row]) -> Blocker | None:
    """Whether a row the note created is pointed at by a row the replay does not take back."""
    name, row_id = key
    for table, column in referrers(name):
        if table.name in SOFT:
            continue
        where = [column == row_id]
        if "team_id" in table.c:  # the team's rows only, on the indexes that lead with the team
            where.append(table.c.team_id == note.team_id)
        if table.name == "note":  # this note itself, and undone notes, let go of it at the replay
            where += [table.c.id != note.id, table.c.undone_at.is_(None)]
        for (user_id,) in session.connection().execute(select(table.c.id).where(*where).limit(20)):
            user = rows.get((table.name, user_id))
            if user is not None and (user.created or column.name in user.restored):
                continue
            if table.name == "note":
                writer = user_id
            elif "note_id" in table.c:
                writer = session.connection().execute(select(table.c.note_id).where(table.c.id == user_id)).scalar()
            else:
                writer = _later_writer(session, note, table.name, user_id, 0)
            return Blocker(Reason.USED, name, row_id, _label(name, rows[key].left, session),
                           **_by_note(session, writer))
    return None


def check(session: Session, note: Note, entries: list[AuditLog]) -> Blocker | None:
    """What stops the note's undo, if anything (writes nothing)."""
    if note.text == ERASED:
        return Blocker(Reason.ERASED, "note", stored_id(note))
    if not entries:
        return None
    last_id = entries[-1].id or 0
    rows = _fold(entries)
    kept = {key: row for key, row in rows.items() if key[0] not in SOFT}
    for key, row in kept.items():
        blocker = _changed(session, note, key, row, last_id)
        if blocker is not None:
            return blocker
    for key, row in kept.items():  # the rows themselves first: "the deal was changed" says more
        blocker = _used(session, note, key, rows) if row.created and row.exists else None
        if blocker is not None:
            return blocker
    for key, row in kept.items():
        blocker = None if row.exists or row.created else _taken(session, key, row)
        if blocker is not None:
            return blocker
    return None


def _taken(session: Session, key: tuple[str, int], row: _Row) -> Blocker | None:
    """Whether a row the note removed can come back: no other row holds the values it must keep
    unique now (a removed member's chat account that was added again, to them or someone else)."""
    name, row_id = key
    values = typed_row(row.table, row.gone)
    for constraint in row.table.constraints:
        if not isinstance(constraint, UniqueConstraint):
            continue
        columns = list(constraint.columns)
        if not columns or any(values.get(column.name) is None for column in columns):
            continue
        where = [column == values[column.name] for column in columns]
        if session.execute(select(row.table.c.id).where(*where).limit(1)).first() is not None:
            return Blocker(Reason.TAKEN, name, row_id, _label(name, row.gone, session))
    return None
