"""Token buckets that keep delivery under each platform's rate limits.

Telegram: ≤ 30 messages a second overall (29/s here, so any one-second window
holds at most 30), ≤ 1 a second per chat, ≤ 20 a minute per group (chat ids
starting with "-"). Slack: ≤ 1 a second per channel. A 429's retry-after pauses
the chat's bucket. The console has no limits.
"""
from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from typing import Callable


class TokenBucket:
    """`rate` tokens a second, at most `capacity` saved up; `take()` waits for one."""

    def __init__(self, rate: float, capacity: float = 1.0, clock: Callable[[], float] = time.monotonic):
        self.rate = rate
        self.capacity = capacity
        self.tokens = capacity
        self.clock = clock
        self.updated = clock()
        self.paused_until = 0.0

    def _refill(self, now: float) -> None:
        self.tokens = min(self.capacity, self.tokens + (now - self.updated) * self.rate)
        self.updated = now

    def pause(self, seconds: float) -> None:
        """Take nothing for `seconds` (a 429's retry-after)."""
        self.paused_until = max(self.paused_until, self.clock() + seconds)

    async def take(self) -> None:
        """Wait until a token is there, then use it."""
        while True:
            now = self.clock()
            if now < self.paused_until:
                await asyncio.sleep(self.paused_until - now)
                continue
            self._refill(now)
            if self.tokens >= 1:
                self.tokens -= 1
                return
            await asyncio.sleep((1 - self.tokens) / self.rate)


@dataclass(frozen=True)
class PlatformLimits:
    """Rates of one platform, in messages a second (None: unlimited)."""

    overall: float | None = None
    per_chat: float | None = None
    per_group: float | None = None


DEFAULT_LIMITS = {
    "telegram": PlatformLimits(overall=29.0, per_chat=1.0, per_group=20 / 60),
    "slack": PlatformLimits(overall=None, per_chat=1.0),
}


class RateLimiter:
    """One overall bucket per platform and one per chat, made on first use."""

    def __init__(self, limits: dict[str, PlatformLimits] | None = None):
        self.limits = dict(DEFAULT_LIMITS if limits is None else limits)
        self._overall: dict[str, TokenBucket] = {}
        self._chats: dict[tuple[str, str], TokenBucket] = {}

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
                self._chats = {k: b for k, b in self._chats.items() if b.tokens < b.capacity}
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

    def pause(self, platform: str, chat_id: str, seconds: float) -> None:
        """The platform said 429 with retry-after `seconds` for this chat."""
        chat = self._chat_bucket(platform, chat_id)
        if chat is not None:
            chat.pause(seconds)
