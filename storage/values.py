"""A column's value as JSON and back, exactly: dates and times as ISO strings (an aware
instant keeps its offset and microseconds), decimals as strings, bytes as `{"$b64": ...}`,
JSON as a copy of itself; and the reader that turns each back into what its column takes,
chosen by the column's type (a type decorator's underlying one). Used by the backup file
(`storage.backup`) and by the journal that undo replays (`storage.journal`, `storage.revert`).
"""
from __future__ import annotations

import base64
import copy
from datetime import date, datetime, time, timezone
from decimal import Decimal
from functools import lru_cache
from typing import Any, Callable, Mapping

from sqlalchemy import JSON, Date, DateTime, LargeBinary, MetaData, Numeric, Table, Time, TypeDecorator


def to_plain(value: Any) -> Any:
    """A column's value as JSON can hold it."""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (bytes, bytearray, memoryview)):
        return {"$b64": base64.b64encode(bytes(value)).decode("ascii")}
    if isinstance(value, (dict, list)):
        return copy.deepcopy(value)  # a JSON document: later changes to the live one don't leak in
    return value


def plain_row(values: Mapping[str, Any]) -> dict[str, Any]:
    """Several columns' values as JSON can hold them."""
    return {name: to_plain(value) for name, value in values.items()}


@lru_cache(maxsize=128)
def readers(table: Table) -> dict[str, Callable[[Any], Any]]:
    """Each column's reader (see `reader_for`), by column name; made once per table."""
    return {column.name: reader_for(column) for column in table.columns}


def typed_row(table: Table, values: Mapping[str, Any]) -> dict[str, Any]:
    """Stored JSON values back into what `table`'s columns take (unknown names are dropped)."""
    read = readers(table)
    return {name: read[name](value) for name, value in values.items() if name in read}


def column_kind(column: Any) -> tuple[type | None, Any]:
    """The Python type a column holds, and its SQL type (a decorator's underlying one)."""
    kind = column.type
    base = getattr(kind, "impl", kind) if isinstance(kind, TypeDecorator) else kind
    if isinstance(base, type):
        base = base()
    try:
        return kind.python_type, base
    except NotImplementedError:
        return None, base


def reader_for(column: Any) -> Callable[[Any], Any]:
    """Turns a value from the file back into what the column takes."""
    python, base = column_kind(column)
    if isinstance(base, JSON):
        return lambda v: copy.deepcopy(v)
    if python is datetime or isinstance(base, DateTime):
        aware = bool(getattr(base, "timezone", False))

        def to_datetime(v: Any) -> Any:
            if v is None:
                return None
            moment = datetime.fromisoformat(v)
            if aware and moment.tzinfo is None:
                return moment.replace(tzinfo=timezone.utc)
            if not aware and moment.tzinfo is not None:
                return moment.astimezone(timezone.utc).replace(tzinfo=None)
            return moment
        return to_datetime
    if python is date or isinstance(base, Date):
        return lambda v: None if v is None else date.fromisoformat(v)
    if python is time or isinstance(base, Time):
        return lambda v: None if v is None else time.fromisoformat(v)
    if isinstance(base, Numeric) and getattr(base, "asdecimal", False):
        return lambda v: None if v is None else Decimal(v)
    if isinstance(base, LargeBinary):
        return lambda v: None if v is None else base64.b64decode(v["$b64"])
    return lambda v: v


def insertable_copy(table: Table) -> Table:
    """A copy of `table` whose JSON columns write Python None as SQL NULL (as the rows were read)."""
    copy = table.to_metadata(MetaData())
    for column in copy.columns:
        if isinstance(column.type, JSON):
            column.type = JSON(none_as_null=True)
    return copy
