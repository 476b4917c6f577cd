"""What every `crmbot` command shares: the settings and the store, opened with one clear line
(and exit code 2) instead of a stack trace when they are wrong, and the day, instant and amount
options read the same way everywhere."""
from __future__ import annotations

from datetime import date, datetime, timezone, tzinfo
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, NoReturn, Optional

import typer
from pydantic import ValidationError

from storage import clock

if TYPE_CHECKING:  # the store layer loads on first use, not for `crmbot --help`
    from sqlalchemy.engine import Engine

    from bot.settings import Settings


def fail(message: str) -> NoReturn:
    """Stop the command with `crmbot: message` on stderr and exit code 2."""
    typer.echo(f"crmbot: {message}", err=True)
    raise typer.Exit(2)


def load_settings() -> Settings:
    """The process's settings; a bad value stops the command with the variable and what to fix."""
    from bot.settings import get_settings

    try:
        settings = get_settings()
    except ValidationError as exc:
        err = exc.errors()[0]
        name = err.get("loc", ["?"])[0]
        message = str(err.get("msg", "")).removeprefix("Value error, ")
        fail(f"bad configuration: {name}: {message}")
    import logging

    from bot.redact import Redactor, install

    install(Redactor.of(settings), [logging.lastResort] if logging.lastResort else [])  # warnings a command prints
    return settings


def open_engine(settings: Settings) -> Engine:
    """The store of `DATABASE_URL`, migrated; an unreachable or unusable one stops the command."""
    from storage.engine import StoreError, get_engine

    try:
        return get_engine(settings.database_url)
    except StoreError as exc:
        fail(str(exc))


def given_day(value: Optional[str], zone: tzinfo) -> date:
    """`--date` as a local day (default: today in `zone`); exits with one clear line when malformed."""
    if not value:
        return clock.today(zone)
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(f"--date must be a day such as 2026-12-01, not {value!r}")


def given_instant(value: Optional[str], zone: tzinfo) -> Optional[datetime]:
    """`--now` as an aware UTC instant (naive: local to `zone`); None when not given."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        fail(f"--now must be an ISO date-time such as 2026-11-25T10:00, not {value!r}")
    return (moment.replace(tzinfo=zone) if moment.tzinfo is None else moment).astimezone(timezone.utc)


def minor_units(amount: str) -> int:
    """An amount option ("500000", "1,200.50") in hundredths of the currency unit."""
    try:
        value = Decimal(amount.replace(",", "").replace("_", ""))
    except InvalidOperation:
        fail(f"{amount!r} is not an amount")
    return int((value * 100).to_integral_value())
