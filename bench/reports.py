"""Report latency, in-process and through the `crmbot` CLI, on a seeded store.

    python bench/reports.py [--customers 20000] [--deals-per-customer 3]
                            [--interactions-per-customer 10] [--reps 50] [--repeat 5] [--url URL]

Seeds a fresh temporary SQLite store with `crmbot seed ...` (or uses --url as it is,
seeding it only with --seed), then for every report prints one markdown row: the
median in-process time of the storage function (warm), and the median wall time of
`crmbot report NAME --json` minus the median start-up (`crmbot --help`), and minus a process
that only imports the store (SQLAlchemy, SQLModel and the tables cost ~200 ms before any
query). Goals: ≤ 150 ms at 60,000 deals, ≤ 300 ms at 300,000, checked on the in-process time
and on the CLI beyond start-up + store imports.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
REPORTS = ("pipeline", "forecast", "funnel", "activity", "leaderboard", "sources", "top", "quiet", "overdue",
           "inquiries")


def crmbot() -> list[str]:
    script = Path(sys.executable).parent / "crmbot"
    return [str(script)] if script.exists() else [sys.executable, "-m", "bot"]


def run(args: list[str], url: str) -> float:
    started = time.perf_counter()
    done = subprocess.run(crmbot() + args, env=dict(os.environ, DATABASE_URL=url), cwd=ROOT,
                          capture_output=True, text=True, stdin=subprocess.DEVNULL)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"`crmbot {' '.join(args)}` failed:\n{done.stdout}{done.stderr}")
    return elapsed


def imports_only() -> float:
    """Wall time of a process that imports what a report command needs (SQLAlchemy, SQLModel, the
    tables, the report queries) and runs no query: the store's share of start-up."""
    code = ("import bot.cli, storage.engine, storage.models, storage.members, storage.reports, "
            "storage.inquiries, handlers.periods")
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, stdin=subprocess.DEVNULL)
    return time.perf_counter() - started


def store_deals(url: str) -> int:
    """How many deals the store holds (the row label and which goal applies)."""
    from sqlalchemy import func, select

    from storage.engine import get_engine
    from storage.models import Deal

    with get_engine(url).connect() as connection:
        return int(connection.execute(select(func.count()).select_from(Deal)).scalar_one())


def in_process(url: str, repeat: int) -> dict[str, float]:
    from sqlalchemy import select

    from handlers.periods import resolve_period
    from storage.engine import get_engine, session
    from storage.models import Team
    from storage.reports import (activity_report, forecast, funnel, inquiries_report, leaderboard, overdue_followups,
                                 pipeline, quiet_deals, sources, top_customers)

    now = datetime.now(timezone.utc)
    today = now.date()
    month, quarter = resolve_period("this_month", today), resolve_period("this_quarter", today)
    week, year = resolve_period("this_week", today), resolve_period("this_year", today)
    calls = {
        "pipeline": lambda s, t: pipeline(s, t, *month),
        "forecast": lambda s, t: forecast(s, t, *quarter, now=now),
        "funnel": lambda s, t: funnel(s, t, *quarter),
        "activity": lambda s, t: activity_report(s, t, *week, today),
        "leaderboard": lambda s, t: leaderboard(s, t, *month),
        "sources": lambda s, t: sources(s, t, *quarter),
        "top": lambda s, t: top_customers(s, t, *year),
        "quiet": lambda s, t: quiet_deals(s, t, now),
        "overdue": lambda s, t: overdue_followups(s, t, today),
        "inquiries": lambda s, t: inquiries_report(s, t),
    }
    engine = get_engine(url)
    out = {}
    with session(engine) as s:
        team_id = s.execute(select(Team.id).order_by(Team.id)).scalar()
        for name, call in calls.items():
            call(s, team_id)
            samples = []
            for _ in range(repeat):
                began = time.perf_counter()
                call(s, team_id)
                samples.append(time.perf_counter() - began)
            out[name] = statistics.median(samples) * 1000
    engine.dispose()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=20000)
    parser.add_argument("--deals-per-customer", type=int, default=3)
    parser.add_argument("--interactions-per-customer", type=int, default=10)
    parser.add_argument("--reps", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--url", help="an existing store (not seeded unless --seed)")
    parser.add_argument("--seed", action="store_true")
    opts = parser.parse_args()
    deals = opts.customers * opts.deals_per_customer
    goal = 150.0 if deals <= 60000 else 300.0
    folder = None
    url = opts.url
    if url is None:
        folder = tempfile.mkdtemp(prefix="crmbot-bench-")
        url = f"sqlite:///{folder}/bench.db"
    try:
        if opts.url is None or opts.seed:
            seconds = run(["seed", "--customers", str(opts.customers), "--deals-per-customer",
                           str(opts.deals_per_customer), "--interactions-per-customer",
                           str(opts.interactions_per_customer), "--reps", str(opts.reps)], url)
            print(f"seeded {deals:,} deals in {seconds:.1f} s\n")
        inproc = in_process(url, opts.repeat)
        deals = store_deals(url)
        goal = 150.0 if deals <= 60000 else 300.0
        run(["--help"], url)
        startup = statistics.median(run(["--help"], url) for _ in range(opts.repeat)) * 1000
        imports = statistics.median(imports_only() for _ in range(opts.repeat)) * 1000
        print(f"| report | deals | in-process ms | CLI ms | beyond start-up ({startup:.0f} ms) "
              f"| beyond start-up + store imports ({imports:.0f} ms) | goal ≤ {goal:.0f} ms (in-process) |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | --- |")
        failed = False
        for name in REPORTS:
            run(["report", name, "--json"], url)
            cli = statistics.median(run(["report", name, "--json"], url) for _ in range(opts.repeat)) * 1000
            beyond = cli - startup
            ok = inproc[name] <= goal and cli - imports <= goal
            failed |= not ok
            print(f"| {name} | {deals:,} | {inproc[name]:.1f} | {cli:.0f} | {beyond:.0f} | {cli - imports:.0f} "
                  f"| {'yes' if ok else 'NO'} |", flush=True)
        return 1 if failed else 0
    finally:
        if folder:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
