"""The team's settings from the command line (the operator's side of what an admin says in chat):

    crmbot team show [--team T]
    crmbot team set quiet_days 7 | digest_hour 8 | touch_days 30 | currency EUR | alert_threshold 10k [--team T]
    crmbot team set timezone Asia/Almaty [--team T] [--by ADMIN]
    crmbot team set probability 60 --stage proposal [--team T] [--by ADMIN]
    crmbot team set stage_name "contract review" --stage negotiation --lang en   ("" gives back the bot's name)
    crmbot team set stages "lead, proposal, negotiation"   (the open stages the team uses, in its order)
    crmbot team set stage_off qualified | stage_on qualified

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
    from handlers.stage_names import StageNames
    from storage.reports.common import stage_probabilities
    from storage.team_settings import alert_threshold, quiet_days, touch_days
    from storage.team_stages import team_stages
    from storage.vocabulary import CLOSED_STAGES, OPEN_STAGES, Lang

    settings = load_settings()
    with session(open_engine(settings)) as s:
        row = _team(s, team, settings)
        probabilities = stage_probabilities(row.settings)
        typer.echo(f"team: {row.name}")
        typer.echo(f"currency: {row.currency}")
        typer.echo(f"timezone: {row.timezone}")
        typer.echo(f"quiet_days: {quiet_days(row.settings)}")
        typer.echo(f"digest_hour: {(row.settings or {}).get('digest_time') or '09:00'}")
        typer.echo(f"touch_days: {touch_days(row.settings) or '-'}")
        threshold = alert_threshold(row.settings)
        typer.echo(f"alert_threshold: {'off' if threshold is None else f'{threshold.normalize():f}'}")
        typer.echo("probability: " + ", ".join(f"{stage} {pct}%" for stage, pct in probabilities.items()))
        names = StageNames.of(row.settings)
        used = team_stages(row.settings)
        off = [stage for stage in OPEN_STAGES if stage not in used]
        typer.echo("stages: " + " → ".join(used) + (f" (off: {', '.join(off)})" if off else ""))
        for lang in Lang:
            typer.echo(f"stages ({lang}): " + ", ".join(
                f"{stage} = {names(stage, lang)}" if stage in names.custom and lang in names.custom[stage]
                else names(stage, lang) for stage in used + CLOSED_STAGES))
        s.commit()


def team_set(
    name: str = typer.Argument(..., help="quiet_days | digest_hour | touch_days | currency | timezone | probability | "
                                         "alert_threshold | stage_name | stages | stage_off | stage_on"),
    value: str = typer.Argument(...),
    stage: Optional[str] = typer.Option(None, "--stage", help="for probability (an open stage) and stage_name"),
    lang: Optional[str] = typer.Option(None, "--lang", help="for stage_name: en, zh or ru"),
    team: Optional[str] = typer.Option(None, "--team"),
    by: Optional[str] = BY,
) -> None:
    """Set one of the team's settings (for the admin named by --by, when given)."""
    from storage.engine import session
    from handlers.stage_names import BOTS, StageNames
    from storage.journal import Journal
    from storage.team_settings import Setting, SettingError, change
    from storage.team_stages import deals_held, switched_off

    if name not in tuple(Setting):
        fail(f"no setting {name!r}; one of {', '.join(Setting)}")
    settings = load_settings()
    with session(open_engine(settings)) as s:
        row = _team(s, team, settings)
        member_id = acting(s, row, by, "change_settings")
        if name == Setting.STAGE_NAME and stage and lang:
            other = StageNames.of(row.settings).clash(stage, lang, value)
            if other is not None:
                fail(f"{value!r} already names the stage {other} in {lang}: two stages cannot share a name")
            if value.strip().casefold() == BOTS(stage, lang).casefold():
                value = ""                                  # the bot's own name: the team's is dropped
        if name in (Setting.STAGES, Setting.STAGE_OFF, Setting.STAGE_ON):
            value = _stage_keys(StageNames.of(row.settings), name, value)
        try:
            changed = change(row, Setting(name), value, stage, lang)
        except SettingError as exc:
            fail(_why(exc))
        for held in deals_held(s, row.id, switched_off(row.settings, changed.settings)):
            fail(f"{held.stage} still holds {held.count} open deal(s) ({', '.join(held.customers)}): "
                 "move them to another stage first, then switch it off")
        Journal(s, row.id, member_id).change(row, settings=changed.settings, currency=changed.currency,
                                             timezone=changed.timezone)
        s.commit()
        what = " ".join(part for part in (name, stage, lang) if part)
        typer.echo(f"{row.name}: {what} = {changed.shown or BOTS(stage or '', lang or 'en')}")


def _stage_keys(names: Any, name: str, value: str) -> str:
    """The open stages `value` lists (by key or by any of their names), as keys; a word that is no
    open stage, or a stage named twice, fails with one line."""
    from handlers.understanding.setting_words import stage_list, stage_named
    from storage.vocabulary import OPEN_STAGES

    keys: list[str] = []
    for word in (stage_list(value) if name == "stages" else [value]):
        found = stage_named(word, names.words(), OPEN_STAGES)
        if found is None:
            fail(f"{name}: {word!r} is no open stage; one of {', '.join(OPEN_STAGES)}")
        elif found in keys:
            fail(f"{name}: {word!r} is named twice; list each stage once, in the team's order")
        else:
            keys.append(found.value)
    return ",".join(keys)


WHY = {"days": "a number of days from 1 to 366", "hour": "an hour of the day, 0-23 or like 8:30",
       "currency": "a three-letter currency code such as EUR",
       "zone": "a time zone name such as Europe/Berlin or Australia/Sydney", "percent": "a percentage from 0 to 100",
       "stage": "--stage must be an open stage: lead, qualified, proposal or negotiation",
       "any_stage": "--stage must be a stage: lead, qualified, proposal, negotiation, won or lost",
       "amount": "an amount such as 10000, 10k or 1.5m, or off",
       "lang": "--lang must be en, zh or ru", "name": "a stage name is one line of at most 40 characters",
       "stages_none": "a team keeps at least one open stage", "stages_twice": "each stage once, in the team's order"}


def _why(exc: Any) -> str:
    """A refused value in one line: the setting and what it takes."""
    return f"{exc.setting}: {WHY.get(exc.reason, exc.reason)}"
