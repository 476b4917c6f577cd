"""Engine and sessions: SQLite by default (WAL, busy timeout, foreign keys), PostgreSQL when given."""
from __future__ import annotations

import fcntl
import json
import time
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterator, TypeVar

from sqlalchemy import event, inspect, text
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, DisconnectionError, NoSuchModuleError, OperationalError
from sqlmodel import Session, create_engine

T = TypeVar("T")
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
IDLE_PING_S = 10.0  # a pooled PostgreSQL connection unused this long is pinged before use
SCHEMA_LOCK_KEY = 0x63726D62  # "crmb": the advisory lock processes take turns on to create or migrate the schema


def is_busy(exc: BaseException) -> bool:
    """True when another writer won a race: SQLite's "database is locked", PostgreSQL's deadlock
    (one of two transactions is cancelled) or serialization failure. Worth a retry."""
    text = str(exc)
    return any(sign in text for sign in ("database is locked", "database table is locked", "deadlock detected",
                                         "could not serialize access"))


class StoreError(RuntimeError):
    """The store cannot be used as configured; the message says what to fix."""


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:  # DB-API objects are untyped
    dbapi_connection.isolation_level = None  # transactions are begun below, not by the driver
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA busy_timeout=10000")  # first: switching a new file to WAL waits its turn too
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _begin(connection: Connection) -> None:
    """Begin SQLite transactions ourselves (the driver's own handling breaks SAVEPOINTs).

    Deferred by default, so readers never block writers. A session made with `writer=True`
    takes the write lock at once (BEGIN IMMEDIATE): it waits its turn up to the busy timeout
    instead of failing with "database is locked" when it writes after reading."""
    immediate = connection.get_execution_options().get("sqlite_immediate")
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_engine(url: str | URL, relaxed: bool = False) -> Engine:
    """An engine for `url`; PostgreSQL URLs use psycopg 3 unless a driver is named.

    `relaxed`: on PostgreSQL its commits do not wait for the WAL to reach the disk (see `relaxed`)."""
    shown = _without_password(str(url)) if not isinstance(url, URL) else url.render_as_string(hide_password=True)
    try:
        parsed = make_url(url)
        parsed.port  # noqa: B018  (a port that is not a number fails here, not at the first connection)
    except (ArgumentError, ValueError) as exc:
        what = "has a port that is not a number" if isinstance(exc, ValueError) and "int" in str(exc) \
            else "is not a database URL"
        raise StoreError(f"DATABASE_URL {what} ({shown}): write it like sqlite:///crm.db or "
                         "postgresql://user:password@host:5432/name") from exc
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    try:
        return _create(parsed, relaxed)
    except NoSuchModuleError as exc:
        raise StoreError(f"DATABASE_URL names a database crmbot does not support ({parsed.drivername}): use "
                         "sqlite:///path.db or postgresql://user:password@host:5432/name") from exc
    except ImportError as exc:
        raise StoreError(f"DATABASE_URL needs a driver that is not installed ({exc.name or exc}) for "
                         f"{parsed.get_backend_name()}: crmbot stores its data in SQLite or PostgreSQL") from exc


def _without_password(url: str) -> str:
    """`url` with a password written in it masked (for messages about a URL that does not parse)."""
    import re

    return re.sub(r"(://[^:/@\s]*:)[^@\s]+@", r"\1***@", url)


def _create(parsed: URL, relaxed: bool) -> Engine:
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(parsed, connect_args={"check_same_thread": False, "timeout": 10},
                               json_serializer=_json_text)
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _begin)
    else:
        options = {"options": "-c synchronous_commit=off"} if relaxed else {}
        engine = create_engine(parsed, pool_size=10, max_overflow=20, connect_args=options,
                               json_serializer=_json_text)
        event.listen(engine.pool, "checkout", _ping_if_idle(engine))
        event.listen(engine.pool, "checkin", _checked_in)
    return engine


def _json_text(value: object) -> str:
    """JSON columns hold text as written ("Казань", "上海"), so a search can read custom fields."""
    return json.dumps(value, ensure_ascii=False)


def _checked_in(_dbapi_connection: Any, record: Any) -> None:
    record.info["idle_since"] = time.monotonic()


def _ping_if_idle(engine: Engine) -> Callable[[Any, Any, Any], None]:
    """A pooled connection idle for a while is pinged before use; a dead one is replaced.

    Like `pool_pre_ping`, but a busy bot does not pay a round trip on every checkout: a
    connection that was in use within the last `IDLE_PING_S` seconds is trusted, and if the
    server went away meanwhile the statement fails as a disconnect, which invalidates the pool
    and is retried once (see `bot.pipeline`)."""
    def checkout(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        idle_since = record.info.get("idle_since")
        if idle_since is not None and time.monotonic() - idle_since < IDLE_PING_S:
            return
        try:
            engine.dialect.do_ping(dbapi_connection)
        except Exception as exc:  # the pool opens a new connection instead
            raise DisconnectionError(str(exc)) from exc
    return checkout


def is_disconnect(exc: BaseException) -> bool:
    """True when a statement failed because the server connection died (worth one retry on a
    fresh connection: the pool has already dropped the dead ones)."""
    return bool(getattr(exc, "connection_invalidated", False))


@lru_cache(maxsize=8)
def autocommit(engine: Engine) -> Engine:
    """`engine` for one-statement writes that need no transaction around them (PostgreSQL:
    no BEGIN/COMMIT round trips); SQLite keeps its own explicit transactions."""
    if engine.dialect.name == "sqlite":
        return engine
    return engine.execution_options(isolation_level="AUTOCOMMIT")


class KeptConnections:
    """Connections a process keeps for one-statement writes (autocommit on PostgreSQL), one per
    engine: no pool checkout, isolation switch and reset per statement. One that died is replaced
    and the write run once more. For one thread (an event loop's), like the writes it serves."""

    def __init__(self) -> None:
        self._held: dict[Engine, Connection] = {}

    def run(self, engine: Engine, write: Callable[[Connection], T]) -> T:
        """`write(connection)` on its own, committed."""
        engine = autocommit(engine)
        for attempt in range(2):
            connection = self._held.get(engine)
            if connection is None or connection.closed or connection.invalidated:
                connection = self._held[engine] = engine.connect()
            try:
                with connection.begin():
                    return write(connection)
            except OperationalError as exc:
                if connection.invalidated:
                    connection.close()
                if attempt or not is_disconnect(exc):
                    raise
        raise AssertionError("unreachable")


@lru_cache(maxsize=8)
def relaxed(engine: Engine) -> Engine:
    """`engine` for writes that can be redone if the server crashes before they reach the disk.

    A chat message is stored in the inbox (durably) before the platform is told it arrived, and
    its records commit together with the inbox's processed mark; if PostgreSQL crashed in the
    moment after such a commit, the mark is lost with the records and the message is simply
    applied again from the inbox. So those commits need not wait for the WAL flush
    (`synchronous_commit = off`: a crash of the server loses at most its last fraction of a
    second, never half a transaction; a crash of the bot loses nothing). SQLite already commits
    this way in WAL mode (`synchronous = NORMAL`), so there it is `engine` itself."""
    if engine.dialect.name == "sqlite":
        return engine
    return make_engine(engine.url, relaxed=True)


def migrate(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to the newest migration (creates it on first use). Processes that start at
    once take turns (see `schema_lock`); whoever comes second finds the work done."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with schema_lock(engine), engine.connect() as connection, _references_checked_at_the_end(connection):
        with connection.begin():
            if revision == "head" and _at_head_on(connection):
                return
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
            _check_references(connection)


@contextmanager
def _references_checked_at_the_end(connection: Connection) -> Iterator[None]:
    """On SQLite, a migration that rebuilds a table (batch mode: copy, drop, rename) drops a table
    other rows refer to: foreign keys are not enforced row by row while it runs (SQLite only lets
    that change outside a transaction) and are checked as a whole before it commits."""
    if connection.dialect.name != "sqlite":
        yield
        return
    raw = connection.connection.driver_connection
    if raw is None:  # never for a connection just checked out; the migration then runs as it is
        yield
        return
    raw.execute("PRAGMA foreign_keys=OFF")  # isolation_level None: runs at once, outside a transaction
    try:
        yield
    finally:
        raw.execute("PRAGMA foreign_keys=ON")


def _check_references(connection: Connection) -> None:
    """A migration must leave no row pointing at a row that is not there (SQLite; PostgreSQL checks
    every statement itself)."""
    if connection.dialect.name != "sqlite":
        return
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
    if broken:
        raise StoreError(f"a migration would leave {len(broken)} row(s) pointing at rows that are gone "
                         f"(first: {tuple(broken[0])}); nothing was changed")


@contextmanager
def schema_lock(engine: Engine) -> Iterator[None]:
    """Held while the schema is created or migrated, across processes: a PostgreSQL advisory lock
    (on a connection of its own, for as long as the work takes), a lock file beside a SQLite file."""
    if engine.dialect.name == "sqlite":
        database = engine.url.database
        if not database or database == ":memory:" or database.startswith("file:"):
            yield
            return
        path = Path(database).with_name(Path(database).name + ".schema-lock")
        with open(path, "a") as guard:
            fcntl.flock(guard, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(guard, fcntl.LOCK_UN)
        return
    with engine.connect() as holder:
        holder.execute(text("SELECT pg_advisory_lock(:key)"), {"key": SCHEMA_LOCK_KEY})
        try:
            yield
        finally:
            holder.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": SCHEMA_LOCK_KEY})
            holder.commit()


def _heads() -> set[str]:
    return {p.stem.split("_")[0] for p in (MIGRATIONS / "versions").glob("[0-9]*.py")}


def _at_head_on(connection: Connection) -> bool:
    if not inspect(connection).has_table("alembic_version"):
        return False
    heads = _heads()
    current = {row[0] for row in connection.execute(text("SELECT version_num FROM alembic_version"))}
    return bool(current) and current <= heads and max(heads) in current


def _at_head(engine: Engine) -> bool:
    with engine.connect() as connection:
        return _at_head_on(connection)


@lru_cache(maxsize=8)
def get_engine(url: str) -> Engine:
    """The engine for `url`, with the schema migrated; one per URL per process."""
    engine = make_engine(url)
    try:
        if not _at_head(engine):
            migrate(engine)
    except StoreError:
        raise
    except Exception as exc:
        raise StoreError(f"cannot open the store at {engine.url.render_as_string(hide_password=True)}: "
                         f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}") from exc
    return engine


def session(engine: Engine, writer: bool = False) -> Session:
    """A new session; objects stay readable after commit. `writer`: one that reads then writes
    (a chat message); on SQLite it queues for the write lock up front."""
    if writer and engine.dialect.name == "sqlite":
        return Session(engine.execution_options(sqlite_immediate=True), expire_on_commit=False)
    return Session(engine, expire_on_commit=False)
