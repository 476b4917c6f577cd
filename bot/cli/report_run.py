"""What every report command shares: the options (--period, --team, --json, --csv, --now, --lang),
the context a command runs in (settings, the instant, the team's day, the period asked for), one
session on the team (`_run`), and the way a report is printed (a table, one JSON object or CSV rows).

`bot.cli.reports` (the report commands) and `bot.cli.inputs` (what reports compare against: targets,
spend, exchange rates, imports) are built from these.
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
from bot.cli.common import given_instant, load_settings, open_engine

if TYPE_CHECKING:
    from sqlmodel import Session

    from bot.settings import Settings

__all__ = ["CSV", "JSON", "LANG", "NOW", "PERIOD", "TEAM", "Context", "_context", "_emit", "_fail", "_member_id",
           "_run", "_stage_label"]


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
