"""The store goes away under a running `crmbot run` during a burst of notes, then comes back.

Between the process and PostgreSQL sits a loopback TCP proxy (a thread with its own event loop).
Cutting it drops every open connection and refuses new ones, as a restarting or unreachable
database server does. Reps writing meanwhile are told their note is queued; the notes wait in the
process's local spool, and once the proxy is back the spool drainer (every 5 s) applies each
exactly once and confirms it. `bench/recovery.py` measures the same with a 30 s outage.
"""
from __future__ import annotations

import asyncio
import threading
import time
from collections import Counter
from pathlib import Path
from typing import AsyncIterator

import pytest
from sqlalchemy import select
from sqlalchemy.engine import make_url
from sqlmodel import Session

from storage.models import Customer, Inbox, Interaction
from tests.bot.test_run_process import (FIRMS, REPS, BotProcess, count, message_key, notes_per_message, seed,
                                        server, shown, until)
from tests.conftest import PG_URL
from tests.fakes.telegram_server import FakeTelegram

__all__ = ["seed", "server"]  # fixtures shared with test_run_process
pytestmark = pytest.mark.skipif(not PG_URL, reason="the proxy stands between the bot and PostgreSQL "
                                                   "(set TEST_DATABASE_URL)")
TEST_SECONDS = 150
QUEUED = "your message is queued"


class StoreProxy:
    """A TCP proxy on 127.0.0.1 to the store, run by a thread with its own event loop.

    `cut()` closes the listening socket and aborts every proxied connection (new connections are
    refused); `restore()` listens again on the same port. Bounded: every call waits at most 10 s.
    """

    def __init__(self, target_host: str, target_port: int):
        self.target = (target_host, target_port)
        self.port = 0
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="store-proxy", daemon=True)
        self._server: asyncio.AbstractServer | None = None
        self._open: set[asyncio.Transport] = set()
        self.cuts = 0

    @classmethod
    def to(cls, url: str) -> "StoreProxy":
        parsed = make_url(url)
        return cls(parsed.host or "127.0.0.1", parsed.port or 5432)

    def url(self, url: str) -> str:
        """`url` with the proxy in place of the store's host and port."""
        return make_url(url).set(host="127.0.0.1", port=self.port).render_as_string(hide_password=False)

    def _call(self, coroutine) -> None:
        asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout=10)

    def start(self) -> "StoreProxy":
        self.thread.start()
        self._call(self._listen())
        return self

    def cut(self) -> None:
        self.cuts += 1
        self._call(self._cut())

    def restore(self) -> None:
        self._call(self._listen())

    def stop(self) -> None:
        if self.thread.is_alive():
            self._call(self._cut())
            self.loop.call_soon_threadsafe(self.loop.stop)
            self.thread.join(timeout=10)
        if not self.thread.is_alive():
            self.loop.close()

    @property
    def up(self) -> bool:
        return self._server is not None

    async def _listen(self) -> None:
        if self._server is None:
            self._server = await asyncio.start_server(self._pipe, "127.0.0.1", self.port)
            self.port = self._server.sockets[0].getsockname()[1]

    async def _cut(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        for transport in list(self._open):
            transport.abort()
        self._open.clear()

    async def _pipe(self, client_reader: asyncio.StreamReader, client_writer: asyncio.StreamWriter) -> None:
        try:
            upstream_reader, upstream_writer = await asyncio.wait_for(asyncio.open_connection(*self.target), 5)
        except (OSError, asyncio.TimeoutError):
            client_writer.transport.abort()
            return
        pair = (client_writer.transport, upstream_writer.transport)
        self._open.update(pair)

        async def copy(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            try:
                while chunk := await reader.read(65536):
                    writer.write(chunk)
                    await writer.drain()
            except (OSError, asyncio.CancelledError):
                pass
            finally:
                for transport in pair:
                    transport.abort()
                    self._open.discard(transport)

        await asyncio.gather(copy(client_reader, upstream_writer), copy(upstream_reader, client_writer))


@pytest.fixture
def proxy(database_url) -> "StoreProxy":
    running = StoreProxy.to(database_url).start()
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture
async def proxied_bot(server, proxy, database_url, tmp_path) -> AsyncIterator[BotProcess]:
    """One `crmbot run` (polling the fake) whose store is reached through the proxy; killed after the test."""
    process = BotProcess(server, proxy.url(database_url), tmp_path, 1)
    try:
        yield process
    finally:
        process.kill()


def push_notes(server: FakeTelegram, firms: list[str], pushed: dict[str, tuple[int, int]]) -> None:
    for firm in firms:
        rep = REPS[len(pushed) % len(REPS)]
        pushed[firm] = (rep, server.push_text(rep, f"Called {firm}, quick check-in", name=f"Rep {rep}"))


def answers_for(server: FakeTelegram, firm: str, rep: int) -> list[str]:
    """What the bot told `rep` about the note on `firm`: the queued notice and/or the confirmation."""
    return [shown(c) for c in server.sent(rep) if firm in shown(c) or QUEUED in shown(c)]


async def test_store_cut_for_seconds_during_a_burst_every_note_is_queued_then_applied_once(
        server, proxied_bot, proxy, seed, engine, tmp_path):
    async with asyncio.timeout(TEST_SECONDS):
        seed(REPS, FIRMS)
        bot = proxied_bot
        await bot.start()
        before, during, after = FIRMS[:20], FIRMS[20:70], FIRMS[70:]
        pushed: dict[str, tuple[int, int]] = {}

        push_notes(server, before, pushed)  # the store is up: recorded at once
        await until(lambda: count(engine, Interaction) >= len(before), 30, "the first notes applied", bot)

        proxy.cut()
        cut_at = time.monotonic()
        for start in range(0, len(during), 10):  # 50 notes over ~6 s while the store is away
            push_notes(server, during[start:start + 10], pushed)
            await asyncio.sleep(1.2)
        await until(lambda: sum(QUEUED in shown(c) for c in server.sent()) >= len(during), 20,
                    "the queued replies", bot)
        await asyncio.sleep(max(0.0, 7.0 - (time.monotonic() - cut_at)))
        assert count(engine, Interaction) == len(before), "nothing can be applied while the store is away"
        spool = Path(tmp_path) / "crm-spool.jsonl"
        assert spool.exists(), "the queued notes are kept in the process's spool"
        outage = time.monotonic() - cut_at
        proxy.restore()
        back_at = time.monotonic()

        push_notes(server, after, pushed)  # the store is back: these go straight in
        await until(lambda: count(engine, Interaction) >= len(FIRMS)
                    and count(engine, Inbox, Inbox.processed_at.is_(None)) == 0, 40, "every note applied", bot)
        recovered = time.monotonic() - back_at
        await until(lambda: all(any(f"Recorded for {firm}:" in shown(c) for c in server.sent(rep))
                                for firm, (rep, _) in pushed.items()), 20, "every note confirmed", bot)
        await until(lambda: not spool.exists(), 10, "the spool emptied", bot)

        # every note applied exactly once, on its own customer
        assert count(engine, Interaction) == len(FIRMS)
        assert notes_per_message(engine) == Counter({message_key(server, u): 1 for _, u in pushed.values()})
        with Session(engine) as session:
            per_firm = Counter(session.execute(select(Customer.name).join(
                Interaction, Interaction.customer_id == Customer.id)).scalars())
        assert per_firm == Counter({firm: 1 for firm in FIRMS})

        # reps writing during the outage were told their note is queued, then that it was recorded
        sent = [shown(c) for c in server.sent()]
        assert sum(QUEUED in text for text in sent) == len(during), Counter(QUEUED in text for text in sent)
        assert not [text for text in sent if "Something went wrong" in text]
        for firm in during:
            rep = pushed[firm][0]
            recorded = [text for text in answers_for(server, firm, rep) if f"Recorded for {firm}:" in text]
            assert len(recorded) == 1, (firm, answers_for(server, firm, rep))
        for firm in before + after:
            rep = pushed[firm][0]
            assert [text for text in answers_for(server, firm, rep) if firm in text] == \
                   [next(t for t in answers_for(server, firm, rep) if f"Recorded for {firm}:" in t)]
        assert await bot.stop() == 0, bot.output()
        print(f"store away {outage:.1f} s: {len(during)} notes queued; all {len(FIRMS)} applied "
              f"{recovered:.1f} s after it came back")
