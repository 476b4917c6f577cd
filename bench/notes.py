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
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from bot.adapters.console import Console
from bot.pipeline import Bot
from bot.settings import Settings

NOTES = [
    "Visited {c}, met {p} (CFO). Sent the quote for ${n}k. Follow up Friday.",
    "Called {c}, no answer, try again Monday",
    "{c} signed! ${n},500 annual contract",
    "emailed {c} the revised contract, they want a 5% discount. ping them next week",
    "拜访了{z}，见了王总，报价{n}万，下周二跟进",
    "给{z}打了电话，没人接",
    "Был у {r}, отправил КП на {n} млн руб, созвонимся в пятницу",
    "Звонил в {r}, обсудили сроки поставки",
]
EN = ["Globex", "Initech", "Umbrella Health", "Stark Logistics", "Wayne Foods", "Acme Tools", "Hooli Labs"]
ZH = ["星辰科技", "蓝海物流", "鼎盛建材", "华越医疗"]
RU = ["Вектор", "Альтаир", "Промснаб", "Кедр"]
PEOPLE = ["Maria Lopez", "Tom Reed", "Laura Chen", "Dave Kowalski"]


async def run(count: int, url: str) -> dict[str, float]:
    settings = Settings(DATABASE_URL=url, CRM_TIMEZONE="Europe/London")
    now = datetime(2026, 11, 25, 9, 0, tzinfo=timezone.utc)
    bot = Bot(settings, clock=lambda: now)
    reps = [Console(bot, user=f"rep{i}") for i in range(10)]
    rng = random.Random(7)
    latencies: list[float] = []
    started = time.perf_counter()
    for i in range(count):
        template = rng.choice(NOTES)
        text = template.format(c=rng.choice(EN), p=rng.choice(PEOPLE), n=rng.randint(2, 90),
                               z=rng.choice(ZH), r=rng.choice(RU))
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
