"""Teams, members and the platform accounts that let them in."""
from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import bindparam, select
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col

from storage.customers import names_version
from storage.journal import write_through
from storage.models import AuditLog, ChatState, Identity, Member, Team, stored_id, table_of
from storage.vocabulary import Role


def get_team(session: Session, name: str, timezone: str = "UTC", currency: str = "USD") -> Team:
    """The team called `name`, created on first use (with that time zone and currency)."""
    team = session.execute(select(Team).where(col(Team.name) == name)).scalars().first()
    if team is not None:
        return team
    try:
        with session.begin_nested():
            team = Team(name=name, timezone=timezone, currency=currency)
            session.add(team)
            session.flush()
    except IntegrityError:  # another process made it first
        team = session.execute(select(Team).where(col(Team.name) == name)).scalars().one()
    return team


def lock_team(session: Session, team: Team) -> None:
    """Hold the team's row until the caller's transaction ends (PostgreSQL: FOR UPDATE; a SQLite
    writer already holds the whole file), so two first uses of a team decide one after the other."""
    if session.get_bind().dialect.name != "sqlite":
        session.execute(select(col(Team.id)).where(col(Team.id) == team.id).with_for_update())


def was_removed(session: Session, platform: str, external_id: str) -> bool:
    """Whether a team closed this chat account when its member left (`crmbot user remove`): such
    an account is never let in again by itself, on any team; an admin can add it back."""
    closed = session.execute(select(col(AuditLog.before)).where(
        col(AuditLog.table_name) == "identity", col(AuditLog.action) == "delete")).scalars()
    return any((before or {}).get("platform") == platform and (before or {}).get("external_id") == external_id
               for before in closed)


def has_members(session: Session, team: Team) -> bool:
    """Whether anyone is on the team yet."""
    return session.execute(select(col(Member.id)).where(col(Member.team_id) == team.id).limit(1)).first() is not None


# the member's chat state and the version of the team's customer names come along, so a message
# needs no query of its own for either
_IDENTITY = (select(Member, ChatState, *names_version(col(Member.team_id)))
             .join(Identity, col(Member.id) == col(Identity.member_id))
             .outerjoin(ChatState, col(ChatState.member_id) == col(Member.id))
             .where(col(Identity.platform) == bindparam("platform"), col(Identity.external_id) == bindparam("account")))


def identity_of(session: Session, platform: str, external_id: str) -> Member | None:
    """The member behind a platform account, if it was let in (every message asks)."""
    row = session.execute(_IDENTITY, {"platform": platform, "account": external_id}).first()
    if row is None:
        return None
    if row[1] is not None:
        session.info["chat_state"] = row[1]  # held, so `session.get(ChatState, …)` finds it loaded
    session.info["names_version"] = (row[0].team_id, tuple(row[2:]))  # see `bot.conversation.Conversation.known`
    return row[0]


def set_language(session: Session, member: Member, language: str) -> None:
    """Remember the language the member writes in: one statement, nothing left to flush."""
    write_through(session, member, {"language": language})


@dataclass(frozen=True)
class Profile:
    """What `crmbot user add` sets on a member: the name, the role and the time zone (None: the team's)."""

    name: str
    role: str
    timezone: str | None


@dataclass(frozen=True)
class Admission:
    """An account let in: its member, and the member as it was before when the account was already in."""

    member: Member
    before: Profile | None

    @property
    def changes(self) -> list[tuple[str, str | None, str | None]]:
        """What changed on an existing member: (field, before, after), in the order name, role, time zone."""
        if self.before is None:
            return []
        after = Profile(self.member.name, self.member.role, self.member.timezone)
        return [(field, getattr(self.before, field), getattr(after, field))
                for field in ("name", "role", "timezone") if getattr(self.before, field) != getattr(after, field)]


def admit(session: Session, team: Team, platform: str, external_id: str, name: str, role: str | None = None,
          timezone: str | None = None, language: str | None = None) -> Admission:
    """Let an account in as a member, or update the member it already maps to: the name, and the role
    and time zone when given (a new member without a role is a rep)."""
    if role is not None and role not in tuple(Role):
        raise ValueError(f"role must be one of {', '.join(Role)}, not {role!r}")
    if timezone:
        try:
            ZoneInfo(timezone)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"time zone {timezone!r} is not known (use an IANA name such as Europe/Moscow)") from None
    member = identity_of(session, platform, external_id)
    if member is not None:
        if member.team_id != team.id:
            raise ValueError(f"{platform} account {external_id} already belongs to another team")
        before = Profile(member.name, member.role, member.timezone)
        member.name = name
        if role is not None:
            member.role = role
        if timezone:
            member.timezone = timezone
        session.add(member)
        session.flush()
        return Admission(member, before)
    member = Member(team_id=stored_id(team), name=name, role=role or Role.REP, timezone=timezone,
                    language=language)
    session.add(member)
    session.flush()
    session.add(Identity(team_id=stored_id(team), member_id=stored_id(member), platform=platform,
                         external_id=external_id))
    session.flush()
    return Admission(member, None)


def add_user(session: Session, team: Team, platform: str, external_id: str, name: str,
             role: str = "rep", timezone: str | None = None, language: str | None = None) -> Member:
    """Let an account in as a member (or update the member it already maps to, role included)."""
    return admit(session, team, platform, external_id, name, role, timezone, language).member


def roster(session: Session, team_id: int) -> list[Member]:
    """The team's members, by name."""
    member = table_of(Member)
    return list(session.execute(select(Member).where(member.c.team_id == team_id)
                                .order_by(member.c.name, member.c.id)).scalars())
