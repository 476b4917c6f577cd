"""Notes per second end-to-end through the Telegram adapter, with reply latency.

    .venv/bin/python bench/telegram.py [--reps 20] [--notes 2000] [--database-url URL] [--single]

The real `TelegramAdapter` built in-process (`TelegramAdapter(..., overall_max_rate=0)`:
python-telegram-bot polling, the inbox queue, per-chat ordering, the whole pipeline, replies
rendered and sent; the flood limiter lifted, so this measures the bot, not Telegram's 30
messages/s) against the fake Bot API of the tests on loopback. By default the adapter runs in a
process of its own (spawned by this script, as `crmbot run` would be) and the fake with the reps
in this one; `--single` puts all three in one event loop, so the fake's HTTP work counts against
the bot.

`--reps` members write at once, each sending a realistic note (visits, calls, quotes, follow-ups
in English, Chinese and Russian) as soon as the bot answered their previous one. Latency: from
the update being queued at the fake to the bot's sendMessage reaching it (includes long polling).
Goal: ≥ 200 notes/s on SQLite. Prints one markdown table row.
"""
from __future__ import annotations

import argparse
import asyncio
import logging
import multiprocessing
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
# this file is named like the `telegram` package: keep bench/ off the import path
sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() != HERE]

from sqlmodel import Session  # noqa: E402

from bot.adapters.telegram import TelegramAdapter  # noqa: E402
from bot.pipeline import Bot  # noqa: E402
from bot.settings import Settings  # noqa: E402
from storage.engine import get_engine  # noqa: E402
from storage.members import add_user, get_team  # noqa: E402
from tests.fakes.rep_notes import rep_note  # noqa: E402
from tests.fakes.telegram_server import FakeTelegram  # noqa: E402

TOKEN = "123:BENCH"
FIRST_REP = 10_001


class Server(FakeTelegram):
    """The tests' fake Bot API, telling each chat's waiter when a message went to it."""

    def __init__(self) -> None:
        super().__init__(token=TOKEN)
        self.waiters: dict[object, asyncio.Future] = {}

    def _m_sendMessage(self, params: dict) -> dict:
        result = super()._m_sendMessage(params)
        waiter = self.waiters.pop(params.get("chat_id"), None)
        if waiter is not None and not waiter.done():
            waiter.set_result(params.get("text", ""))
        return result


def serve_bot(url: str, base_url: str, ready: Any, stop: Any, profile: str | None = None) -> None:
    """The bot's own process: the adapter polling the fake until `stop` is set (profiled into
    `profile` when given)."""
    logging.basicConfig(level=logging.WARNING)
    if profile:
        import cProfile
        profiler = cProfile.Profile()
        profiler.enable()
        try:
            serve_bot(url, base_url, ready, stop)
        finally:
            profiler.disable()
            profiler.dump_stats(profile)
        return

    async def serve() -> None:
        settings = Settings(DATABASE_URL=url, CRM_TIMEZONE="Europe/London", TELEGRAM_BOT_TOKEN=TOKEN,
                            TELEGRAM_API_BASE_URL=base_url)
        adapter = TelegramAdapter(Bot(settings, get_engine(url)), settings, poll_timeout=1, overall_max_rate=0)
        await adapter.start()
        ready.set()
        await asyncio.get_running_loop().run_in_executor(None, stop.wait)
        await adapter.stop()
    asyncio.run(serve())


async def run(reps: int, notes: int, url: str, split: bool = True, profile: str | None = None) -> dict[str, float]:
    server = Server()
    await server.start()
    settings = Settings(DATABASE_URL=url, CRM_TIMEZONE="Europe/London", TELEGRAM_BOT_TOKEN=TOKEN,
                        TELEGRAM_API_BASE_URL=server.base_url)
    engine = get_engine(url)
    ids = [FIRST_REP + i for i in range(reps)]
    with Session(engine) as session:
        team = get_team(session, "default", settings.timezone)
        for user_id in ids:
            add_user(session, team, "telegram", str(user_id), f"Rep {user_id}")
        session.commit()
    if split:  # the bot in a process of its own, the fake and the reps here
        context = multiprocessing.get_context("spawn")
        ready, stop = context.Event(), context.Event()
        child = context.Process(target=serve_bot, args=(url, server.base_url, ready, stop, profile),
                                daemon=True)
        child.start()
        if not await asyncio.get_running_loop().run_in_executor(None, ready.wait, 60):
            child.kill()
            raise RuntimeError("the bot process did not start")
    else:
        adapter = TelegramAdapter(Bot(settings, engine), settings, poll_timeout=1, overall_max_rate=0)
        await adapter.start()
    rng = random.Random(7)
    latencies: list[float] = []
    answers: Counter[str] = Counter()
    left = [notes]

    async def rep(user_id: int) -> None:
        loop = asyncio.get_running_loop()
        while left[0] > 0:
            left[0] -= 1
            lang, text = rep_note(rng)
            waiter = server.waiters[user_id] = loop.create_future()
            t0 = time.perf_counter()
            server.push_text(user_id, text, name=f"Rep {user_id}", lang=lang)
            reply = await asyncio.wait_for(waiter, 30)
            latencies.append(time.perf_counter() - t0)
            answers["recorded" if reply.startswith(("Recorded", "已记录", "Записал", "Записано")) else "other"] += 1

    try:
        started = time.perf_counter()
        await asyncio.gather(*(rep(user_id) for user_id in ids))
        elapsed = time.perf_counter() - started
    finally:
        if split:
            stop.set()
            await asyncio.get_running_loop().run_in_executor(None, child.join, 30)
            if child.is_alive():
                child.kill()
        else:
            await adapter.stop()
        await server.stop()
    latencies.sort()
    return {"notes": len(latencies), "reps": reps, "seconds": elapsed, "per_s": len(latencies) / elapsed,
            "p50_ms": 1000 * latencies[len(latencies) // 2],
            "p99_ms": 1000 * latencies[int(0.99 * (len(latencies) - 1))],
            "recorded": answers["recorded"], "other": answers["other"]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reps", type=int, default=20)
    ap.add_argument("--notes", type=int, default=2000)
    ap.add_argument("--database-url")
    ap.add_argument("--single", action="store_true",
                    help="the bot in this process too, sharing one event loop with the fake and the reps")
    ap.add_argument("--profile", metavar="FILE", help="cProfile the bot's process into FILE")
    args = ap.parse_args()
    logging.basicConfig(level=logging.WARNING)
    with tempfile.TemporaryDirectory() as tmp:
        url = args.database_url or f"sqlite:///{Path(tmp) / 'bench.db'}"
        r = asyncio.run(run(args.reps, args.notes, url, split=not args.single, profile=args.profile))
    store = url.split(":", 1)[0].split("+")[0]
    where = "one process with the fake" if args.single else "adapter in its own process, fake apart"
    print(f"| notes through the Telegram adapter ({where}; {store}, {r['reps']} reps) "
          f"| {r['notes']} notes | {r['per_s']:.0f} notes/s | p50 {r['p50_ms']:.1f} ms, "
          f"p99 {r['p99_ms']:.1f} ms |")
    print(f"({r['recorded']} answered 'Recorded…', {r['other']} other answers; {r['seconds']:.1f} s)",
          file=sys.stderr)


if __name__ == "__main__":
    main()
