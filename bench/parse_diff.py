#!/usr/bin/env python3
"""Whether a change to the understanding changed any parse: the full output of `crmbot parse --batch`
over every corpus message (eval/corpus/*.jsonl, tune and scored) and the shared labelled set, saved
once and compared after each change. For a change meant only to be faster, zero differences.

    python bench/parse_diff.py save /tmp/parses.json      # before the change
    python bench/parse_diff.py compare /tmp/parses.json   # after it: every difference, then the count

`--cmd` parses with another command, run in the current directory: `--cmd "python -m bot parse --batch"`
from a checkout of the old tree parses with that tree's code.

A difference on a tune or shared message prints its fields before → after; on a scored message
only its id (the scored parts are never read).
"""
from __future__ import annotations

import argparse
import json
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = next((p for p in (ROOT.parent / "shared", ROOT.parent.parent / "shared", Path("/work/shared"))
               if (p / "eval" / "dev.jsonl").exists()), ROOT.parent / "shared") / "eval" / "dev.jsonl"


def _messages() -> list[dict]:
    files = sorted((ROOT / "eval" / "corpus").glob("*.jsonl")) + ([SHARED] if SHARED.exists() else [])
    out = []
    for path in files:
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            if line.strip():
                item = json.loads(line)
                out.append({"id": f"{path.name}:{i}", **{k: item.get(k) for k in ("text", "now", "tz", "known")}})
    return out


def _parses(cmd: str) -> dict[str, dict]:
    items = _messages()
    feed = "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items)
    proc = subprocess.run(shlex.split(cmd), input=feed, capture_output=True, text=True)   # in the caller's tree
    if proc.returncode != 0:
        raise SystemExit(f"{cmd} failed: exit {proc.returncode}\n{proc.stderr[-2000:]}")
    parses = {parse["id"]: parse for parse in map(json.loads, proc.stdout.splitlines())}
    if len(parses) != len(items):
        raise SystemExit(f"{len(parses)} parses for {len(items)} messages")
    return parses


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("action", choices=("save", "compare"))
    ap.add_argument("file", type=Path)
    ap.add_argument("--cmd", default=f"{Path(sys.executable).parent / 'crmbot'} parse --batch")
    args = ap.parse_args()
    parses = _parses(args.cmd)
    if args.action == "save":
        args.file.write_text(json.dumps(parses, ensure_ascii=False, sort_keys=True), encoding="utf-8")
        print(f"{len(parses)} parses saved to {args.file}")
        return 0
    before = json.loads(args.file.read_text(encoding="utf-8"))
    changed = 0
    for key, parse in parses.items():
        old = before.get(key)
        if old is None or json.dumps(old, sort_keys=True) == json.dumps(parse, sort_keys=True):
            continue
        changed += 1
        print(key)
        if ".scored." not in key:
            for field in sorted(set(old) | set(parse)):
                if old.get(field) != parse.get(field):
                    print(f"    {field}: {old.get(field)!r} → {parse.get(field)!r}")
    print(f"{changed} of {len(parses)} parses differ")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
