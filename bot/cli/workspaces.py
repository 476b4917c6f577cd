"""Which team a Slack workspace's people belong to:

    crmbot workspace map T0123ABCD [--team TEAM]     (default team: CRM_TEAM)
    crmbot workspace unmap T0123ABCD
    crmbot workspace list

A Slack message acts in its workspace's team; the workspace the process is configured for
(SLACK_TEAM_ID, else the bot token's own) acts in CRM_TEAM until it is mapped.
"""
from __future__ import annotations

import re
from typing import Optional

import typer

from bot.cli.common import fail as _fail
from bot.cli.common import load_settings, open_engine
from bot.cli.actor import BY

workspace_app = typer.Typer(no_args_is_help=True, help="Map a Slack workspace to a team.")
_WORKSPACE = re.compile(r"^[TE][A-Z0-9]{2,40}$")


def register(app: typer.Typer) -> None:
    """Add `crmbot workspace map|unmap|list`."""
    app.add_typer(workspace_app, name="workspace")
    workspace_app.command("map")(workspace_map)
    workspace_app.command("unmap")(workspace_unmap)
    workspace_app.command("list")(workspace_list)


def _checked(workspace: str) -> str:
    workspace = workspace.strip().upper()
    if not _WORKSPACE.match(workspace):
        _fail(f"{workspace!r} is not a Slack workspace id (it looks like T0123ABCD: Slack shows it in "
              "the workspace's URL, or `auth.test` returns it as team_id)")
    return workspace


def workspace_map(
    workspace: str = typer.Argument(..., help="the Slack workspace id (team_id), e.g. T0123ABCD"),
    team: Optional[str] = typer.Option(None, "--team", help="the team (default: CRM_TEAM)"),
    by: Optional[str] = BY,
) -> None:
    """Its people act in TEAM: their messages, buttons and reports, and newcomers join it as reps."""
    from bot.cli.actor import acting
    from storage.engine import session
    from storage.members import get_team
    from storage.workspaces import map_workspace

    workspace = _checked(workspace)
    settings = load_settings()
    with session(open_engine(settings)) as s:
        row = get_team(s, team or settings.team, settings.timezone, settings.currency)
        acting(s, row, by, "manage_members")
        before = map_workspace(s, row, workspace)
        s.commit()
    moved = (f" (it was mapped to {before}: its people let in meanwhile stay members of {before}, and"
             f" {team or settings.team} refuses them until they are added to it)") if before else ""
    typer.echo(f"Slack workspace {workspace} now belongs to team {row.name}{moved}; running bots follow within "
               "a few seconds.")


def workspace_unmap(workspace: str = typer.Argument(..., help="the Slack workspace id")) -> None:
    """Its messages are refused again (unless it is the workspace the process serves: then CRM_TEAM)."""
    from storage.engine import session
    from storage.workspaces import unmap_workspace

    workspace = _checked(workspace)
    with session(open_engine(load_settings())) as s:
        found = unmap_workspace(s, workspace)
        s.commit()
    typer.echo(f"Slack workspace {workspace} is no longer mapped." if found
               else f"Slack workspace {workspace} was not mapped.")


def workspace_list() -> None:
    """Every mapped workspace and its team."""
    from storage.engine import session
    from storage.workspaces import workspaces

    settings = load_settings()
    with session(open_engine(settings)) as s:
        rows = workspaces(s)
    if not rows:
        typer.echo(f"No workspace is mapped: the one this process serves acts in team {settings.team} (CRM_TEAM).")
    for platform, external, team in rows:
        typer.echo(f"{platform} {external} → {team}")
