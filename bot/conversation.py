"""The conversation: an `Incoming` and a store session become a `Reply`, whatever the platform.

Who wrote decides the team (`admit`: the sender's member record or Slack workspace, never the
process's). Then, in order: a `/link` asks for a code; a photo alone is a business card, read by
the vision model; a voice note alone is transcribed (quoted back in the reply); the words are
checked (length, emptiness) in the writer's language; a button, a chat command or understanding
gives the `Parse` (bot.routing), and its handler answers. The member's language follows what
they write. The context a handler gets (`Ctx`) is built once per message.

Nothing here commits, stores updates or sends: the pipeline (bot/pipeline.py) runs this inside
the message's one transaction, and delivery (bot/delivery.py) sends the reply.
"""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import datetime
from typing import Awaitable, Callable, Sequence
from zoneinfo import ZoneInfo

from sqlalchemy import bindparam, select
from sqlalchemy.orm import make_transient_to_detached
from sqlmodel import Session

from bot.access import Teams, admit, link_reply
from bot.incoming import Incoming
from bot.routing import COMMAND, route
from bot.settings import Settings
from handlers.card_scan import card_text, propose
from handlers.context import Ctx
from handlers.dispatch import dispatch
from handlers.guard import check, hint_lang
from handlers.llm_usage import Meter
from handlers.reply import Reply
from handlers.texts import t
from handlers.understanding.lang import detect
from handlers.understanding.model import TeamMember
from handlers.understanding.llm.assist import quote_transcript, voice_text
from handlers.understanding.llm.client import LlmClient, read_card
from storage.customers import known_names, names_version
from storage.members import roster, set_language
from storage.models import Member, Team, stored_id, table_of
from storage.vocabulary import Intent, Lang, lang_of

log = logging.getLogger("crmbot.conversation")
TEAM_TTL_S = 5.0  # a team's row (zone, currency, settings) is read again after this long
CACHED_TEAMS = 10_000
LANG_SAMPLE = 500  # characters the writer's language is guessed from
LAPSED_SHOWN = 80  # characters of a lapsed note quoted back
# the version of the team's customer names (the database bumps it): the names cache is current while it holds
_NAMES_VERSION = select(*names_version(bindparam("team")))
Fetch = Callable[[str], Awaitable[bytes]]


@dataclass(frozen=True)
class Admitted:
    """A member of a team wrote: the message acts in their team."""

    member: Member
    team: Team


@dataclass(frozen=True)
class Turned:
    """A newcomer or a stranger wrote: what they are told (None: nothing)."""

    reply: Reply | None


@dataclass(frozen=True)
class Words:
    """What a message says once its voice note is heard: the text, the transcript, or why neither."""

    text: str = ""
    heard: str = ""
    problem: Reply | None = None


class Conversation:
    """Answers messages; keeps per-process caches of teams and customer names."""

    def __init__(self, settings: Settings, llm: LlmClient | None = None):
        self.settings = settings
        self.llm = llm
        # per platform: async (file reference) -> bytes, set by adapters that hand over file ids/URLs
        self.fetchers: dict[str, Fetch] = {}
        # the process's own team (CRM_TEAM) and the Slack workspaces' teams, for `admit`
        self.teams = Teams(settings.team, settings.timezone, settings.currency)
        self._names: dict[int, tuple[tuple, Sequence[str], dict[str, str]]] = {}
        self._teams: dict[int, tuple[float, Team]] = {}  # team id → (when read, the row): see `_team_in`

    def admit(self, session: Session, incoming: Incoming, now: datetime) -> Admitted | Turned:
        """The member behind the message and their team, or what a newcomer or stranger is told."""
        member, answer = admit(session, incoming, now, self.teams)
        if member is None:
            return Turned(answer)
        return Admitted(member, self._team_in(session, member.team_id))

    async def answer(self, session: Session, who: Admitted, incoming: Incoming, now: datetime) -> Reply:
        """The reply to an admitted member's message; its writes are in `session`, not committed."""
        team, member = who.team, who.member
        fallback = lang_of(member.language) or hint_lang(incoming.lang_hint) or Lang.EN
        linked = link_reply(session, team, member, incoming.text, fallback)
        if linked is not None:
            return linked
        ctx = self._ctx(session, who, incoming, now, fallback)
        if _alone(incoming, incoming.image):
            return await self._card(ctx, incoming)
        words = await self._words(incoming, fallback, ctx.meter)
        if words.problem is not None:
            return words.problem
        ctx.text = words.text
        parse = await route(incoming.callback or "", ctx, fallback, self._known_of(session, team),
                            self.llm, self.settings.crm_llm, _team_of(session, team))
        if not incoming.callback and not any(ch.isalpha() for ch in words.text or ""):
            parse.lang = fallback           # "1", "?", "👍": no words to tell a language by, the member's own
        ctx.lang = parse.lang
        reply = await dispatch(parse, ctx)
        if parse.setting is not None or parse.intent == Intent.UNDO:
            self._teams.pop(stored_id(team), None)   # the team's settings may have changed: read them anew
        if ctx.lapsed:
            reply.text += "\n" + t(parse.lang, "ask_lapsed", text=_short(ctx.lapsed))
        if words.heard:
            reply.text = quote_transcript(words.heard, parse.lang) + "\n" + reply.text
        if ctx.meter is not None and ctx.meter.notice:
            reply.text += "\n" + ctx.meter.notice
        if parse.lang != member.language and words.text and not COMMAND.match(words.text):
            set_language(session, member, parse.lang)
        return reply

    def apology(self, incoming: Incoming, key: str) -> Reply:
        """A reply said when the message could not be answered ("queued", "error"), in the writer's language."""
        lang = detect(incoming.text or "", fallback=hint_lang(incoming.lang_hint) or Lang.EN)
        return Reply(text=t(lang, key), lang=lang)

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

    # -- the steps --------------------------------------------------------------------------------

    def _ctx(self, session: Session, who: Admitted, incoming: Incoming, now: datetime, lang: Lang) -> Ctx:
        """The one context a message's handlers get: who wrote, where, when, in which zone, the
        member's LLM budget for the day and the team's customer names."""
        zone = self._zone(who.team, who.member)
        meter = Meter(session, stored_id(who.team), stored_id(who.member), now.astimezone(zone).date(),
                      self.settings.llm_daily_tokens)
        return Ctx(session=session, team=who.team, member=who.member, now=now, zone=zone, lang=lang,
                   platform=incoming.platform, message_id=incoming.message_id,
                   context_minutes=self.settings.context_minutes, llm=self.llm, meter=meter,
                   known=self._known_of(session, who.team))

    def _known_of(self, session: Session, team: Team) -> Callable[[], tuple[Sequence[str], dict[str, str]]]:
        """The team's customer names and aliases, read when understanding needs them."""
        team_id = stored_id(team)
        return lambda: self.known(session, team_id)

    async def _words(self, incoming: Incoming, fallback: Lang, meter: Meter | None) -> Words:
        """The message's text checked in the writer's language; a voice note alone transcribed first."""
        if incoming.callback:
            return Words()
        if _alone(incoming, incoming.audio):
            heard = await voice_text(self.llm, incoming.audio, self.fetchers.get(incoming.platform), meter=meter)
            if not heard:
                return Words(problem=Reply(text=t(fallback, "voice_needs_llm"), lang=fallback))
            return self._checked(heard, fallback, heard=heard)
        return self._checked(incoming.text or "", fallback)

    def _checked(self, text: str, fallback: Lang, heard: str = "") -> Words:
        checked, problem = check(text, detect(text[:LANG_SAMPLE], fallback=fallback), self.settings.max_message_chars)
        return Words(text=checked, heard=heard, problem=problem)

    async def _card(self, ctx: Ctx, incoming: Incoming) -> Reply:
        """A photo (of a business card): read by the vision model, shown for confirmation."""
        if self.llm is None:
            return Reply(text=card_text(ctx.lang, "needs_llm"), lang=ctx.lang)
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
        return propose(ctx, card)

    def _zone(self, team: Team, member: Member) -> ZoneInfo:
        """The member's time zone, else the team's, else the process's."""
        return ZoneInfo(member.timezone or team.timezone or self.settings.timezone)

    def _team_in(self, session: Session, team_id: int) -> Team:
        """The sender's team row, read at most every few seconds per team (its currency, zone and
        settings change rarely, by an admin's command); in between, a detached copy no message writes to."""
        cached = self._teams.get(team_id)
        if cached is not None and time.monotonic() - cached[0] < TEAM_TTL_S:
            return cached[1]  # read-only for a message: handlers take its id, zone, currency, settings
        team = session.get(Team, team_id)
        if team is None:  # the member's row names it, so it exists; a restore in between could remove it
            raise LookupError(f"team {team_id} is gone")
        copy = Team(**{c.name: getattr(team, c.name) for c in table_of(Team).columns})
        make_transient_to_detached(copy)  # never in a session itself, so never expired
        self._teams[team_id] = (time.monotonic(), copy)
        while len(self._teams) > CACHED_TEAMS:  # bounded: the oldest read again on their next message
            self._teams.pop(next(iter(self._teams)))
        return team



def _alone(incoming: Incoming, attachment: bytes | str | None) -> bool:
    """A voice note or photo sent with no words and no button: the attachment is the message."""
    return attachment is not None and not incoming.callback and not (incoming.text or "").strip()


def _short(text: str, limit: int = LAPSED_SHOWN) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _team_of(session: Session, team: Team) -> Callable[[], list[TeamMember]]:
    """The team's members as understanding knows them, read when a report question may name one."""
    team_id = stored_id(team)
    return lambda: [TeamMember(stored_id(m), m.name) for m in roster(session, team_id)]
