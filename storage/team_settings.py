"""A team's settings, read the same way by nudges, reports and chat, and changed by an admin (in
chat or with `crmbot team set`). They live in `Team.settings` (JSON), `Team.currency` and `Team.timezone`:

    quiet_days      an open deal untouched this many days is quiet (nudges, "quiet deals", report quiet);
                    JSON key `stale_days`, else CRM_STALE_DAYS, else 14
    digest_hour     the local hour of the morning digest (JSON `digest_time`, "08:00")
    touch_days      the stay-in-touch cadence of a customer that has none of its own (unset: none)
    currency        the team's currency (ISO 4217), the reports' default
    timezone        the team's time zone (IANA, `Team.timezone`): the days and weeks of its reports, and the
                    zone of a member who has none of their own. A team made by adding its first member takes
                    that member's zone, else CRM_TIMEZONE
    probability     a stage's win probability in percent (JSON `stage_probabilities`), the forecast's weights
    alert_threshold the amount (team's currency) a won or lost deal must reach for the managers to be told at
                    once ("10000", "10k", "1.5m", "5万", "100 тыс"; 0: every one, "off": none); JSON key
                    `alert_threshold`, else CRM_ALERT_THRESHOLD, else 0
    stage_name      what the team calls a stage in one language (JSON `stage_names`: {stage: {lang: name}}),
                    shown in its replies, reports and reminders and read in its notes; the stored
                    stage stays one of the six canonical values (lead … lost)
    stages          the open stages the team uses, in the order it works them (JSON `stages`: a list of
                    lead, qualified, proposal, negotiation); a stage left out is switched off: not listed
                    in reports, and a note that names it counts it as the nearest stage the team uses
                    before it (`stage_in_use`). Unset: the four, in the bot's order.
    stage_off/on    switch one open stage off or back on (the same JSON `stages`)

Values are checked before anything is written: a bad value is refused whole with the reason.
"""
from __future__ import annotations

import os
import re
from functools import lru_cache
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError
from enum import StrEnum
from typing import Any, Callable, Mapping


from storage.models import Team
from storage.team_stages import team_stages
from storage.vocabulary import OPEN_STAGES, Lang, Stage

DEFAULT_QUIET_DAYS = 14
CONTACT_TOUCH = "contact_touch"   # Customer.custom key: {contact id: days} of the customer's people
MAX_DAYS = 366
MAX_STAGE_NAME = 40
_CURRENCY = re.compile(r"^[A-Za-z]{3}$")


@lru_cache(maxsize=1)
def _iso_currencies() -> frozenset[str]:
    """The ISO 4217 codes in use (Babel's CLDR data): "XYZ" or "QQQ" is no currency."""
    from babel.numbers import list_currencies

    return frozenset(list_currencies())


class Setting(StrEnum):
    """What an admin may set."""

    QUIET_DAYS = "quiet_days"
    DIGEST_HOUR = "digest_hour"
    TOUCH_DAYS = "touch_days"
    CURRENCY = "currency"
    TIMEZONE = "timezone"
    PROBABILITY = "probability"
    ALERT_THRESHOLD = "alert_threshold"
    STAGE_NAME = "stage_name"
    STAGES = "stages"
    STAGE_OFF = "stage_off"
    STAGE_ON = "stage_on"


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
    lang: str | None = None
    timezone: str | None = None       # the team's zone after the change


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


_SCALE = {"": 1, "k": 1_000, "m": 1_000_000, "千": 1_000, "万": 10_000, "тыс": 1_000, "млн": 1_000_000}
_OFF = {"off", "none", "never", "关", "关闭", "不提醒", "нет", "никогда"}
_OFF_RU = ("выкл", "откл")  # выкл, выключи, отключить, ...
_AMOUNT = re.compile(r"(\d+(?:\.\d+)?)\s*(k|m|千|万|тыс|млн)?\.?")


def threshold_of(value: Any) -> Decimal | None:
    """An alert threshold as written ("25000", "10k", "1.5m", "5万", "100 тыс", 25000) in major units;
    None for "off"; a ValueError for anything else."""
    text = str(value).strip().casefold().replace("_", "").replace(" ", "").replace("\u00a0", "")
    text = re.sub(r",(?=\d{3}(?!\d))", "", text).replace(",", ".")  # 10,000 groups thousands; 1,5 is 1.5
    if text in _OFF or text.startswith(_OFF_RU):
        return None
    match = _AMOUNT.fullmatch(text)
    if not match:
        raise ValueError(f"not an amount: {value!r}")
    try:
        return Decimal(match.group(1)) * _SCALE[match.group(2) or ""]
    except InvalidOperation:
        raise ValueError(f"not an amount: {value!r}") from None


def alert_threshold(team_settings: Mapping[str, Any] | None,
                    environ: Mapping[str, str] | None = None) -> Decimal | None:
    """The amount a won or lost deal must reach for the managers to be told (major units of the team's
    currency): the team's, else CRM_ALERT_THRESHOLD, else 0 (every one); None when alerts are off. A
    value nobody can read counts as 0: a typo never silences the alerts."""
    env = os.environ if environ is None else environ
    for value in ((team_settings or {}).get("alert_threshold"), env.get("CRM_ALERT_THRESHOLD")):
        if value in (None, ""):
            continue
        try:
            return threshold_of(value)
        except ValueError:
            return Decimal(0)
    return Decimal(0)
def _stage_list(setting: Setting, value: str) -> tuple[Stage, ...]:
    """Open stage keys written "lead, proposal, negotiation" (or "lead proposal negotiation"): each once."""
    words = [w for w in re.split(r"[\s,;>/→]+", str(value).strip().casefold()) if w and w not in ("-", "then")]
    if not words:
        raise SettingError(setting, "stages_none")
    for word in words:
        if word not in OPEN_STAGES:
            raise SettingError(setting, "stage")
    if len(set(words)) != len(words):
        raise SettingError(setting, "stages_twice")
    return tuple(Stage(w) for w in words)


def _stages(current: dict[str, Any], setting: Setting, value: str) -> str:
    """Set the team's open stages (their order, and which are off); the list as shown."""
    used = team_stages(current)
    if setting == Setting.STAGES:
        wanted = _stage_list(setting, value)
    else:
        stage = str(value).strip().casefold()
        if stage not in OPEN_STAGES:
            raise SettingError(setting, "stage")
        if setting == Setting.STAGE_OFF:
            wanted = tuple(s for s in used if s != stage)
            if not wanted:
                raise SettingError(setting, "stages_none")
        elif stage in used:
            wanted = used
        else:                                  # back in its place in the bot's order, among the others
            wanted = tuple(s for s in OPEN_STAGES if s in used or s == stage)
            if used != tuple(s for s in OPEN_STAGES if s in used):        # the team reordered: after its neighbour
                before = [s for s in OPEN_STAGES[:OPEN_STAGES.index(Stage(stage))] if s in used]
                at = used.index(before[-1]) + 1 if before else 0
                wanted = used[:at] + (Stage(stage),) + used[at:]
    if wanted == OPEN_STAGES:
        current.pop("stages", None)
    else:
        current["stages"] = [str(s) for s in wanted]
    return ", ".join(wanted)


def _stage_name(current: dict[str, Any], value: str, stage: str | None, lang: str | None) -> str:
    """Set (or, with an empty value, drop) the team's name of `stage` in `lang`; the name as shown."""
    if stage not in tuple(Stage):
        raise SettingError(Setting.STAGE_NAME, "any_stage")
    if lang not in tuple(Lang):
        raise SettingError(Setting.STAGE_NAME, "lang")
    name = " ".join(str(value).split()).strip("'\"“”‘’«»「」『』")
    if len(name) > MAX_STAGE_NAME or any(not ch.isprintable() for ch in name):
        raise SettingError(Setting.STAGE_NAME, "name")
    names = {key: dict(per_lang) for key, per_lang in dict(current.get("stage_names") or {}).items()}
    per_lang = names.setdefault(str(stage), {})
    if name:
        per_lang[str(lang)] = name
    else:
        per_lang.pop(str(lang), None)
    current["stage_names"] = {key: langs for key, langs in names.items() if langs}
    if not current["stage_names"]:
        del current["stage_names"]
    return name


def _days(setting: Setting, value: str) -> int:
    try:
        days = int(str(value).strip())
    except ValueError:
        raise SettingError(setting, "days") from None
    if not 1 <= days <= MAX_DAYS:
        raise SettingError(setting, "days")
    return days


def change(team: Team, setting: Setting, value: str, stage: str | None = None, lang: str | None = None) -> Change:
    """The team's settings with `setting` set to `value` (not written: the caller journals it).
    A stage's name is for one language (`lang`); an empty name gives the stage back the bot's own."""
    current = dict(team.settings or {})
    currency, zone = team.currency, team.timezone
    if setting in _STORED_AS:
        key, read = _STORED_AS[setting]
        current[key], shown = read(setting, value)
    elif setting == Setting.CURRENCY:
        currency = shown = _currency(setting, value)
    elif setting == Setting.TIMEZONE:
        zone = shown = _zone(setting, value)
    elif setting == Setting.STAGE_NAME:
        shown = _stage_name(current, value, stage, lang)
    elif setting in (Setting.STAGES, Setting.STAGE_OFF, Setting.STAGE_ON):
        shown = _stages(current, setting, value)
    else:
        shown = _probability(current, setting, value, stage)
    return Change(setting, shown, current, currency, stage, lang, zone)


def _day_count(setting: Setting, value: str) -> tuple[int, str]:
    days = _days(setting, value)
    return days, str(days)


def _digest_time(setting: Setting, value: str) -> tuple[str, str]:
    """"8", "08:30", "17:15" as "HH:MM"."""
    match = re.fullmatch(r"\s*(\d{1,2})(?::(\d{2}))?\s*", str(value))
    if not match or int(match.group(1)) > 23 or int(match.group(2) or 0) > 59:
        raise SettingError(setting, "hour")
    shown = f"{int(match.group(1)):02d}:{int(match.group(2) or 0):02d}"
    return shown, shown


def _alert_threshold(setting: Setting, value: str) -> tuple[str, str]:
    """An amount, or "off"."""
    try:
        amount = threshold_of(value)
    except ValueError:
        raise SettingError(setting, "amount") from None
    shown = "off" if amount is None else f"{amount.normalize():f}"
    return shown, shown


# a setting kept as one key of the team's settings: the key, and how a value is read (as kept, as shown)
_STORED_AS: dict[Setting, tuple[str, Callable[[Setting, str], tuple[Any, str]]]] = {
    Setting.QUIET_DAYS: ("stale_days", _day_count),
    Setting.TOUCH_DAYS: ("touch_days", _day_count),
    Setting.DIGEST_HOUR: ("digest_time", _digest_time),
    Setting.ALERT_THRESHOLD: ("alert_threshold", _alert_threshold),
}


def _currency(setting: Setting, value: str) -> str:
    """An ISO 4217 code, in capitals."""
    if not _CURRENCY.match(str(value).strip()) or str(value).strip().upper() not in _iso_currencies():
        raise SettingError(setting, "currency")
    return str(value).strip().upper()


def _zone(setting: Setting, value: str) -> str:
    """An IANA time zone name ("Australia/Sydney"), as the zone database spells it."""
    name = str(value).strip()
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise SettingError(setting, "zone") from None
    return name


def _probability(current: dict[str, Any], setting: Setting, value: str, stage: str | None) -> str:
    """An open stage's win probability, a whole percent."""
    if stage not in OPEN_STAGES:
        raise SettingError(setting, "stage")
    try:
        percent = int(str(value).strip().rstrip("%"))
    except ValueError:
        raise SettingError(setting, "percent") from None
    if not 0 <= percent <= 100:
        raise SettingError(setting, "percent")
    current["stage_probabilities"] = {**dict(current.get("stage_probabilities") or {}), stage: percent}
    return f"{percent}%"
