"""Delivery: accept → handle → send → delivered, one path and one error policy for every adapter
(console, Telegram, Slack), for what `crmbot run` takes up after a restart or an outage, and for
the scheduler's nudges (through `Senders`).

1. accept: the update is stored before the platform is told it arrived (`Delivery.take`); False
   for a redelivery, which is then not answered again.
2. handle: the pipeline answers in one transaction (bot/pipeline.py); None when there is nothing
   to say (a redelivery, a message not for us). Its failures are already a reply to the writer.
3. send: the adapter's own call for this message (a Telegram quote, a Slack thread or response_url).
   A failed send is logged in one line and nothing more: the reply stays in the inbox, unconfirmed,
   and goes out again after a restart (`replay`).
4. delivered: the inbox marks the reply sent, so a restart won't send it again.
"""
from __future__ import annotations

import asyncio
import logging
from typing import Awaitable, Callable, Mapping, Protocol

from sqlalchemy.exc import OperationalError

from bot.inbox import Answered
from bot.incoming import Incoming
from bot.pipeline import Bot
from handlers.reply import Reply

log = logging.getLogger("crmbot.delivery")
CATCH_UP_EVERY_S = 5.0  # how often `crmbot run` takes up the spool and updates whose processing was lost
Send = Callable[[Reply], Awaitable[object]]


class ChatSender(Protocol):
    """What an adapter offers for replies it did not just receive a message for (and for nudges)."""

    async def send(self, chat_id: str, reply: Reply) -> object: ...  # what was sent, if the adapter says


class Senders:
    """The running adapters by platform: a reply or a nudge goes out through the adapter of its platform."""

    def __init__(self, adapters: Mapping[str, ChatSender]):
        self.adapters = adapters

    async def send(self, platform: str, chat_id: str, reply: Reply) -> None:
        """Send `reply` to `chat_id` on `platform`; raises when that platform is not running (the
        scheduler's `Sender`: its delivery retries and records failures in the ledger)."""
        adapter = self.adapters.get(platform)
        if adapter is None:
            raise LookupError(f"no {platform} adapter is running")
        await adapter.send(chat_id, reply)


class Delivery:
    """accept → handle → send → delivered for one bot."""

    def __init__(self, bot: Bot):
        self.bot = bot

    async def take(self, incoming: Incoming) -> bool:
        """Store the update before the platform hears it arrived; False for a redelivery (or one the
        spool kept while the store is down: the catch-up answers it)."""
        return await self.bot.accept(incoming)

    async def answer(self, incoming: Incoming, send: Send | None) -> Reply | None:
        """Handle `incoming` and send its reply; the reply once the platform has it, else None.
        `send` None: the caller shows the reply itself (the console prints what it returns)."""
        reply = await self.bot.handle(incoming)
        if reply is None:
            return None
        return reply if await self.deliver(incoming, reply, send) else None

    async def deliver(self, incoming: Incoming, reply: Reply, send: Send | None) -> bool:
        """Send a reply already applied and mark it delivered; False when sending failed."""
        if send is not None:
            try:
                await send(reply)
            except Exception as exc:  # applied and kept in the inbox: a restart sends it again
                log.warning("could not send a %s reply to %s (%s: %s)", incoming.platform, incoming.chat_id,
                            type(exc).__name__, str(exc).splitlines()[0] if str(exc) else "")
                return False
        await self.bot.delivered(incoming)
        return True

    async def replay(self, senders: Senders) -> int:
        """At start: send what was applied but never sent, and answer what was received but never
        processed before the last stop. The number of replies delivered."""
        return await self._send_all(await self.bot.replay(), senders)

    async def catch_up(self, senders: Senders) -> int:
        """While running: apply what the spool kept while the store was down, and updates whose
        processing was lost (`Bot.resume`), and send their replies. The number delivered."""
        answered = await self.bot.drain()
        try:
            answered += await self.bot.resume()
        except OperationalError:  # the store is away: the spool keeps what arrives meanwhile
            pass
        except Exception:
            log.exception("taking up stored updates failed")
        return await self._send_all(answered, senders)

    async def catch_up_until(self, senders: Senders, stop: asyncio.Event,
                             every: float = CATCH_UP_EVERY_S) -> None:
        """`catch_up` every few seconds until `stop` is set."""
        while not stop.is_set():
            await self.catch_up(senders)
            try:
                await asyncio.wait_for(stop.wait(), timeout=every)
            except asyncio.TimeoutError:
                pass

    async def _send_all(self, answered: list[Answered], senders: Senders) -> int:
        sent = 0
        for incoming, reply in answered:
            def send(reply: Reply, incoming: Incoming = incoming) -> Awaitable[None]:
                return senders.send(incoming.platform, incoming.chat_id, reply)
            sent += await self.deliver(incoming, reply, send)
        return sent
