"""Undo: take back everything one note wrote, exactly, or nothing at all.

The note's journal (`storage.journal`) is replayed backwards: a row it created is deleted,
columns it changed get their earlier values back, a row it deleted returns under its id.
Each value is read back by its column's type, so a deal's `closed_at`, a follow-up's day or a
contact's birthday is exactly what it was before the note.

Before anything is written, every row the note wrote is checked:
- it still holds what the note left in it, else someone changed it since (`changed`);
- it still exists, else it was erased or removed since (`erased`; also a note whose customer
  was forgotten);
- a row the note created is not used since by a row the note did not write, such as a
  colleague's visit at a customer the note created (`used`).
Any of these stops the undo whole and names the row and, where the journal knows it, the later
note. Undoing a later note first always works, so undoing notes newest first never breaks
an earlier one. The checks are storage/revert_checks.py.

The chat state is softer: the focus the note set (the customer and contact of the last note)
goes back, column by column, only where nothing moved it since; chat states and undone notes
that point at a row the undo removes lose that pointer.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, delete, insert, or_, update
from sqlmodel import Session, SQLModel

from storage import clock
from storage.journal import primary_key
from storage.models import AuditLog, Note
from storage.revert_checks import (AUDIT, NOTES, SOFT, Blocker, check, current_row, entries_of, referrers,
                                   row_key, tables_by_name)
from storage.values import typed_row


@dataclass(frozen=True)
class Undone:
    """What an undo did: how many writes it took back, or what stopped it (then it wrote nothing)."""

    writes: int = 0
    blocker: Blocker | None = None

    @property
    def done(self) -> bool:
        return self.blocker is None


def _let_go(session: Session, note: Note, name: str, row_id: int) -> None:
    """Chat states and undone notes that point at a row about to go lose the pointer."""
    for table, column in referrers(name):
        if table.name in SOFT:
            session.connection().execute(update(table).where(column == row_id).values({column.name: None}))
        elif table.name == "note":
            session.connection().execute(update(table).where(
                column == row_id, or_(table.c.id == note.id, table.c.undone_at.is_not(None)))
                .values({column.name: None}))


def _soft(session: Session, table: Table, row_id: int, before: dict[str, Any], after: dict[str, Any]) -> None:
    """Give columns their earlier values where they still hold what the note left."""
    current = current_row(session, table, row_id)
    if current is None:
        return
    earlier, left = typed_row(table, before), typed_row(table, after)
    values = {k: v for k, v in earlier.items() if k in left and current.get(k) == left[k] and current.get(k) != v}
    if values:
        session.connection().execute(update(table).where(row_key(table, row_id)).values(values))


def _replay(session: Session, note: Note, entries: list[AuditLog]) -> tuple[int, list[tuple[str, int]]]:
    """Each write taken back, newest first; how many, and the rows removed."""
    tables = tables_by_name()
    count, gone = 0, []
    for entry in reversed(entries):
        table = tables.get(entry.table_name)
        if table is None or entry.row_id is None:
            continue
        soft = table.name in SOFT
        if entry.action == "create":
            if soft:
                nulls = {c.name: None for c in table.columns if c.nullable and not c.primary_key}
                _soft(session, table, entry.row_id, nulls, entry.after or {})
                continue
            _let_go(session, note, table.name, entry.row_id)
            session.connection().execute(delete(table).where(row_key(table, entry.row_id)))
            gone.append((table.name, entry.row_id))
        elif entry.action == "update":
            if soft:
                _soft(session, table, entry.row_id, entry.before or {}, entry.after or {})
                continue
            session.connection().execute(update(table).where(row_key(table, entry.row_id))
                                         .values(typed_row(table, entry.before or {})))
        else:
            session.connection().execute(insert(table).values(typed_row(table, entry.before or {})))
        count += 1
    return count, gone


def _forget_loaded(session: Session, tables: set[str], gone: set[tuple[str, int]]) -> None:
    """Objects of the session whose rows the replay changed are read again; those removed are let go."""
    for obj in list(session.identity_map.values()):
        name = getattr(obj, "__tablename__", None)
        if name not in tables and name not in SOFT and name != "note":
            continue
        key = (name, primary_key(cast(SQLModel, obj)))
        if key in gone:
            session.expunge(obj)
        else:
            session.expire(obj)


def revert(session: Session, note: Note, now: datetime | None = None) -> Undone:
    """Undo everything `note` wrote, or, when a row it wrote changed since, nothing (see the module)."""
    session.flush()
    entries = entries_of(session, note)
    blocker = check(session, note, entries)
    if blocker is not None:
        return Undone(blocker=blocker)
    count, gone = _replay(session, note, entries)
    at = now or clock.now()
    session.connection().execute(update(NOTES).where(NOTES.c.id == note.id).values(undone_at=at))
    session.connection().execute(insert(AUDIT).values(
        team_id=note.team_id, member_id=note.member_id, note_id=note.id, at=at, action="undo",
        table_name="note", row_id=note.id, before=None, after={"writes": count}))
    touched = {entry.table_name for entry in entries}
    _forget_loaded(session, touched, set(gone))
    return Undone(writes=count)
