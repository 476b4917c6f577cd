"""The audit log: every write is journalled with its note, so a note can be undone whole."""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Date, DateTime, event, insert, select
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, SQLModel

from storage.models import AuditLog, Note, utcnow

TABLES: dict[str, type[SQLModel]] = {}


def _tables() -> dict[str, type[SQLModel]]:
    if not TABLES:
        for mapper in SQLModel._sa_registry.mappers:  # type: ignore[attr-defined]
            cls = mapper.class_
            TABLES[cls.__tablename__] = cls
    return TABLES


def _safe(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def snapshot(row: SQLModel) -> dict[str, Any]:
    """A JSON-safe copy of a row's columns."""
    return {column.name: _safe(getattr(row, column.name)) for column in row.__table__.columns}  # type: ignore[attr-defined]


def _restore(cls: type[SQLModel], name: str, value: Any) -> Any:
    column = cls.__table__.columns[name]  # type: ignore[attr-defined]
    if value is None:
        return None
    if isinstance(column.type, DateTime):
        return datetime.fromisoformat(value)
    if isinstance(column.type, Date):
        return date.fromisoformat(value)
    return value


class Journal:
    """Writes rows for one note and records each write in the audit log."""

    def __init__(self, session: Session, team_id: int, member_id: int | None, note: Note | None):
        self.session = session
        self.team_id = team_id
        self.member_id = member_id
        self.note = note
        self._entries: list[dict[str, Any]] = []
        event.listen(session, "before_commit", self.write)

    def write(self, _session: Session | None = None) -> None:
        """Add the journalled writes to the audit log in one statement, with the note's id;
        runs by itself just before the session commits."""
        if not self._entries:
            return
        note_id = self.note.id if self.note else None
        rows = [{**entry, "team_id": self.team_id, "member_id": self.member_id, "note_id": note_id}
                for entry in self._entries]
        self._entries.clear()
        self.session.execute(insert(AuditLog.__table__), rows)  # type: ignore[attr-defined]

    def add(self, row: SQLModel) -> SQLModel:
        """Insert `row` (an object the note goes on using) and journal its creation."""
        self.session.add(row)
        self.session.flush()
        self._log("create", row.__tablename__, row.id, None, snapshot(row))  # type: ignore[attr-defined]
        return row

    def insert(self, model: type[SQLModel], **values: Any) -> int:
        """Insert a row nothing else in the note reads back (a visit, a follow-up, a stage change)
        straight into its table, journal its creation, and return its id. Every column must be
        given (or be nullable): no ORM object, so no model defaults."""
        table = model.__table__  # type: ignore[attr-defined]
        row_id = self.session.execute(insert(table).returning(table.c.id), values).scalar_one()
        after = {column.name: _safe(values.get(column.name)) for column in table.columns}
        self._log("create", table.name, row_id, None, {**after, "id": row_id})
        return row_id

    def change(self, row: SQLModel, **values: Any) -> bool:
        """Set `values` on `row`; journal old and new values. False when nothing changed."""
        changed = {k: v for k, v in values.items() if getattr(row, k) != v}
        if not changed:
            return False
        old = snapshot(row)
        for key, value in changed.items():
            setattr(row, key, value)
        self.session.add(row)
        new = snapshot(row)
        self._log("update", row.__tablename__, row.id, {k: old[k] for k in changed},  # type: ignore[attr-defined]
                  {k: new[k] for k in changed})
        return True

    def _log(self, action: str, table_name: str, row_id: int | None, before: dict | None,
             after: dict | None) -> None:
        self._entries.append({"action": action, "table_name": table_name, "row_id": row_id,
                              "before": before, "after": after, "at": utcnow()})


def revert(session: Session, note: Note) -> int:
    """Undo everything `note` wrote, newest first; returns how many writes were reverted."""
    tables = _tables()
    entries = session.execute(select(AuditLog).where(AuditLog.team_id == note.team_id,  # type: ignore[call-overload]
                                                  AuditLog.note_id == note.id,
                                                  AuditLog.action.in_(("create", "update")))
                           .order_by(AuditLog.id.desc())).scalars().all()
    count = 0
    for entry in entries:
        cls = tables.get(entry.table_name)
        row = session.get(cls, entry.row_id) if cls and entry.row_id is not None else None
        if row is None:
            continue
        if entry.action == "create":
            try:
                with session.begin_nested():
                    session.delete(row)
                    session.flush()
            except IntegrityError:  # a later note still uses it (e.g. a colleague's visit): keep it
                continue
        else:
            for key, value in (entry.before or {}).items():
                setattr(row, key, _restore(cls, key, value))
            session.add(row)
        session.flush()
        count += 1
    note.undone_at = utcnow()
    session.add(note)
    session.add(AuditLog(team_id=note.team_id, member_id=note.member_id, note_id=note.id,
                         action="undo", table_name="note", row_id=note.id))
    return count
