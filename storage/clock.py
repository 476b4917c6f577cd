"""The one clock: every "now" in the product is `clock.now()`.

Two layers, so that a message's writes all carry the message's instant:

- the process clock: the wall clock, unless something installs another with `use()` (tests,
  `crmbot say --now`, `crmbot nudges --date`);
- the message clock: while a message is handled, `at(instant)` fixes "now" to its instant for that
  task (contextvars: concurrent messages each see their own), so its audit entries, `created_at`
  columns and invite expiries agree with the note's own date.

No other module reads the wall clock for a date (tests/test_one_clock.py checks); durations
(`time.monotonic`, `time.perf_counter`) are not dates and stay where they are.
"""
from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime, timezone, tzinfo
from typing import Callable, Iterator

Source = Callable[[], datetime]


def wall() -> datetime:
    """The machine's clock, aware, in UTC."""
    return datetime.now(timezone.utc)


_process: Source = wall
_message: ContextVar[datetime | None] = ContextVar("crmbot_message_now", default=None)


def now() -> datetime:
    """The current instant, aware, in UTC: the handled message's, else the process clock's."""
    fixed = _message.get()
    instant = fixed if fixed is not None else _process()
    return instant.astimezone(timezone.utc)


def today(zone: tzinfo) -> date:
    """The local date in `zone` at `now()`."""
    return now().astimezone(zone).date()


def use(source: Source | None) -> Source:
    """Install `source` as the process clock (None: the wall clock again); returns the one it replaces."""
    global _process
    previous, _process = _process, source or wall
    return previous


@contextmanager
def using(source: Source | None) -> Iterator[None]:
    """The process clock is `source` inside the block, and what it was after."""
    previous = use(source)
    try:
        yield
    finally:
        use(previous)


@contextmanager
def at(instant: datetime) -> Iterator[None]:
    """Inside the block (and the tasks it awaits), "now" is `instant`."""
    token = _message.set(instant)
    try:
        yield
    finally:
        _message.reset(token)
