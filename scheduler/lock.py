"""Only one process ticks: a PostgreSQL advisory lock, or a lease row on SQLite.

PostgreSQL: `pg_try_advisory_lock` on a dedicated connection held for as long
as the process ticks (a session-level lock: it goes when the connection goes,
so a dead process frees it at once). SQLite: a `schedulerlock` row naming the
holder until `expires_at`; the holder renews it every tick (and during long
deliveries); another process takes it over once the lease has run out.
"""
from __future__ import annotations

import logging
import os
import socket
import uuid
from datetime import datetime, timedelta
from typing import Protocol

from sqlalchemy import case, delete, or_, text, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError

from storage import clock
from storage.models import SchedulerLock, table_of

log = logging.getLogger(__name__)
ADVISORY_KEY = 0x63726D62  # "crmb"
LOCK_NAME = "tick"


class TickLock(Protocol):
    """Who may tick: `acquire()` is true while this process holds the lock."""

    def acquire(self) -> bool:
        """Take or keep the lock; false when another process holds it."""

    def release(self) -> None:
        """Let go (on shutdown)."""


class AdvisoryLock:
    """A session-level PostgreSQL advisory lock on a connection of its own."""

    def __init__(self, engine: Engine, key: int = ADVISORY_KEY):
        self.engine = engine
        self.key = key
        self.connection: Connection | None = None

    def acquire(self) -> bool:
        """Keep the lock while the connection lives; try to take it otherwise."""
        if self.connection is not None:
            try:
                self.connection.execute(text("SELECT 1"))
                return True
            except Exception:  # noqa: BLE001  (the connection died: so did the lock)
                log.warning("scheduler lock connection lost; trying to take the lock again")
                self._drop()
        connection = self.engine.connect().execution_options(isolation_level="AUTOCOMMIT")
        try:
            got = bool(connection.execute(text("SELECT pg_try_advisory_lock(:key)"), {"key": self.key}).scalar())
        except Exception:
            connection.close()
            raise
        if not got:
            connection.close()
            return False
        self.connection = connection
        return True

    def _drop(self) -> None:
        if self.connection is not None:
            try:
                self.connection.invalidate()
                self.connection.close()
            except Exception:  # noqa: BLE001
                pass
        self.connection = None

    def release(self) -> None:
        """Unlock and give the connection back."""
        if self.connection is None:
            return
        try:
            self.connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": self.key})
            self.connection.close()
        except Exception:  # noqa: BLE001
            self._drop()
        self.connection = None


class LeaseLock:
    """A lock row with a lease: held by `holder` until `expires_at`, renewed by each acquire."""

    def __init__(self, engine: Engine, lease: timedelta = timedelta(minutes=5), name: str = LOCK_NAME,
                 holder: str | None = None):
        self.engine = engine
        self.lease = lease
        self.name = name
        self.holder = holder or f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"

    def acquire(self, now: datetime | None = None) -> bool:
        """Renew our lease, take an expired one over, or create the row; false if someone else holds it."""
        now = now or clock.now()
        table = table_of(SchedulerLock)
        with self.engine.begin() as connection:
            taken = connection.execute(
                update(table).where(table.c.name == self.name,
                                    or_(table.c.holder == self.holder, table.c.expires_at < now))
                .values(holder=self.holder, expires_at=now + self.lease,
                        acquired_at=case((table.c.holder == self.holder, table.c.acquired_at), else_=now)))
            if taken.rowcount == 1:
                return True
        try:
            with self.engine.begin() as connection:
                connection.execute(table.insert().values(name=self.name, holder=self.holder,
                                                         expires_at=now + self.lease, acquired_at=now))
            return True
        except IntegrityError:
            return False

    def release(self) -> None:
        """Give the row up, if it is still ours."""
        table = table_of(SchedulerLock)
        with self.engine.begin() as connection:
            connection.execute(delete(table).where(table.c.name == self.name, table.c.holder == self.holder))


def make_lock(engine: Engine) -> TickLock:
    """The advisory lock on PostgreSQL, the lease row elsewhere."""
    if engine.dialect.name == "postgresql":
        return AdvisoryLock(engine)
    return LeaseLock(engine)
