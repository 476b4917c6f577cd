"""The `crmbot` command line: chat, run, parse, say, user, nudges, report, export, seed."""
from __future__ import annotations

import sys
from typing import List, Optional

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True, help="crmbot: a CRM that lives in chat.")


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
    import json

    from bot.parse_cli import parse_one, run_batch

    if batch:
        run_batch(sys.stdin, sys.stdout, tz)
        return
    if text is None:
        typer.echo("Give the message to parse, or --batch to read JSON lines on stdin.", err=True)
        raise typer.Exit(2)
    typer.echo(json.dumps(parse_one(text, now, tz, known), ensure_ascii=False, indent=2))


def main() -> None:
    """Entry point of the `crmbot` console script."""
    app()
