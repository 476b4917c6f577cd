"""Sending one message: the `Sender` the adapters provide, rate limits, retries with backoff.

A `Sender` raises on failure. An exception whose `.status` is 403 means the
user blocked the bot: no retry. One with `.retry_after` (HTTP 429) is retried
after that many seconds, and the chat's bucket pauses as long; these retries
have a larger budget, since the platform is only asking us to slow down.
Anything else is retried with exponential backoff (tenacity), a few times.
"""
from __future__ import annotations

import asyncio
import warnings
from dataclasses import dataclass
from datetime import timedelta
from typing import Protocol

from tenacity import AsyncRetrying, RetryCallState, retry_if_exception

from handlers.reply import Reply
from scheduler.limits import RateLimiter


class Sender(Protocol):
    """What the adapters give the scheduler: send one reply to one chat on one platform."""

    async def send(self, platform: str, chat_id: str, reply: Reply) -> None:
        """Deliver `reply`; raise (with `.status == 403` when blocked, `.retry_after` on 429) on failure."""


@dataclass
class Outcome:
    """How a delivery ended: sent, blocked (403) or failed, after how many tries."""

    sent: bool
    attempts: int
    error: str | None = None
    blocked: bool = False


def _retry_after(exc: BaseException | None) -> float | None:
    """The seconds a 429 asks to wait: a number, or a timedelta (python-telegram-bot's RetryAfter from v22.2)."""
    if exc is None:
        return None
    with warnings.catch_warnings():  # PTB warns that its int form is deprecated
        warnings.simplefilter("ignore")
        value = getattr(exc, "retry_after", None)
    if isinstance(value, timedelta):
        return max(0.0, value.total_seconds())
    try:
        return max(0.0, float(value)) if value is not None else None
    except (TypeError, ValueError):
        return None


def _retryable(exc: BaseException) -> bool:
    """Failures worth another try: ordinary errors other than 403 (never cancellation or exit)."""
    return isinstance(exc, Exception) and getattr(exc, "status", None) != 403


def describe(exc: BaseException) -> str:
    """An exception in one line for the ledger."""
    status = getattr(exc, "status", None)
    prefix = f"HTTP {status}: " if status else ""
    return f"{prefix}{type(exc).__name__}: {exc}".strip()


class Delivery:
    """Sends through a `Sender` within the rate limits, retrying as the module says."""

    def __init__(self, sender: Sender, limiter: RateLimiter | None = None, *, tries: int = 3,
                 base_delay: float = 1.0, max_delay: float = 30.0, max_throttled: int = 30,
                 timeout: float = 30.0):
        self.sender = sender
        self.limiter = limiter or RateLimiter()
        self.tries = tries
        self.base_delay = base_delay
        self.max_delay = max_delay
        self.max_throttled = max_throttled
        self.timeout = timeout

    async def send(self, platform: str, chat_id: str, reply: Reply) -> Outcome:
        """Deliver one message; never raises for a send failure (the outcome says what happened)."""
        counts = {"attempts": 0, "errors": 0, "throttled": 0}

        def stop(state: RetryCallState) -> bool:
            exc = state.outcome.exception() if state.outcome else None
            if _retry_after(exc) is not None:
                counts["throttled"] += 1
                return counts["throttled"] >= self.max_throttled
            counts["errors"] += 1
            return counts["errors"] >= self.tries

        def wait(state: RetryCallState) -> float:
            exc = state.outcome.exception() if state.outcome else None
            after = _retry_after(exc)
            if after is not None:
                self.limiter.pause(platform, chat_id, after)
                return after
            return min(self.max_delay, self.base_delay * 2 ** max(0, counts["errors"] - 1))

        retrying = AsyncRetrying(stop=stop, wait=wait, reraise=True,
                                 retry=retry_if_exception(_retryable))
        try:
            async for attempt in retrying:
                with attempt:
                    await self.limiter.acquire(platform, chat_id)
                    counts["attempts"] += 1
                    await asyncio.wait_for(self.sender.send(platform, chat_id, reply), self.timeout)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # noqa: BLE001  (every failure is recorded, none escapes)
            blocked = getattr(exc, "status", None) == 403
            return Outcome(False, counts["attempts"], describe(exc), blocked=blocked)
        return Outcome(True, counts["attempts"])
