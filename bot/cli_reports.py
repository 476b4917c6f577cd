"""Report commands beside `crmbot report pipeline`, and what reports compare against:

    crmbot report forecast|funnel|activity|sources|top|quiet|overdue|inquiries [--period P] [--team T] [--json|--csv]
    crmbot target set --rep R --visits N --period P      (or --revenue N --currency USD, no --rep: the team)
    crmbot source cost --source S --amount N --currency C --period P
    crmbot fx set EUR USD 1.08
    crmbot import customers|contacts|deals FILE.csv [--dry-run]
    crmbot inquiry resolve ID
"""
from __future__ import annotations

import csv
import io
import json
import sys
from datetime import datetime, timezone
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Callable, Optional

import typer

target_app = typer.Typer(no_args_is_help=True, help="Targets per rep (visits, calls, ...) or for the team (revenue).")
source_app = typer.Typer(no_args_is_help=True, help="Lead sources: spend per source and period.")
fx_app = typer.Typer(no_args_is_help=True, help="The team's exchange rates.")
import_app = typer.Typer(no_args_is_help=True, help="Import customers, contacts or deals from CSV.")
inquiry_app = typer.Typer(no_args_is_help=True, help="Customers' inquiries and complaints.")


def register(app: typer.Typer) -> None:
    """Add the report commands to `crmbot report` and the input commands to `crmbot`."""
    from bot.cli import report_app

    for name, func in (("forecast", report_forecast), ("funnel", report_funnel), ("activity", report_activity),
                       ("sources", report_sources), ("top", report_top), ("quiet", report_quiet),
                       ("overdue", report_overdue), ("inquiries", report_inquiries)):
        report_app.command(name)(func)
    app.add_typer(target_app, name="target")
    app.add_typer(source_app, name="source")
    app.add_typer(fx_app, name="fx")
    app.add_typer(import_app, name="import")
    app.add_typer(inquiry_app, name="inquiry")
    target_app.command("set")(target_set)
    source_app.command("cost")(source_cost)
    fx_app.command("set")(fx_set)
    inquiry_app.command("resolve")(inquiry_resolve)
    for kind in ("customers", "contacts", "deals"):
        import_app.command(kind, help=f"Import {kind} from a CSV file (all rows or none).")(_importer(kind))


# -- shared ------------------------------------------------------------------------------------

PERIOD = typer.Option(None, "--period", help="today, this_week, next_week, this_month, next_month, "
                                             "this_quarter, this_year or FROM..TO")
TEAM = typer.Option(None, "--team")
JSON = typer.Option(False, "--json", help="the report as one JSON object")
CSV = typer.Option(False, "--csv", help="the report's rows as CSV with a header")
NOW = typer.Option(None, "--now", help="ISO instant; naive means the team's zone")


def _fail(message: str) -> None:
    typer.echo(f"crmbot: {message}", err=True)
    raise typer.Exit(2)


def _context(period: Optional[str], default: Optional[str], now: Optional[str]):
    from bot.cli import _instant, _settings
    from handlers.periods import PeriodError, resolve_period

    settings = _settings()
    moment = _instant(now, settings.zone) or datetime.now(timezone.utc)
    today = moment.astimezone(settings.zone).date()
    span = None
    if period or default:
        try:
            span = resolve_period(period or default, today)  # type: ignore[arg-type]
        except PeriodError as exc:
            _fail(str(exc))
    return settings, moment, today, span


def _run(team: Optional[str], settings, work: Callable[[Any, int], Any]) -> Any:
    from bot.cli import _engine
    from storage.engine import session
    from storage.members import get_team

    with session(_engine(settings)) as s:
        team_row = get_team(s, team or settings.team, settings.timezone)
        try:
            result = work(s, team_row.id)
        except (ValueError, LookupError) as exc:
            s.rollback()
            _fail(str(exc))
        s.commit()
        return result


def _emit(data: dict, rows: list[dict], as_json: bool, as_csv: bool, text: Callable[[], str]) -> None:
    if as_json and as_csv:
        _fail("say --json or --csv, not both")
    if as_json:
        typer.echo(json.dumps(data, ensure_ascii=False, default=str))
    elif as_csv:
        buffer = io.StringIO()
        columns: list[str] = []
        for row in rows:
            columns += [k for k in row if k not in columns]
        writer = csv.DictWriter(buffer, fieldnames=columns or ["empty"], extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else v
                             for k, v in row.items()})
        sys.stdout.write(buffer.getvalue())
    else:
        typer.echo(text())


def _view(name: str) -> Callable[..., Any]:
    """A text renderer, imported only when text is asked for (--json and --csv skip Babel)."""
    from handlers import report_views

    return getattr(report_views, name)


def _member_id(s, team_id: int, rep: Optional[str]) -> Optional[int]:
    if not rep:
        return None
    from storage.report_inputs import member_named

    return member_named(s, team_id, rep).id


# -- reports -----------------------------------------------------------------------------------


def report_forecast(period: Optional[str] = PERIOD, team: Optional[str] = TEAM, as_json: bool = JSON,
                    as_csv: bool = CSV, now: Optional[str] = NOW,
                    currency: Optional[str] = typer.Option(None, "--currency")) -> None:
    """Won so far + weighted open deals against the period's target (default this quarter)."""
    from storage.reports_sales import forecast

    settings, moment, _today, (start, end) = _context(period, "this_quarter", now)
    data = _run(team, settings, lambda s, tid: forecast(s, tid, start, end, now=moment, currency=currency))
    rows = [{k: data[k] for k in ("currency", "weighted", "projected", "target", "gap", "projected_gap")}
            | {"won": data["won"]["amount"], "won_count": data["won"]["count"], "open": data["open"]["amount"],
               "open_count": data["open"]["count"], "from": start, "to": end}]
    _emit(data, rows, as_json, as_csv, lambda: _view("forecast_view")(data, "en", chart=False)[0])


def report_funnel(period: Optional[str] = PERIOD, team: Optional[str] = TEAM, as_json: bool = JSON,
                  as_csv: bool = CSV, now: Optional[str] = NOW) -> None:
    """Stage-to-stage and to-won conversion of deals that entered in the period; days per stage; win rate."""
    from storage.reports_sales import funnel

    settings, _moment, _today, (start, end) = _context(period, "this_quarter", now)
    data = _run(team, settings, lambda s, tid: funnel(s, tid, start, end))
    _emit(data, data["stages"], as_json, as_csv, lambda: _view("funnel_view")(data, "en", chart=False)[0])


def report_activity(period: Optional[str] = PERIOD, team: Optional[str] = TEAM, as_json: bool = JSON,
                    as_csv: bool = CSV, now: Optional[str] = NOW,
                    rep: Optional[str] = typer.Option(None, "--rep", help="one member only")) -> None:
    """Per rep: interactions per channel, new customers, deals moved, follow-ups, against targets."""
    from storage.reports_people import CHANNELS, activity_report

    settings, _moment, today, (start, end) = _context(period, "this_week", now)
    data = _run(team, settings, lambda s, tid: activity_report(s, tid, start, end, today,
                                                               member_id=_member_id(s, tid, rep)))
    rows = [{"name": m["name"], **{c: m["channels"].get(c, 0) for c in CHANNELS},
             **{k: m[k] for k in ("interactions", "new_customers", "deals_new", "deals_moved", "deals_won",
                                  "followups_done", "followups_overdue")},
             "targets": m["targets"]} for m in data["members"]]
    _emit(data, rows, as_json, as_csv, lambda: _view("activity_view")(data, "en", chart=False)[0])


def report_sources(period: Optional[str] = PERIOD, team: Optional[str] = TEAM, as_json: bool = JSON,
                   as_csv: bool = CSV, now: Optional[str] = NOW,
                   currency: Optional[str] = typer.Option(None, "--currency")) -> None:
    """Per lead source: customers, won deals, revenue, and revenue per unit of spend."""
    from storage.reports_customers import sources

    settings, _moment, _today, (start, end) = _context(period, "this_quarter", now)
    data = _run(team, settings, lambda s, tid: sources(s, tid, start, end, currency=currency))
    _emit(data, data["sources"], as_json, as_csv, lambda: _view("sources_view")(data, "en", chart=False)[0])


def report_top(period: Optional[str] = PERIOD, team: Optional[str] = TEAM, as_json: bool = JSON,
               as_csv: bool = CSV, now: Optional[str] = NOW,
               limit: int = typer.Option(10, "--limit", min=1, max=500),
               vip: Optional[float] = typer.Option(None, "--vip", help="VIP from this revenue"),
               currency: Optional[str] = typer.Option(None, "--currency")) -> None:
    """Revenue per customer, the top 20% share, VIPs (default this year)."""
    from storage.reports_customers import top_customers

    settings, _moment, _today, (start, end) = _context(period, "this_year", now)
    data = _run(team, settings, lambda s, tid: top_customers(s, tid, start, end, currency=currency, limit=limit,
                                                             vip_threshold=vip))
    _emit(data, data["top"], as_json, as_csv, lambda: _view("top_view")(data, "en", chart=False)[0])


def report_quiet(period: Optional[str] = PERIOD, team: Optional[str] = TEAM, as_json: bool = JSON,
                 as_csv: bool = CSV, now: Optional[str] = NOW,
                 days: int = typer.Option(14, "--days", min=1), limit: int = typer.Option(20, "--limit", min=1),
                 rep: Optional[str] = typer.Option(None, "--rep")) -> None:
    """Open deals with no activity for --days (or since the start of --period)."""
    from storage.reports_customers import quiet_deals

    settings, moment, today, span = _context(period, None, now)
    if span is not None:
        days = max(1, (today - span[0]).days)
    data = _run(team, settings, lambda s, tid: quiet_deals(s, tid, moment, days=days, limit=limit,
                                                           owner_id=_member_id(s, tid, rep)))
    _emit(data, data["deals"], as_json, as_csv, lambda: _view("quiet_view")(data, "en"))


def report_overdue(period: Optional[str] = PERIOD, team: Optional[str] = TEAM, as_json: bool = JSON,
                   as_csv: bool = CSV, now: Optional[str] = NOW, limit: int = typer.Option(30, "--limit", min=1),
                   rep: Optional[str] = typer.Option(None, "--rep")) -> None:
    """Open follow-ups due before today (with --period: due in it, before today)."""
    from storage.reports_customers import overdue_followups

    settings, _moment, today, span = _context(period, None, now)
    data = _run(team, settings, lambda s, tid: overdue_followups(
        s, tid, min(today, span[1]) if span and span[1] < today else today,
        member_id=_member_id(s, tid, rep), since=span[0] if span else None, limit=limit))
    _emit(data, data["followups"], as_json, as_csv, lambda: _view("overdue_view")(data, "en"))


def report_inquiries(period: Optional[str] = PERIOD, team: Optional[str] = TEAM, as_json: bool = JSON,
                     as_csv: bool = CSV, now: Optional[str] = NOW,
                     all_: bool = typer.Option(False, "--all", help="resolved ones too")) -> None:
    """Inquiries and complaints with their status, open ones until resolved (opened in --period)."""
    from storage.inquiries import inquiries_report
    from storage.reports_common import instants

    settings, _moment, _today, span = _context(period, None, now)
    since, until = instants(span[0], span[1], settings.zone) if span else (None, None)
    data = _run(team, settings, lambda s, tid: inquiries_report(s, tid, since, until, include_resolved=all_))
    _emit(data, data["items"], as_json, as_csv, lambda: _view("inquiries_view")(data, "en"))


# -- inputs ------------------------------------------------------------------------------------


def _minor(amount: str) -> int:
    try:
        value = Decimal(amount.replace(",", "").replace("_", ""))
    except InvalidOperation:
        _fail(f"{amount!r} is not an amount")
    return int((value * 100).to_integral_value())


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
        wanted["revenue"] = _minor(revenue)
    if not wanted:
        _fail("name at least one target, e.g. --visits 16 or --revenue 500000")

    def work(s, tid):
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
    minor = _minor(amount)
    _run(team, settings, lambda s, tid: set_source_cost(s, tid, source, start, end, minor,
                                                        currency or s.get(Team, tid).currency))
    typer.echo(f"Spend on {source}, {start} – {end}: {amount} {currency or ''}".rstrip())


def fx_set(base: str = typer.Argument(..., help="e.g. EUR"), quote: str = typer.Argument(..., help="e.g. USD"),
           rate: str = typer.Argument(..., help="units of QUOTE for one BASE, e.g. 1.08"),
           team: Optional[str] = TEAM) -> None:
    """Set an exchange rate for reports: one BASE is RATE QUOTE (`crmbot fx set EUR USD 1.08`)."""
    from bot.cli import _settings
    from storage.report_inputs import set_fx

    row = _run(team, _settings(), lambda s, tid: set_fx(s, tid, base, quote, rate))
    typer.echo(f"1 {row.base} = {row.rate} {row.quote}")


def inquiry_resolve(inquiry_id: int = typer.Argument(...), team: Optional[str] = TEAM) -> None:
    """Mark an inquiry or complaint resolved."""
    from bot.cli import _settings
    from storage.inquiries import resolve

    row = _run(team, _settings(), lambda s, tid: resolve(s, tid, inquiry_id))
    if row is None:
        _fail(f"no inquiry #{inquiry_id} in this team")
    typer.echo(f"#{row.id} {row.kind}: resolved")


def _importer(kind: str):
    def command(file: Path = typer.Argument(..., exists=True, dir_okay=False, readable=True),
                dry_run: bool = typer.Option(False, "--dry-run", help="check every row, write nothing"),
                team: Optional[str] = TEAM, as_json: bool = JSON) -> None:
        from bot.cli import _settings
        from storage.importer import import_csv

        settings = _settings()
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
