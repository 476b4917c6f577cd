"""How long the scheduler's rules take over a seeded store, and how fast delivery goes.

    .venv/bin/python bench/nudges.py [--customers 16667] [--contacts 100000] [--open-followups 50000]
                                     [--deliver 600] [--database-url URL]

Seeds a temporary SQLite store with `crmbot seed` (or uses --database-url, which
should be an empty store), tops contacts and open follow-ups up to the issue's
figures (100,000 and 50,000; deals come from the seed: customers × 3), then
times one day's nudges (every kind, as `crmbot nudges --date` computes them),
the tick's 09:00 rules and the ledger claim. Delivery sends --deliver messages
to distinct Telegram chats through the real rate limiter and a fake sender
(20 ms a call), once clean and once answering 10% of calls with 429. Prints
markdown table rows.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, select  # noqa: E402

from handlers.reply import Reply  # noqa: E402
from scheduler import ledger  # noqa: E402
from scheduler.config import NudgeConfig  # noqa: E402
from scheduler.delivery import Delivery  # noqa: E402
from scheduler.limits import RateLimiter  # noqa: E402
from scheduler.rules import (anniversaries, birthdays, due_nudges, followups, nudges_for_day,  # noqa: E402
                             recipients, stale_deals, stay_in_touch)
from storage.engine import get_engine, session  # noqa: E402
from storage.models import Contact, Customer, Deal, FollowUp, Member, Team  # noqa: E402


def seed(url: str, customers: int) -> float:
    env = {**os.environ, "DATABASE_URL": url}
    began = time.perf_counter()
    subprocess.run([sys.executable, "-m", "bot", "seed", "--customers", str(customers), "--deals-per-customer", "3",
                    "--interactions-per-customer", "10", "--reps", "10"], cwd=ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL)
    return time.perf_counter() - began


def top_up(engine, contacts: int, open_followups: int, today: date) -> dict[str, int]:
    """Add contacts (40% with a birthday) and open follow-ups (±30 days) up to the wanted counts."""
    rng = random.Random(7)
    with engine.begin() as c:
        team_id = c.execute(select(Team.__table__.c.id).order_by(Team.__table__.c.id)).scalar()
        customer_ids = list(c.execute(select(Customer.__table__.c.id).where(Customer.__table__.c.team_id == team_id))
                            .scalars())
        reps = list(c.execute(select(Member.__table__.c.id).where(Member.__table__.c.team_id == team_id)).scalars())
        have = c.execute(select(func.count()).select_from(Contact.__table__)).scalar() or 0
        rows = []
        for i in range(max(0, contacts - have)):
            born = date(2024, 1, 1) + timedelta(days=rng.randrange(366)) if rng.random() < 0.4 else None
            rows.append({"team_id": team_id, "customer_id": rng.choice(customer_ids), "name": f"Person {i}",
                         "birth_month": born.month if born else None, "birth_day": born.day if born else None,
                         "created_at": datetime.now(timezone.utc)})
        for start in range(0, len(rows), 5000):
            c.execute(Contact.__table__.insert(), rows[start:start + 5000])
        have_f = c.execute(select(func.count()).select_from(FollowUp.__table__)
                           .where(FollowUp.__table__.c.done_at.is_(None))).scalar() or 0
        rows = [{"team_id": team_id, "customer_id": rng.choice(customer_ids), "member_id": rng.choice(reps),
                 "due": today + timedelta(days=rng.randrange(-30, 31)), "what": "call back",
                 "created_at": datetime.now(timezone.utc)} for _ in range(max(0, open_followups - have_f))]
        for start in range(0, len(rows), 5000):
            c.execute(FollowUp.__table__.insert(), rows[start:start + 5000])
        counts = {name: c.execute(select(func.count()).select_from(model.__table__)).scalar() or 0
                  for name, model in (("contacts", Contact), ("deals", Deal), ("followups", FollowUp))}
    return counts


def timed(fn, runs: int = 5) -> tuple[float, float, object]:
    """(first run, median of the rest) in ms, and the last result."""
    times, result = [], None
    for _ in range(runs):
        began = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - began) * 1000)
    return times[0], statistics.median(times[1:]) if len(times) > 1 else times[0], result


class Throttled(RuntimeError):
    """Telegram's answer to too many messages: HTTP 429, retry after a second."""

    status = 429
    retry_after = 1


class FakeTelegram:
    """Answers after `latency` seconds; a share of calls get a 429 with retry-after 1 s."""

    def __init__(self, latency: float, throttle: float):
        self.latency, self.throttle = latency, throttle
        self.rng = random.Random(3)
        self.delivered: dict[str, int] = {}
        self.throttled = 0

    async def send(self, platform: str, chat_id: str, reply: Reply) -> None:
        await asyncio.sleep(self.latency)
        if self.rng.random() < self.throttle:
            self.throttled += 1
            raise Throttled("429 Too Many Requests")
        self.delivered[chat_id] = self.delivered.get(chat_id, 0) + 1


async def deliver(count: int, throttle: float) -> tuple[float, int, int]:
    """Send `count` messages to distinct chats: (messages/s, delivered, throttled)."""
    fake = FakeTelegram(0.02, throttle)
    delivery = Delivery(fake, RateLimiter())
    gate = asyncio.Semaphore(64)

    async def one(i: int) -> None:
        async with gate:
            await delivery.send("telegram", str(10_000 + i), Reply(text=f"nudge {i}"))

    began = time.perf_counter()
    await asyncio.gather(*(one(i) for i in range(count)))
    elapsed = time.perf_counter() - began
    return count / elapsed, sum(fake.delivered.values()), fake.throttled


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=16667)  # × 3 deals: the 50,000
    parser.add_argument("--contacts", type=int, default=100_000)
    parser.add_argument("--open-followups", type=int, default=50_000)
    parser.add_argument("--deliver", type=int, default=600)
    parser.add_argument("--database-url")
    args = parser.parse_args()

    tmp = tempfile.TemporaryDirectory()
    url = args.database_url or f"sqlite:///{Path(tmp.name) / 'bench.db'}"
    seconds = seed(url, args.customers)
    engine = get_engine(url)
    today = datetime.now(timezone.utc).date()
    counts = top_up(engine, args.contacts, args.open_followups, today)
    store = "PostgreSQL" if url.startswith("postgres") else "SQLite"
    print(f"store: {store}, seeded {args.customers} customers in {seconds:.1f} s; "
          f"{counts['contacts']} contacts, {counts['deals']} deals, {counts['followups']} follow-ups")
    print()
    print("| step | store | rows | first run | median | nudges |")
    print("| --- | --- | --- | --- | --- | --- |")
    with session(engine) as s:
        team = s.execute(select(Team).order_by(Team.id)).scalars().first()
        cfg = NudgeConfig.build(team.settings)
        members = recipients(s, team)
        rows = f"{counts['contacts'] // 1000}k contacts, {counts['followups'] // 1000}k follow-ups, " \
               f"{counts['deals'] // 1000}k deals"
        kinds = [("followup", lambda: followups(s, team.id, today, members)),
                 ("birthday", lambda: birthdays(s, team.id, today, members)),
                 ("anniversary", lambda: anniversaries(s, team.id, today, members)),
                 ("stale_deal", lambda: stale_deals(s, team.id, today, members, cfg.stale_days)),
                 ("stay_in_touch", lambda: stay_in_touch(s, team.id, today, members)),
                 ("a day's nudges (all kinds)", lambda: nudges_for_day(s, team, today, cfg, members)),
                 ("tick rules at 09:00", lambda: due_nudges(s, team, datetime.combine(
                     today, datetime.min.time(), timezone.utc) + timedelta(hours=9), cfg, members))]
        for name, fn in kinds:
            first, median, result = timed(fn)
            print(f"| {name} | {store} | {rows} | {first:.0f} ms | {median:.0f} ms | {len(result)} |")
        nudges = nudges_for_day(s, team, today, cfg, members)
        began = time.perf_counter()
        claimed = ledger.claim(s, team.id, nudges, datetime.now(timezone.utc))
        claim_ms = (time.perf_counter() - began) * 1000
        began = time.perf_counter()
        again = ledger.claim(s, team.id, nudges, datetime.now(timezone.utc))
        again_ms = (time.perf_counter() - began) * 1000
        print(f"| ledger claim (first tick) | {store} | {len(nudges)} nudges | {claim_ms:.0f} ms | | {len(claimed)} |")
        print(f"| ledger check (later ticks) | {store} | {len(nudges)} nudges | {again_ms:.0f} ms | | {len(again)} |")
    if args.deliver:
        for throttle in (0.0, 0.1):
            rate, delivered, throttled = asyncio.run(deliver(args.deliver, throttle))
            print(f"| delivery, Telegram limits, {throttle:.0%} 429s | fake, 20 ms a call | {args.deliver} messages "
                  f"| {rate:.1f} msg/s | | {delivered} delivered, {args.deliver - delivered} lost, "
                  f"{throttled} 429s |")
    engine.dispose()
    tmp.cleanup()


if __name__ == "__main__":
    main()
