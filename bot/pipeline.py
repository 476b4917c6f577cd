"""One message, one transaction (DESIGN.md, invariant 1): Incoming → member → claimed in the inbox →
answered by the conversation → the reply kept with the update → committed together.

`Bot` composes the two rooms of a message's life: the inbox (bot/inbox.py: stored before confirmed,
replay, resume, the spool while the store is down) and the conversation (bot/conversation.py:
Incoming → Reply). Its error policy for handling: a lost write race is run again; an unreachable
store queues the message in the spool and says so; anything else is logged and the writer gets a
short apology, never a stack trace. Sending the reply is delivery's (bot/delivery.py).
"""
from __future__ import annotations

import asyncio
import logging
import random
from datetime import datetime
from typing import Callable

from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, OperationalError

from bot.conversation import Admitted, Conversation, Fetch
from bot.inbox import Answered, Inbox
from bot.incoming import Incoming
from bot.runtime import Memory
from bot.settings import Settings
from bot.spool import Spool
from handlers.reply import Reply
from handlers.understanding.llm.client import LlmClient
from storage.clock import at as at_instant, now as clock_now
from storage.engine import get_engine, is_busy, is_disconnect, session as new_session

log = logging.getLogger("crmbot.pipeline")
Clock = Callable[[], datetime]
ATTEMPTS = 6  # a message that lost a write race this many times in a row is reported as failed
BACKOFF_S = 0.02  # the first pause after a lost race; doubled each time, with jitter


class Bot:
    """The chat bot, independent of any platform: adapters hand it `Incoming`, get `Reply`."""

    def __init__(self, settings: Settings, engine: Engine | None = None, clock: Clock | None = None,
                 llm: LlmClient | None = None):
        self.settings = settings
        self.clock: Clock = clock or clock_now
        self.inbox = Inbox(engine or get_engine(settings.database_url), settings.spool_path)
        self.conversation = Conversation(settings, llm)
        self.memory = Memory()

    @property
    def engine(self) -> Engine:
        """The store every message of this bot is written to."""
        return self.inbox.engine

    @property
    def spool(self) -> Spool:
        return self.inbox.spool

    @property
    def fetchers(self) -> dict[str, Fetch]:
        """Per platform: how to download a file the user sent, by its reference (set by adapters)."""
        return self.conversation.fetchers

    async def accept(self, incoming: Incoming) -> bool:
        """Store the update before the platform is told it arrived; False for a redelivery."""
        return await self.inbox.accept(incoming)

    async def delivered(self, incoming: Incoming) -> None:
        """The platform has the reply to `incoming`: a restart won't send it again."""
        await self.inbox.delivered(incoming)

    async def handle(self, incoming: Incoming) -> Reply | None:
        """Answer one message; None when it was already handled (a redelivery) or not for us."""
        try:
            return await self._retrying(incoming)
        except OperationalError as exc:  # the store is unreachable: keep the message, apply it later
            self.inbox.queue(incoming, str(exc).splitlines()[0])
            return self.conversation.apology(incoming, "queued")
        except Exception:  # never a stack trace to a user
            log.exception("message from %s:%s failed", incoming.platform, incoming.account_id)
            return self.conversation.apology(incoming, "error")

    async def drain(self) -> list[Answered]:
        """Apply what was queued while the store was down; stops at the first failure."""
        waiting = self.inbox.queued()
        done: list[Answered] = []
        for index, incoming in enumerate(waiting):
            try:
                reply = await self._once(incoming)
            except OperationalError:
                self.inbox.applied(waiting[:index])
                return done
            except Exception:  # a message that cannot be applied must not block the others
                log.exception("a queued %s update failed", incoming.platform)
                continue
            if reply is not None:
                done.append(Answered(incoming, reply))
        self.inbox.applied(waiting)  # what arrived meanwhile stays for the next drain
        return done

    async def replay(self) -> list[Answered]:
        """After a crash: replies applied but never sent, then updates stored but never processed."""
        done, waiting = self.inbox.unfinished()
        return done + await self._apply(waiting)

    async def resume(self, stale_s: float | None = None) -> list[Answered]:
        """While running: updates stored long ago whose processing was lost (see `Inbox.stale`)."""
        return await self._apply(self.inbox.stale(stale_s))

    async def _apply(self, waiting: list[Incoming]) -> list[Answered]:
        done = []
        for incoming in waiting:
            reply = await self.handle(incoming)
            if reply is not None:
                done.append(Answered(incoming, reply))
        return done

    async def _retrying(self, incoming: Incoming) -> Reply | None:
        """A message is one transaction, so one that lost a write race is simply run again."""
        for attempt in range(ATTEMPTS):
            try:
                return await self._once(incoming)
            except (OperationalError, IntegrityError) as exc:
                # lost a race: SQLite's write lock, or another process made the same row first
                # (a rep's chat state, a customer named at once from two places)
                if is_disconnect(exc) and attempt == 0:  # a pooled connection had died: a fresh one
                    continue
                if (isinstance(exc, OperationalError) and not is_busy(exc)) or attempt == ATTEMPTS - 1:
                    raise
                await asyncio.sleep(BACKOFF_S * 2 ** attempt * (1 + random.random()))
        return None

    async def _once(self, incoming: Incoming) -> Reply | None:
        """One try of the message's transaction, every write carrying the message's instant."""
        now = incoming.sent_at or self.clock()
        with at_instant(now):  # audit entries and created_at carry it too
            with new_session(self.inbox.engine_for(incoming), writer=True) as session:
                who = self.conversation.admit(session, incoming, now)
                if not isinstance(who, Admitted):
                    self.inbox.discard(session, incoming)
                    session.commit()
                    return who.reply
                held = self.inbox.claim(session, incoming, who.team.id)
                if held is None:
                    return None
                reply = await self.conversation.answer(session, who, incoming, now)
                if not self.inbox.settle(session, incoming, who.team.id, held, reply):
                    session.rollback()  # another process applied it meanwhile
                    return None
                session.commit()
        self.memory.after(reply)     # a chart drawn, a big name index built: freed pages go back
        return reply
