"""Bulk inserts in chunks through SQLAlchemy Core, with the new ids back in row order.

Used by `crmbot seed` to fill a large store fast on SQLite and PostgreSQL alike.
"""
from __future__ import annotations

from typing import Any, Iterable, Sequence

from sqlalchemy import text
from sqlalchemy.engine import Connection

CHUNK = 5000


def chunks(rows: Sequence[dict[str, Any]], size: int = CHUNK) -> Iterable[Sequence[dict[str, Any]]]:
    """`rows` in slices of at most `size`."""
    for start in range(0, len(rows), size):
        yield rows[start:start + size]


def insert(connection: Connection, model: Any, rows: Sequence[dict[str, Any]]) -> int:
    """Plain bulk insert (executemany), in chunks."""
    table = model.__table__
    for chunk in chunks(rows):
        connection.execute(table.insert(), list(chunk))
    return len(rows)


def insert_returning_ids(connection: Connection, model: Any,
                         rows: Sequence[dict[str, Any]]) -> list[int]:
    """Bulk insert that gives back the new ids in the order of `rows`.

    PostgreSQL: ids are reserved from the table's sequence first (`nextval` over
    `generate_series`, safe beside concurrent writers), then a plain bulk insert
    with those ids (ordered `RETURNING` would go row by row there). Elsewhere
    (SQLite ≥ 3.35): `INSERT ... RETURNING` in parameter order, batched.
    """
    table = model.__table__
    if not rows:
        return []
    if connection.dialect.name == "postgresql":
        ids = list(connection.execute(
            text("SELECT nextval(pg_get_serial_sequence(:table, 'id')) FROM generate_series(1, :n)"),
            {"table": table.name, "n": len(rows)},
        ).scalars())
        for chunk_start in range(0, len(rows), CHUNK):
            chunk = [dict(row, id=ids[chunk_start + i])
                     for i, row in enumerate(rows[chunk_start:chunk_start + CHUNK])]
            connection.execute(table.insert(), chunk)
        return ids
    ids = []
    statement = table.insert().returning(table.c.id, sort_by_parameter_order=True)
    for part in chunks(rows):
        ids.extend(connection.execute(statement, list(part)).scalars().all())
    return ids
