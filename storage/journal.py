"""The audit log: every write is journalled with its note, so a note can be undone whole."""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from functools import lru_cache

from sqlalchemy import Date, DateTime, Table, bindparam, event, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.attributes import set_committed_value
from sqlmodel import Session, SQLModel

from storage import clock
from storage.models import AuditLog, Note

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


_AUDIT = insert(AuditLog.__table__)  # type: ignore[attr-defined]


@lru_cache(maxsize=64)
def _insert(table: Table) -> Any:
    return insert(table).returning(table.c.id)


@lru_cache(maxsize=64)
def _update(table: Table) -> Any:
    """UPDATE table SET <the columns given> WHERE <its primary key> (built once per table)."""
    return update(table).where(*(column == bindparam(f"b_{column.name}") for column in table.primary_key.columns))


def write_through(session: Session, row: SQLModel, values: dict[str, Any]) -> None:
    """Store `values` of a loaded row at once, in one UPDATE of the session's transaction; the
    object then holds them as stored, so the ORM has nothing left to flush for them."""
    table = row.__table__  # type: ignore[attr-defined]
    keys = {f"b_{column.name}": getattr(row, column.name) for column in table.primary_key.columns}
    session.connection().execute(_update(table), {**values, **keys})
    for key, value in values.items():
        set_committed_value(row, key, value)


class Journal:
    """Writes rows for one note and records each write in the audit log."""

    def __init__(self, session: Session, team_id: int, member_id: int | None, note_id: int | None = None):
        self.session = session
        self.team_id = team_id
        self.member_id = member_id
        self.note_id = note_id  # the note the writes belong to (undo takes them back together)
        self._entries: list[dict[str, Any]] = []
        event.listen(session, "before_commit", self.write)

    def write(self, _session: Session | None = None) -> None:
        """Add the journalled writes to the audit log in one statement, with the note's id;
        runs by itself just before the session commits."""
        if not self._entries:
            return
        rows = [{**entry, "team_id": self.team_id, "member_id": self.member_id, "note_id": self.note_id}
                for entry in self._entries]
        self._entries.clear()
        self.session.connection().execute(_AUDIT, rows)

    def open_note(self, platform: str, message_id: str | None, text: str, at: datetime,
                  customer_id: int | None) -> int:
        """Store the note (the message) the following writes belong to; its id."""
        self.note_id = self.session.connection().execute(_insert(Note.__table__), {  # type: ignore[attr-defined]
            "team_id": self.team_id, "member_id": self.member_id, "platform": platform,
            "message_id": message_id, "text": text[:4000], "at": at, "customer_id": customer_id,
            "undone_at": None}).scalar_one()
        return self.note_id  # type: ignore[return-value]

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
        row_id = self.session.connection().execute(_insert(table), values).scalar_one()
        after = {column.name: _safe(values.get(column.name)) for column in table.columns}
        self._log("create", table.name, row_id, None, {**after, "id": row_id})
        return row_id

    def change(self, row: SQLModel, **values: Any) -> bool:
        """Set `values` on `row` (a stored row with an `id`); journal old and new values. False
        when nothing changed. The row is updated at once by one statement, and the object holds
        the new values as stored (nothing left for the ORM to flush)."""
        changed = {k: v for k, v in values.items() if getattr(row, k) != v}
        if not changed:
            return False
        before = {k: _safe(getattr(row, k)) for k in changed}
        write_through(self.session, row, changed)
        self._log("update", row.__tablename__, row.id, before, {k: _safe(v) for k, v in changed.items()})  # type: ignore[attr-defined]
        return True

    def _log(self, action: str, table_name: str, row_id: int | None, before: dict | None,
             after: dict | None) -> None:
        self._entries.append({"action": action, "table_name": table_name, "row_id": row_id,
                              "before": before, "after": after, "at": clock.now()})


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
    note.undone_at = clock.now()
    session.add(note)
    session.add(AuditLog(team_id=note.team_id, member_id=note.member_id, note_id=note.id,
                         action="undo", table_name="note", row_id=note.id))
    return count
