"""Admin commands: invite codes and exporting every table as CSV."""
from __future__ import annotations

import csv
from pathlib import Path
from typing import Optional

import typer


def register(app: typer.Typer) -> None:
    """Add `crmbot invite` and `crmbot export` to the command line."""
    app.command("invite")(invite)
    app.command("export")(export)


def invite(
    role: str = typer.Option("rep", "--role", help="rep | manager | admin"),
    team: Optional[str] = typer.Option(None, "--team"),
    days: int = typer.Option(7, "--days", min=1, max=90),
) -> None:
    """Print a one-time code; the new member sends `/start CODE` to the bot (valid 7 days)."""
    from bot.cli import _engine, _settings
    from storage.engine import session
    from storage.invites import create_invite
    from storage.members import get_team
    from storage.vocabulary import Role

    if role not in tuple(Role):
        typer.echo(f"crmbot: --role must be one of {', '.join(Role)}", err=True)
        raise typer.Exit(2)
    settings = _settings()
    with session(_engine(settings)) as s:
        code = create_invite(s, get_team(s, team or settings.team, settings.timezone), role=role, days=days)
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
    all_tables: bool = typer.Option(False, "--all", help="every table"),
    directory: Path = typer.Argument(..., help="folder to write the CSV files into"),
) -> None:
    """Write one CSV per table (customers.csv, contacts.csv, deals.csv, ...), each with a header row."""
    from sqlmodel import SQLModel

    import storage.models  # noqa: F401  (every table, even on a store migrated earlier)
    from bot.cli import _engine, _settings

    if not all_tables:
        typer.echo("crmbot: say --all to export every table", err=True)
        raise typer.Exit(2)
    engine = _engine(_settings())
    directory.mkdir(parents=True, exist_ok=True)
    with engine.connect() as connection:
        for table in SQLModel.metadata.sorted_tables:
            name = EXPORT_NAMES.get(table.name, table.name)
            path = directory / f"{name}.csv"
            with path.open("w", newline="", encoding="utf-8") as handle:
                writer = csv.writer(handle)
                writer.writerow([c.name for c in table.columns])
                result = connection.execution_options(stream_results=True).execute(table.select())
                for chunk in result.partitions(5000):
                    writer.writerows(chunk)
            typer.echo(f"{path}")
