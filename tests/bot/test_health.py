"""`GET /healthz` and log lines: what an operator's load balancer and log search see."""
from __future__ import annotations

import json
import logging
from datetime import datetime, timezone

import aiohttp

from bot.health import Health, JsonLines
from storage.engine import make_engine


async def _get(health: Health) -> tuple[int, dict]:
    await health.start("127.0.0.1", 0)
    try:
        async with aiohttp.ClientSession() as http:
            async with http.get(f"http://127.0.0.1:{health.port}/healthz") as response:
                return response.status, await response.json()
    finally:
        await health.stop()


async def test_healthz_reports_store_adapters_and_last_tick(engine):
    tick = datetime(2026, 11, 25, 9, 0, tzinfo=timezone.utc)
    status, body = await _get(Health(engine, {"telegram": object()}, lambda: tick))
    assert status == 200 and body["store"] is True
    assert body["adapters"] == {"telegram": "running"} and body["last_tick"].startswith("2026-11-25T09:00")


async def test_healthz_says_503_when_the_store_is_unreachable():
    dead = make_engine("postgresql://nobody@127.0.0.1:1/none")
    status, body = await _get(Health(dead, {}, lambda: None))
    assert status == 503 and body["store"] is False


def test_log_lines_are_json():
    record = logging.LogRecord("crmbot.pipeline", logging.INFO, __file__, 1, "note from %s applied", ("tg:1",), None)
    line = json.loads(JsonLines().format(record))
    assert line["level"] == "info" and line["msg"] == "note from tg:1 applied" and line["logger"] == "crmbot.pipeline"
