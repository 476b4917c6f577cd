"""Who may talk to the bot: members, invited accounts, linked accounts; strangers get one refusal."""
from __future__ import annotations

import logging
import re
import time
from datetime import datetime

from sqlmodel import Session

from bot.incoming import Incoming
from handlers.guard import hint_lang
from handlers.refusals import refusal
from handlers.reply import Reply
from handlers.texts import t
from handlers.understanding.lang import detect
from storage.invites import create_invite, first_refusal, redeem
from storage.members import add_user, get_team, has_members, identity_of, lock_team, was_removed
from storage.models import Member, Team
from storage.vocabulary import Lang, Role
from storage.workspaces import team_of_workspace

log = logging.getLogger("crmbot.access")
_CODE = re.compile(r"^\s*/(?:start|link)(?:@\w+)?\s+([A-Za-z0-9]{6,32})\s*$")
_LINK = re.compile(r"^\s*/link(?:@\w+)?\s*$")


class Teams:
    """Which team a Slack workspace is, and the process's own team (CRM_TEAM) that the console's first
    account and the workspace this process serves fall back to: read from the store at most every
    few seconds (a mapping changes by an operator's command), so a message pays no query for them."""

    TTL_S = 5.0

    def __init__(self, name: str, timezone: str = "UTC", currency: str = "USD"):
        self.name, self.timezone, self.currency = name, timezone, currency
        self._seen: dict[str, tuple[float, int | None]] = {}

    def default(self, session: Session) -> Team:
        """The process's own team row, created on first use."""
        return get_team(session, self.name, self.timezone, self.currency)

    def of_workspace(self, session: Session, workspace: str | None, trusted: bool) -> int | None:
        """The team a Slack workspace's messages act in: its mapping; else, for the workspace this
        process serves (`trusted`), the process's own team; else None (a foreign workspace)."""
        key = f"{workspace or ''}|{trusted}"
        seen = self._seen.get(key)
        if seen is not None and time.monotonic() - seen[0] < self.TTL_S:
            return seen[1]
        team_id = team_of_workspace(session, workspace) if workspace else None
        if team_id is None and trusted:
            team_id = self.default(session).id
        self._seen[key] = (time.monotonic(), team_id)
        while len(self._seen) > 1_000:  # bounded: workspaces are few; forged ids are not kept long
            self._seen.pop(next(iter(self._seen)))
        return team_id


def admit(session: Session, incoming: Incoming, now: datetime, teams: Teams) -> tuple[Member | None, Reply | None]:
    """The member behind `incoming` (whose team the message acts in), or the reply a newcomer or
    stranger gets (None: say nothing). `teams` knows the process's own team and the Slack workspaces'."""
    lang = detect(incoming.text or "", fallback=hint_lang(incoming.lang_hint) or Lang.EN)
    code = _CODE.match(incoming.text or "")
    found = identity_of(session, incoming.platform, incoming.account_id)
    if code:
        redeemed = redeem(session, code.group(1), incoming.platform, incoming.account_id,
                          incoming.display_name or incoming.account_id, now)
        if redeemed is not None:
            member, kind = redeemed
            text = (t(lang, "access.linked", name=member.name) if kind == "link"
                    else t(lang, "access.welcome", name=member.name) + t(lang, "help"))
            return None, Reply(text=text, lang=lang)
    if incoming.platform == "slack":
        return _slack(session, incoming, found, teams, lang)
    if found is not None:
        return found, None
    if incoming.platform == "console":
        return _console_newcomer(session, incoming, teams.default(session), lang)
    return None, _stranger(session, incoming, lang)


def _stranger(session: Session, incoming: Incoming, lang: str) -> Reply | None:
    """One refusal per account; after that, silence."""
    if first_refusal(session, incoming.platform, incoming.account_id):
        removed = was_removed(session, incoming.platform, incoming.account_id)
        return Reply(text=refusal(lang, "removed") if removed else t(lang, "stranger"), lang=lang)
    return None


def _slack(session: Session, incoming: Incoming, found: Member | None, teams: Teams,
           lang: str) -> tuple[Member | None, Reply | None]:
    """A Slack member acts in their workspace's team: the workspace's mapping, else (for the workspace
    this process serves) the default team. A member of another team writing from it is refused."""
    workspace = incoming.workspace_id
    team_id = teams.of_workspace(session, workspace, incoming.workspace_trusted)
    if found is not None:
        if (workspace and team_id is None) or (team_id is not None and found.team_id != team_id):
            log.warning("slack: account of team %s wrote from workspace %s (team %s): refused",
                        found.team_id, workspace, team_id)
            return None, Reply(text=refusal(lang, "foreign_workspace"), lang=lang)
        return found, None
    if team_id is not None and incoming.workspace_trusted:
        team = session.get(Team, team_id)
        if team is not None:
            return add_user(session, team, "slack", incoming.account_id,
                            incoming.display_name or incoming.account_id, role=Role.REP), None
    return None, _stranger(session, incoming, lang)


def _console_newcomer(session: Session, incoming: Incoming, team: Team, lang: str) -> tuple[Member | None,
                                                                                          Reply | None]:
    """The first console account of an empty team becomes its admin (the terminal's owner holds the
    store); on a team with members an account nobody added is refused, never created, and so is the
    account of a member who left a team."""
    lock_team(session, team)  # two first messages at once: one admin, the other refused
    again = identity_of(session, incoming.platform, incoming.account_id)
    if again is not None:  # the same account's other first message made it meanwhile
        return again, None
    if not has_members(session, team) and not was_removed(session, "console", incoming.account_id):
        return add_user(session, team, "console", incoming.account_id,
                        incoming.display_name or incoming.account_id, role=Role.ADMIN), None
    if was_removed(session, "console", incoming.account_id):
        log.info("console: account %r of a member who left wrote; refused", incoming.account_id)
        return None, Reply(text=refusal(lang, "removed"), lang=lang)
    log.info("console: account %r is not a member of team %s", incoming.account_id, team.name)
    return None, Reply(text=refusal(lang, "console_unknown", account=incoming.account_id, team=team.name),
                       lang=lang)


def link_reply(session: Session, team: Team, member: Member, text: str, lang: str) -> Reply | None:
    """`/link` from a member: a code to send from the other platform."""
    if not _LINK.match(text or ""):
        return None
    invite = create_invite(session, team, role=member.role, kind="link", member_id=member.id)
    return Reply(text=t(lang, "access.link_code", code=invite.code), lang=lang)
