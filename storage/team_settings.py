"""A team's settings, read the same way by nudges, reports and chat, and changed by an admin (in
chat or with `crmbot team set`). They live in `Team.settings` (JSON) and `Team.currency`:

    quiet_days      an open deal untouched this many days is quiet (nudges, "quiet deals", report quiet);
                    JSON key `stale_days`, else CRM_STALE_DAYS, else 14
    digest_hour     the local hour of the morning digest (JSON `digest_time`, "08:00")
    touch_days      the stay-in-touch cadence of a customer that has none of its own (unset: none)
    currency        the team's currency (ISO 4217), the reports' default
    probability     a stage's win probability in percent (JSON `stage_probabilities`), the forecast's weights

Values are checked before anything is written: a bad value is refused whole with the reason.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Mapping

from storage.models import Team
from storage.vocabulary import OPEN_STAGES

DEFAULT_QUIET_DAYS = 14
CONTACT_TOUCH = "contact_touch"   # Customer.custom key: {contact id: days} of the customer's people
MAX_DAYS = 366
_CURRENCY = re.compile(r"^[A-Za-z]{3}$")


class Setting(StrEnum):
    """What an admin may set."""

    QUIET_DAYS = "quiet_days"
    DIGEST_HOUR = "digest_hour"
    TOUCH_DAYS = "touch_days"
    CURRENCY = "currency"
    PROBABILITY = "probability"


class SettingError(ValueError):
    """A value a setting does not take; `reason` says why (a text key: settings_bad.<reason>)."""

    def __init__(self, setting: Setting, reason: str):
        super().__init__(f"{setting}: {reason}")
        self.setting, self.reason = setting, reason


@dataclass(frozen=True)
class Change:
    """One setting changed: the JSON document (or currency) after it, and the value as shown."""

    setting: Setting
    shown: str
    settings: dict[str, Any]
    currency: str
    stage: str | None = None


def quiet_days(team_settings: Mapping[str, Any] | None, environ: Mapping[str, str] | None = None) -> int:
    """Days without activity after which an open deal is quiet: the team's, else CRM_STALE_DAYS, else 14."""
    env = os.environ if environ is None else environ
    for value in ((team_settings or {}).get("stale_days"), env.get("CRM_STALE_DAYS")):
        try:
            if value not in (None, ""):
                return max(1, int(value))
        except (TypeError, ValueError):
            continue
    return DEFAULT_QUIET_DAYS


def touch_days(team_settings: Mapping[str, Any] | None) -> int | None:
    """The team's default stay-in-touch cadence in days, or None."""
    value = (team_settings or {}).get("touch_days")
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def _days(setting: Setting, value: str) -> int:
    try:
        days = int(str(value).strip())
    except ValueError:
        raise SettingError(setting, "days") from None
    if not 1 <= days <= MAX_DAYS:
        raise SettingError(setting, "days")
    return days


def change(team: Team, setting: Setting, value: str, stage: str | None = None) -> Change:
    """The team's settings with `setting` set to `value` (not written: the caller journals it)."""
    current = dict(team.settings or {})
    currency = team.currency
    if setting == Setting.QUIET_DAYS:
        days = _days(setting, value)
        current["stale_days"] = days
        shown = str(days)
    elif setting == Setting.TOUCH_DAYS:
        days = _days(setting, value)
        current["touch_days"] = days
        shown = str(days)
    elif setting == Setting.DIGEST_HOUR:
        match = re.fullmatch(r"\s*(\d{1,2})(?::(\d{2}))?\s*", str(value))
        if not match or int(match.group(1)) > 23 or int(match.group(2) or 0) > 59:
            raise SettingError(setting, "hour")
        shown = f"{int(match.group(1)):02d}:{int(match.group(2) or 0):02d}"
        current["digest_time"] = shown
    elif setting == Setting.CURRENCY:
        if not _CURRENCY.match(str(value).strip()):
            raise SettingError(setting, "currency")
        currency = shown = str(value).strip().upper()
    else:
        if stage not in OPEN_STAGES:
            raise SettingError(setting, "stage")
        try:
            percent = int(str(value).strip().rstrip("%"))
        except ValueError:
            raise SettingError(setting, "percent") from None
        if not 0 <= percent <= 100:
            raise SettingError(setting, "percent")
        current["stage_probabilities"] = {**dict(current.get("stage_probabilities") or {}), stage: percent}
        shown = f"{percent}%"
    return Change(setting, shown, current, currency, stage)
