"""The `crmbot` app and its own commands: chat, say, user add, seed, parse, run. The other groups
live beside it in this package and are registered by `bot.cli`."""
from __future__ import annotations

import asyncio
import json
import sys
import uuid
from typing import Any, List, Optional
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import typer

from bot.cli.actor import BY
from bot.cli.common import fail, given_instant, load_settings, open_engine
from storage import clock

app = typer.Typer(add_completion=False, no_args_is_help=True, help="crmbot: a CRM that lives in chat.")
user_app = typer.Typer(no_args_is_help=True, help="Members and the accounts that let them in.")
report_app = typer.Typer(no_args_is_help=True, help="Reports managers ask for.")
app.add_typer(user_app, name="user")
app.add_typer(report_app, name="report")


@app.command()
def chat(user: str = typer.Option("me", "--user", help="who you are in this chat")) -> None:
    """Chat with the bot in the terminal (embedded store, no credentials)."""
    from bot.adapters.console import Console
    from bot.serve import build_bot

    settings = load_settings()
    console = Console(build_bot(settings, open_engine(settings)), user=user)
    asyncio.run(console.loop())


@app.command()
def say(
    text: str = typer.Argument(..., help="the message"),
    user: str = typer.Option(..., "--user", help="the account id"),
    platform: str = typer.Option("console", "--platform"),
    now: Optional[str] = typer.Option(None, "--now", help="ISO instant; naive means the account's own zone"),
) -> None:
    """One message through the whole pipeline as that account; prints the reply."""
    from bot.adapters.console import render
    from bot.incoming import Incoming
    from bot.serve import build_bot

    settings = load_settings()
    moment = given_instant(now, _account_zone(settings, platform, user))
    if moment is not None:  # the whole run happens at that instant (invites, audit, created_at)
        clock.use(lambda: moment)
    bot = build_bot(settings, open_engine(settings))
    incoming = Incoming(platform=platform, account_id=user, chat_id=user, text=text, sent_at=moment,
                        message_id=f"say-{uuid.uuid4().hex}")
    typer.echo(render(asyncio.run(bot.handle(incoming))))


def _account_zone(settings: Any, platform: str, account: str) -> ZoneInfo:
    """Where a naive `say --now` is read: the account's own zone, else its team's, else CRM_TIMEZONE, as
    the bot reads the times the member writes (a Shanghai rep's "17:05" is 17:05 in Shanghai)."""
    from storage.engine import session
    from storage.members import identity_of
    from storage.models import Team

    with session(open_engine(settings)) as s:
        member = identity_of(s, platform, account)
        team = s.get(Team, member.team_id) if member is not None else None
        named = (member.timezone if member else None) or (team.timezone if team else None)
    try:
        return ZoneInfo(named) if named else settings.zone
    except (ZoneInfoNotFoundError, ValueError):
        return settings.zone


@user_app.command("add")
def user_add(
    platform: str = typer.Option(..., "--platform", help="telegram | slack | console"),
    id: str = typer.Option(..., "--id", help="the account id on that platform"),
    name: str = typer.Option(..., "--name"),
    role: Optional[str] = typer.Option(None, "--role", help="rep | manager | admin (a new member: rep; "
                                                            "an account already in keeps its role unless given)"),
    team: Optional[str] = typer.Option(None, "--team"),
    tz: Optional[str] = typer.Option(None, "--tz", help="the member's time zone"),
    by: Optional[str] = BY,
) -> None:
    """Let an account in as a member of the team, or update the member it already is (name, role, zone)."""
    from bot.cli.actor import acting
    from storage.engine import session
    from sqlalchemy import select
    from sqlmodel import col

    from storage.members import admit, get_team, roster
    from storage.models import stored_id
    from storage.vocabulary import Role
    from storage.models import Team

    if platform not in ("telegram", "slack", "console"):
        fail("--platform must be telegram, slack or console")
    settings = load_settings()
    with session(open_engine(settings)) as s:
        name_of_team = team or settings.team
        if by and s.execute(select(Team).where(col(Team.name) == name_of_team)).first() is None:
            fail(f"team {name_of_team} does not exist; a new team is made by adding its first member without --by")
        team_row = get_team(s, name_of_team, _zone_or(tz, settings.timezone))  # a new team: its first member's zone
        acting(s, team_row, by, "manage_members")
        try:
            admitted = admit(s, team_row, platform, id, name, role, tz)
        except ValueError as exc:
            fail(str(exc))
        s.commit()
        member = admitted.member
        if admitted.before is None:
            typer.echo(f"{member.name} ({member.role}) can now use the bot on {platform}.")
        elif not admitted.changes:
            typer.echo(f"{platform} account {id} is {member.name} ({member.role}) already: nothing changed.")
        else:
            said = {"name": "name", "role": "role", "timezone": "time zone"}
            changes = ", ".join(f"{said[field]} {old or 'the team’s'} → {new or 'the team’s'}"
                                for field, old, new in admitted.changes)
            typer.echo(f"{platform} account {id} was {admitted.before.name}'s already: updated {changes}.")
        if not any(m.role == Role.ADMIN for m in roster(s, stored_id(team_row))):
            typer.echo(f"Team {team_row.name} has no admin yet: nobody can change its settings or members in chat. "
                       f"Make one: crmbot user add --platform … --id … --name … --role admin --team {team_row.name}",
                       err=True)



def _zone_or(tz: str | None, default: str) -> str:
    """`tz` when it names a time zone, else `default` (a bad name is refused when the member is let in)."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(tz).key if tz else default
    except (ZoneInfoNotFoundError, ValueError):
        return default


@app.command()
def seed(
    customers: int = typer.Option(..., "--customers"),
    deals_per_customer: int = typer.Option(3, "--deals-per-customer"),
    interactions_per_customer: int = typer.Option(10, "--interactions-per-customer"),
    reps: int = typer.Option(10, "--reps"),
    team: Optional[str] = typer.Option(None, "--team"),
) -> None:
    """Fill the store with reproducible synthetic data for benchmarks."""
    import time

    from storage.seed import seed as run_seed

    settings = load_settings()
    started = time.perf_counter()
    counts = run_seed(open_engine(settings), customers, deals_per_customer, interactions_per_customer, reps,
                      team or settings.team)
    elapsed = time.perf_counter() - started
    rows = sum(counts.values())
    typer.echo(", ".join(f"{k}: {v}" for k, v in counts.items()))
    typer.echo(f"{rows} rows in {elapsed:.2f} s ({rows / max(elapsed, 1e-9):,.0f} rows/s)")


@app.command()
def parse(
    text: Optional[str] = typer.Argument(None, help="the message"),
    batch: bool = typer.Option(False, "--batch", help="JSON lines on stdin, one parse per line"),
    now: Optional[str] = typer.Option(None, "--now", help="ISO instant; naive means local to --tz"),
    tz: str = typer.Option("UTC", "--tz"),
    known: List[str] = typer.Option([], "--known", help="a customer name the team has"),
    llm: bool = typer.Option(False, "--llm", help="use the LLM path when configured"),
) -> None:
    """Print what the bot understands from TEXT, as the contract's JSON. Touches no store."""
    from bot.parse_cli import llm_setup, parse_one, parse_one_llm, run_batch

    if batch:
        run_batch(sys.stdin, sys.stdout, tz, llm=llm)
        return
    if text is None:
        typer.echo("Give the message to parse, or --batch to read JSON lines on stdin.", err=True)
        raise typer.Exit(2) from None
    result = (asyncio.run(parse_one_llm(text, now, tz, known, None, *llm_setup())) if llm
              else parse_one(text, now, tz, known))
    typer.echo(json.dumps(result, ensure_ascii=False, indent=2))


@app.command()
def run() -> None:
    """Start every adapter whose credentials are set, and the scheduler."""
    settings = load_settings()
    if not (settings.telegram_bot_token or settings.slack_configured):
        typer.echo("crmbot run: no chat platform configured. Set TELEGRAM_BOT_TOKEN (from BotFather) "
                   "and/or SLACK_BOT_TOKEN with SLACK_SIGNING_SECRET (HTTP) or SLACK_APP_TOKEN (Socket Mode), "
                   "or try `crmbot chat` in the terminal.",
                   err=True)
        raise typer.Exit(2) from None
    from bot.serve import serve
    from bot.startup import StartupError

    open_engine(settings)
    try:
        asyncio.run(serve(settings))
    except StartupError as exc:
        typer.echo(f"crmbot run: {exc}", err=True)
        raise typer.Exit(2) from None
