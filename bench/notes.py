"""Notes per second through the whole pipeline (console adapter → understanding → handlers → SQLite).

    .venv/bin/python bench/notes.py [--notes 2000] [--database-url URL]

Each note is a realistic rep message: a visit or call, often a contact, an amount, a follow-up.
Goal: ≥ 200 notes/s in one process on SQLite.
"""
from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the repository, for tests.fakes

from bot.adapters.console import Console  # noqa: E402
from bot.pipeline import Bot  # noqa: E402
from bot.settings import Settings  # noqa: E402
from storage.engine import session  # noqa: E402
from storage.members import add_user, get_team  # noqa: E402
from tests.fakes.rep_notes import rep_note  # noqa: E402



async def run(count: int, url: str) -> dict[str, float]:
    settings = Settings(DATABASE_URL=url, CRM_TIMEZONE="Europe/London")
    now = datetime(2026, 11, 25, 9, 0, tzinfo=timezone.utc)
    bot = Bot(settings, clock=lambda: now)
    with session(bot.engine) as s:  # ten reps of the team, let in as `crmbot user add` would
        for i in range(10):
            add_user(s, get_team(s, settings.team), "console", f"rep{i}", f"Rep {i}")
        s.commit()
    reps = [Console(bot, user=f"rep{i}") for i in range(10)]
    rng = random.Random(7)
    latencies: list[float] = []
    started = time.perf_counter()
    for i in range(count):
        _, text = rep_note(rng)
        t0 = time.perf_counter()
        reply = await reps[i % len(reps)].say(text, now=now + timedelta(seconds=i))
        latencies.append(time.perf_counter() - t0)
        assert reply.text, "every note gets a reply"
    elapsed = time.perf_counter() - started
    latencies.sort()
    return {"notes": count, "seconds": elapsed, "per_s": count / elapsed,
            "p50_ms": 1000 * statistics.median(latencies),
            "p99_ms": 1000 * latencies[int(0.99 * (len(latencies) - 1))]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--notes", type=int, default=2000)
    ap.add_argument("--database-url")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.database_url or f"sqlite:///{Path(tmp) / 'bench.db'}"
        r = asyncio.run(run(args.notes, url))
    store = url.split(":", 1)[0]
    print(f"| notes through the pipeline ({store}) | {r['notes']} notes | {r['per_s']:.0f} notes/s "
          f"| p50 {r['p50_ms']:.1f} ms, p99 {r['p99_ms']:.1f} ms |")


if __name__ == "__main__":
    main()
