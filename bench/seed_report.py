"""Seed speed and pipeline-report latency, through the real `crmbot` CLI.

    python bench/seed_report.py [--customers N] [--deals-per-customer K]
                                [--interactions-per-customer M] [--reps R] [--repeat N]

Seeds a fresh temporary SQLite store (and, when BENCH_DATABASE_URL is set, that
PostgreSQL database too, which must be empty or disposable) with
`crmbot seed ...` as a subprocess and reports rows/s over the command's whole
wall time (start-up and schema creation included; goal ≥ 20,000 rows/s). Then
times `crmbot report pipeline --period this_month --json` and subtracts the
start-up time of `crmbot --help` (goal ≤ 150 ms beyond start-up; medians of
--repeat runs); also beyond a process that only imports the modules the report
command needs (SQLAlchemy, SQLModel, the tables: most of the gap), and times
`storage.reports.pipeline` in-process. Prints one
markdown table row per store (after a header).
"""
from __future__ import annotations

import argparse
import json
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
SEED_GOAL = 20_000
REPORT_GOAL_MS = 150.0


def crmbot() -> list[str]:
    """The console script beside this interpreter, else `python -m bot`."""
    script = Path(sys.executable).parent / "crmbot"
    return [str(script)] if script.exists() else [sys.executable, "-m", "bot"]


def run(args: list[str], url: str) -> tuple[float, subprocess.CompletedProcess]:
    env = dict(os.environ, DATABASE_URL=url)
    started = time.perf_counter()
    done = subprocess.run(crmbot() + args, env=env, cwd=ROOT, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        sys.stderr.write(f"`crmbot {' '.join(args)}` failed ({done.returncode}):\n{done.stdout}{done.stderr}\n")
        raise SystemExit(1)
    return elapsed, done


def parse_counts(text: str) -> int:
    """Rows written, from the seed command's output: "team: 1, member: 51, ..." or JSON."""
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("{"):
            try:
                return sum(int(v) for v in json.loads(line).values())
            except (ValueError, TypeError):
                pass
        parts = [p.split(":") for p in line.split(",")]
        if parts and all(len(p) == 2 and p[1].strip().isdigit() for p in parts):
            return sum(int(p[1]) for p in parts)
    raise SystemExit(f"cannot read row counts from the seed output:\n{text}")


def imports_only() -> float:
    """Wall time of a process that only imports what the report command imports (no query)."""
    code = ("import bot.cli, storage.engine, storage.models, storage.reports, storage.members, "
            "handlers.periods")
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, stdin=subprocess.DEVNULL)
    return time.perf_counter() - started


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def in_process_ms(url: str, repeat: int) -> float:
    """`storage.reports.pipeline` for this month, warm, median over `repeat` calls."""
    sys.path.insert(0, str(ROOT))
    from sqlalchemy import select

    from storage.engine import get_engine, session
    from storage.models import Team
    from storage.reports import pipeline

    today = datetime.now(timezone.utc).date()
    start = today.replace(day=1)
    end = (start.replace(year=start.year + 1, month=1) if start.month == 12
           else start.replace(month=start.month + 1))
    end = end.fromordinal(end.toordinal() - 1)
    engine = get_engine(url)
    samples = []
    with session(engine) as s:
        team_id = s.connection().execute(select(Team.__table__.c.id).order_by(Team.__table__.c.id)).scalar()
        pipeline(s, team_id, start, end)  # warm-up
        for _ in range(repeat):
            began = time.perf_counter()
            pipeline(s, team_id, start, end)
            samples.append(time.perf_counter() - began)
    engine.dispose()
    return median_ms(samples)


def bench(label: str, url: str, opts: argparse.Namespace) -> str:
    seed_args = ["seed", "--customers", str(opts.customers),
                 "--deals-per-customer", str(opts.deals_per_customer),
                 "--interactions-per-customer", str(opts.interactions_per_customer),
                 "--reps", str(opts.reps)]
    seconds, done = run(seed_args, url)
    rows = parse_counts(done.stdout)
    rate = rows / seconds

    run(["report", "pipeline", "--period", "this_month", "--json"], url)  # warm the OS caches
    help_times, report_times, import_times = [], [], []
    for _ in range(opts.repeat):
        help_times.append(run(["--help"], url)[0])
        import_times.append(imports_only())
        elapsed, done = run(["report", "pipeline", "--period", "this_month", "--json"], url)
        report_times.append(elapsed)
    report = json.loads(done.stdout)
    assert {"period", "stages", "undated", "total", "weighted_total", "currency"} <= set(report), report
    startup = median_ms(help_times)
    cli = median_ms(report_times)
    beyond = cli - startup
    beyond_imports = cli - median_ms(import_times)
    inproc = in_process_ms(url, opts.repeat)
    ok = rate >= SEED_GOAL and beyond <= REPORT_GOAL_MS
    return (f"| {label} | {opts.customers} | {rows} | {seconds:.2f} | {rate:,.0f} | {startup:.0f} | "
            f"{cli:.0f} | {beyond:.0f} | {beyond_imports:.0f} | {inproc:.1f} | {'yes' if ok else 'NO'} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=20000)
    parser.add_argument("--deals-per-customer", type=int, default=3)
    parser.add_argument("--interactions-per-customer", type=int, default=10)
    parser.add_argument("--reps", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=5)
    opts = parser.parse_args()

    print("| store | customers | rows | seed s | rows/s (goal ≥ 20,000) | start-up ms | report ms "
          "| report beyond start-up ms (goal ≤ 150) | beyond start-up + store imports ms "
          "| in-process ms | goals met |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    failed = False
    folder = tempfile.mkdtemp(prefix="crmbot-bench-")
    try:
        line = bench("SQLite", f"sqlite:///{folder}/bench.db", opts)
        print(line, flush=True)
        failed |= line.endswith("NO |")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    pg = os.environ.get("BENCH_DATABASE_URL")
    if pg:
        line = bench("PostgreSQL", pg, opts)
        print(line, flush=True)
        failed |= line.endswith("NO |")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
