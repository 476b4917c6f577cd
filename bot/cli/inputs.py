"""What reports compare against, and data brought in:

    crmbot target set --rep R --visits N --period P      (or --revenue N --currency USD, no --rep: the team)
    crmbot source cost --source S --amount N --currency C --period P
    crmbot fx set EUR USD 1.08
    crmbot import customers|contacts|deals|followups FILE.csv [--dry-run]
    crmbot import all DIR [--dry-run]        (the folder `crmbot export DIR` writes, edited or not)
    crmbot inquiry resolve ID
"""
from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Optional

import typer

from bot.cli.common import load_settings, minor_units
from bot.cli.report_run import JSON, NOW, TEAM, _context, _fail, _member_id, _run

if TYPE_CHECKING:
    from sqlmodel import Session

target_app = typer.Typer(no_args_is_help=True, help="Targets per rep (visits, calls, ...) or for the team (revenue).")
source_app = typer.Typer(no_args_is_help=True, help="Lead sources: spend per source and period.")
fx_app = typer.Typer(no_args_is_help=True, help="The team's exchange rates.")
import_app = typer.Typer(no_args_is_help=True,
                         help="Import customers, contacts, deals or follow-ups from CSV, or an exported folder.")
inquiry_app = typer.Typer(no_args_is_help=True, help="Customers' inquiries and complaints.")


def register(app: typer.Typer) -> None:
    """Add the input commands to `crmbot`: target, source, fx, import, inquiry."""
    app.add_typer(target_app, name="target")
    app.add_typer(source_app, name="source")
    app.add_typer(fx_app, name="fx")
    app.add_typer(import_app, name="import")
    app.add_typer(inquiry_app, name="inquiry")
    target_app.command("set")(target_set)
    source_app.command("cost")(source_cost)
    fx_app.command("set")(fx_set)
    inquiry_app.command("resolve")(inquiry_resolve)
    for kind in KINDS:
        import_app.command(kind, help=f"Import {kind} from a CSV file (all rows or none).")(_importer(kind))
    import_app.command("all")(import_all)


KINDS = ("customers", "contacts", "deals", "followups")  # in this order: what a row names exists before it


def target_set(period: str = typer.Option(..., "--period"),
               rep: Optional[str] = typer.Option(None, "--rep", help="the member; none: the team"),
               visits: Optional[int] = typer.Option(None, "--visits", min=0),
               calls: Optional[int] = typer.Option(None, "--calls", min=0),
               meetings: Optional[int] = typer.Option(None, "--meetings", min=0),
               emails: Optional[int] = typer.Option(None, "--emails", min=0),
               messages: Optional[int] = typer.Option(None, "--messages", min=0),
               new_customers: Optional[int] = typer.Option(None, "--new-customers", min=0),
               deals_won: Optional[int] = typer.Option(None, "--deals-won", min=0),
               revenue: Optional[str] = typer.Option(None, "--revenue", help="revenue target (major units)"),
               currency: Optional[str] = typer.Option(None, "--currency"),
               team: Optional[str] = TEAM, now: Optional[str] = NOW) -> None:
    """Set targets for a period: `--rep Anna --visits 16 --period this_quarter`; `--revenue 500000` for the team."""
    from storage.report_inputs import set_target

    settings, _moment, _today, (start, end) = _context(period, None, now)
    counts = {"visits": visits, "calls": calls, "meetings": meetings, "emails": emails, "messages": messages,
              "new_customers": new_customers, "deals_won": deals_won}
    wanted = {k: v for k, v in counts.items() if v is not None}
    if revenue is not None:
        wanted["revenue"] = minor_units(revenue)
    if not wanted:
        _fail("name at least one target, e.g. --visits 16 or --revenue 500000")

    def work(s: Session, tid: int) -> int | None:
        member = _member_id(s, tid, rep)
        if rep is None and set(wanted) - {"revenue"}:
            raise ValueError("activity targets are per rep: add --rep NAME")
        for metric, value in wanted.items():
            set_target(s, tid, member, metric, start, end, value,
                       (currency or None) if metric == "revenue" else None)
        return member
    _run(team, settings, work)
    who = rep or "the team"
    typer.echo(f"Targets for {who}, {start} – {end}: " + ", ".join(
        f"{k} {Decimal(v) / 100 if k == 'revenue' else v}" for k, v in wanted.items()))


def source_cost(source: str = typer.Option(..., "--source"), amount: str = typer.Option(..., "--amount"),
                currency: Optional[str] = typer.Option(None, "--currency", help="default: the team's"),
                period: str = typer.Option("this_quarter", "--period"), team: Optional[str] = TEAM,
                now: Optional[str] = NOW) -> None:
    """Enter what a lead source cost in a period; the sources report shows revenue per unit of spend."""
    from storage.models import Team
    from storage.report_inputs import set_source_cost

    settings, _moment, _today, (start, end) = _context(period, None, now)
    minor = minor_units(amount)
    _run(team, settings, lambda s, tid: set_source_cost(s, tid, source, start, end, minor,
                                                        currency or s.get_one(Team, tid).currency))
    typer.echo(f"Spend on {source}, {start} – {end}: {amount} {currency or ''}".rstrip())


def fx_set(base: str = typer.Argument(..., help="e.g. EUR"), quote: str = typer.Argument(..., help="e.g. USD"),
           rate: str = typer.Argument(..., help="units of QUOTE for one BASE, e.g. 1.08"),
           team: Optional[str] = TEAM) -> None:
    """Set an exchange rate for reports: one BASE is RATE QUOTE (`crmbot fx set EUR USD 1.08`)."""
    from storage.report_inputs import set_fx

    row = _run(team, load_settings(), lambda s, tid: set_fx(s, tid, base, quote, rate))
    typer.echo(f"1 {row.base} = {row.rate} {row.quote}")


def inquiry_resolve(number: int = typer.Argument(..., help="the team's inquiry number, as in #3"),
                    team: Optional[str] = TEAM) -> None:
    """Mark an inquiry or complaint resolved."""
    from storage.inquiries import resolve

    row = _run(team, load_settings(), lambda s, tid: resolve(s, tid, number))
    if row is None:
        _fail(f"no inquiry #{number} in this team")
    typer.echo(f"#{row.number} {row.kind}: resolved")


def _importer(kind: str) -> Callable[..., None]:
    def command(file: Path = typer.Argument(..., exists=True, dir_okay=False, readable=True),
                dry_run: bool = typer.Option(False, "--dry-run", help="check every row, write nothing"),
                team: Optional[str] = TEAM, as_json: bool = JSON) -> None:
        from storage.importer import import_csv

        settings = load_settings()
        result = _run(team, settings, lambda s, tid: import_csv(s, tid, kind, file.read_bytes(), dry_run=dry_run))
        if as_json:
            typer.echo(json.dumps(result, ensure_ascii=False, default=str))
        else:
            for error in result["errors"]:
                typer.echo(f"line {error['line']}: {error['field']}: {error['reason']}", err=True)
            typer.echo(result["summary"])
        if result["errors"]:
            raise typer.Exit(1)
    command.__doc__ = f"Import {kind} from CSV: headers in en/zh/ru, --dry-run first; all rows or none."
    return command


def import_all(directory: Path = typer.Argument(..., exists=True, file_okay=False, help="a folder from crmbot export"),
               dry_run: bool = typer.Option(False, "--dry-run", help="check every row, write nothing"),
               team: Optional[str] = TEAM, as_json: bool = JSON) -> None:
    """Import the customers.csv, contacts.csv, deals.csv and followups.csv of DIR (as `crmbot export` writes
    them, edited or not): rows with a ref update the row, others are added; all files or nothing."""
    from storage.importer import import_csv

    files = [(kind, directory / f"{kind}.csv") for kind in KINDS if (directory / f"{kind}.csv").exists()]
    if not files:
        _fail(f"no customers.csv, contacts.csv, deals.csv or followups.csv in {directory}")

    def work(s: Session, tid: int) -> list[dict[str, Any]]:
        results = []
        for kind, path in files:
            result = import_csv(s, tid, kind, path.read_bytes(), dry_run=dry_run)
            results.append(result)
            if result["errors"]:
                s.rollback()  # nothing of any file is kept
                for earlier in results[:-1]:
                    earlier.update(written=False, summary=f"{earlier['kind']}: fine, but not written "
                                                          "(another file has problems).")
                break
            s.flush()
        return results

    results = _run(team, load_settings(), work)
    failed = any(result["errors"] for result in results)
    for result in results:
        if as_json:
            typer.echo(json.dumps(result, ensure_ascii=False, default=str))
            continue
        for error in result["errors"]:
            typer.echo(f"{result['kind']}.csv line {error['line']}: {error['field']}: {error['reason']}", err=True)
        typer.echo(result["summary"])
    if failed:
        typer.echo("Nothing was written.", err=True)
        raise typer.Exit(1)
