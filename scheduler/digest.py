"""Digests: the weekly manager digest (a nudge of its own) and the morning grouping of a member's nudges."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from sqlmodel import Session

from handlers.reply import Choice, Reply
from scheduler.config import NudgeConfig
from scheduler.nudge import Nudge, Recipient
from scheduler.texts import day as fmt_day
from scheduler.texts import money, short, stage_name, t
from storage.activity import activity
from storage.models import Team
from storage.reports import pipeline
from storage.vocabulary import MANAGER_ROLES
MAX_DIGEST_BUTTONS = 10


def _minor(major: int | float) -> int:
    return int((Decimal(str(major)) * 100).to_integral_value())


def _weekly_text(report: dict, people: list[tuple[str, int]], lang: str, monday: date) -> str:
    sunday = monday + timedelta(days=6)
    currency = report.get("currency")
    count = sum(stage["count"] for stage in report["stages"])
    lines = [t(lang, "weekly", start=fmt_day(monday, lang), end=fmt_day(sunday, lang)),
             t(lang, "weekly_pipeline", count=count, amount=money(_minor(report["total"]), currency, lang),
               weighted=money(_minor(report["weighted_total"]), currency, lang))]
    for stage in report["stages"]:
        if stage["count"]:
            lines.append(f"• {stage_name(stage['stage'], lang)}: {stage['count']} · "
                         f"{money(_minor(stage['amount']), currency, lang)}")
    if report["undated"]["count"]:
        lines.append(t(lang, "weekly_undated", count=report["undated"]["count"]))
    lines.append("")
    last_monday = monday - timedelta(days=7)
    lines.append(t(lang, "weekly_activity", start=fmt_day(last_monday, lang),
                   end=fmt_day(last_monday + timedelta(days=6), lang)))
    if not people:
        lines.append(t(lang, "weekly_no_activity"))
    for name, n in people:
        lines.append(t(lang, "weekly_activity_row", member=name, count=n))
    return "\n".join(lines)


def channel_owner(members: dict[int, Recipient]) -> int | None:
    """The member whose ledger key carries the digest posted to the team's channel (first manager)."""
    managers = sorted(m for m, who in members.items() if who.role in MANAGER_ROLES)
    return managers[0] if managers else (min(members) if members else None)


def weekly_digest(session: Session, team: Team, day: date, group: dict[int, Recipient],
                  all_members: dict[int, Recipient], cfg: NudgeConfig) -> list[Nudge]:
    """The week's pipeline and last week's activity, to each manager in `group` (and the channel)."""
    managers = [who for who in group.values() if who.role in MANAGER_ROLES]
    owner = channel_owner(all_members)
    to_channel = bool(cfg.digest_channel) and owner in group
    if not managers and not to_channel:
        return []
    assert team.id is not None
    monday = day - timedelta(days=day.weekday())
    report = pipeline(session, team.id, monday, monday + timedelta(days=6))
    zone = next(iter(group.values())).zone
    start = datetime.combine(monday - timedelta(days=7), time(0), tzinfo=zone)
    per_member: dict[str, int] = {}
    for name, _channel, n in activity(session, team.id, start, datetime.combine(monday, time(0), tzinfo=zone)):
        per_member[name] = per_member.get(name, 0) + n
    people = sorted(per_member.items(), key=lambda item: (-item[1], item[0]))
    out = []
    for who in managers:
        out.append(Nudge(kind="digest", member_id=who.member_id, platform=who.platform, to=who.to,
                         subject="weekly", local_day=day, text=_weekly_text(report, people, who.lang, monday),
                         lang=who.lang, due=day, identity_id=who.identity_id))
    if to_channel and owner is not None:
        lang = (team.settings or {}).get("language") or "en"
        out.append(Nudge(kind="digest", member_id=owner, platform="slack", to=cfg.digest_channel,
                         subject=f"weekly:channel:{cfg.digest_channel}"[:64], local_day=day,
                         text=_weekly_text(report, people, lang, monday), lang=lang, due=day))
    return out


def morning_digest(who: Recipient, nudges: list[Nudge], local_day: date, first: int = 1) -> Reply:
    """Several of a member's nudges as one message: a line each, Done buttons for follow-ups.

    `first` numbers the lines of a later part when a long morning is split.
    """
    lang = who.lang
    lines = [t(lang, "morning", name=who.name.split()[0] if who.name else "", day=fmt_day(local_day, lang))]
    choices: list[Choice] = []
    for number, nudge in enumerate(nudges, first):
        lines.append(f"{number}. {short(nudge.line or nudge.text.splitlines()[0], 140)}")
        if nudge.kind == "followup" and nudge.choices and len(choices) < MAX_DIGEST_BUTTONS:
            choices.append(Choice(f"✅ {number}", nudge.choices[0].data))
    return Reply(text="\n".join(lines), lang=lang, choices=choices)
