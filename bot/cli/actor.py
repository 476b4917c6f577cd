"""Who runs an admin command, checked against the permission table (storage.permissions).

The command line is the operator's: whoever holds DATABASE_URL holds the store. A command that
erases, exports or manages members may name the admin it runs for (`--by NAME`): the name (or
chat account id) must be a member of the command's team whose role may do it, and the record
(audit log, invite) says who. Every command acts in one team: `--team`, else CRM_TEAM.
"""
from __future__ import annotations

from typing import Any, Optional

import typer

from bot.cli.common import fail

BY = typer.Option(None, "--by", help="the admin (member name or account id) this is done for, checked "
                                     "against the permission table")
WHAT = {"erase": "erase a customer", "export": "export the team's data",
        "manage_members": "manage members", "merge_customers": "merge customers",
        "change_settings": "change the team's settings"}


def existing_team(session: Any, name: str) -> Any:
    """The team called `name`; a clear exit when the store has none (a typo never makes a team)."""
    from sqlalchemy import select
    from sqlmodel import col

    from storage.models import Team

    team = session.execute(select(Team).where(col(Team.name) == name)).scalars().first()
    if team is None:
        names = ", ".join(session.execute(select(col(Team.name)).order_by(col(Team.name))).scalars()) or "none yet"
        fail(f"no team called {name!r} in this store (teams: {names}; see --team or CRM_TEAM)")
    return team


def acting(session: Any, team: Any, by: Optional[str], action: str) -> Optional[int]:
    """The id of the member named by `--by`, once the permission table allows them `action` in
    `team`; None when no one is named (the operator). A member who left (`crmbot user remove`) acts
    no more."""
    from storage.permissions import Action, Actor, check, roles_for

    if by is None:
        return None
    wanted = Action(action)
    roles = " or ".join(f"an {r}" if r[0] in "aeiou" else f"a {r}" for r in roles_for(wanted))
    if not _matching(session, team, by):
        fail(f"{by!r} is not a member of team {team.name}; only {roles} may {WHAT[wanted]}")
    member = member_named(session, team, by)
    if not check(Actor(member.id, team.id, member.role), wanted):
        fail(f"{member.name} is a {member.role} of team {team.name}; only {roles} may {WHAT[wanted]} "
             "(docs/permissions.md)")
    return member.id


def _matching(session: Any, team: Any, name: str) -> list[Any]:
    """The members of `team` called `name` (any case), else the one whose chat account id it is."""
    from sqlalchemy import select
    from sqlmodel import col

    from storage.models import Identity, Member

    found = list(session.execute(select(Member).where(col(Member.team_id) == team.id)
                                 .order_by(col(Member.id))).scalars())
    named = [m for m in found if m.name.casefold() == name.strip().casefold()]
    if not named:
        named = list(session.execute(select(Member).join(Identity, col(Identity.member_id) == col(Member.id))
                                     .where(col(Identity.team_id) == team.id,
                                            col(Identity.external_id) == name.strip())).scalars())
    return named


def current_members(session: Any, team: Any) -> set[int]:
    """The ids of the members of `team` with a chat account: those who have not left."""
    from sqlalchemy import select
    from sqlmodel import col

    from storage.models import Identity

    return set(session.execute(select(col(Identity.member_id)).where(col(Identity.team_id) == team.id)).scalars())


def member_named(session: Any, team: Any, name: str) -> Any:
    """The one current member of `team` called `name` (or with that chat account id); a clear exit
    otherwise, one that says so when the name is of a member who left."""
    named = _matching(session, team, name)
    current = current_members(session, team)
    here = [m for m in named if m.id in current]
    if not here and named:
        fail(f"{named[0].name} has left team {team.name} (crmbot user remove): name a current member")
    if not here:
        fail(f"{name!r} is not a member of team {team.name}")
    if len(here) > 1:
        fail(f"several members of team {team.name} are called {name!r}: name one by its chat account id")
    return here[0]
