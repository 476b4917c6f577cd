"""One clock: no product module reads the wall clock for a date except storage/clock.py."""
from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ROOMS = ("bot", "handlers", "storage", "scheduler", "prompts")
WALL = re.compile(r"\bdatetime\.now\(|\butcnow\(|\bdate\.today\(|\btime\.time\(|\bdatetime\.today\(")


def test_only_the_clock_module_reads_the_wall_clock():
    offenders = []
    for room in ROOMS:
        for path in (ROOT / room).rglob("*.py"):
            if path == ROOT / "storage" / "clock.py":
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if WALL.search(line.split("#")[0]):
                    offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert offenders == []
