#!/usr/bin/env python3
"""Score the bot's understanding against labelled messages.

(The shared scorer, kept in the repository with one addition: `--by kind` prints the summary
line per value of a label's field, e.g. per corpus kind "known"/"new"; see eval/README.md.)

Runs `crmbot parse --batch` (or --cmd) once over every message of the given
JSON-lines files, compares each parse with its label field by field, and
prints accuracy per language and per field. The last line is the summary.

    python ../shared/eval/score.py                # every *.jsonl beside this file
    python ../shared/eval/score.py dev.jsonl --min-fields 0.9 --show-misses

A label's expected value may be a list: any of its items is right.
"""
from __future__ import annotations

import argparse
import json
import re
import shlex
import subprocess
import sys
import time
import unicodedata
from collections import defaultdict
from pathlib import Path

FIELDS = ["lang", "intent", "customer", "contact", "channel", "stage",
          "amount", "currency", "followup_on", "birthday", "period"]
_QUOTES = "\"'«»“”„‘’「」『』《》()（）"


def norm(value):
    if isinstance(value, str):
        text = unicodedata.normalize("NFKC", value).casefold()
        text = text.translate({ord(c): " " for c in _QUOTES})
        text = re.sub(r"\s+", " ", text).strip(" .,;:!?。，；：！？")
        return text or None
    return value


def same(expected, got) -> bool:
    if isinstance(expected, list):
        return any(same(e, got) for e in expected)
    if isinstance(expected, dict) or isinstance(got, dict):
        if not (isinstance(expected, dict) and isinstance(got, dict)):
            return False
        return all(same(expected.get(k), got.get(k)) for k in ("from", "to"))
    if isinstance(expected, (int, float)) and not isinstance(expected, bool):
        try:
            number = float(got)
        except (TypeError, ValueError):
            return False
        return abs(number - expected) <= 0.005 * max(1.0, abs(expected))
    return norm(expected) == norm(got)


def load(paths):
    items = []
    for path in paths:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if line.strip():
                items.append(json.loads(line))
    return items


def run_parser(cmd: str, items) -> tuple[dict, float]:
    feed = "".join(json.dumps({k: item.get(k) for k in ("id", "text", "now", "tz", "known")},
                              ensure_ascii=False) + "\n" for item in items)
    start = time.perf_counter()
    proc = subprocess.run(shlex.split(cmd), input=feed, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr[-4000:])
        print(f"the parser exited with {proc.returncode}")
    parses = {}
    for line in proc.stdout.splitlines():
        try:
            parse = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(parse, dict) and "id" in parse:
            parses[parse["id"]] = parse
    return parses, elapsed


def main() -> int:
    here = Path(__file__).resolve().parent
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", help="labelled JSON-lines files")
    ap.add_argument("--cmd", default="crmbot parse --batch")
    ap.add_argument("--min-fields", type=float, default=0.0,
                    help="exit 1 when field accuracy is below this share")
    ap.add_argument("--min-notes", type=float, default=0.0,
                    help="exit 1 when the share of messages with every field right is below this")
    ap.add_argument("--show-misses", action="store_true")
    ap.add_argument("--by", default=None, help="also summarise per value of this field of each item (e.g. kind)")
    args = ap.parse_args()
    files = args.files or sorted(str(p) for p in here.glob("*.jsonl"))
    items = load(files)
    if not items:
        print("no labelled messages found")
        return 2
    parses, elapsed = run_parser(args.cmd, items)

    right = defaultdict(int)
    seen = defaultdict(int)
    whole = defaultdict(int)
    notes = defaultdict(int)
    for item in items:
        lang = item["expect"].get("lang", "?")
        lang = lang[0] if isinstance(lang, list) else lang
        got = parses.get(item["id"], {})
        all_right = True
        for field in FIELDS:
            if field not in item["expect"]:
                continue
            ok = same(item["expect"][field], got.get(field))
            seen[(lang, field)] += 1
            right[(lang, field)] += ok
            all_right &= ok
            if not ok and args.show_misses:
                print(f"{item['id']} {field}: expected {item['expect'][field]!r}, "
                      f"got {got.get(field)!r}  | {item['text'][:90]}")
        notes[lang] += 1
        whole[lang] += all_right

    if args.by:
        groups = sorted({str(item.get(args.by)) for item in items})
        for group in groups:
            chosen = [item for item in items if str(item.get(args.by)) == group]
            counts = defaultdict(lambda: [0, 0, 0, 0])  # lang -> fields right, fields, messages right, messages
            for item in chosen:
                lang = item["expect"].get("lang", "?")
                lang = lang[0] if isinstance(lang, list) else lang
                got = parses.get(item["id"], {})
                oks = [same(item["expect"][f], got.get(f)) for f in FIELDS if f in item["expect"]]
                c = counts[lang]
                for i, add in enumerate((sum(oks), len(oks), all(oks), 1)):
                    c[i] += add
            total = [sum(c[i] for c in counts.values()) for i in range(4)]
            per = " ".join(f"{lang}={100 * c[2] / c[3]:.0f}%/{100 * c[0] / c[1]:.1f}%"
                           for lang, c in sorted(counts.items()))
            print(f"{args.by}={group}: {total[3]} messages, fields {100 * total[0] / total[1]:.1f}% "
                  f"notes {100 * total[2] / total[3]:.1f}% (notes/fields: {per})")

    langs = sorted(notes)
    print(f"{'field':<12}" + "".join(f"{lang:>8}" for lang in langs))
    for field in FIELDS:
        cells = []
        for lang in langs:
            n = seen[(lang, field)]
            cells.append(f"{100 * right[(lang, field)] / n:7.1f}%" if n else f"{'-':>8}")
        print(f"{field:<12}" + "".join(cells))
    total_right = sum(right.values())
    total_seen = sum(seen.values())
    field_share = total_right / total_seen
    note_share = sum(whole.values()) / len(items)
    per_lang = " ".join(f"{lang}={100 * whole[lang] / notes[lang]:.0f}%" for lang in langs)
    print(f"parsed {len(parses)}/{len(items)} messages in {elapsed:.2f} s "
          f"({len(items) / elapsed:.0f} messages/s, one process)")
    print(f"fields {100 * field_share:.1f}% notes {100 * note_share:.1f}% ({per_lang})")
    return 1 if field_share < args.min_fields or note_share < args.min_notes else 0


if __name__ == "__main__":
    sys.exit(main())
