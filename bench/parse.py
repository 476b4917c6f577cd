#!/usr/bin/env python3
"""Throughput of the offline understanding: messages/s through `crmbot parse --batch`
(one subprocess, start-up included) and in-process (`understand` and the batch writer).

    python bench/parse.py                 # 5000 messages
    python bench/parse.py -n 20000 --min 2000   # exit 1 below 2000 messages/s in one process

Rates are per second of CPU time the parsing process used (the figure that does not depend on
how busy the machine is), with the wall-clock rate beside.

Messages are the labelled dev set (if found) plus built-in notes in en/zh/ru, cycled.
"""
from __future__ import annotations

import argparse
import io
import resource
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

BUILT_IN = [
    ("Stopped by Globex, talked to their CFO Mark Evans. Sent a proposal for $52,000. Call him back Tuesday.",
     "America/New_York", ["Globex Industries", "Acme Corp", "Initech LLC"]),
    ("Northwind signed the contract for €120k!! kickoff next Monday", "Europe/London",
     ["Northwind Traders", "Acme Corp"]),
    ("上午去华润建设拜访了张总，聊了二期项目，报价单下周一发过去，总价36万元", "Asia/Shanghai",
     ["华润建设有限公司", "东方电气集团", "远航物流有限公司"]),
    ("Встретился с директором Вектора Петром Ивановым. Отправил КП на 750 тыс. руб. Перезвоню в понедельник",
     "Europe/Moscow", ["ООО «Вектор»", "АО «Уралсталь»", "ООО «Добрый Хлеб»"]),
    ("show me the pipeline for next month", "UTC", ["Acme Corp"]),
    ("这周我要跟进哪些客户", "Asia/Shanghai", ["华润建设有限公司"]),
    ("Что по Вектору?", "Europe/Moscow", ["ООО «Вектор»"]),
]


def messages(n: int) -> list[dict]:
    """`n` batch lines, cycling the dev set and the built-in notes."""
    pool = [{"text": t, "tz": tz, "known": k, "now": "2026-11-25T10:00:00"} for t, tz, k in BUILT_IN]
    dev = Path("/work/shared/eval/dev.jsonl")
    if not dev.exists():
        dev = ROOT.parent / "shared" / "eval" / "dev.jsonl"
    if dev.exists():
        for line in dev.read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                pool.append({k: item[k] for k in ("text", "now", "tz", "known")})
    return [{"id": i, **pool[i % len(pool)]} for i in range(n)]


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def bench_subprocess(items: list[dict]) -> tuple[float, float]:
    """Messages/s through one `crmbot parse --batch` process, start-up included: per second of
    its CPU time, and per second of wall-clock time."""
    exe = shutil.which("crmbot", path=str(Path(sys.executable).parent))
    cmd = [exe, "parse", "--batch"] if exe else [sys.executable, "-m", "bot", "parse", "--batch"]
    feed = "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items)
    start, cpu = time.perf_counter(), _children_cpu()
    proc = subprocess.run(cmd, input=feed, capture_output=True, text=True, cwd=ROOT)
    elapsed, used = time.perf_counter() - start, _children_cpu() - cpu
    lines = proc.stdout.count("\n")
    if proc.returncode != 0 or lines != len(items):
        sys.stderr.write(proc.stderr[-2000:])
        raise SystemExit(f"crmbot parse --batch failed: exit {proc.returncode}, {lines}/{len(items)} lines")
    return len(items) / used, len(items) / elapsed


def bench_in_process(items: list[dict]) -> tuple[float, float]:
    """Messages/s of `understand` alone, and of the batch writer (JSON in and out), per second of CPU time."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from bot.parse_cli import run_batch
    from handlers.understanding import understand

    prepared = [(it["text"], datetime.fromisoformat(it["now"]).replace(tzinfo=ZoneInfo(it["tz"])), it["known"])
                for it in items]
    for text, now, known in prepared[:50]:          # warm the caches and regex compilation
        understand(text, now, known)
    start = time.process_time()
    for text, now, known in prepared:
        understand(text, now, known)
    core = len(items) / (time.process_time() - start)
    feed = io.StringIO("".join(json.dumps(it, ensure_ascii=False) + "\n" for it in items))
    out = io.StringIO()
    start = time.process_time()
    run_batch(feed, out)
    batch = len(items) / (time.process_time() - start)
    return core, batch


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=5000, help="messages per run")
    ap.add_argument("--min", type=float, default=0.0, help="exit 1 when the subprocess rate is below this")
    ap.add_argument("--no-subprocess", action="store_true")
    args = ap.parse_args()
    items = messages(args.n)
    core, batch = bench_in_process(items)
    print(f"in-process understand(): {core:,.0f} messages/s")
    print(f"in-process batch (JSON in/out): {batch:,.0f} messages/s")
    rate = batch
    if not args.no_subprocess:
        rate, wall = bench_subprocess(items)
        print(f"crmbot parse --batch (one process, {args.n} messages, start-up included): {rate:,.0f} messages/s"
              f" ({wall:,.0f} per second of wall-clock time)")
    return 1 if rate < args.min else 0


if __name__ == "__main__":
    sys.exit(main())
