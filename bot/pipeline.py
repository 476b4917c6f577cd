"""The one pipeline: Incoming → member → understanding → handler → one transaction → Reply."""
from __future__ import annotations

import asyncio
import logging
import random
import time
from datetime import datetime, timedelta
from typing import Any, Awaitable, Callable, Sequence, TypeVar
from zoneinfo import ZoneInfo

from sqlalchemy import bindparam, select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import make_transient_to_detached
from sqlmodel import Session

from storage.clock import at as at_instant, now as clock_now
from bot.access import Teams, admit, link_reply
from bot.incoming import Incoming
from bot.routing import COMMAND, route
from bot.settings import Settings
from bot.spool import Spool
from handlers.card_scan import card_text, propose
from handlers.context import Ctx
from handlers.dispatch import dispatch
from handlers.guard import check, guess_lang, hint_lang
from handlers.reply import Reply
from handlers.texts import t
from handlers.understanding.assist import quote_transcript, voice_text
from handlers.understanding.llm.client import LlmClient, read_card
from handlers.llm_usage import Meter
from storage.customers import known_names, names_version
from storage.engine import KeptConnections, get_engine, is_busy, is_disconnect, relaxed, session as new_session
from storage.members import set_language
from storage.inbox import accept, claim, discard, mark_answered, record_reply, settle, unanswered, unprocessed
from storage.models import Member, Team
from storage.vocabulary import Lang, lang_of

log = logging.getLogger("crmbot.pipeline")
Clock = Callable[[], datetime]
T = TypeVar("T")
TEAM_TTL_S = 5.0
STALE_S = 120.0  # an update stored this long ago and still not processed is taken up again (far longer
# than a message takes, LLM calls included; one still running then is applied once all the same)
# the version of the team's customer names (the database bumps it): the names cache is current while it holds
_NAMES_VERSION = select(*names_version(bindparam("team")))


class Bot:
    """The chat bot, independent of any platform: adapters hand it `Incoming`, get `Reply`."""

    def __init__(self, settings: Settings, engine: Engine | None = None, clock: Clock | None = None,
                 llm: LlmClient | None = None):
        self.settings = settings
        self.engine = engine or get_engine(settings.database_url)
        self.clock: Clock = clock or clock_now
        self.llm = llm
        self.spool = Spool(settings.spool_path)
        # per platform: async (file reference) -> bytes, set by adapters that hand over file ids/URLs
        self.fetchers: dict[str, Callable[[str], Awaitable[bytes]]] = {}
        self._names: dict[int, tuple[tuple, Sequence[str], dict[str, str]]] = {}
        self._fresh: dict[str, bool] = {}  # keys this process stored and has not processed yet
        self._teams: dict[int, tuple[float, Team]] = {}  # team id → (when read, the row): see `_team_in`
        # the process's own team (CRM_TEAM) and the Slack workspaces' teams, for `admit`
        self.teams = Teams(settings.team, settings.timezone, settings.currency)
        self._resumed: set[tuple[str, str]] = set()  # stale updates this process tried: see `resume`
        self._kept = KeptConnections()  # for `_one_statement`

    async def handle(self, incoming: Incoming) -> Reply | None:
        """Answer one message; None when it was already handled (a redelivery) or not for us."""
        try:
            return await self._handle_retrying(incoming)
        except OperationalError as exc:  # the store is unreachable: keep the message, apply it later
            log.warning("store unreachable (%s); %s update queued in %s", str(exc).splitlines()[0],
                        incoming.platform, self.spool.path)
            self.spool.put(incoming)
            lang = guess_lang(incoming.text or "", hint_lang(incoming.lang_hint) or "en")
            return Reply(text=t(lang, "queued"), lang=lang)
        except Exception:  # never a stack trace to a user
            log.exception("message from %s:%s failed", incoming.platform, incoming.account_id)
            lang = guess_lang(incoming.text or "", hint_lang(incoming.lang_hint) or "en")
            return Reply(text=t(lang, "error"), lang=lang)

    async def delivered(self, incoming: Incoming) -> None:
        """The platform has the reply to `incoming`: a restart won't send it again."""
        try:
            self._one_statement(lambda connection: mark_answered(connection, incoming.platform, incoming.key),
                                relaxed(self.engine))  # lost in a server crash: the reply is sent again
        except OperationalError:  # at worst the reply is sent once more after a restart
            log.warning("could not mark a %s reply as sent", incoming.platform)

    async def _handle_retrying(self, incoming: Incoming, attempts: int = 6) -> Reply | None:
        """A message is one transaction, so one that lost a write race is simply run again."""
        for attempt in range(attempts):
            try:
                return await self._handle(incoming)
            except (OperationalError, IntegrityError) as exc:
                # lost a race: SQLite's write lock, or another process made the same row first
                # (a rep's chat state, a customer named at once from two places)
                if is_disconnect(exc) and attempt == 0:  # a pooled connection had died: a fresh one
                    continue
                if (isinstance(exc, OperationalError) and not is_busy(exc)) or attempt == attempts - 1:
                    raise
                await asyncio.sleep(0.02 * 2 ** attempt * (1 + random.random()))
        return None

    def _one_statement(self, write: Callable[[Connection], T], engine: Engine | None = None) -> T:
        """Run a one-statement write on its own, on a connection this process keeps for them."""
        return self._kept.run(engine or self.engine, write)

    async def accept(self, incoming: Incoming) -> bool:
        """Store the update before the platform is told it arrived; False for a redelivery."""
        try:
            fresh = self._one_statement(
                lambda connection: accept(connection, incoming.platform, incoming.key, incoming.to_payload()))
            if fresh:
                self._fresh[incoming.key] = True
                while len(self._fresh) > 10_000:  # bounded: the oldest go back to the slow path
                    self._fresh.pop(next(iter(self._fresh)))
        except OperationalError:  # the store is down: the local spool keeps it instead
            self.spool.put(incoming)
            return False
        return fresh

    async def drain(self) -> list[tuple[Incoming, Reply]]:
        """Apply what was queued while the store was down; stops at the first failure."""
        waiting = self.spool.waiting()
        done: list[tuple[Incoming, Reply]] = []
        for index, incoming in enumerate(waiting):
            try:
                reply = await self._handle(incoming)
            except OperationalError:
                self.spool.drop(waiting[:index])
                return done
            except Exception:  # a message that cannot be applied must not block the others
                log.exception("a queued %s update failed", incoming.platform)
                continue
            if reply is not None:
                done.append((incoming, reply))
        self.spool.drop(waiting)  # what arrived meanwhile stays for the next drain
        return done

    async def replay(self) -> list[tuple[Incoming, Reply]]:
        """After a crash: replies applied but never sent, then updates stored but never processed."""
        with new_session(self.engine) as session:
            done = [(Incoming.from_payload(row.payload), Reply.from_payload(row.reply))
                    for row in unanswered(session) if row.payload and row.reply]
            waiting = [Incoming.from_payload(row.payload) for row in unprocessed(session) if row.payload]
        return done + await self._apply(waiting)

    async def resume(self, stale_s: float | None = None) -> list[tuple[Incoming, Reply]]:
        """While running: updates stored more than `stale_s` (120) s ago and still not processed, each
        tried once by this process. Their processing was lost: the server crashed just after
        committing it without waiting for the disk (see `storage.engine.relaxed`), or the
        process that acknowledged them died and nobody restarted it. Claiming is atomic, so an
        update another process is still working on is applied once all the same."""
        stale_s = STALE_S if stale_s is None else stale_s
        before = clock_now() - timedelta(seconds=stale_s)  # the inbox's own clock, not a message's
        with new_session(self.engine) as session:
            rows = [row for row in unprocessed(session, before=before)
                    if row.payload and (row.platform, row.update_key) not in self._resumed]
        if len(self._resumed) + len(rows) > 10_000:  # bounded: after that many, failures get one more try
            self._resumed.clear()
        waiting = []
        for row in rows:
            self._resumed.add((row.platform, row.update_key))
            try:
                waiting.append(Incoming.from_payload(row.payload))
            except Exception:  # a payload this version cannot read: logged once, left stored
                log.exception("a stored %s update could not be read", row.platform)
        return await self._apply(waiting)

    async def _apply(self, waiting: list[Incoming]) -> list[tuple[Incoming, Reply]]:
        done = []
        for incoming in waiting:
            reply = await self.handle(incoming)
            if reply is not None:
                done.append((incoming, reply))
        return done

    async def _handle(self, incoming: Incoming) -> Reply | None:
        now = incoming.sent_at or self.clock()
        with at_instant(now):  # every write of the message carries its instant (audit, created_at)
            return await self._handle_at(incoming, now)

    async def _handle_at(self, incoming: Incoming, now: datetime) -> Reply | None:
        # stored durably by `accept`: what the message writes can be redone from the inbox
        engine = relaxed(self.engine) if incoming.key in self._fresh else self.engine
        with new_session(engine, writer=True) as session:
            member, answer = admit(session, incoming, now, self.teams)
            if member is None:
                discard(session, incoming.platform, incoming.key)
                session.commit()
                return answer
            team = self._team_in(session, member.team_id)  # the sender's team, never the process's
            stored = self._fresh.pop(incoming.key, False)  # stored by `accept` in this process
            if not stored and not claim(session, incoming.platform, incoming.key, team.id):
                return None
            reply = await self._answer(session, team, member, incoming, now)
            keep = incoming.platform != "console"  # kept until the platform has it (see `delivered`)
            if stored:  # claim and keep the reply in one statement; someone else may have won
                if not settle(session, incoming.platform, incoming.key, team.id,
                              reply.to_payload() if keep else None):
                    session.rollback()
                    return None
            elif keep:
                record_reply(session, incoming.platform, incoming.key, reply.to_payload(), incoming.to_payload())
            session.commit()
            return reply

    def _team_in(self, session: Session, team_id: int) -> Team:
        """The sender's team row, read at most every few seconds per team (its currency, zone and
        settings change rarely, by an admin's command); in between, a detached copy no message writes to."""
        cached = self._teams.get(team_id)
        if cached is not None and time.monotonic() - cached[0] < TEAM_TTL_S:
            return cached[1]  # read-only for a message: handlers take its id, zone, currency, settings
        team = session.get(Team, team_id)
        if team is None:  # the member's row names it, so it exists; a restore in between could remove it
            raise LookupError(f"team {team_id} is gone")
        self._remember(team)
        return team

    def _remember(self, team: Team) -> None:
        copy = Team(**{c.name: getattr(team, c.name) for c in Team.__table__.columns})  # type: ignore[attr-defined]
        make_transient_to_detached(copy)  # never in a session itself, so never expired
        self._teams[team.id] = (time.monotonic(), copy)  # type: ignore[index]
        while len(self._teams) > 10_000:  # bounded: the oldest read again on their next message
            self._teams.pop(next(iter(self._teams)))

    async def _answer(self, session: Session, team: Team, member: Member, incoming: Incoming,
                      now: datetime) -> Reply:
        """Everything after the update is claimed; the caller commits it with the reply."""
        fallback = lang_of(member.language) or hint_lang(incoming.lang_hint) or Lang.EN
        linked = link_reply(session, team, member, incoming.text, fallback)
        if linked is not None:
            return linked
        if incoming.image is not None and not incoming.callback and not (incoming.text or "").strip():
            return await self._card(session, team, member, incoming, now, fallback)
        text, problem = ("", None) if incoming.callback else check(
            incoming.text or "", guess_lang((incoming.text or "")[:500], fallback),
            self.settings.max_message_chars)
        zone = self._zone(team, member)
        meter = Meter(session, team.id, member.id, now.astimezone(zone).date(),  # type: ignore[arg-type]
                      self.settings.llm_daily_tokens)
        heard = ""
        if incoming.audio is not None and not incoming.callback and not (incoming.text or "").strip():
            heard = await voice_text(self.llm, incoming.audio, self.fetchers.get(incoming.platform), meter=meter)
            if heard:
                text, problem = check(heard, guess_lang(heard[:500], fallback), self.settings.max_message_chars)
            else:
                problem = Reply(text=t(fallback, "voice_needs_llm"), lang=fallback)
        if problem is not None:
            return problem
        ctx = self._ctx(session, team, member, incoming, now, text=text, meter=meter,
                        known=lambda: self.known(session, team.id))  # type: ignore[arg-type]
        parse = await route(incoming.callback or "", ctx, fallback, ctx.known,  # type: ignore[arg-type]
                            self.llm, self.settings.crm_llm)
        ctx.lang = parse.lang
        reply = await dispatch(parse, ctx)
        if ctx.lapsed:
            reply.text += "\n" + t(parse.lang, "ask_lapsed", text=_short(ctx.lapsed))
        if heard:
            reply.text = quote_transcript(heard, parse.lang) + "\n" + reply.text
        if meter.notice:
            reply.text += "\n" + meter.notice
        if parse.lang != member.language and text and not COMMAND.match(text):
            set_language(session, member, parse.lang)
        return reply

    async def _card(self, session: Session, team: Team, member: Member, incoming: Incoming, now: datetime,
                    lang: Lang) -> Reply:
        """A photo (of a business card): read by the vision model, shown for confirmation."""
        if self.llm is None:
            return Reply(text=card_text(lang, "needs_llm"), lang=lang)
        try:
            image = incoming.image
            fetch = self.fetchers.get(incoming.platform)
            data = await fetch(image) if isinstance(image, str) and fetch else image
            if isinstance(data, str):
                raise ValueError(f"no way to download a picture from {incoming.platform}")
            card, _ = await read_card(self.llm, bytes(data or b""))
        except Exception:  # the model or the download failed: say so, save nothing
            log.warning("reading a business card failed", exc_info=True)
            card = None
        return propose(self._ctx(session, team, member, incoming, now, lang=lang), card)

    def _zone(self, team: Team, member: Member) -> ZoneInfo:
        """The member's time zone, else the team's, else the process's."""
        return ZoneInfo(member.timezone or team.timezone or self.settings.timezone)

    def _ctx(self, session: Session, team: Team, member: Member, incoming: Incoming, now: datetime,
             **more: Any) -> Ctx:
        """The one context a message's handlers get: who wrote, where, when, in which zone."""
        return Ctx(session=session, team=team, member=member, now=now, zone=self._zone(team, member),
                   platform=incoming.platform, message_id=incoming.message_id,
                   context_minutes=self.settings.context_minutes, llm=self.llm, **more)

    def known(self, session: Session, team_id: int) -> tuple[Sequence[str], dict[str, str]]:
        """The team's customer names and aliases, cached until one is added, renamed or removed."""
        team_of, version = session.info.get("names_version") or (None, ())
        if team_of != team_id:  # not read with the member (see `identity_of`)
            version = tuple(session.connection().execute(_NAMES_VERSION, {"team": team_id}).one())
        cached = self._names.get(team_id)
        if cached is None or cached[0] != version:
            names, aliases = known_names(session, team_id)
            cached = (version, names, aliases)
            self._names[team_id] = cached
        return cached[1], cached[2]


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"
