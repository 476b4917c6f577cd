#!/usr/bin/env python3
"""How long finding the customer a note names takes among a team's 100,000 customer names.

    python bench/names.py              # 100,000 names, ~200 notes
    python bench/names.py -n 20000

Prints the time per note (median and worst of five runs); ~1 ms a note is the figure to keep.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from random import Random

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from handlers.understanding.matching import match_known  # noqa: E402
from storage.seed_data import company_name  # noqa: E402

NOTES = ["Called globex, sent the quote", "Visited Stark, talked budget", "met the team at Umbrela Health",
         "拜访了华润建设，报价12万", "给东方电气打了电话", "Был у Вектора, отправил КП", "звонил в Уралсталь",
         "Big G wants a callback", "nothing about anyone", "Acme Corp and Globex Industries both called"]


def synthetic(count: int, seed: int = 1) -> list[str]:
    rng, names, seen = Random(seed), [], set()
    while len(names) < count:
        name = company_name(rng, rng.choice(("en", "en", "zh", "ru")))
        if name not in seen:
            seen.add(name)
            names.append(name)
    return names


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=100_000, help="customer names")
    args = parser.parse_args()
    names = synthetic(args.n)
    match_known("warm up", names)
    notes = [f"Called {names[i]}, sent the quote" for i in range(0, args.n, max(1, args.n // 100))] + NOTES * 10
    runs = []
    for _ in range(5):
        started = time.perf_counter()
        for note in notes:
            match_known(note, names)
        runs.append((time.perf_counter() - started) / len(notes))
    print(f"{args.n} names, {len(notes)} notes: {statistics.median(runs) * 1000:.2f} ms a note "
          f"(median of 5 runs; worst {max(runs) * 1000:.2f} ms)")


if __name__ == "__main__":
    main()
