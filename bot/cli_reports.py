"""Report commands beside `crmbot report pipeline`:

    crmbot report forecast|funnel|activity|sources|top|quiet|overdue|inquiries [--period P] [--team T] [--json|--csv]

The shared options and helpers here (`_context`, `_run`, `_fail`, ...) serve `bot.cli_inputs` too,
whose commands enter what reports compare against (targets, spend, exchange rates, imports).
"""
from __future__ import annotations

import csv
import io
import json
import sys
from typing import Any, Callable, Optional

import typer
from storage import clock


def register(app: typer.Typer) -> None:
    """Add the report commands to `crmbot report`."""
    from bot.cli import report_app

    for name, func in (("forecast", report_forecast), ("funnel", report_funnel), ("activity", report_activity),
                       ("sources", report_sources), ("top", report_top), ("quiet", report_quiet),
                       ("overdue", report_overdue), ("inquiries", report_inquiries)):
        report_app.command(name)(func)


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
    moment = _instant(now, settings.zone) or clock.now()
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
    from storage.reports_people import activity_report
    from storage.vocabulary import SPOKEN_CHANNELS

    settings, _moment, today, (start, end) = _context(period, "this_week", now)
    data = _run(team, settings, lambda s, tid: activity_report(s, tid, start, end, today,
                                                               member_id=_member_id(s, tid, rep)))
    rows = [{"name": m["name"], **{c: m["channels"].get(c, 0) for c in SPOKEN_CHANNELS},
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
