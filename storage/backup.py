"""Back up and restore the whole store in a portable file (SQLite ⇄ PostgreSQL).

The file is gzipped JSON lines:

    {"format": "crmbot-backup", "version": 1, "revision": "0005", "dialect": "sqlite", "created_at": ...}
    {"table": "team", "columns": ["id", "name", ...]}
    [1, "default", ...]                      one line per row, values in the columns' order
    ...
    {"end": true, "rows": {"team": 1, ...}}

Tables come in foreign-key order, so a restore inserts parents before
children. Dates and times are ISO strings, JSON columns stay JSON. The
alembic revision the store was at is recorded: a file from a newer schema
than this code knows is refused, and so is a restore into a store that holds
rows, unless forced (then every table is emptied first). Restoring is one
transaction: it lands whole or not at all.

Each value is written, and read back, by `storage.values`.
"""
from __future__ import annotations

import gzip
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Callable, Iterable, Iterator

from sqlalchemy import MetaData, Table, bindparam, func, inspect, select, text, update
from sqlalchemy.engine import Connection, Engine
from sqlmodel import SQLModel

from storage import clock
import storage.models  # noqa: F401  (every table is registered)
from storage.values import insertable_copy, reader_for, to_plain
from storage.engine import MIGRATIONS

FORMAT = "crmbot-backup"
VERSION = 1
BATCH = 1000
SKIP = {"alembic_version"}


class BackupError(RuntimeError):
    """The file cannot be restored here; the message says why."""


@dataclass
class Summary:
    """What a backup or restore moved: rows per table, and the schema revision."""

    revision: str | None
    rows: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def known_revisions() -> list[str]:
    """The migrations this code knows, oldest first."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    script = ScriptDirectory.from_config(config)
    return [s.revision for s in reversed(list(script.walk_revisions()))]


def current_revision(connection: Connection) -> str | None:
    """The alembic revision the store is at (None for a store never migrated)."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def tables_of(connection: Connection) -> list[Table]:
    """The model's tables present in this store, in foreign-key order (parents first)."""
    present = set(inspect(connection).get_table_names())
    return [t for t in SQLModel.metadata.sorted_tables if t.name in present and t.name not in SKIP]


# -- backup ---------------------------------------------------------------------------------------


def _lines(engine: Engine, summary: Summary) -> Iterator[str]:
    with engine.connect() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"))
        # SQLite: the engine begins a real transaction on first use (storage/engine.py), so every
        # table below is read from one snapshot
        summary.revision = current_revision(connection)
        tables = tables_of(connection)
        yield json.dumps({"format": FORMAT, "version": VERSION, "revision": summary.revision,
                          "dialect": connection.dialect.name, "created_at": clock.now().isoformat(),
                          "tables": [t.name for t in tables]})
        for table in tables:
            columns = [c.name for c in table.columns]
            yield json.dumps({"table": table.name, "columns": columns})
            order = list(table.primary_key.columns) or list(table.columns)[:1]
            result = connection.execution_options(stream_results=True, yield_per=BATCH).execute(
                select(*table.columns).order_by(*order))
            count = 0
            for chunk in result.partitions(BATCH):
                for row in chunk:
                    yield json.dumps([to_plain(v) for v in row], ensure_ascii=False, default=str)
                count += len(chunk)
            summary.rows[table.name] = count
        yield json.dumps({"end": True, "rows": summary.rows})


def backup(engine: Engine, path: str | Path) -> Summary:
    """Write every table of the store to `path` (gzipped JSON lines); one consistent snapshot."""
    summary = Summary(revision=None)
    target = Path(path)
    partial = target.with_name(target.name + ".part")
    with gzip.open(partial, "wt", encoding="utf-8") as handle:
        for line in _lines(engine, summary):
            handle.write(line)
            handle.write("\n")
    partial.replace(target)
    return summary


# -- restore --------------------------------------------------------------------------------------


def _open(path: str | Path) -> IO[str]:
    with open(path, "rb") as probe:
        magic = probe.read(2)
    if magic == b"\x1f\x8b":
        return gzip.open(path, "rt", encoding="utf-8")
    return open(path, "rt", encoding="utf-8")


def is_empty(connection: Connection) -> bool:
    """No table of the store holds a row."""
    for table in tables_of(connection):
        if connection.execute(select(func.count()).select_from(table)).scalar():
            return False
    return True


def wipe(connection: Connection) -> None:
    """Empty every table of the store (children first), in the caller's transaction."""
    tables = tables_of(connection)
    if not tables:
        return
    if connection.dialect.name == "postgresql":
        names = ", ".join(f'"{t.name}"' for t in tables)
        connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        return
    for table in reversed(tables):
        connection.execute(table.delete())


def _reset_sequences(connection: Connection, tables: list[Table]) -> None:
    """PostgreSQL: move each serial id's sequence past the restored rows."""
    if connection.dialect.name != "postgresql":
        return
    for table in tables:
        if "id" not in table.c:
            continue
        sequence = connection.execute(text("SELECT pg_get_serial_sequence(:t, 'id')"),
                                      {"t": table.name}).scalar()
        if not sequence:
            continue
        connection.execute(text(f"SELECT setval('{sequence}', "
                                f"COALESCE((SELECT MAX(id) FROM \"{table.name}\"), 0) + 1, false)"))


def read_header(path: str | Path) -> dict[str, Any]:
    """The first line of a backup file, checked to be one."""
    with _open(path) as handle:
        try:
            header = json.loads(handle.readline() or "{}")
        except (json.JSONDecodeError, UnicodeDecodeError, OSError) as exc:
            raise BackupError(f"{path} is not a crmbot backup ({exc})") from exc
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise BackupError(f"{path} is not a crmbot backup")
    if int(header.get("version") or 0) > VERSION:
        raise BackupError(f"{path} was written by a newer crmbot (backup format {header.get('version')}); "
                          "upgrade crmbot to restore it")
    return header


def restore(engine: Engine, path: str | Path, force: bool = False) -> Summary:
    """Load a backup into the store (migrated to this code's newest schema) in one transaction.

    Refuses a file from a schema newer than this code knows, and a store that
    holds rows unless `force` (which empties it first).
    """
    revision = _known_revision(path, read_header(path))
    with engine.begin() as connection:
        if connection.dialect.name == "sqlite":
            connection.execute(text("PRAGMA defer_foreign_keys=ON"))
        if not is_empty(connection):
            if not force:
                raise BackupError("the store already holds data; restore into an empty store, "
                                  "or pass --force to replace everything in it")
            wipe(connection)
        loader = _Loader(connection, {t.name: t for t in tables_of(connection)}, Summary(revision=revision))
        with _open(path) as handle:
            handle.readline()
            ended = loader.load(handle, path)
        if not ended:
            raise BackupError(f"{path} is cut short (no end marker); nothing was restored")
        loader.restore_names_versions()
        _reset_sequences(connection, list(loader.present.values()))
    return loader.summary


def _known_revision(path: str | Path, header: dict[str, Any]) -> Any:
    """The backup's schema revision, refused when this code does not know it (a newer crmbot's)."""
    revisions = known_revisions()
    revision = header.get("revision")
    if revision is not None and revision not in revisions:
        raise BackupError(f"{path} comes from schema revision {revision}, newer than this crmbot knows "
                          f"(up to {revisions[-1] if revisions else 'none'}); upgrade crmbot to restore it")
    return revision


class _Loader:
    """Reads a backup's lines after the header into the store: a table line names the table and
    its columns, row lines follow (inserted in batches), an end line closes the file. Rows of a
    table this schema no longer has are skipped; columns it no longer has are dropped."""

    def __init__(self, connection: Connection, present: dict[str, Table], summary: Summary):
        self.connection = connection
        self.present = present
        self.summary = summary
        self.table: Table | None = None
        self.insertable: Table | None = None
        self.readers: list[tuple[str, Callable[[Any], Any]]] = []
        self.batch: list[dict[str, Any]] = []
        self.versions: list[dict[str, Any]] = []  # the teams' names versions, as backed up

    def load(self, handle: Iterable[str], path: str | Path) -> bool:
        """Every line of `handle` (the header already read); whether the end marker was reached."""
        for number, line in enumerate(handle, start=2):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                raise BackupError(f"{path}: line {number} is damaged ({exc.msg})") from exc
            if isinstance(item, list):
                if self.table is None:
                    raise BackupError(f"{path}: line {number}: a row before any table")
                self.row(item)
                continue
            self.flush()
            if item.get("end"):
                return True
            self.start_table(item)
        self.flush()
        return False

    def row(self, item: list[Any]) -> None:
        if self.insertable is None:
            return  # a table this schema no longer has
        self.batch.append({name: read(v) for (name, read), v in zip(self.readers, item) if name})
        if len(self.batch) >= BATCH:
            self.flush()

    def start_table(self, item: dict[str, Any]) -> None:
        table = self.present.get(item["table"])
        if table is None:
            self.insertable, self.readers = None, []
            known = SQLModel.metadata.tables.get(item["table"])  # known or not, skip its rows
            self.table = known if known is not None else Table(item["table"], MetaData())
            return
        self.table = table
        self.insertable = insertable_copy(table)
        self.readers = [(name, reader_for(table.c[name])) if name in table.c else ("", lambda v: v)
                        for name in item["columns"]]
        self.summary.rows.setdefault(table.name, 0)

    def flush(self) -> None:
        if self.batch and self.insertable is not None:
            if self.insertable.name == "team":
                self.versions.extend({"b_id": row["id"], "b_version": row["names_version"]}
                                     for row in self.batch if "names_version" in row)
            self.connection.execute(self.insertable.insert(), self.batch)
            name = self.insertable.name
            self.summary.rows[name] = self.summary.rows.get(name, 0) + len(self.batch)
            self.batch.clear()

    def restore_names_versions(self) -> None:
        """Loading the customers bumped the teams' names versions (storage/migrations 0008): as they were."""
        if self.versions:
            team = self.present["team"]
            self.connection.execute(update(team).where(team.c.id == bindparam("b_id"))
                                    .values(names_version=bindparam("b_version")), self.versions)
