"""Admin commands: invite codes and exporting every table as CSV."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from bot.cli.common import load_settings, open_engine
from bot.cli.actor import BY


def register(app: typer.Typer) -> None:
    """Add `crmbot invite` and `crmbot export` to the command line."""
    app.command("invite")(invite)
    app.command("export")(export)


def invite(
    role: str = typer.Option("rep", "--role", help="rep | manager | admin"),
    team: Optional[str] = typer.Option(None, "--team"),
    days: int = typer.Option(7, "--days", min=1, max=90),
    by: Optional[str] = BY,
) -> None:
    """Print a one-time code; the new member sends `/start CODE` to the bot (valid 7 days)."""
    from bot.cli.actor import acting
    from storage.engine import session
    from storage.invites import create_invite
    from storage.members import get_team
    from storage.vocabulary import Role

    if role not in tuple(Role):
        typer.echo(f"crmbot: --role must be one of {', '.join(Role)}", err=True)
        raise typer.Exit(2)
    settings = load_settings()
    with session(open_engine(settings)) as s:
        team_row = get_team(s, team or settings.team, settings.timezone)
        acting(s, team_row, by, "manage_members")
        code = create_invite(s, team_row, role=role, days=days)
        s.commit()
        typer.echo(code.code)
        typer.echo(f"Send the bot: /start {code.code}  (a {role}, valid {days} days, once)", err=True)


EXPORT_NAMES = {"customer": "customers", "contact": "contacts", "deal": "deals",
                "interaction": "interactions", "followup": "followups", "member": "members",
                "team": "teams", "stagechange": "stage_changes", "auditlog": "audit_log",
                "customeralias": "customer_aliases", "note": "notes", "identity": "identities",
                "nudgeledger": "nudge_ledger", "inbox": "inbox", "invite": "invites",
                "chatstate": "chat_states", "stranger": "strangers"}


def export(
    all_tables: bool = typer.Option(False, "--all", help="every table as stored (ids, minor units)"),
    directory: Path = typer.Argument(..., help="folder to write the CSV files into"),
    team: Optional[str] = typer.Option(None, "--team", help="the team (default: CRM_TEAM)"),
    by: Optional[str] = BY,
) -> None:
    """Write the team's customers, contacts, deals and follow-ups as spreadsheets to edit and bring back
    with `crmbot import all DIR` (names, amounts in currency units, dates); with --all, one CSV per table
    as stored. The team's rows only, spreadsheet formulas neutralized."""
    from bot.cli.actor import acting, existing_team
    from storage.engine import session
    from storage.export import export_team
    from storage.sheets import export_sheets

    settings = load_settings()
    engine = open_engine(settings)
    with session(engine) as s:
        found = existing_team(s, team or settings.team)
        acting(s, found, by, "export")
        team_id = found.id
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        typer.echo(f"crmbot: cannot write to {directory}: {exc.strerror or exc}", err=True)
        raise typer.Exit(2) from None
    written = export_team(engine, team_id, directory, EXPORT_NAMES) if all_tables \
        else export_sheets(engine, team_id, directory)
    for path, rows in written:
        typer.echo(f"{path}  ({rows} row{'' if rows == 1 else 's'})")
    if not all_tables:
        typer.echo(f"Edit them in a spreadsheet (keep the ref column), then: crmbot import all {directory}")
