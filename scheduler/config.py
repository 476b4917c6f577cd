"""When nudges go out: digest hour, quiet hours, weekends, quiet-deal period, per team.

Values come, most specific first, from the team's `settings` JSON
(`digest_time`, `quiet_hours`, `digest_weekends`, `weekly_digest_day`,
`weekly_digest_time`, `stale_days`, `digest_channel`, `alert_threshold`), then the environment
(`CRM_DIGEST_TIME`, `CRM_QUIET_HOURS`, `CRM_DIGEST_WEEKENDS`,
`CRM_WEEKLY_DIGEST_DAY`, `CRM_WEEKLY_DIGEST_TIME`, `CRM_STALE_DAYS`,
`CRM_DIGEST_CHANNEL`, `CRM_ALERT_THRESHOLD`), then the defaults: 09:00, 21:00–08:00, no weekend
digests, Monday 09:00, 14 days, no channel, managers told of every win and loss.

`alert_threshold` is an amount in the team's currency ("10000", "10k", "1.5m"): wins and losses
that reach it are told to the managers at once (scheduler.alerts); "off" tells none. It is read,
like the quiet days, through storage.team_settings (the one reading chat and `crmbot team` use).
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime, time
from decimal import Decimal
from typing import Any, Mapping
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from storage.team_settings import alert_threshold as threshold_of_team

_TRUE = {"1", "true", "yes", "on"}
_DAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}


def parse_time(value: Any, default: time) -> time:
    """"09:00" / "9" / a `time` → a `time`; anything unreadable gives `default`."""
    if isinstance(value, time):
        return value
    if value is None or value == "":
        return default
    try:
        text = str(value).strip()
        hour, _, minute = text.partition(":")
        return time(int(hour), int(minute or 0))
    except (TypeError, ValueError):
        return default


def parse_weekday(value: Any, default: int) -> int:
    """0–6 (Monday is 0) or a day name ("mon", "Monday") → 0–6."""
    if value is None or value == "":
        return default
    if isinstance(value, int) and 0 <= value <= 6:
        return value
    text = str(value).strip().lower()
    if text.isdigit() and 0 <= int(text) <= 6:
        return int(text)
    return _DAYS.get(text[:3], default)


def zone_of(name: str | None, fallback: str = "UTC") -> ZoneInfo:
    """The zone called `name`, else `fallback`, else UTC (a bad name never stops the scheduler)."""
    for candidate in (name, fallback, "UTC"):
        if candidate:
            try:
                return ZoneInfo(candidate)
            except (ZoneInfoNotFoundError, ValueError):
                continue
    return ZoneInfo("UTC")


@dataclass(frozen=True)
class NudgeConfig:
    """The timing rules of one team's nudges (all local times are the member's own)."""

    digest_time: time = time(9, 0)
    quiet_start: time = time(21, 0)
    quiet_end: time = time(8, 0)
    digest_weekends: bool = False
    weekly_day: int = 0
    weekly_time: time = time(9, 0)
    stale_days: int = 14
    digest_channel: str | None = None
    alert_threshold: Decimal | None = Decimal(0)  # None: no win/loss alerts

    def is_quiet(self, local: datetime) -> bool:
        """Whether the local instant falls in quiet hours (a window that may wrap midnight)."""
        now = local.time().replace(tzinfo=None)
        if self.quiet_start == self.quiet_end:
            return False
        if self.quiet_start < self.quiet_end:
            return self.quiet_start <= now < self.quiet_end
        return now >= self.quiet_start or now < self.quiet_end

    def daily_ready(self, local: datetime) -> bool:
        """Whether the day's nudges may go out at this local instant (digest hour reached, not quiet)."""
        return local.time().replace(tzinfo=None) >= self.digest_time and not self.is_quiet(local)

    def weekly_ready(self, local: datetime) -> bool:
        """Whether the weekly manager digest may go out at this local instant."""
        return (local.weekday() == self.weekly_day and local.time().replace(tzinfo=None) >= self.weekly_time
                and not self.is_quiet(local))

    def digest_allowed(self, local: datetime) -> bool:
        """Whether several nudges may be grouped into one morning digest today."""
        return self.digest_weekends or local.weekday() < 5

    @classmethod
    def build(cls, team_settings: Mapping[str, Any] | None = None, settings: Any = None,
              environ: Mapping[str, str] | None = None) -> "NudgeConfig":
        """The config of a team: its settings JSON over the environment over the defaults."""
        env = os.environ if environ is None else environ
        team = dict(team_settings or {})

        def pick(key: str, env_key: str, attr: str | None = None) -> Any:
            if team.get(key) not in (None, ""):
                return team[key]
            if attr and settings is not None and getattr(settings, attr, None) is not None:
                return getattr(settings, attr)
            return env.get(env_key)

        quiet = str(pick("quiet_hours", "CRM_QUIET_HOURS") or "21:00-08:00")
        start, _, end = quiet.replace("–", "-").partition("-")
        weekends = pick("digest_weekends", "CRM_DIGEST_WEEKENDS")
        stale = pick("stale_days", "CRM_STALE_DAYS", "stale_days")
        try:
            stale_days = max(1, int(stale)) if stale is not None else 14
        except (TypeError, ValueError):
            stale_days = 14
        return cls(
            digest_time=parse_time(pick("digest_time", "CRM_DIGEST_TIME"), time(9, 0)),
            quiet_start=parse_time(start, time(21, 0)),
            quiet_end=parse_time(end, time(8, 0)),
            digest_weekends=weekends is True or str(weekends).strip().lower() in _TRUE,
            weekly_day=parse_weekday(pick("weekly_digest_day", "CRM_WEEKLY_DIGEST_DAY"), 0),
            weekly_time=parse_time(pick("weekly_digest_time", "CRM_WEEKLY_DIGEST_TIME"), time(9, 0)),
            stale_days=stale_days,
            digest_channel=pick("digest_channel", "CRM_DIGEST_CHANNEL", "digest_channel") or None,
            alert_threshold=threshold_of_team(team, env),
        )
