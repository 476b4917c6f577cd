"""The scheduler inside `crmbot run`: APScheduler only ticks; the store owns every reminder.

One interval job with a fixed id, every 60 s, in APScheduler's memory job
store: nothing is pickled and no personal data sits in the job store. The
job coalesces and never overlaps itself (`max_instances=1`); a tick that the
event loop could not start on time still runs within `misfire_grace_time`.
The first tick runs at start, so whatever came due while the process was
down goes out once (the ledger remembers what was already sent).

    from scheduler import runner
    runner.start(sender, engine, settings)   # inside the running event loop
    ...
    runner.shutdown()
"""
from __future__ import annotations

import logging
from datetime import datetime, timezone
from typing import Any

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from sqlalchemy.engine import Engine

from storage import clock
from scheduler.delivery import Delivery, Sender
from scheduler.limits import RateLimiter
from scheduler.lock import TickLock, make_lock
from scheduler.tick import TickReport, tick

log = logging.getLogger(__name__)
JOB_ID = "crmbot-nudges-tick"
INTERVAL_SECONDS = 60.0
MISFIRE_GRACE_SECONDS = 300


class Runner:
    """One process's scheduler: the APScheduler job, the tick lock, the delivery and its limits."""

    def __init__(self, sender: Sender, engine: Engine, settings: Any = None, *,
                 interval: float = INTERVAL_SECONDS, lock: TickLock | None = None,
                 delivery: Delivery | None = None):
        self.engine = engine
        self.settings = settings
        self.interval = interval
        self.lock = lock or make_lock(engine)
        self.delivery = delivery or Delivery(sender, RateLimiter())
        self.scheduler: AsyncIOScheduler | None = None
        self.last: TickReport | None = None
        self.last_at: datetime | None = None  # when the last tick ran (for /healthz)

    async def run_once(self) -> TickReport:
        """One tick now (what the job calls); errors are logged, never raised into APScheduler."""
        self.last_at = clock.now()
        try:
            self.last = await tick(self.engine, now=clock.now(), settings=self.settings,
                                   lock=self.lock, delivery=self.delivery, renew_every=self.interval)
            if self.last.ran and self.last.messages:
                log.info("nudges: %d due, %d messages, %d sent, %d failed, %d blocked", self.last.due,
                         self.last.messages, self.last.sent, self.last.failed, self.last.blocked)
        except Exception:  # noqa: BLE001
            log.exception("nudges: the tick failed; the next one will try again")
            self.last = TickReport(ran=False, errors=["tick failed"])
        return self.last

    def start(self) -> AsyncIOScheduler:
        """Start ticking (call from inside the running event loop)."""
        scheduler = AsyncIOScheduler(timezone=timezone.utc)
        scheduler.add_job(self.run_once, "interval", seconds=self.interval, id=JOB_ID, name="nudges tick",
                          replace_existing=True, coalesce=True, max_instances=1,
                          misfire_grace_time=MISFIRE_GRACE_SECONDS,
                          next_run_time=clock.wall())  # APScheduler keeps wall time
        scheduler.start()
        self.scheduler = scheduler
        return scheduler

    def shutdown(self) -> None:
        """Stop ticking and let another process take the lock."""
        if self.scheduler is not None and self.scheduler.running:
            self.scheduler.shutdown(wait=False)
        self.scheduler = None
        try:
            self.lock.release()
        except Exception:  # noqa: BLE001
            log.warning("nudges: could not release the tick lock", exc_info=True)


_current: Runner | None = None


def start(sender: Sender, engine: Engine, settings: Any = None, **options: Any) -> Runner:
    """Start the process's scheduler (inside the running event loop); returns the Runner."""
    global _current
    if _current is not None:
        _current.shutdown()
    _current = Runner(sender, engine, settings, **options)
    _current.start()
    return _current


def shutdown() -> None:
    """Stop the process's scheduler, if started."""
    global _current
    if _current is not None:
        _current.shutdown()
        _current = None
