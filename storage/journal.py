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
        self._entries: list[tuple[SQLModel, dict[str, Any]]] = []
        event.listen(session, "before_commit", self.write)

    def write(self, _session: Session | None = None) -> None:
        """Add the journalled writes to the audit log in one statement, with the note's id;
        runs by itself just before the session commits."""
        if not self._entries:
            return
        self.session.flush()  # rows added without a flush get their ids now
        note_id = self.note.id if self.note else None
        rows = []
        for row, entry in self._entries:
            if row is not None:  # an ORM row: its id is known since the flush
                entry["row_id"] = getattr(row, "id", None)
                if entry["after"] is not None and "id" in entry["after"]:
                    entry["after"]["id"] = entry["row_id"]
            rows.append({**entry, "team_id": self.team_id, "member_id": self.member_id, "note_id": note_id})
        self._entries.clear()
        self.session.execute(insert(AuditLog.__table__), rows)  # type: ignore[attr-defined]

    def add(self, row: SQLModel, flush: bool = True) -> SQLModel:
        """Insert `row` and journal its creation. With `flush=False` the row is written (and
        gets its id) with the rest of the note, for rows nothing else points at yet."""
        self.session.add(row)
        if flush:
            self.session.flush()
        self._log("create", row, None, snapshot(row))
        return row

    def insert(self, model: type[SQLModel], **values: Any) -> int:
        """Insert a row nothing else in the note reads back (a visit, a follow-up, a stage change)
        straight into its table, journal its creation, and return its id. Every column must be
        given (or be nullable): no ORM object, so no model defaults."""
        table = model.__table__  # type: ignore[attr-defined]
        row_id = self.session.execute(insert(table).returning(table.c.id), values).scalar_one()
        after = {column.name: _safe(values.get(column.name)) for column in table.columns}
        after["id"] = row_id
        self._entries.append((None, {"action": "create", "table_name": table.name, "row_id": row_id,
                                     "before": None, "after": after, "at": utcnow()}))
        return row_id

    def change(self, row: SQLModel, **values: Any) -> bool:
        """Set `values` on `row`; journal old and new values. False when nothing changed."""
        before = {k: snapshot(row)[k] for k in values}
        changed = {k: v for k, v in values.items() if getattr(row, k) != v}
        if not changed:
            return False
        for key, value in changed.items():
            setattr(row, key, value)
        self.session.add(row)
        after = {k: snapshot(row)[k] for k in changed}
        self._log("update", row, {k: before[k] for k in changed}, after)
        return True

    def _log(self, action: str, row: SQLModel, before: dict | None, after: dict | None) -> None:
        self._entries.append((row, {"action": action, "table_name": row.__tablename__,
                                    "before": before, "after": after, "at": utcnow()}))


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
