"""Which team a Slack workspace's people belong to.

A Slack message acts in the team its workspace is mapped to (`crmbot workspace map T0123 --team
sales`); the workspace the process itself is configured for (SLACK_TEAM_ID, else its token's own)
falls back to the process's default team (CRM_TEAM) until an operator maps it. A workspace maps to
one team; a team may have several workspaces.
"""
from __future__ import annotations

from sqlalchemy import select
from sqlmodel import Session, col

from storage.models import Team, Workspace

SLACK = "slack"


def team_of_workspace(session: Session, workspace_id: str, platform: str = SLACK) -> int | None:
    """The id of the team the workspace is mapped to, or None when it is not mapped."""
    return session.execute(select(col(Workspace.team_id)).where(col(Workspace.platform) == platform,
                                                                col(Workspace.external_id) == workspace_id)).scalar()


def map_workspace(session: Session, team: Team, workspace_id: str, platform: str = SLACK) -> str | None:
    """Map the workspace to `team` (moving it from another team); the name of the team it was
    mapped to before, if any. The caller commits."""
    row = session.execute(select(Workspace).where(col(Workspace.platform) == platform,
                                                  col(Workspace.external_id) == workspace_id)).scalars().first()
    before = None
    if row is None:
        assert team.id is not None
        row = Workspace(team_id=team.id, platform=platform, external_id=workspace_id)
    else:
        if row.team_id != team.id:
            previous = session.get(Team, row.team_id)
            before = previous.name if previous is not None else None
        row.team_id = team.id
    session.add(row)
    session.flush()
    return before


def unmap_workspace(session: Session, workspace_id: str, platform: str = SLACK) -> bool:
    """Remove the workspace's mapping; False when it had none. The caller commits."""
    row = session.execute(select(Workspace).where(col(Workspace.platform) == platform,
                                                  col(Workspace.external_id) == workspace_id)).scalars().first()
    if row is None:
        return False
    session.delete(row)
    session.flush()
    return True


def workspaces(session: Session) -> list[tuple[str, str, str]]:
    """Every mapping: (platform, workspace id, team name), by team then workspace."""
    rows = session.execute(select(col(Workspace.platform), col(Workspace.external_id), col(Team.name))
                           .join(Team, col(Team.id) == col(Workspace.team_id))
                           .order_by(col(Team.name), col(Workspace.external_id))).all()
    return [(platform, external, team) for platform, external, team in rows]
