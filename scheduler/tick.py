"""One tick: for each team, what is due now → for each message, claimed in the ledger → delivered → marked.

The store work (rules, claims, marks) runs in worker threads so the event
loop the adapters share keeps serving chat. Deliveries run concurrently
across chats and in order within a chat; a member's several nudges at the
morning hour go as one digest (weekdays, or weekends when the team says so),
each still its own ledger row. A 403 stops everything else queued for that
chat in this tick and marks the account unreachable.

A message's ledger rows are claimed just before it is handed to the platform,
not all at the start of the tick: if the process dies halfway through a long
delivery, only the message in flight is left `pending` (never sent again: at
most once), and everything not yet claimed goes out at the next tick.
"""
from __future__ import annotations

import asyncio
import logging
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError

from storage import clock
from handlers.reply import Reply
from scheduler import ledger
from scheduler.config import NudgeConfig
from scheduler.delivery import Delivery, Outcome, Sender
from scheduler.digest import morning_digest
from scheduler.limits import RateLimiter
from scheduler.lock import TickLock
from scheduler.nudge import Nudge, Recipient
from scheduler.rules import due_nudges, recipients
from storage.engine import is_busy, session
from storage.models import Team
from sqlmodel import col

log = logging.getLogger(__name__)
DIGEST_WINDOW = timedelta(hours=3)
CONCURRENCY = 64
DIGEST_LINES = 25
CLAIM_TRIES = 3


@dataclass
class Outgoing:
    """One message to send, the nudges it carries, and (once claimed) the ledger rows it settles."""

    platform: str
    to: str
    reply: Reply
    nudges: list[Nudge]
    team_id: int
    identity_id: int | None = None
    who: Recipient | None = None       # set for a part of a morning digest
    local_day: date | None = None
    first: int = 1
    claims: list[ledger.Claim] = field(default_factory=list)

    def reply_for(self, claims: list[ledger.Claim]) -> Reply:
        """The message for the rows actually claimed (another process may have taken some of a digest's)."""
        if len(claims) == len(self.nudges):
            return self.reply
        if self.who is not None and self.local_day is not None and len(claims) > 1:
            return morning_digest(self.who, [c.nudge for c in claims], self.local_day, first=self.first)
        return claims[0].nudge.reply()


@dataclass
class TickReport:
    """What a tick did."""

    ran: bool = True
    due: int = 0
    claimed: int = 0
    messages: int = 0
    sent: int = 0
    failed: int = 0
    blocked: int = 0
    errors: list[str] = field(default_factory=list)


def _group(nudges: list[Nudge], members: dict[int, Recipient], now: datetime, cfg: NudgeConfig,
           team_id: int) -> list[Outgoing]:
    """Messages for the nudges: a morning digest where a member has several, else one each."""
    by_chat: dict[tuple[int, str, str], list[Nudge]] = defaultdict(list)
    for nudge in nudges:
        if nudge.platform and nudge.to:
            by_chat[(nudge.member_id, nudge.platform, nudge.to)].append(nudge)
    out: list[Outgoing] = []
    for (member_id, platform, to), items in by_chat.items():
        who = members.get(member_id)
        by_itself = [n.kind == "digest" or n.extra.get("timed") or n.extra.get("alone") for n in items]
        daily = [n for n, one in zip(items, by_itself) if not one]
        alone = [n for n, one in zip(items, by_itself) if one]  # a timed reminder or an alert goes by itself
        local = now.astimezone(who.zone) if who else now
        since = local.replace(tzinfo=None) - datetime.combine(local.date(), cfg.digest_time)
        morning = (who is not None and len(daily) > 1 and cfg.digest_allowed(local)
                   and timedelta(0) <= since < DIGEST_WINDOW)
        identity = items[0].identity_id
        if morning and who is not None:
            for start in range(0, len(daily), DIGEST_LINES):  # a chat message holds ~4,000 characters
                part = daily[start:start + DIGEST_LINES]
                reply = morning_digest(who, part, local.date(), first=start + 1)
                out.append(Outgoing(platform, to, reply, part, team_id, identity, who, local.date(), start + 1))
        else:
            alone = daily + alone
        out += [Outgoing(platform, to, n.reply(), [n], team_id, n.identity_id) for n in alone]
    return out


def plan(engine: Engine, now: datetime, settings: Any = None,
         max_attempts: int = ledger.MAX_ATTEMPTS) -> tuple[list[Outgoing], int]:
    """What is due at `now` for every team and not yet settled in the ledger, as messages; and the due count.

    Nothing is claimed here: `deliver` claims each message's rows just before sending it.
    """
    outgoing: list[Outgoing] = []
    due = 0
    with session(engine) as s:
        teams = list(s.execute(select(Team).order_by(col(Team.id))).scalars())
        for team in teams:
            try:
                cfg = NudgeConfig.build(team.settings, settings)
                members = recipients(s, team)
                if not members:
                    continue
                nudges = due_nudges(s, team, now, cfg, members)
                due += len(nudges)
                open_ = ledger.unsettled(s, team.id, nudges, max_attempts)
                outgoing += _group(open_, members, now, cfg, team.id)
            except Exception:  # noqa: BLE001  (one team's trouble does not stop the others)
                s.rollback()
                log.exception("scheduler: team %s skipped this tick", team.id)
    return outgoing, due


def take(engine: Engine, item: Outgoing, now: datetime, max_attempts: int = ledger.MAX_ATTEMPTS
         ) -> list[ledger.Claim]:
    """Claim the ledger rows of one message (committed before it is sent); those another process holds are left."""
    for attempt in range(CLAIM_TRIES):
        try:
            with session(engine) as s:
                return ledger.claim(s, item.team_id, item.nudges, now, max_attempts)
        except OperationalError as exc:  # SQLite: another writer held the file longer than its busy timeout
            if not is_busy(exc) or attempt == CLAIM_TRIES - 1:
                raise
            time.sleep(0.05 * (attempt + 1))
    return []


def record(engine: Engine, item: Outgoing, outcome: Outcome) -> None:
    """Mark the message's ledger rows with how its delivery ended."""
    ids = [c.id for c in item.claims]
    with session(engine) as s:
        if outcome.sent:
            ledger.mark_sent(s, ids, outcome.attempts, clock.now())
        elif outcome.blocked:
            ledger.mark_blocked(s, ids, outcome.attempts, outcome.error or "blocked", item.identity_id)
        else:
            ledger.mark_failed(s, ids, outcome.attempts, outcome.error or "failed")


async def deliver(engine: Engine, delivery: Delivery, outgoing: list[Outgoing], report: TickReport,
                  concurrency: int = CONCURRENCY, now: datetime | None = None,
                  max_attempts: int = ledger.MAX_ATTEMPTS) -> None:
    """Send every message: chats concurrently, each chat's messages in order, each claimed just before."""
    now = now or clock.now()
    by_chat: dict[tuple[str, str], list[Outgoing]] = defaultdict(list)
    for item in outgoing:
        by_chat[(item.platform, item.to)].append(item)
    gate = asyncio.Semaphore(concurrency)

    async def one_chat(items: list[Outgoing]) -> None:
        async with gate:
            blocked: str | None = None
            for item in items:
                try:
                    claims = await asyncio.to_thread(take, engine, item, now, max_attempts)
                except Exception:  # noqa: BLE001  (not claimed: the next tick tries again)
                    log.exception("scheduler: could not claim a %s message; left for the next tick",
                                  item.platform)
                    report.errors.append("claim failed")
                    continue
                if not claims:
                    continue  # another process has them
                item.claims = claims
                report.claimed += len(claims)
                report.messages += 1
                if blocked is not None:
                    outcome = Outcome(False, 0, blocked, blocked=True)
                else:
                    outcome = await delivery.send(item.platform, item.to, item.reply_for(claims))
                await asyncio.to_thread(record, engine, item, outcome)
                if outcome.sent:
                    report.sent += 1
                elif outcome.blocked:
                    report.blocked += 1
                    blocked = outcome.error or "blocked"
                else:
                    report.failed += 1
                    report.errors.append(outcome.error or "failed")

    await asyncio.gather(*(one_chat(items) for items in by_chat.values()))


async def _keep(lock: TickLock, every: float) -> None:
    while True:
        await asyncio.sleep(every)
        try:
            await asyncio.to_thread(lock.acquire)
        except Exception:  # noqa: BLE001
            log.warning("scheduler: could not renew the tick lock", exc_info=True)


async def tick(engine: Engine, sender: Sender | None = None, *, now: datetime | None = None,
               settings: Any = None, lock: TickLock | None = None, delivery: Delivery | None = None,
               limiter: RateLimiter | None = None, renew_every: float = 60.0) -> TickReport:
    """One tick at `now` (default: the current instant). Without the lock, it does nothing."""
    now = (now or clock.now()).astimezone(timezone.utc)
    if lock is not None and not await asyncio.to_thread(lock.acquire):
        return TickReport(ran=False)
    if delivery is None:
        if sender is None:
            raise ValueError("tick needs a sender or a delivery")
        delivery = Delivery(sender, limiter)
    report = TickReport()
    outgoing, report.due = await asyncio.to_thread(plan, engine, now, settings)
    keeper = asyncio.create_task(_keep(lock, renew_every)) if lock is not None and outgoing else None
    try:
        await deliver(engine, delivery, outgoing, report, now=now)
    finally:
        if keeper is not None:
            keeper.cancel()
    return report
