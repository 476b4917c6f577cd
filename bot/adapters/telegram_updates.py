"""How PTB takes in updates here: each one stored before Telegram hears it arrived
(`InboxQueue`), and those of one chat handled one after another (`PerChatOrder`)."""
from __future__ import annotations

import asyncio
from collections import defaultdict
from typing import Any, Awaitable, Callable

from telegram import Update
from telegram.ext import BaseUpdateProcessor


def _chat_key(update: object) -> int | None:
    if isinstance(update, Update) and update.effective_chat is not None:
        return update.effective_chat.id
    if isinstance(update, Update) and update.effective_user is not None:
        return update.effective_user.id
    return None


class PerChatOrder(BaseUpdateProcessor):
    """Updates run concurrently, but those of one chat run one after another, in arrival order."""

    def __init__(self, max_concurrent_updates: int):
        super().__init__(max_concurrent_updates)
        self._locks: dict[int, asyncio.Lock] = {}
        self._users: defaultdict[int, int] = defaultdict(int)

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        key = _chat_key(update)
        if key is None:
            await coroutine
            return
        lock = self._locks.setdefault(key, asyncio.Lock())
        self._users[key] += 1
        try:
            async with lock:
                await coroutine
        finally:
            self._users[key] -= 1
            if not self._users[key]:
                del self._users[key]
                self._locks.pop(key, None)


class InboxQueue(asyncio.Queue):
    """PTB's update queue, storing each update first: polling confirms an update (the next
    offset) and the webhook answers 200 only after `put` returns, so nothing is lost in a crash.

    That order is python-telegram-bot's code, not a documented promise: its Updater awaits
    `update_queue.put(update)` for every update of a getUpdates batch before it sets the next
    offset (`_last_update_id`, telegram/ext/_updater.py), and its webhook handler awaits `put`
    before answering (telegram/ext/_utils/webhookhandler.py). pyproject.toml keeps PTB below 23;
    tests/bot/test_telegram_inbox_order.py fails if an upgrade changes the order."""

    def __init__(self, store: Callable[[Update], Awaitable[None]]):
        super().__init__()
        self._store = store

    async def put(self, item: Any) -> None:
        if isinstance(item, Update):
            await self._store(item)
        await super().put(item)
