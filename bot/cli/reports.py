"""The report commands:

    crmbot report pipeline|forecast|funnel|activity|leaderboard|sources|top|quiet|overdue|inquiries|lost
                  [--period P] [--team T] [--json|--csv]

Each prints a readable table by default (bot/report_tables.py), the report as one JSON object
with --json (bot/report_json.py: amounts in currency units), or its rows as CSV with --csv.
A table names stages as the team does, in its order (pipeline, funnel, quiet; `--lang en|zh|ru`,
default the language most of the team's members write in); JSON and CSV keep the stage keys.

The shared options and helpers here (`_context`, `_run`, `_fail`, ...) serve `bot.cli.inputs` too,
whose commands enter what reports compare against (targets, spend, exchange rates, imports).
"""
from __future__ import annotations

import csv
import io
import json
import sys
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Callable, Optional, overload

import typer
from storage import clock

from bot.cli.common import fail as _fail
from bot.cli.common import given_instant, load_settings, minor_units, open_engine

if TYPE_CHECKING:
    from sqlmodel import Session

    from bot.settings import Settings

def register(report_app: typer.Typer) -> None:
    """Add the report commands to `crmbot report`."""

    for name, func in (("pipeline", report_pipeline), ("forecast", report_forecast), ("funnel", report_funnel),
                       ("activity", report_activity), ("leaderboard", report_leaderboard),
                       ("sources", report_sources), ("top", report_top), ("quiet", report_quiet),
                       ("overdue", report_overdue), ("inquiries", report_inquiries), ("lost", report_lost)):
        report_app.command(name)(func)


# -- shared ------------------------------------------------------------------------------------

PERIOD = typer.Option(None, "--period", help="today, this_week, next_week, this_month, next_month, "
                                             "this_quarter, this_year or FROM..TO")
TEAM = typer.Option(None, "--team")
JSON = typer.Option(False, "--json", help="the report as one JSON object")
CSV = typer.Option(False, "--csv", help="the report's rows as CSV with a header")
NOW = typer.Option(None, "--now", help="ISO instant; naive means the team's zone")


Context = tuple["Settings", datetime, date, tuple[date, date]]   # settings, instant, the team's day, the period


@overload
def _context(period: str, default: Optional[str], now: Optional[str]) -> Context:
    ...


@overload
def _context(period: Optional[str], default: str, now: Optional[str]) -> Context:
    ...


@overload
def _context(period: None, default: None,
             now: Optional[str]) -> tuple[Settings, datetime, date, tuple[date, date] | None]:
    ...


def _context(period: Optional[str], default: Optional[str],
             now: Optional[str]) -> tuple[Settings, datetime, date, tuple[date, date] | None]:
    """The settings, the instant (--now, else the clock), the team's day then, and the period asked
    for (else `default`, else none)."""
    from handlers.periods import PeriodError, resolve_period

    settings = load_settings()
    moment = given_instant(now, settings.zone) or clock.now()
    today = moment.astimezone(settings.zone).date()
    span = None
    name = period or default
    if name:
        try:
            span = resolve_period(name, today)
        except PeriodError as exc:
            _fail(str(exc))
    return settings, moment, today, span


def _run(team: Optional[str], settings: Settings, work: Callable[[Session, int], Any]) -> Any:
    from bot.cli.actor import existing_team
    from storage.engine import session
    from storage.members import get_team

    with session(open_engine(settings)) as s:  # a team named by --team must exist: a typo never makes one
        team_row = existing_team(s, team) if team else get_team(s, settings.team, settings.timezone)
        team_id = team_row.id
        assert team_id is not None  # a stored team
        try:
            result = work(s, team_id)
        except (ValueError, LookupError) as exc:
            s.rollback()
            _fail(str(exc))
        s.commit()
        return result


def _emit(report: Any, as_json: bool, as_csv: bool, name: str, rows: Callable[[dict], list[dict]],
          stage: Callable[[str], str] | None = None) -> None:
    """The report as a table (default), one JSON object (--json) or its rows as CSV (--csv).
    `stage`: the team's name of a stage, for a table that lists stages."""
    from bot import report_json, report_tables

    if as_json and as_csv:
        _fail("say --json or --csv, not both")
    if not (as_json or as_csv):
        table = getattr(report_tables, name)
        typer.echo(table(report, stage) if stage is not None else table(report))
        return
    data = getattr(report_json, name)(report)
    if as_json:
        typer.echo(json.dumps(data, ensure_ascii=False))
        return
    listed = rows(data)
    buffer = io.StringIO()
    columns: list[str] = []
    for row in listed:
        columns += [k for k in row if k not in columns]
    writer = csv.DictWriter(buffer, fieldnames=columns or ["empty"], extrasaction="ignore")
    writer.writeheader()
    for row in listed:
        writer.writerow({k: json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else v
                         for k, v in row.items()})
    sys.stdout.write(buffer.getvalue())


LANG = typer.Option(None, "--lang", help="stage names in en, zh or ru (default: the team's members' language)")


def _stage_label(s: Any, team_id: int, lang: Optional[str]) -> Callable[[str], str]:
    """A stage as the team calls it in `lang`, else in the language most of its members write in."""
    from collections import Counter

    from sqlmodel import col, select

    from handlers.stage_names import StageNames
    from storage.models import Member, Team
    from storage.vocabulary import Lang, lang_of

    if lang is not None and lang_of(lang) is None:
        _fail(f"--lang must be one of {', '.join(Lang)}")
    spoken = Counter(code for code in (lang_of(x) for x in s.exec(select(col(Member.language))
                                                                  .where(col(Member.team_id) == team_id)).all())
                     if code is not None)
    chosen = lang_of(lang) or (spoken.most_common(1)[0][0] if spoken else Lang.EN)
    names = StageNames.of(s.get(Team, team_id).settings)
    return lambda stage: names(stage, chosen)


def _member_id(s: Session, team_id: int, rep: Optional[str]) -> Optional[int]:
    if not rep:
        return None
    from storage.report_inputs import member_named

    return member_named(s, team_id, rep).id


# -- reports -----------------------------------------------------------------------------------

REP = typer.Option(None, "--rep", help="one member only (name, account id or member id)")


def report_pipeline(period: Optional[str] = PERIOD, team: Optional[str] = TEAM, as_json: bool = JSON,
                    as_csv: bool = CSV, now: Optional[str] = NOW, rep: Optional[str] = REP,
                    lang: Optional[str] = LANG) -> None:
    """Open deals per stage expected to close in the period, and those with no date (default this month)."""
    from storage.reports import pipeline

    settings, _moment, _today, (start, end) = _context(period, "this_month", now)
    report, stage = _run(team, settings, lambda s, tid: (pipeline(s, tid, start, end, owner_id=_member_id(s, tid, rep)),
                                                         _stage_label(s, tid, lang)))
    _emit(report, as_json, as_csv, "pipeline", stage=stage, rows=lambda data: [
        {"currency": data["currency"]} | stage for stage in data["stages"]] + [
        {"currency": apart["currency"]} | stage for apart in data["unconverted"] for stage in apart["stages"]])


def report_forecast(period: Optional[str] = PERIOD, team: Optional[str] = TEAM, as_json: bool = JSON,
                    as_csv: bool = CSV, now: Optional[str] = NOW,
                    currency: Optional[str] = typer.Option(None, "--currency")) -> None:
    """Won so far + weighted open deals against the period's target (default this quarter)."""
    from storage.reports import forecast

    settings, moment, _today, (start, end) = _context(period, "this_quarter", now)
    report = _run(team, settings, lambda s, tid: forecast(s, tid, start, end, now=moment, currency=currency))
    _emit(report, as_json, as_csv, "forecast", lambda data: [
        {k: data[k] for k in ("currency", "weighted", "projected", "target", "gap", "projected_gap")}
        | {"won": data["won"]["amount"], "won_count": data["won"]["count"], "open": data["open"]["amount"],
           "open_count": data["open"]["count"], "from": start, "to": end}])


def report_funnel(period: Optional[str] = PERIOD, team: Optional[str] = TEAM, as_json: bool = JSON,
                  as_csv: bool = CSV, now: Optional[str] = NOW, lang: Optional[str] = LANG) -> None:
    """Stage-to-stage and to-won conversion of deals that entered in the period; days per stage; win rate."""
    from storage.reports import funnel

    settings, _moment, _today, (start, end) = _context(period, "this_quarter", now)
    report, stage = _run(team, settings, lambda s, tid: (funnel(s, tid, start, end), _stage_label(s, tid, lang)))
    _emit(report, as_json, as_csv, "funnel", lambda data: data["stages"], stage)


def report_lost(period: Optional[str] = PERIOD, team: Optional[str] = TEAM, as_json: bool = JSON,
                as_csv: bool = CSV, now: Optional[str] = NOW, rep: Optional[str] = REP,
                currency: Optional[str] = typer.Option(None, "--currency")) -> None:
    """Deals lost in the period, per reason: how many and how much."""
    from storage.reports import losses

    settings, _moment, _today, (start, end) = _context(period, "this_quarter", now)
    report = _run(team, settings, lambda s, tid: losses(s, tid, start, end, currency=currency,
                                                        owner_id=_member_id(s, tid, rep)))
    _emit(report, as_json, as_csv, "lost", lambda data: data["reasons"])


def report_activity(period: Optional[str] = PERIOD, team: Optional[str] = TEAM, as_json: bool = JSON,
                    as_csv: bool = CSV, now: Optional[str] = NOW, rep: Optional[str] = REP) -> None:
    """Per member: interactions per channel, new customers, deals moved, follow-ups, against targets."""
    from storage.reports import activity_report

    settings, _moment, today, (start, end) = _context(period, "this_week", now)
    report = _run(team, settings, lambda s, tid: activity_report(s, tid, start, end, today,
                                                                 member_id=_member_id(s, tid, rep)))
    _emit(report, as_json, as_csv, "activity", lambda data: [
        {k: v for k, v in m.items() if k != "channels"} | m["channels"] for m in data["members"]])


def report_leaderboard(period: Optional[str] = PERIOD, team: Optional[str] = TEAM, as_json: bool = JSON,
                       as_csv: bool = CSV, now: Optional[str] = NOW) -> None:
    """Members ranked by the amount they won, with won deals, activities and deals moved (default this month)."""
    from storage.reports import leaderboard

    settings, _moment, _today, (start, end) = _context(period, "this_month", now)
    report = _run(team, settings, lambda s, tid: leaderboard(s, tid, start, end))
    _emit(report, as_json, as_csv, "leaderboard", lambda data: [
        {k: v for k, v in row.items() if k != "won"} | {"won": row["won"]["amount"], "won_deals": row["won"]["count"],
                                                        "currency": row["won"]["currency"],
                                                        "won_unconverted": row["won"]["unconverted"]}
        for row in data["rows"]])


def report_sources(period: Optional[str] = PERIOD, team: Optional[str] = TEAM, as_json: bool = JSON,
                   as_csv: bool = CSV, now: Optional[str] = NOW,
                   currency: Optional[str] = typer.Option(None, "--currency")) -> None:
    """Per lead source: customers, won deals, revenue, and revenue per unit of spend."""
    from storage.reports import sources

    settings, _moment, _today, (start, end) = _context(period, "this_quarter", now)
    report = _run(team, settings, lambda s, tid: sources(s, tid, start, end, currency=currency))
    _emit(report, as_json, as_csv, "sources", lambda data: data["sources"])


def report_top(period: Optional[str] = PERIOD, team: Optional[str] = TEAM, as_json: bool = JSON,
               as_csv: bool = CSV, now: Optional[str] = NOW,
               limit: int = typer.Option(10, "--limit", min=1, max=500),
               vip: Optional[str] = typer.Option(None, "--vip", help="VIP from this revenue (currency units)"),
               currency: Optional[str] = typer.Option(None, "--currency")) -> None:
    """Revenue per customer, the top 20% share, VIPs (default this year)."""
    from storage.reports import top_customers

    settings, _moment, _today, (start, end) = _context(period, "this_year", now)
    threshold = minor_units(vip) if vip is not None else None
    report = _run(team, settings, lambda s, tid: top_customers(s, tid, start, end, currency=currency, limit=limit,
                                                               vip_threshold_minor=threshold))
    _emit(report, as_json, as_csv, "top", lambda data: data["top"])


def report_quiet(period: Optional[str] = PERIOD, team: Optional[str] = TEAM, as_json: bool = JSON,
                 as_csv: bool = CSV, now: Optional[str] = NOW,
                 days: Optional[int] = typer.Option(None, "--days", min=1,
                                                    help="default: the team's quiet days, as the nudges use"),
                 limit: int = typer.Option(20, "--limit", min=1), rep: Optional[str] = REP,
                 lang: Optional[str] = LANG) -> None:
    """Open deals with no activity for --days (or since the start of --period)."""
    from storage.models import Team
    from storage.reports import quiet_deals
    from storage.team_settings import quiet_days

    settings, moment, today, span = _context(period, None, now)
    if span is not None:
        days = max(1, (today - span[0]).days)
    report, stage = _run(team, settings, lambda s, tid: (quiet_deals(
        s, tid, moment, days=days or quiet_days(s.get_one(Team, tid).settings), limit=limit,
        owner_id=_member_id(s, tid, rep)), _stage_label(s, tid, lang)))
    _emit(report, as_json, as_csv, "quiet", lambda data: data["deals"], stage)


def report_overdue(period: Optional[str] = PERIOD, team: Optional[str] = TEAM, as_json: bool = JSON,
                   as_csv: bool = CSV, now: Optional[str] = NOW, limit: int = typer.Option(30, "--limit", min=1),
                   rep: Optional[str] = REP) -> None:
    """Open follow-ups due before today (with --period: due in it, before today)."""
    from storage.reports import overdue_followups

    settings, _moment, today, span = _context(period, None, now)
    report = _run(team, settings, lambda s, tid: overdue_followups(
        s, tid, min(today, span[1]) if span and span[1] < today else today,
        member_id=_member_id(s, tid, rep), since=span[0] if span else None, limit=limit))
    _emit(report, as_json, as_csv, "overdue", lambda data: data["followups"])


def report_inquiries(period: Optional[str] = PERIOD, team: Optional[str] = TEAM, as_json: bool = JSON,
                     as_csv: bool = CSV, now: Optional[str] = NOW,
                     all_: bool = typer.Option(False, "--all", help="resolved ones too")) -> None:
    """Inquiries and complaints with their status, open ones until resolved (opened in --period)."""
    from storage.reports import inquiries_report
    from storage.reports.common import instants

    settings, _moment, _today, span = _context(period, None, now)
    since, until = instants(span[0], span[1], settings.zone) if span else (None, None)
    report = _run(team, settings, lambda s, tid: inquiries_report(s, tid, since, until, include_resolved=all_))
    _emit(report, as_json, as_csv, "inquiries", lambda data: data["items"])
