"""Memory: the RSS of one `crmbot run` process with 1,000,000 interactions stored (goal ≤ 200 MB).

    .venv/bin/python bench/memory.py [--customers 100000] [--interactions-per-customer 10]
                                     [--notes 300] [--reports 12] [--store PATH] [--fresh]

The store is SQLite, filled by `crmbot seed` (100,000 customers × 10 interactions, with their
contacts, deals and follow-ups; kept at --store and reused by the next run unless --fresh). One
real `crmbot run` process polls the fake Telegram of the tests; reps write notes about customers
of the store (so the bot loads and caches the team's 100,000 customer names), then a manager asks
for the pipeline and the team's activity (text and charts) while reps go on writing. RSS is read
from /proc: after start-up, after the notes (before any chart), at the end, and the peak (VmHWM).
Prints a markdown row.
"""
from __future__ import annotations

import argparse
import asyncio
import html
import itertools
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
# bench/telegram.py is named like the `telegram` package: keep bench/ off the import path
sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() != HERE]

from sqlalchemy import func, select  # noqa: E402
from sqlmodel import Session  # noqa: E402

from storage.engine import get_engine  # noqa: E402
from storage.members import add_user, get_team  # noqa: E402
from storage.models import Customer, Interaction  # noqa: E402
from tests.bot.test_run_process import TOKEN, ZONE, BotProcess  # noqa: E402
from tests.fakes.telegram_server import FakeTelegram  # noqa: E402

REPS = [7001, 7002, 7003, 7004, 7005]
MANAGER = 7100
REPORTS = ["/pipeline", "/activity", "pipeline by rep this quarter"]
GOAL_MB = 200
NOTES_BETWEEN = 5  # notes written after each report


def rss(pid: int) -> tuple[float, float]:
    """(current RSS, peak RSS) of `pid` in MB."""
    fields = {}
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                fields[key] = int(value.split()[0]) / 1024
    return fields.get("VmRSS", 0.0), fields.get("VmHWM", 0.0)


def interactions(url: str) -> int:
    engine = get_engine(url)
    with Session(engine) as session:
        found = session.execute(select(func.count()).select_from(Interaction)).scalar_one()
    engine.dispose()
    return found


def fill(path: Path, customers: int, per_customer: int, fresh: bool) -> str:
    """The seeded store at `path` (seeded now unless it already holds the interactions)."""
    url = f"sqlite:///{path}"
    wanted = customers * per_customer
    if path.exists() and not fresh and interactions(url) >= wanted:
        return url
    path.parent.mkdir(parents=True, exist_ok=True)
    for stale in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        stale.unlink(missing_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CRM_", "TELEGRAM_", "SLACK_", "OPENAI_"))}
    env.update(DATABASE_URL=url, PYTHONPATH=str(ROOT))
    print(f"seeding {customers:,} customers × {per_customer} interactions into {path} …", file=sys.stderr)
    with tempfile.TemporaryDirectory() as cwd:
        subprocess.run([sys.executable, "-m", "bot", "seed", "--customers", str(customers),
                        "--interactions-per-customer", str(per_customer)],
                       cwd=cwd, env=env, check=True, timeout=1800)
    return url


def prepare(url: str, sample: int) -> list[str]:
    """Telegram accounts for the reps and the manager; names of `sample` customers to write about."""
    engine = get_engine(url)
    with Session(engine) as session:
        team = get_team(session, "default", ZONE)
        for rep in REPS:
            add_user(session, team, "telegram", str(rep), f"Rep {rep}")
        add_user(session, team, "telegram", str(MANAGER), "Manager", role="manager")
        session.commit()
        top = session.execute(select(func.max(Customer.id))).scalar_one()
        ids = random.Random(3).sample(range(1, top + 1), min(sample * 3, top))
        names = list(session.execute(select(Customer.name).where(Customer.id.in_(ids))).scalars())
    engine.dispose()
    return [n for n in names if n.isascii()][:sample] or names[:sample]


async def run(url: str, notes: int, reports: int, workdir: Path,
              on_phase: Callable[[str, int], None] | None = None) -> dict[str, float]:
    """Notes first (RSS "after notes": the name index is loaded, no chart yet), then the reports,
    each followed by a few more notes. `on_phase(name, pid)` is called at each measuring point."""
    names = prepare(url, 50)
    server = FakeTelegram(token=TOKEN)
    # unique across runs on this store, however close together (a run uses ~650 ids: seconds * 10 was
    # not enough, and a reused id is a redelivery the bot rightly does not answer)
    server._message_ids = itertools.count(int(time.time() * 1000))
    await server.start()
    bot = BotProcess(server, url, workdir, 1)
    shown = lambda call: html.unescape(call.text)  # noqa: E731
    samples: list[float] = []
    phase = on_phase or (lambda name, pid: None)
    try:
        await bot.start(timeout=120)
        assert bot.proc is not None
        pid = bot.proc.pid
        await asyncio.sleep(2.0)
        after_start = rss(pid)[0]
        phase("start", pid)

        async def until(count: int, what: str, timeout: float = 180.0) -> None:
            deadline = time.monotonic() + timeout
            while len(server.sent()) < count:
                if bot.proc is not None and bot.proc.poll() is not None:
                    raise RuntimeError(f"crmbot run died waiting for {what}:\n{bot.output()}")
                if time.monotonic() > deadline:
                    raise RuntimeError(f"timed out waiting for {what}:\n{bot.output()}")
                samples.append(rss(pid)[0])
                await asyncio.sleep(0.2)

        rng = random.Random(5)
        sent_notes = 0

        async def write(count: int) -> None:
            nonlocal sent_notes
            expected = len(server.sent()) + count
            for _ in range(count):
                rep = REPS[sent_notes % len(REPS)]
                server.push_text(rep, f"Called {rng.choice(names)}, sent the quote for ${rng.randint(2, 90)}k",
                                 name=f"Rep {rep}")
                sent_notes += 1
            await until(expected, "the notes' answers")

        started = time.monotonic()
        await write(notes - reports * NOTES_BETWEEN if notes > reports * NOTES_BETWEEN else notes)
        await asyncio.sleep(1.0)
        after_notes = rss(pid)[0]
        phase("notes", pid)
        for asked in range(reports):
            server.push_text(MANAGER, REPORTS[asked % len(REPORTS)], name="Manager")
            await until(len(server.sent()) + 1, "the report")
            await asyncio.sleep(0.5)  # a chart may follow its text
            await write(min(NOTES_BETWEEN, notes - sent_notes))
        elapsed = time.monotonic() - started
        await asyncio.sleep(1.0)
        end, peak = rss(pid)
        phase("end", pid)
        errors = sum("Something went wrong" in shown(c) for c in server.sent())
        await bot.stop()
    finally:
        bot.kill()
        await server.stop()
    return {"start": after_start, "notes_rss": after_notes, "end": end, "peak": peak,
            "sampled_max": max(samples, default=end), "notes": sent_notes, "reports": reports,
            "seconds": elapsed, "errors": errors}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--customers", type=int, default=100_000)
    ap.add_argument("--interactions-per-customer", type=int, default=10)
    ap.add_argument("--notes", type=int, default=300)
    ap.add_argument("--reports", type=int, default=12)
    ap.add_argument("--store", type=Path, help="the seeded SQLite file (default: under the temp directory)")
    ap.add_argument("--fresh", action="store_true", help="seed the store again even if it exists")
    args = ap.parse_args()
    if not (1 <= args.customers <= 1_000_000 and 1 <= args.interactions_per_customer <= 100
            and 1 <= args.notes <= 10_000 and 0 <= args.reports <= 200):
        ap.error("keep it bounded")
    store = args.store or Path(tempfile.gettempdir()) / "crmbot-memory-bench" / (
        f"store-{args.customers}x{args.interactions_per_customer}.db")
    url = fill(store.resolve(), args.customers, args.interactions_per_customer, args.fresh)
    stored = interactions(url)
    with tempfile.TemporaryDirectory() as tmp:
        r = asyncio.run(run(url, args.notes, args.reports, Path(tmp)))
    peak = max(r["peak"], r["sampled_max"])
    print("| store | interactions stored | RSS after start | RSS after notes | RSS after notes and reports "
          "| peak RSS | goal |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    print(f"| sqlite | {stored:,} | {r['start']:.0f} MB | {r['notes_rss']:.0f} MB | {r['end']:.0f} MB "
          f"({r['notes']} notes, {r['reports']} reports) | {peak:.0f} MB "
          f"| ≤ {GOAL_MB} MB: {'met' if peak <= GOAL_MB else 'missed'} |")
    print(f"({r['seconds']:.1f} s of traffic; {r['errors']} error answers)", file=sys.stderr)


if __name__ == "__main__":
    main()
