"""`crmbot run`: every adapter whose credentials are set, and the reminder scheduler, in one process."""
from __future__ import annotations

import asyncio
import logging
import signal
from typing import Any, Protocol

from sqlalchemy.exc import OperationalError

from bot.health import Health, setup_logging
from bot.pipeline import Bot
from bot.redact import Redactor
from bot.settings import Settings
from bot.startup import StartupError, explain
from handlers.reply import Reply
from scheduler.runner import start as start_scheduler

log = logging.getLogger("crmbot.run")


class Adapter(Protocol):
    """What `crmbot run` needs of a platform adapter."""

    async def start(self) -> None: ...
    async def stop(self) -> None: ...
    async def send(self, chat_id: str, reply: Reply) -> object: ...  # what was sent, if the adapter says


class Senders:
    """Delivery for the scheduler: a nudge goes out through the adapter of its platform."""

    def __init__(self, adapters: dict[str, Adapter]):
        self.adapters = adapters

    async def send(self, platform: str, chat_id: str, reply: Reply) -> None:
        """Send `reply` to `chat_id` on `platform`; raises when that platform is not running."""
        adapter = self.adapters.get(platform)
        if adapter is None:
            raise LookupError(f"no {platform} adapter is running")
        await adapter.send(chat_id, reply)


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
    """Run until SIGINT/SIGTERM (or `stop` is set), then shut everything down in order."""
    setup_logging(settings.log_format, redact=Redactor.of(settings))
    bot = build_bot(settings)
    adapters = build_adapters(bot, settings)
    stop = stop or asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(sig, stop.set)
        except (NotImplementedError, RuntimeError):
            pass
    started: list[Adapter] = []
    scheduler: Any = None
    failed: StartupError | None = None
    try:
        for name, adapter in adapters.items():
            try:
                await adapter.start()
            except Exception as exc:  # one line saying what to fix (bot.startup), never a traceback
                failed = StartupError(explain(name, exc, settings))
                raise failed from None
            started.append(adapter)
            log.info("%s adapter started", name)
        senders = Senders(adapters)
        await _replay(bot, senders)
        scheduler = start_scheduler(senders, bot.engine, settings)
        health = Health(bot.engine, adapters, lambda: getattr(scheduler, "last_at", None))
        port = settings.health_port
        if port is None and (settings.telegram_webhook_url or (settings.slack_configured
                                                               and not settings.slack_app_token)):
            port = 8080  # webhook / HTTP mode: a load balancer asks here
        if port is not None:
            try:
                await health.start("0.0.0.0", port)
                log.info("health check on :%s/healthz", health.port)
            except OSError as exc:  # e.g. a second process on the same host: set CRM_HEALTH_PORT
                log.warning("no health check: port %s is taken (%s); set CRM_HEALTH_PORT", port, exc)
        drainer = asyncio.create_task(_drain_forever(bot, senders, stop))
        await stop.wait()
        await drainer
        await health.stop()
    finally:
        if scheduler is not None:
            scheduler.shutdown()
        for adapter in reversed(started):
            await adapter.stop()
        if failed is None:  # a failed start says why in one line, and nothing else
            log.info("stopped")


async def _drain_forever(bot: Bot, senders: Senders, stop: asyncio.Event, every: float = 5.0) -> None:
    """While running: apply what was queued while the store was down, and what was stored but
    whose processing was lost (see `Bot.resume`), and confirm it."""
    while not stop.is_set():
        answered = await bot.drain() if bot.spool.path.exists() else []
        try:
            answered += await bot.resume()
        except OperationalError:  # the store is away: the spool keeps what arrives meanwhile
            pass
        except Exception:
            log.exception("taking up stored updates failed")
        for incoming, reply in answered:
            try:
                await senders.send(incoming.platform, incoming.chat_id, reply)
                await bot.delivered(incoming)
            except Exception:  # applied; only the confirmation is lost
                log.warning("could not confirm a queued %s update", incoming.platform, exc_info=True)
        try:
            await asyncio.wait_for(stop.wait(), timeout=every)
        except asyncio.TimeoutError:
            pass


async def _replay(bot: Bot, senders: Senders) -> None:
    """Answer what was received but never processed before the last stop."""
    for incoming, reply in await bot.replay():
        try:
            await senders.send(incoming.platform, incoming.chat_id, reply)
            await bot.delivered(incoming)
        except Exception:  # the note is applied; the next start tries the confirmation again
            log.warning("could not confirm a replayed %s update", incoming.platform, exc_info=True)
