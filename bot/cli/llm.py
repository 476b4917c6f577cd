"""`crmbot usage`: LLM tokens per member and per day, and what is left of today's team budget."""
from __future__ import annotations

import json
from datetime import timedelta
from typing import Optional

import typer

from bot.cli.common import given_day, load_settings, open_engine

def register(app: typer.Typer) -> None:
    """Add `crmbot usage` to the command line."""
    app.command("usage")(usage)


def usage(
    day: Optional[str] = typer.Option(None, "--date", help="the last day shown, YYYY-MM-DD (default: today)"),
    days: int = typer.Option(7, "--days", min=1, max=366, help="how many days back"),
    team: Optional[str] = typer.Option(None, "--team"),
    as_json: bool = typer.Option(False, "--json", help="one JSON line per member and day"),
) -> None:
    """LLM tokens used per member and per day (and today's team budget, CRM_LLM_DAILY_TOKENS)."""
    from bot.cli.actor import existing_team
    from handlers.llm_usage import usage_rows
    from storage.engine import session
    from storage.members import get_team
    from storage.models import stored_id

    settings = load_settings()
    last = given_day(day, settings.zone)
    first = last - timedelta(days=days - 1)
    with session(open_engine(settings)) as s:
        team_row = existing_team(s, team) if team else get_team(s, settings.team, settings.timezone)
        rows = usage_rows(s, stored_id(team_row), first, last)
        s.commit()
    if as_json:
        for row in rows:
            typer.echo(json.dumps(row, ensure_ascii=False))
        return
    if not rows:
        typer.echo(f"No LLM use from {first} to {last}.")
    else:
        typer.echo("| day | member | calls | prompt tokens | completion tokens | total |")
        typer.echo("| --- | --- | ---: | ---: | ---: | ---: |")
        for r in rows:
            typer.echo(f"| {r['day']} | {r['member']} | {r['calls']} | {r['prompt_tokens']:,} | "
                       f"{r['completion_tokens']:,} | {r['total_tokens']:,} |")
        typer.echo(f"Total: {sum(r['total_tokens'] for r in rows):,} tokens in {sum(r['calls'] for r in rows)} calls.")
    budget = settings.llm_daily_tokens
    if budget:
        spent = sum(r["total_tokens"] for r in rows if r["day"] == last.isoformat())
        typer.echo(f"Team budget on {last}: {spent:,} of {budget:,} tokens"
                   + (" — spent, understanding is offline until tomorrow." if spent >= budget else "."))
    else:
        typer.echo("No daily token budget (set CRM_LLM_DAILY_TOKENS to cap it).")
