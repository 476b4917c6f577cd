"""`GET /healthz` and structured log lines for `crmbot run`."""
from __future__ import annotations

import json
import logging
import time
import traceback
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

if TYPE_CHECKING:  # aiohttp's server costs ~9 MB: imported only when a health port is served
    from aiohttp import web
    from sqlalchemy.engine import Engine  # the store layer, only where the store is checked

    from bot.redact import Redactor


def one_line(exc_info: Any) -> str:
    """An error as one line: its type, its words and where it was raised ("KeyError: 'x' at
    handlers/undo.py:47 in refusal"), never a stack trace in the log."""
    kind, exc, tb = exc_info
    where = traceback.extract_tb(tb)[-1] if tb is not None else None
    place = ""
    if where is not None:
        parts = Path(where.filename).parts
        short = "/".join(parts[-2:]) if len(parts) >= 2 else where.filename
        place = f" at {short}:{where.lineno} in {where.name}"
    words = str(exc).splitlines()[0] if str(exc) else ""
    return f"{getattr(kind, '__name__', kind)}: {words}{place}"


class OneLineErrors(logging.Formatter):
    """Plain text lines; an error's stack is one line (`one_line`)."""

    def format(self, record: logging.LogRecord) -> str:
        own = logging.makeLogRecord(record.__dict__)
        own.exc_info, own.exc_text, own.stack_info = None, None, None
        text = super().format(own)
        return f"{text} · {one_line(record.exc_info)}" if record.exc_info else text


class JsonLines(logging.Formatter):
    """One JSON object per line: time, level, logger, message (never tokens or message bodies)."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {"ts": datetime.fromtimestamp(record.created, timezone.utc).isoformat(),
                                "level": record.levelname.lower(), "logger": record.name,
                                "msg": record.getMessage()}
        if record.exc_info:
            line["error"] = one_line(record.exc_info)
        return json.dumps(line, ensure_ascii=False)


def setup_logging(fmt: str = "json", level: int = logging.INFO, redact: Redactor | None = None) -> None:
    """Log to stderr as JSON lines (or plain text), every line through `redact` (the configured
    secrets masked: bot.redact); quiet the libraries that log secrets in URLs."""
    from bot.redact import Redactor, install

    handler = logging.StreamHandler()
    handler.setFormatter(JsonLines() if fmt == "json" else
                         OneLineErrors("%(asctime)s %(levelname)s %(name)s %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    install(redact or Redactor(), [handler])
    for noisy in ("httpx", "httpcore", "telegram.ext.Updater", "apscheduler.executors.default", "slack_sdk"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


def store_ok(engine: Engine) -> bool:
    """True when the store answers a trivial query."""
    from sqlalchemy import text

    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        return True
    except Exception:  # noqa: BLE001 - any failure means "not reachable"
        return False


class Health:
    """What `/healthz` reports: store reachable, adapters running, the scheduler's last tick."""

    def __init__(self, engine: Engine, adapters: dict[str, Any], last_tick: Callable[[], datetime | None]):
        self.engine = engine
        self.adapters = adapters
        self.last_tick = last_tick
        self.started = time.monotonic()
        self._runner: web.AppRunner | None = None
        self.port: int | None = None

    def report(self) -> tuple[int, dict[str, Any]]:
        """HTTP status (200 healthy, 503 when the store is down) and the JSON body."""
        store = store_ok(self.engine)
        tick = self.last_tick()
        body = {"status": "ok" if store else "store unreachable", "store": store,
                "adapters": {name: "running" for name in self.adapters},
                "last_tick": tick.isoformat() if tick else None,
                "uptime_s": round(time.monotonic() - self.started)}
        return (200 if store else 503), body

    async def _get(self, _: web.Request) -> web.Response:
        from aiohttp import web

        status, body = self.report()
        return web.json_response(body, status=status)

    async def start(self, host: str, port: int) -> None:
        """Serve `GET /healthz` on host:port (0 picks a free port; `.port` tells which)."""
        from aiohttp import web

        app = web.Application()
        app.router.add_get("/healthz", self._get)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port)
        await site.start()
        self.port = self._runner.addresses[0][1]   # the port the system chose when asked for 0

    async def stop(self) -> None:
        """Stop serving."""
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
