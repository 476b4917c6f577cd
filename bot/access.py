"""Who may talk to the bot: members, invited accounts, linked accounts; strangers get one refusal."""
from __future__ import annotations

import re
from datetime import datetime

from sqlmodel import Session

from bot.incoming import Incoming
from handlers.guard import guess_lang, hint_lang
from handlers.reply import Reply
from handlers.texts import t
from storage.invites import create_invite, first_refusal, redeem
from storage.members import add_user, identity_of
from storage.models import Member, Team

_CODE = re.compile(r"^\s*/(?:start|link)(?:@\w+)?\s+([A-Za-z0-9]{6,32})\s*$")
_LINK = re.compile(r"^\s*/link(?:@\w+)?\s*$")

def admit(session: Session, team: Team, incoming: Incoming, now: datetime) -> tuple[Member | None, Reply | None]:
    """The member behind `incoming`, or the reply a newcomer or stranger gets (None: say nothing)."""
    lang = guess_lang(incoming.text or "", hint_lang(incoming.lang_hint) or "en")
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
    if found is not None:
        return found, None
    if incoming.platform == "console":  # the terminal's owner already holds the store
        return add_user(session, team, "console", incoming.account_id,
                        incoming.display_name or incoming.account_id, role="admin"), None
    if incoming.platform == "slack" and incoming.workspace_trusted:
        return add_user(session, team, "slack", incoming.account_id,
                        incoming.display_name or incoming.account_id, role="rep"), None
    if first_refusal(session, incoming.platform, incoming.account_id):
        return None, Reply(text=t(lang, "stranger"), lang=lang)
    return None, None


def link_reply(session: Session, team: Team, member: Member, text: str, lang: str) -> Reply | None:
    """`/link` from a member: a code to send from the other platform."""
    if not _LINK.match(text or ""):
        return None
    invite = create_invite(session, team, role=member.role, kind="link", member_id=member.id)
    return Reply(text=t(lang, "access.link_code", code=invite.code), lang=lang)
