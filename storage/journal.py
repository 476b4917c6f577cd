"""The journal: every write of a message is recorded with its note, so undo can take the note back
exactly (`storage.revert`).

A write is one of three, each an audit-log entry of the note:
- `create`: a row added; `after` holds every column as stored;
- `update`: columns of a row changed; `before` and `after` hold those columns;
- `delete`: a row removed; `before` holds every column as it was.
Values are written by their column's type (`storage.values`): an aware instant keeps its
microseconds and offset, a local day stays a day, a decimal a decimal, a JSON document a copy
of itself; read back by the column, they are exactly what was stored.

Handlers never write a business row themselves: they call `add`/`insert` (new rows),
`change`/`update` (a loaded row, or one known by its id: a correction) and `delete`, so
whatever a note, a button or a correction writes is undone by the same replay.
"""
from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from typing import Any, TypeVar

from sqlalchemy import Table, bindparam, delete, event, insert, select, update
from sqlalchemy.orm.attributes import set_committed_value
from sqlmodel import Session, SQLModel

from storage import clock
from storage.models import AuditLog, Note, table_of
from storage.values import plain_row, to_plain

Row = TypeVar("Row", bound=SQLModel)

_AUDIT = insert(table_of(AuditLog))


def snapshot(row: SQLModel) -> dict[str, Any]:
    """A JSON-safe copy of a loaded row's columns, typed by column (see `storage.values`)."""
    table = table_of(type(row))
    return {column.name: to_plain(getattr(row, column.name)) for column in table.columns}


def primary_key(row: SQLModel) -> Any:
    """A row's key: its `id`, or the one column that is its key (a chat state's `member_id`)."""
    [column] = table_of(type(row)).primary_key.columns
    return getattr(row, column.name)


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
    table = table_of(type(row))
    keys = {f"b_{column.name}": getattr(row, column.name) for column in table.primary_key.columns}
    session.connection().execute(_update(table), {**values, **keys})
    for key, value in values.items():
        set_committed_value(row, key, value)


class Journal:
    """Writes the rows of one message and records each write in the audit log under its note."""

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
        self.note_id = self.session.connection().execute(_insert(table_of(Note)), {
            "team_id": self.team_id, "member_id": self.member_id, "platform": platform,
            "message_id": message_id, "text": text[:4000], "at": at, "customer_id": customer_id,
            "undone_at": None}).scalar_one()
        return self.note_id

    def add(self, row: Row) -> Row:
        """Insert `row` (an object the message goes on using) and journal its creation."""
        self.session.add(row)
        self.session.flush()
        self._log("create", str(row.__tablename__), primary_key(row), None, snapshot(row))
        return row

    def insert(self, model: type[SQLModel], **values: Any) -> int:
        """Insert a row nothing else in the message reads back (a visit, a follow-up, a stage
        change) straight into its table, journal its creation, and return its id. Every column
        must be given (or be nullable): no ORM object, so no model defaults."""
        table = table_of(model)
        row_id = self.session.connection().execute(_insert(table), values).scalar_one()
        after = {column.name: to_plain(values.get(column.name)) for column in table.columns}
        self._log("create", table.name, row_id, None, {**after, "id": row_id})
        return row_id

    def change(self, row: SQLModel, **values: Any) -> bool:
        """Set `values` on `row` (a stored row with an `id`); journal old and new values. False
        when nothing changed. The row is updated at once by one statement, and the object holds
        the new values as stored (nothing left for the ORM to flush)."""
        changed = {k: v for k, v in values.items() if getattr(row, k) != v}
        if not changed:
            return False
        before = plain_row({k: getattr(row, k) for k in changed})
        write_through(self.session, row, changed)
        self._log("update", str(row.__tablename__), primary_key(row), before, plain_row(changed))
        return True

    def update(self, model: type[SQLModel], row_id: int, **values: Any) -> bool:
        """Set `values` on the row `row_id` of `model` with no object loaded (a correction of a
        row the note only knows by id); journal old and new values. False when nothing changed
        or the row is not the team's. An object of that row in the session is refreshed."""
        table = table_of(model)
        current = self.session.connection().execute(
            select(*(table.c[name] for name in values)).where(table.c.id == row_id,
                                                              table.c.team_id == self.team_id)).first()
        if current is None:
            return False
        changed = {k: v for k, v in values.items() if current._mapping[k] != v}
        if not changed:
            return False
        self.session.connection().execute(_update(table), {**changed, "b_id": row_id})
        loaded = self.session.identity_map.get(self.session.identity_key(model, row_id))
        if loaded is not None:
            for key, value in changed.items():
                set_committed_value(loaded, key, value)
        self._log("update", table.name, row_id, plain_row({k: current._mapping[k] for k in changed}),
                  plain_row(changed))
        return True

    def delete(self, row: SQLModel) -> None:
        """Remove a stored row (a correction's duplicate); journal every column it had, so undo
        puts it back under the same id."""
        before = snapshot(row)
        table = table_of(type(row))
        [key] = table.primary_key.columns
        self.session.connection().execute(delete(table).where(key == primary_key(row)))
        if row in self.session:
            self.session.expunge(row)
        self._log("delete", table.name, primary_key(row), before, None)

    def _log(self, action: str, table_name: str, row_id: int | None, before: dict | None,
             after: dict | None) -> None:
        self._entries.append({"action": action, "table_name": table_name, "row_id": row_id,
                              "before": before, "after": after, "at": clock.now()})
