"""One-time codes: invites into the team and links between a member's platform accounts."""
from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col

from storage import clock
from storage.models import Identity, Invite, Member, Stranger, Team, stored_id

_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: easy to type on a phone


def new_code(length: int = 8) -> str:
    """A random code people can type without confusing characters."""
    return "".join(secrets.choice(_ALPHABET) for _ in range(length))


def create_invite(session: Session, team: Team, role: str = "rep", days: int = 7, kind: str = "invite",
                  member_id: int | None = None, now: datetime | None = None) -> Invite:
    """A fresh code for `team`, valid for `days`."""
    invite = Invite(team_id=stored_id(team), code=new_code(), kind=kind, role=role,
                    member_id=member_id, expires_at=(now or clock.now()) + timedelta(days=days))
    session.add(invite)
    session.flush()
    return invite


def redeem(session: Session, code: str, platform: str, external_id: str, name: str,
           now: datetime) -> tuple[Member, str] | None:
    """Use `code` for this account: an invite makes a member, a link joins an existing one.

    Returns the member and the code's kind ("invite" or "link"), or None when the code is unknown,
    used or expired. A code is used once, even when two accounts race for it.
    """
    code = code.strip().upper()
    invite = session.execute(select(Invite).where(col(Invite.code) == code)).scalars().first()
    if invite is None or invite.used_at is not None or invite.expires_at < now:
        return None
    claim = update(Invite).where(col(Invite.id) == invite.id, col(Invite.used_at).is_(None)).values(used_at=now)
    claimed = session.execute(claim).rowcount  # type: ignore[attr-defined]  # SQLAlchemy types it Result; an UPDATE's is a CursorResult
    if not claimed:
        return None
    if invite.kind == "link" and invite.member_id:
        member = session.get(Member, invite.member_id)
    else:
        member = Member(team_id=invite.team_id, name=name[:200] or external_id, role=invite.role)
        session.add(member)
        session.flush()
    if member is None:
        return None
    existing = session.execute(select(Identity).where(col(Identity.platform) == platform,
                                                      col(Identity.external_id) == external_id)).scalars().first()
    if existing is not None:
        existing.member_id, existing.team_id = member.id, member.team_id
        session.add(existing)
    else:
        session.add(Identity(team_id=member.team_id, member_id=stored_id(member), platform=platform,
                             external_id=external_id))
    invite.used_by = member.id
    session.add(invite)
    session.flush()
    return member, invite.kind


def first_refusal(session: Session, platform: str, external_id: str) -> bool:
    """True the first time a stranger writes; later messages get nothing at all."""
    try:
        with session.begin_nested():
            session.add(Stranger(platform=platform, external_id=external_id))
            session.flush()
    except IntegrityError:
        return False
    return True
