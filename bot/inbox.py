"""Nothing received is lost (DESIGN.md, invariant 2): an update is stored, keyed by its platform id,
before the platform is told it arrived; it is claimed in the transaction that applies it, so a
redelivery or a second process applies it once; its reply is kept until the platform has it.

- `accept`: stored before confirmed (False for a redelivery); while the store is down the local
  spool keeps it instead (`queue`, `queued`, `applied`).
- `claim` / `settle` / `discard`: the inbox's part of the message's one transaction.
- `delivered`: the platform has the reply; a restart won't send it again.
- `unfinished`: after a crash, replies applied but never sent and updates stored but never processed.
- `stale`: while running, updates stored long ago whose processing was lost, each taken up once.
"""
from __future__ import annotations

import enum
import logging
from datetime import timedelta
from typing import Callable, NamedTuple, TypeVar

from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from bot.incoming import Incoming
from bot.spool import Spool
from handlers.reply import Reply
from storage.clock import now as clock_now
from storage.engine import KeptConnections, relaxed, session as new_session
from storage.inbox import accept, claim, discard, mark_answered, record_reply, settle, unanswered, unprocessed

log = logging.getLogger("crmbot.inbox")
T = TypeVar("T")
STALE_S = 120.0  # an update stored this long ago and still not processed is taken up again (far longer
# than a message takes, LLM calls included; one still running then is applied once all the same)
REMEMBERED = 10_000  # keys kept in memory (fresh updates, stale ones tried); the oldest go back to the slow path
KEEPS_NO_REPLY = frozenset({"console"})  # the console prints its reply at once: nothing to send again


class Claim(enum.Enum):
    """How this process holds an update it is applying."""

    STORED_HERE = "stored here"  # `accept` stored it in this process: `settle` claims it with the reply
    CLAIMED = "claimed"          # claimed now (a replay, the console, a spooled update)


class Answered(NamedTuple):
    """An update and the reply it got, waiting to be sent to its platform."""

    incoming: Incoming
    reply: Reply


class Inbox:
    """The durable edge of the pipeline, one per process (it remembers what this process stored)."""

    def __init__(self, engine: Engine, spool_path: str):
        self.engine = engine
        self.spool = Spool(spool_path)
        self._fresh: dict[str, bool] = {}  # keys this process stored and has not processed yet
        self._resumed: set[tuple[str, str]] = set()  # stale updates this process tried: see `stale`
        self._kept = KeptConnections()  # for `_one_statement`

    # -- before the platform is told --------------------------------------------------------------

    async def accept(self, incoming: Incoming) -> bool:
        """Store the update before the platform is told it arrived; False for a redelivery (or when
        the store is down and the spool kept it: the drainer applies it)."""
        try:
            fresh = self._one_statement(
                lambda connection: accept(connection, incoming.platform, incoming.key, incoming.to_payload()))
        except OperationalError as exc:
            self.queue(incoming, str(exc).splitlines()[0])
            return False
        if fresh:
            self._fresh[incoming.key] = True
            while len(self._fresh) > REMEMBERED:
                self._fresh.pop(next(iter(self._fresh)))
        return fresh

    def queue(self, incoming: Incoming, why: str = "") -> None:
        """The store is unreachable: keep the update in the local spool until it is back."""
        log.warning("store unreachable%s; %s update queued in %s", f" ({why})" if why else "",
                    incoming.platform, self.spool.path)
        self.spool.put(incoming)

    def queued(self) -> list[Incoming]:
        """What the spool holds, oldest first."""
        return self.spool.waiting() if self.spool.path.exists() else []

    def applied(self, done: list[Incoming]) -> None:
        """Take applied updates off the spool (what arrived meanwhile stays)."""
        self.spool.drop(done)

    # -- inside the message's transaction ---------------------------------------------------------

    def engine_for(self, incoming: Incoming) -> Engine:
        """An update this process stored durably may commit its writes without waiting for the disk:
        what it writes can be redone from the inbox (see `storage.engine.relaxed`)."""
        return relaxed(self.engine) if incoming.key in self._fresh else self.engine

    def claim(self, session: Session, incoming: Incoming, team_id: int | None) -> Claim | None:
        """This process's hold on the update, or None when it was already applied (a redelivery)."""
        if self._fresh.pop(incoming.key, False):
            return Claim.STORED_HERE
        if claim(session, incoming.platform, incoming.key, team_id):
            return Claim.CLAIMED
        return None

    def settle(self, session: Session, incoming: Incoming, team_id: int | None, held: Claim,
               reply: Reply) -> bool:
        """Keep the reply with the update until the platform has it; False when another process
        applied the update meanwhile (the caller rolls back)."""
        keep = incoming.platform not in KEEPS_NO_REPLY
        if held is Claim.STORED_HERE:  # claim and keep the reply in one statement
            return settle(session, incoming.platform, incoming.key, team_id, reply.to_payload() if keep else None)
        if keep:
            record_reply(session, incoming.platform, incoming.key, reply.to_payload(), incoming.to_payload())
        return True

    def discard(self, session: Session, incoming: Incoming) -> None:
        """A stranger's update: never processed, so not kept."""
        self._fresh.pop(incoming.key, None)
        discard(session, incoming.platform, incoming.key)

    # -- after ------------------------------------------------------------------------------------

    async def delivered(self, incoming: Incoming) -> None:
        """The platform has the reply to `incoming`: a restart won't send it again."""
        try:
            self._one_statement(lambda connection: mark_answered(connection, incoming.platform, incoming.key),
                                relaxed(self.engine))  # lost in a server crash: the reply is sent again
        except OperationalError:  # at worst the reply is sent once more after a restart
            log.warning("could not mark a %s reply as sent", incoming.platform)

    def unfinished(self) -> tuple[list[Answered], list[Incoming]]:
        """After a crash: replies applied but never sent, and updates stored but never processed."""
        with new_session(self.engine) as session:
            done = [Answered(Incoming.from_payload(row.payload), Reply.from_payload(row.reply))
                    for row in unanswered(session) if row.payload and row.reply]
            waiting = [Incoming.from_payload(row.payload) for row in unprocessed(session) if row.payload]
        return done, waiting

    def stale(self, stale_s: float | None = None) -> list[Incoming]:
        """Updates stored more than `stale_s` (120) s ago and still not processed, each returned once
        by this process. Their processing was lost: the server crashed just after committing it
        without waiting for the disk, or the process that acknowledged them died and nobody
        restarted it. Claiming is atomic, so one another process is still on is applied once."""
        before = clock_now() - timedelta(seconds=STALE_S if stale_s is None else stale_s)
        with new_session(self.engine) as session:
            rows = [row for row in unprocessed(session, before=before)
                    if row.payload and (row.platform, row.update_key) not in self._resumed]
        if len(self._resumed) + len(rows) > REMEMBERED:  # bounded: after that many, failures get one more try
            self._resumed.clear()
        waiting = []
        for row in rows:
            self._resumed.add((row.platform, row.update_key))
            try:
                waiting.append(Incoming.from_payload(row.payload))
            except Exception:  # a payload this version cannot read: logged once, left stored
                log.exception("a stored %s update could not be read", row.platform)
        return waiting

    def _one_statement(self, write: Callable[[Connection], T], engine: Engine | None = None) -> T:
        """Run a one-statement write on its own, on a connection this process keeps for them."""
        return self._kept.run(engine or self.engine, write)
