"""The team's settings from the command line (the operator's side of what an admin says in chat):

    crmbot team show [--team T]
    crmbot team set quiet_days 7 | digest_hour 8 | touch_days 30 | currency EUR | alert_threshold 10k [--team T]
    crmbot team set probability 60 --stage proposal [--team T] [--by ADMIN]

Every change is journalled like a chat note (the audit log shows it); a bad value is refused with
one line and changes nothing.
"""
from __future__ import annotations

from typing import Any, Optional

import typer

from bot.cli.actor import BY, acting, existing_team
from bot.cli.common import fail, load_settings, open_engine

team_app = typer.Typer(no_args_is_help=True, help="The team's settings: quiet days, digest hour, "
                                                   "stay-in-touch default, currency, stage probabilities, "
                                                   "the managers' alert threshold.")


def register(app: typer.Typer) -> None:
    """Add `crmbot team show|set`."""
    app.add_typer(team_app, name="team")
    team_app.command("show")(team_show)
    team_app.command("set")(team_set)


def _team(s: Any, name: Optional[str], settings: Any) -> Any:
    """The team named by --team (which must exist: a typo never makes one), else CRM_TEAM's."""
    from storage.members import get_team

    return existing_team(s, name) if name else get_team(s, settings.team, settings.timezone)


def team_show(team: Optional[str] = typer.Option(None, "--team")) -> None:
    """Print the team's settings as nudges, reports and chat read them."""
    from storage.engine import session
    from storage.reports.common import stage_probabilities
    from storage.team_settings import alert_threshold, quiet_days, touch_days

    settings = load_settings()
    with session(open_engine(settings)) as s:
        row = _team(s, team, settings)
        probabilities = stage_probabilities(row.settings)
        typer.echo(f"team: {row.name}")
        typer.echo(f"currency: {row.currency}")
        typer.echo(f"quiet_days: {quiet_days(row.settings)}")
        typer.echo(f"digest_hour: {(row.settings or {}).get('digest_time') or '09:00'}")
        typer.echo(f"touch_days: {touch_days(row.settings) or '-'}")
        threshold = alert_threshold(row.settings)
        typer.echo(f"alert_threshold: {'off' if threshold is None else f'{threshold.normalize():f}'}")
        typer.echo("probability: " + ", ".join(f"{stage} {pct}%" for stage, pct in probabilities.items()))
        s.commit()


def team_set(
    name: str = typer.Argument(..., help="quiet_days | digest_hour | touch_days | currency | probability | "
                                         "alert_threshold"),
    value: str = typer.Argument(...),
    stage: Optional[str] = typer.Option(None, "--stage", help="for probability: the open stage"),
    team: Optional[str] = typer.Option(None, "--team"),
    by: Optional[str] = BY,
) -> None:
    """Set one of the team's settings (for the admin named by --by, when given)."""
    from storage.engine import session
    from storage.journal import Journal
    from storage.team_settings import Setting, SettingError, change

    if name not in tuple(Setting):
        fail(f"no setting {name!r}; one of {', '.join(Setting)}")
    settings = load_settings()
    with session(open_engine(settings)) as s:
        row = _team(s, team, settings)
        member_id = acting(s, row, by, "change_settings")
        try:
            changed = change(row, Setting(name), value, stage)
        except SettingError as exc:
            fail(str(exc))
        Journal(s, row.id, member_id).change(row, settings=changed.settings, currency=changed.currency)
        s.commit()
        what = f"{name} {stage}" if stage else name
        typer.echo(f"{row.name}: {what} = {changed.shown}")
