"""A follow-up's timed reminder: a local day and time of day in the member's zone, kept as the
instant it falls on (UTC), so the scheduler compares it with "now" and nothing else."""
from __future__ import annotations

from datetime import date, datetime, time, timezone
from zoneinfo import ZoneInfo


def remind_instant(day: date, at: time, zone: ZoneInfo) -> datetime:
    """The instant of `at` on local `day` in `zone` (a time skipped by a clock change moves on
    with it, as the zone's rules say)."""
    return datetime.combine(day, at, tzinfo=zone).astimezone(timezone.utc)


def local_time(remind_at: datetime, zone: ZoneInfo) -> time:
    """The local time of day a reminder was asked for."""
    return remind_at.astimezone(zone).time().replace(tzinfo=None)


def moved(remind_at: datetime | None, day: date, zone: ZoneInfo) -> datetime | None:
    """The same local time of day on another day (a snoozed or corrected follow-up); None stays None."""
    return None if remind_at is None else remind_instant(day, local_time(remind_at, zone), zone)
