"""A scheduler process for the tests: ticks against a store and "sends" by appending lines to a file.

    python -m tests.scheduler.proc_ticker URL OUT --start "2026-12-01 13:00" [--ticks 3] [--lock]
                                          [--hang-after K] [--delay 0.02] [--go FILE]

Each message becomes one line `pid<TAB>chat<TAB>first line of the text`, written and flushed
before the send returns. `--hang-after K`: after K messages the next send writes
`hang<TAB>chat<TAB>text` and never returns (the test kills the process there). `--go FILE`:
write OUT.ready, then wait until FILE exists, so that two processes start together. `--lock`: take the tick lock
the way `crmbot run` does (a PostgreSQL advisory lock, or the SQLite lease row).
"""
from __future__ import annotations

import argparse
import asyncio
import os
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from handlers.reply import Reply  # noqa: E402
from scheduler.delivery import Delivery  # noqa: E402
from scheduler.limits import RateLimiter  # noqa: E402
from scheduler.lock import make_lock  # noqa: E402
from scheduler.tick import tick  # noqa: E402
from storage.engine import make_engine  # noqa: E402


class FileSender:
    """Appends a line per message to `out`; can hang forever after `hang_after` messages."""

    def __init__(self, out: Path, hang_after: int | None, delay: float):
        self.out = out
        self.hang_after = hang_after
        self.delay = delay
        self.count = 0

    def _line(self, tag: str, chat_id: str, reply: Reply) -> None:
        with self.out.open("a", encoding="utf-8") as f:
            f.write(f"{tag}\t{chat_id}\t{reply.text.splitlines()[0]}\n")
            f.flush()
            os.fsync(f.fileno())

    async def send(self, platform: str, chat_id: str, reply: Reply) -> None:
        if self.delay:
            await asyncio.sleep(self.delay)
        if self.hang_after is not None and self.count >= self.hang_after:
            self._line("hang", chat_id, reply)  # handed to the platform; the answer never comes
            await asyncio.Event().wait()
        self.count += 1
        self._line(str(os.getpid()), chat_id, reply)


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("out", type=Path)
    parser.add_argument("--start", required=True)
    parser.add_argument("--ticks", type=int, default=1)
    parser.add_argument("--lock", action="store_true")
    parser.add_argument("--hang-after", type=int)
    parser.add_argument("--delay", type=float, default=0.0)
    parser.add_argument("--go", type=Path)
    args = parser.parse_args()
    engine = make_engine(args.url)
    lock = make_lock(engine) if args.lock else None
    delivery = Delivery(FileSender(args.out, args.hang_after, args.delay), RateLimiter({}), base_delay=0.001)
    if args.go is not None:
        Path(f"{args.out}.ready").touch()  # imports done: the test starts both at once
        deadline = time.monotonic() + 60
        while not args.go.exists() and time.monotonic() < deadline:
            await asyncio.sleep(0.005)
    start = datetime.fromisoformat(args.start).replace(tzinfo=timezone.utc)
    for minute in range(args.ticks):
        report = await tick(engine, now=start + timedelta(minutes=minute), lock=lock, delivery=delivery)
        print(f"tick {minute}: ran={report.ran} due={report.due} sent={report.sent}", flush=True)
    if lock is not None:
        lock.release()
    engine.dispose()


if __name__ == "__main__":
    asyncio.run(main())
