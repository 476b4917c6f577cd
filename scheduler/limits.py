"""Token buckets that keep delivery under each platform's rate limits.

Telegram: ≤ 30 messages a second overall (29/s here, so any one-second window
holds at most 30), ≤ 1 a second per chat, ≤ 20 a minute per group (chat ids
starting with "-"). Slack: ≤ 1 a second per channel. A 429's retry-after pauses
the chat's bucket. The console has no limits.
"""
from __future__ import annotations

import asyncio
import time
from collections import deque
from dataclasses import dataclass
from typing import Callable


class TokenBucket:
    """`rate` tokens a second, at most `capacity` saved up; `take()` waits for one.

    Each `take()` reserves the next free slot (slots are 1/rate apart) and
    sleeps once until it: waiters do not race each other for a token, and a
    waiter that wakes a little late does not push the later slots back, so
    the bucket keeps its rate instead of losing every wake-up's delay.
    """

    def __init__(self, rate: float, capacity: float = 1.0, clock: Callable[[], float] = time.monotonic):
        self.rate = rate
        self.capacity = capacity
        self.clock = clock
        self.next_free = clock() - (capacity - 1) / rate   # the next slot; earlier ones are saved-up tokens
        self.paused_until = 0.0

    @property
    def tokens(self) -> float:
        """Tokens saved up now (negative: slots already reserved ahead)."""
        return min(self.capacity, (self.clock() - self.next_free) * self.rate + 1)

    def idle(self) -> bool:
        """Full and not paused: forgetting this bucket changes nothing."""
        now = self.clock()
        return self.tokens >= self.capacity and now >= self.paused_until

    def pause(self, seconds: float) -> None:
        """Take nothing for `seconds` (a 429's retry-after)."""
        self.paused_until = max(self.paused_until, self.clock() + seconds)

    def _reserve(self) -> float:
        now = self.clock()
        slot = max(self.next_free, now - (self.capacity - 1) / self.rate, self.paused_until)
        self.next_free = slot + 1 / self.rate
        return slot - now

    async def take(self) -> None:
        """Wait until a token is there, then use it."""
        while True:
            wait = self._reserve()
            if wait > 0:
                await asyncio.sleep(wait)
            if self.clock() + 1e-3 >= self.paused_until:  # a pause that came while we slept: wait it out too
                return


class SlidingWindow:
    """At most `count` takes in any `period` seconds, by the times they actually happened.

    Guards the overall cap behind the smooth bucket: waiters that woke late and
    went together cannot put more than `count` into one window.
    """

    def __init__(self, count: int, period: float = 1.0, clock: Callable[[], float] = time.monotonic):
        self.count = count
        self.period = period
        self.clock = clock
        self.times: deque[float] = deque()
        self._turn = asyncio.Lock()

    async def take(self) -> None:
        async with self._turn:
            while len(self.times) >= self.count:
                wait = self.times[0] + self.period - self.clock()
                if wait <= 0:
                    self.times.popleft()
                    continue
                await asyncio.sleep(wait)
            self.times.append(self.clock())


@dataclass(frozen=True)
class PlatformLimits:
    """Rates of one platform, in messages a second (None: unlimited)."""

    overall: float | None = None
    per_chat: float | None = None
    per_group: float | None = None
    cap: int | None = None        # and never more than this many in any one second, overall


DEFAULT_LIMITS = {
    "telegram": PlatformLimits(overall=29.0, per_chat=1.0, per_group=20 / 60, cap=30),
    "slack": PlatformLimits(overall=None, per_chat=1.0),
}


class RateLimiter:
    """One overall bucket per platform and one per chat, made on first use."""

    def __init__(self, limits: dict[str, PlatformLimits] | None = None):
        self.limits = dict(DEFAULT_LIMITS if limits is None else limits)
        self._overall: dict[str, TokenBucket] = {}
        self._chats: dict[tuple[str, str], TokenBucket] = {}
        self._windows: dict[str, SlidingWindow] = {}

    def _chat_bucket(self, platform: str, chat_id: str) -> TokenBucket | None:
        limits = self.limits.get(platform)
        if limits is None:
            return None
        rate = limits.per_group if platform == "telegram" and str(chat_id).startswith("-") else limits.per_chat
        if rate is None:
            return None
        key = (platform, str(chat_id))
        bucket = self._chats.get(key)
        if bucket is None:
            if len(self._chats) > 50_000:  # idle chats hold a full bucket: forgetting them changes nothing
                self._chats = {k: b for k, b in self._chats.items() if not b.idle()}
            bucket = self._chats[key] = TokenBucket(rate)
        return bucket

    async def acquire(self, platform: str, chat_id: str) -> None:
        """Wait until one more message to this chat is allowed (chat first, then the platform)."""
        chat = self._chat_bucket(platform, chat_id)
        if chat is not None:
            await chat.take()
        limits = self.limits.get(platform)
        if limits is not None and limits.overall is not None:
            bucket = self._overall.get(platform)
            if bucket is None:
                bucket = self._overall[platform] = TokenBucket(limits.overall)
            await bucket.take()
        if limits is not None and limits.cap is not None:
            window = self._windows.get(platform)
            if window is None:
                window = self._windows[platform] = SlidingWindow(limits.cap)
            await window.take()

    def pause(self, platform: str, chat_id: str, seconds: float) -> None:
        """The platform said 429 with retry-after `seconds` for this chat."""
        chat = self._chat_bucket(platform, chat_id)
        if chat is not None:
            chat.pause(seconds)
