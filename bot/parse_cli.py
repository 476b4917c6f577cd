"""`crmbot parse`: the understanding of one message or a batch, as the contract's JSON."""
from __future__ import annotations

import asyncio
import json
import sys
from datetime import datetime
from typing import IO, Any, Iterable
from zoneinfo import ZoneInfo

from storage import clock
from handlers.understanding import understand


def local_now(now: str | None, tz: str) -> datetime:
    """`now` (ISO, naive means local to `tz`) as an aware datetime in `tz`."""
    zone = ZoneInfo(tz)
    if not now:
        return clock.now().astimezone(zone)
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


def llm_setup(settings: Any = None) -> tuple[Any, str]:
    """The LLM client and mode `crmbot parse --llm` uses: the chat's (CRM_LLM, `auto` by default).
    Without OPENAI_API_KEY it says so on stderr and the parse stays offline."""
    from handlers.understanding.llm.client import LlmClient

    if settings is None:
        from bot.settings import get_settings

        settings = get_settings()
    client = LlmClient.from_settings(settings)
    if client is None:
        sys.stderr.write("crmbot parse --llm: OPENAI_API_KEY is not set; using the offline understanding\n")
    return client, settings.crm_llm


async def parse_one_llm(text: str, now: str | None, tz: str, known: Iterable[str], item_id: Any = None,
                        llm: Any = None, mode: str = "auto") -> dict:
    """`parse_one` through the hybrid path (offline first, the LLM per `mode`)."""
    from handlers.understanding.hybrid import understand_hybrid

    parse = await understand_hybrid(text or "", local_now(now, tz or "UTC"), list(known or ()), None, llm, mode)
    out = parse.to_json()
    if item_id is not None:
        out = {"id": item_id, **{k: v for k, v in out.items() if k != "id"}}
    return out


async def _batch_llm(items: list[Any], default_tz: str, llm: Any, mode: str, width: int = 8) -> list[dict]:
    gate = asyncio.Semaphore(width)

    async def one(item: Any) -> dict:
        if isinstance(item, Exception) or not isinstance(item, dict):
            return {"id": None, "error": f"{type(item).__name__}: {item}"}
        async with gate:
            try:
                return await parse_one_llm(str(item.get("text") or ""), item.get("now"), item.get("tz") or default_tz,
                                           item.get("known") or [], item.get("id"), llm, mode)
            except Exception as exc:  # one bad line must not stop the batch
                return {"id": item.get("id"), "error": f"{type(exc).__name__}: {exc}"}

    return list(await asyncio.gather(*(one(item) for item in items)))


def run_batch(lines: IO[str], out: IO[str], default_tz: str = "UTC", llm: bool = False) -> int:
    """Read JSON lines, write one parse per line in order; a bad line gets an error object.
    With `llm`, messages are understood concurrently (8 at a time) and still written in order."""
    if llm:
        client, mode = llm_setup()
        items: list[Any] = []
        for line in lines:
            if line.strip():
                try:
                    items.append(json.loads(line))
                except Exception as exc:
                    items.append(exc)
        for result in asyncio.run(_batch_llm(items, default_tz, client, mode)):
            out.write(json.dumps(result, ensure_ascii=False) + "\n")
        out.flush()
        return len(items)
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
