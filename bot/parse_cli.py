"""`crmbot parse`: the understanding of one message or a batch, as the contract's JSON."""
from __future__ import annotations

import json
import sys
from datetime import datetime
from typing import IO, Any, Iterable
from zoneinfo import ZoneInfo

from handlers.understanding import understand


def local_now(now: str | None, tz: str) -> datetime:
    """`now` (ISO, naive means local to `tz`) as an aware datetime in `tz`."""
    zone = ZoneInfo(tz)
    if not now:
        return datetime.now(zone)
    moment = datetime.fromisoformat(now)
    if moment.tzinfo is None:
        return moment.replace(tzinfo=zone)
    return moment.astimezone(zone)


def parse_one(text: str, now: str | None, tz: str, known: Iterable[str], item_id: Any = None) -> dict:
    """One message understood, as the contract's JSON object."""
    parse = understand(text or "", local_now(now, tz or "UTC"), list(known or ()))
    out = parse.to_json()
    if item_id is not None:
        out = {"id": item_id, **{k: v for k, v in out.items() if k != "id"}}
    return out


def run_batch(lines: IO[str], out: IO[str], default_tz: str = "UTC") -> int:
    """Read JSON lines, write one parse per line in order; a bad line gets an error object."""
    count = 0
    for line in lines:
        if not line.strip():
            continue
        item: Any = None
        try:
            item = json.loads(line)
            result = parse_one(str(item.get("text") or ""), item.get("now"),
                               item.get("tz") or default_tz, item.get("known") or [], item.get("id"))
        except Exception as exc:  # one bad line must not stop the batch
            result = {"id": item.get("id") if isinstance(item, dict) else None,
                      "error": f"{type(exc).__name__}: {exc}"}
        out.write(json.dumps(result, ensure_ascii=False) + "\n")
        count += 1
    out.flush()
    return count


if __name__ == "__main__":
    run_batch(sys.stdin, sys.stdout)
