"""The inbox's guarantee on Telegram rests on python-telegram-bot's order of work: polling asks for
the next offset (which tells Telegram an update arrived) only after `update_queue.put` returned for
every update of the batch, and a webhook request is answered 200 only after `put` returned. That
order is PTB's code (telegram/ext/_updater.py, _utils/webhookhandler.py in 22.x), not a documented
promise: these tests fail if an upgrade changes it. Real PTB against the fake Bot API."""
from __future__ import annotations

import asyncio
import socket

import aiohttp
from telegram import Update
from telegram.ext import Application

from bot.adapters.telegram_updates import InboxQueue
from tests.fakes.telegram_server import TOKEN, telegram_server  # noqa: F401

WINDOW = 1.0  # seconds PTB is given to (wrongly) confirm an update the inbox has not kept yet


class Inbox:
    """An inbox that takes its time: `put` returns only when the test releases it."""

    def __init__(self) -> None:
        self.kept: list[int] = []
        self.arrived = asyncio.Event()
        self.release = asyncio.Event()

    async def store(self, update: Update) -> None:
        self.arrived.set()
        await self.release.wait()
        self.kept.append(update.update_id)


def _app(inbox: Inbox, base_url: str) -> Application:
    return (Application.builder().update_queue(InboxQueue(inbox.store)).token(TOKEN).base_url(base_url)
            .build())


async def _confirmed_beyond(server, update_id: int, within: float) -> bool:
    """Whether the bot asks for an offset past `update_id` within `within` seconds."""
    try:
        await server.wait_for(lambda: server.confirmed_offset > update_id, timeout=within)
    except AssertionError:  # the fake's wait timed out
        return False
    return True


async def test_polling_confirms_an_update_only_after_the_inbox_kept_it(telegram_server):
    inbox = Inbox()
    app = _app(inbox, telegram_server.base_url)
    first = telegram_server.push_text(42, "Called Globex")
    second = telegram_server.push_text(42, "Visited Initech")
    await app.initialize()
    assert app.updater is not None
    await app.updater.start_polling(timeout=1, drop_pending_updates=False)
    try:
        await asyncio.wait_for(inbox.arrived.wait(), 10)
        assert not await _confirmed_beyond(telegram_server, first, WINDOW)   # neither is confirmed yet
        inbox.release.set()
        assert await _confirmed_beyond(telegram_server, second, 10)
        assert inbox.kept == [first, second]                                 # both kept before the offset moved
    finally:
        await app.updater.stop()
        await app.shutdown()


async def test_a_webhook_update_is_answered_only_after_the_inbox_kept_it(telegram_server):
    inbox = Inbox()
    app = _app(inbox, telegram_server.base_url)
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    await app.initialize()
    assert app.updater is not None
    await app.updater.start_webhook(listen="127.0.0.1", port=port, url_path="hook",
                                    webhook_url="https://crm.example.com/hook", secret_token="s3cret")
    update = {"update_id": 9001, "message": telegram_server.message(42, "Called Globex")}
    try:
        async with aiohttp.ClientSession() as http:
            answer = asyncio.ensure_future(http.post(f"http://127.0.0.1:{port}/hook", json=update,
                                                     headers={"X-Telegram-Bot-Api-Secret-Token": "s3cret"}))
            await asyncio.wait_for(inbox.arrived.wait(), 10)
            done, _ = await asyncio.wait({answer}, timeout=WINDOW)
            assert not done, "the webhook answered before the inbox kept the update"
            inbox.release.set()
            response = await asyncio.wait_for(answer, 10)
            assert response.status == 200 and inbox.kept == [9001]
            response.release()
    finally:
        await app.updater.stop()
        await app.shutdown()

