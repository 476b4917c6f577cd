"""Data commands: a customer's audit trail, forgetting a customer, backup and restore of the store."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Optional

import typer

from bot.cli.common import fail as _fail
from bot.cli.common import load_settings, open_engine
from bot.cli.actor import BY, existing_team

forget_app = typer.Typer(no_args_is_help=True, help="Erase personal data (an admin action).")


def register(app: typer.Typer) -> None:
    """Add `audit`, `forget customer`, `backup` and `restore` to the `crmbot` app."""
    app.command("audit")(audit)
    app.add_typer(forget_app, name="forget")
    forget_app.command("customer")(forget_customer)
    app.command("backup")(backup)
    app.command("restore")(restore)


def _describe(entry: dict[str, Any]) -> str:
    values = entry["after"] if entry["after"] is not None else entry["before"]
    if entry["action"] == "update" and isinstance(entry["before"], dict) and isinstance(entry["after"], dict):
        what = ", ".join(f"{k}: {entry['before'].get(k)!r} → {v!r}" for k, v in entry["after"].items())
    elif isinstance(values, dict):
        shown = {k: v for k, v in values.items()
                 if v not in (None, "", {}, []) and k not in ("id", "team_id", "created_at", "updated_at")}
        what = ", ".join(f"{k}={v!r}" for k, v in list(shown.items())[:8])
    else:
        what = ""
    where = f"{entry['table']} #{entry['row_id']}" if entry["row_id"] is not None else entry["table"]
    source = ""
    if entry["note_id"] is not None:
        source = f"  [note #{entry['note_id']}"
        if entry["platform"]:
            source += f", {entry['platform']}"
        if entry["message_id"]:
            source += f" message {entry['message_id']}"
        source += "]"
    at = (entry["at"] or "")[:19].replace("T", " ")
    undone = f"  (undone {entry['undone_at'][:19].replace('T', ' ')})" if entry.get("undone") else ""
    if entry["action"] == "undo":
        return f"{at}  {entry['who'] or '(system)'}  undo of note #{entry['note_id']}: " \
               f"{(entry['after'] or {}).get('writes', 0)} change(s) taken back"
    return f"{at}  {entry['who'] or '(system)'}  {entry['action']} {where}" + (f": {what}" if what else "") + \
        source + undone


def audit(
    customer: str = typer.Option(..., "--customer", help="the customer's name (or #ID)"),
    as_json: bool = typer.Option(False, "--json", help="one JSON line per change"),
    team: Optional[str] = typer.Option(None, "--team", help="the team (default: CRM_TEAM)"),
) -> None:
    """Every change about a customer: who, when, what, from which note and message."""
    from storage.audit import history
    from storage.engine import session
    from storage.models import stored_id
    from storage.privacy import ForgetError, find_customer

    settings = load_settings()
    with session(open_engine(settings)) as s:
        found = existing_team(s, team or settings.team)
        try:
            target = find_customer(s, found.id, customer)
        except ForgetError as exc:
            _fail(str(exc))
        entries = history(s, stored_id(found), stored_id(target))
    if as_json:
        for entry in entries:
            typer.echo(json.dumps({"customer_id": target.id, **entry}, ensure_ascii=False, default=str))
        return
    undone = sum(1 for entry in entries if entry.get("undone"))
    typer.echo(f"{target.name} (#{target.id}): {len(entries)} change(s)"
               + (f", {undone} of them undone later (marked)" if undone else ""))
    for entry in entries:
        typer.echo(_describe(entry))


def forget_customer(
    customer: str = typer.Argument(..., help="the customer's name, or its id written #ID"),
    team: Optional[str] = typer.Option(None, "--team", help="the team (default: CRM_TEAM)"),
    yes: bool = typer.Option(False, "--yes", "-y", help="do not ask for confirmation"),
    by: Optional[str] = BY,
) -> None:
    """Erase a customer's personal data for good, in the store and in this host's spool of queued
    messages; deals stay, anonymised, for reports. A name made of digits is a name: an id is `#2`."""
    from bot.cli.actor import acting
    from bot.erase import finish, forget_everywhere
    from bot.spool import Spool
    from storage.engine import session
    from storage.privacy import ForgetError, find_customer

    settings = load_settings()
    engine = open_engine(settings)
    spool = Spool(settings.spool_path)
    with session(engine) as s:
        found = existing_team(s, team or settings.team)
        admin_id = acting(s, found, by, "erase")
        try:
            target = find_customer(s, found.id, customer)
        except ForgetError as exc:
            _fail(str(exc))
        if not yes:
            if not sys.stdin.isatty():
                _fail(f"this erases {target.name}'s personal data for good; add --yes to confirm")
            if not typer.confirm(f"Erase the personal data of {target.name} (#{target.id}) for good?"):
                raise typer.Exit(1)
        try:
            erased = forget_everywhere(s, found, target, spool, admin_id)
        except ForgetError as exc:
            s.rollback()
            _fail(str(exc))
        s.commit()
    finish(erased, spool)
    where = engine.url.render_as_string(hide_password=True)
    typer.echo(f"Forgot {erased.name}: it is now [erased customer #{erased.customer_id}]; deals kept, anonymised.")
    typer.echo(f"store {where}: " + (", ".join(f"{k} {v}" for k, v in erased.store.items() if v) or "nothing else"))
    typer.echo(f"spool {erased.spool_path}: " + (f"{erased.spooled} queued message(s) erased" if erased.spooled
                                                 else "no queued message about it"))
    typer.echo("Elsewhere: backups and exports made before now still hold it; other hosts' spools are their own "
               "(run this there too).")


def backup(file: Path = typer.Argument(..., help="the backup file to write (gzipped JSON lines)")) -> None:
    """Write the whole store to FILE, portable between SQLite and PostgreSQL."""
    from storage.backup import backup as run_backup

    engine = open_engine(load_settings())
    if file.parent and not file.parent.exists():
        _fail(f"folder {file.parent} does not exist")
    summary = run_backup(engine, file)
    typer.echo(f"{file}: {summary.total} rows in {len(summary.rows)} tables (schema {summary.revision})")


def restore(
    file: Path = typer.Argument(..., help="a file written by crmbot backup"),
    force: bool = typer.Option(False, "--force", help="replace everything the store holds"),
) -> None:
    """Load FILE into the store; refuses a non-empty store unless --force, and a newer schema."""
    from storage.backup import BackupError
    from storage.backup import restore as run_restore

    if not file.exists():
        _fail(f"no file {file}")
    engine = open_engine(load_settings())
    try:
        summary = run_restore(engine, file, force=force)
    except BackupError as exc:
        _fail(str(exc))
    typer.echo(f"restored {summary.total} rows in {len(summary.rows)} tables from {file} "
               f"(schema {summary.revision})")
