"""The report commands:

    crmbot report pipeline|forecast|funnel|activity|leaderboard|sources|top|deals|quiet|overdue|inquiries|lost
                  [--period P] [--team T] [--json|--csv]

Each prints a readable table by default (bot/report_tables.py), the report as one JSON object
with --json (bot/report_json.py: amounts in currency units), or its rows as CSV with --csv.
A table names stages as the team does, in its order (pipeline, funnel, quiet; `--lang en|zh|ru`,
default the language most of the team's members write in); JSON and CSV keep the stage keys.

The options and helpers every report command shares live in `bot.cli.report_run`.
"""
from __future__ import annotations

from typing import Optional

import typer

from bot.cli.common import minor_units
from bot.cli.report_run import (CSV, JSON, LANG, NOW, PERIOD, TEAM, _context, _emit, _member_id, _run,
                                _stage_label)

def register(report_app: typer.Typer) -> None:
    """Add the report commands to `crmbot report`."""

    for name, func in (("pipeline", report_pipeline), ("forecast", report_forecast), ("funnel", report_funnel),
                       ("activity", report_activity), ("leaderboard", report_leaderboard),
                       ("sources", report_sources), ("top", report_top), ("quiet", report_quiet),
                       ("overdue", report_overdue), ("inquiries", report_inquiries), ("lost", report_lost),
                       ("deals", report_deals)):
        report_app.command(name)(func)


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


def report_deals(period: Optional[str] = PERIOD, team: Optional[str] = TEAM, as_json: bool = JSON,
                 as_csv: bool = CSV, now: Optional[str] = NOW, rep: Optional[str] = REP,
                 limit: int = typer.Option(10, "--limit", min=1, max=50),
                 won: bool = typer.Option(False, "--won", help="the biggest deals won in --period (default this year)"),
                 lang: Optional[str] = LANG) -> None:
    """The biggest open deals (with --period: expected to close in it), largest first; --won: the biggest won."""
    from storage.reports import biggest_deals

    settings, _moment, _today, span = _context(period, "this_year" if won else None, now)
    start, end = span if span is not None else (None, None)
    report, stage = _run(team, settings, lambda s, tid: (biggest_deals(
        s, tid, rows=limit, won=won, start=start, end=end, owner_id=_member_id(s, tid, rep)),
        _stage_label(s, tid, lang)))
    _emit(report, as_json, as_csv, "deals", lambda data: data["deals"], stage)


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
