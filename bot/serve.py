"""`crmbot run`: every adapter whose credentials are set, and the reminder scheduler, in one process."""
from __future__ import annotations

import asyncio
import logging
import signal
from typing import Any, Callable, Protocol

from bot.delivery import ChatSender, Delivery, Senders
from bot.health import Health, setup_logging
from bot.pipeline import Bot
from bot.redact import Redactor
from bot.settings import Settings
from bot.startup import StartupError, explain
from scheduler.runner import start as start_scheduler

log = logging.getLogger("crmbot.run")


class Adapter(ChatSender, Protocol):
    """What `crmbot run` needs of a platform adapter: start, stop, and send (bot.delivery)."""

    async def start(self) -> None: ...
    async def stop(self) -> None: ...


def build_bot(settings: Settings, engine: Any = None) -> Bot:
    """The bot as `crmbot run`, `chat` and `say` use it: with the LLM when OPENAI_API_KEY is set."""
    from handlers.understanding.llm.client import LlmClient

    return Bot(settings, engine, llm=LlmClient.from_settings(settings))


def build_adapters(bot: Bot, settings: Settings) -> dict[str, Adapter]:
    """The adapters whose credentials are set."""
    adapters: dict[str, Adapter] = {}
    if settings.telegram_bot_token:
        from bot.adapters.telegram import TelegramAdapter

        adapters["telegram"] = TelegramAdapter(bot, settings)
    if settings.slack_configured:
        from bot.adapters.slack import SlackAdapter

        adapters["slack"] = SlackAdapter(bot, settings)
    return adapters


async def serve(settings: Settings, stop: asyncio.Event | None = None) -> None:
    """Run until SIGINT/SIGTERM (or `stop` is set), then shut everything down in order: the
    adapters start first (one that cannot says why in one line), then what was answered but not
    sent is sent, the scheduler ticks, the health check answers, and the outbox drains until stop."""
    setup_logging(settings.log_format, redact=Redactor.of(settings))
    bot = build_bot(settings)
    adapters = build_adapters(bot, settings)
    stop = stop or asyncio.Event()
    _stop_on_signals(stop)
    started: list[Adapter] = []
    scheduler: Any = None
    try:
        await _start_adapters(adapters, settings, started)
        senders = Senders(adapters)
        delivery = Delivery(bot)
        await delivery.replay(senders)
        scheduler = start_scheduler(senders, bot.engine, settings)
        health = await _health_check(bot, adapters, settings, lambda: getattr(scheduler, "last_at", None))
        drainer = asyncio.create_task(delivery.catch_up_until(senders, stop))
        await stop.wait()
        await drainer
        await health.stop()
    finally:
        if scheduler is not None:
            scheduler.shutdown()
        for adapter in reversed(started):
            await adapter.stop()
        if len(started) == len(adapters):  # a failed start says why in one line, and nothing else
            log.info("stopped")


def _stop_on_signals(stop: asyncio.Event) -> None:
    """SIGINT and SIGTERM set `stop` (where the loop can take signal handlers)."""
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(sig, stop.set)
        except (NotImplementedError, RuntimeError):
            pass


async def _start_adapters(adapters: dict[str, Adapter], settings: Settings, started: list[Adapter]) -> None:
    """Start each adapter, adding it to `started`; the first that cannot start raises `StartupError`
    with one line saying what to fix (bot.startup), never a traceback."""
    for name, adapter in adapters.items():
        try:
            await adapter.start()
        except Exception as exc:
            raise StartupError(explain(name, exc, settings)) from None
        started.append(adapter)
        log.info("%s adapter started", name)


async def _health_check(bot: Bot, adapters: dict[str, Adapter], settings: Settings,
                        last_tick: Callable[[], Any]) -> Health:
    """`GET /healthz` on CRM_HEALTH_PORT, or on 8080 in webhook / HTTP mode (a load balancer asks
    there); a port taken is a warning, not a stop."""
    health = Health(bot.engine, adapters, last_tick)
    port = settings.health_port
    if port is None and (settings.telegram_webhook_url or (settings.slack_configured
                                                           and not settings.slack_app_token)):
        port = 8080
    if port is not None:
        try:
            await health.start("0.0.0.0", port)
            log.info("health check on :%s/healthz", health.port)
        except OSError as exc:  # e.g. a second process on the same host: set CRM_HEALTH_PORT
            log.warning("no health check: port %s is taken (%s); set CRM_HEALTH_PORT", port, exc)
    return health
