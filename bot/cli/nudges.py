"""`crmbot nudges --date YYYY-MM-DD [--json] [--team T]`: what the scheduler would send that day (dry run)."""
from __future__ import annotations

import json

from typing import Optional

import typer

from bot.cli.common import given_day, load_settings, open_engine

def register(app: typer.Typer) -> None:
    """Add the `nudges` command to the `crmbot` app."""

    @app.command()
    def nudges(
        on: Optional[str] = typer.Option(None, "--date", help="the local day, YYYY-MM-DD (default: today)"),
        as_json: bool = typer.Option(False, "--json", help="one JSON line per nudge"),
        team: Optional[str] = typer.Option(None, "--team", help="the team (default: CRM_TEAM)"),
    ) -> None:
        """What the scheduler would send on that day, as if nothing had been sent yet. Sends nothing."""
        from sqlalchemy import select
        from sqlmodel import col

        from scheduler.config import NudgeConfig
        from scheduler.rules import nudges_for_day
        from storage.engine import session
        from storage.models import Team

        settings = load_settings()
        day = given_day(on, settings.zone)
        with session(open_engine(settings)) as s:
            wanted = team or settings.team
            teams = list(s.execute(select(Team).where(col(Team.name) == wanted)).scalars())
            if not teams and team is None:  # no team by the default name: every team in the store
                teams = list(s.execute(select(Team).order_by(col(Team.id))).scalars())
            if not teams and team is not None:
                typer.echo(f"crmbot: no team called {team!r}", err=True)
                raise typer.Exit(2)
            found = []
            for one in teams:
                found += nudges_for_day(s, one, day, NudgeConfig.build(one.settings, settings))
            s.rollback()  # a dry run: nothing is written, not even the ledger
        if as_json:
            for nudge in found:
                typer.echo(json.dumps(nudge.as_json(), ensure_ascii=False))
            return
        if not found:
            typer.echo(f"Nothing would be sent on {day.isoformat()}.")
            return
        for nudge in found:
            due = f" (due {nudge.due.isoformat()})" if nudge.due else ""
            typer.echo(f"[{nudge.kind}] to {nudge.platform}:{nudge.to}{due}")
            for line in nudge.text.splitlines():
                typer.echo(f"    {line}")
