"""Digests: the weekly manager digest (a nudge of its own) and the morning grouping of a member's nudges.

The weekly digest tells a manager the week's pipeline, last week's activity per member, and what
needs the team's attention: its overdue follow-ups (how many, whose, the oldest few) and its quiet
deals (open, untouched for the team's quiet days; the largest few)."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

from sqlmodel import Session

from handlers.reply import Choice, Reply
from scheduler.config import NudgeConfig
from scheduler.nudge import Nudge, Recipient
from scheduler.texts import day as fmt_day
from handlers.stage_names import BOTS, StageNames
from scheduler.texts import money, short, t
from handlers.money_text import parts
from handlers.money_text import short as figures
from handlers.report_views.common import per_currency_lines, rate_lines
from storage.models import Team
from storage.reports import Overdue, Pipeline, QuietDeals, activity_report, overdue_followups, pipeline, quiet_deals
from storage.vocabulary import MANAGER_ROLES

MAX_DIGEST_BUTTONS = 10
ATTENTION_ROWS = 5  # the oldest overdue follow-ups and the largest quiet deals named in the digest


def _attention_lines(overdue: Overdue, quiet: QuietDeals, lang: str, stages: StageNames = BOTS) -> list[str]:
    """The team's overdue follow-ups and quiet deals: counts, whose, and the first few of each."""
    if not overdue.count and not quiet.deals:
        return [t(lang, "weekly_all_in_hand")]
    lines = []
    if overdue.count:
        people = ", ".join(f"{m.name} {m.count}" for m in overdue.per_member)
        lines.append(t(lang, "weekly_overdue", count=overdue.count, people=people))
        lines += [t(lang, "weekly_overdue_row", customer=f.customer, what=short(f.what, 60), member=f.member,
                    days=f.days_late) for f in overdue.followups[:ATTENTION_ROWS]]
    if quiet.deals:
        lines.append(t(lang, "weekly_quiet", days=quiet.days, count=quiet.sums.total.count
                       + sum(part.count for part in quiet.sums.apart)))
        for deal in quiet.deals[:ATTENTION_ROWS]:
            amount = f", {money(deal.amount.minor, deal.amount.currency, lang)}" if deal.amount else ""
            lines.append(t(lang, "weekly_quiet_row", customer=deal.customer, stage=stages(deal.stage, lang),
                           amount=amount, member=deal.owner or "—", days=deal.days_quiet))
    return lines


def _weekly_text(report: Pipeline, people: list[tuple[str, int]], lang: str, monday: date,
                 attention: tuple[Overdue, QuietDeals] | None = None, stages: StageNames = BOTS) -> str:
    sunday = monday + timedelta(days=6)
    lines = [t(lang, "weekly", start=fmt_day(monday, lang), end=fmt_day(sunday, lang))]
    lines += _pipeline_lines(report, lang, stages)
    lines.append("")
    last_monday = monday - timedelta(days=7)
    lines.append(t(lang, "weekly_activity", start=fmt_day(last_monday, lang),
                   end=fmt_day(last_monday + timedelta(days=6), lang)))
    if not people:
        lines.append(t(lang, "weekly_no_activity"))
    for name, n in people:
        lines.append(t(lang, "weekly_activity_row", member=name, count=n))
    if attention is not None:
        lines.append("")
        lines += _attention_lines(*attention, lang, stages)
    return "\n".join(lines)


def _pipeline_lines(report: Pipeline, lang: str, stages: StageNames = BOTS) -> list[str]:
    """The week's pipeline: one figure in one currency (converted at the team's rates or not),
    else each currency on its own line with its own count; never an amount that hides a currency."""
    total = report.total
    shown = parts(total)
    if len(shown) == 1:
        only = shown[0]
        lines = [t(lang, "weekly_pipeline", count=only.count, amount=money(only.minor, only.currency, lang),
                   weighted=money(only.weighted_minor, only.currency, lang))]
    else:
        lines = [t(lang, "weekly_pipeline_mixed")] + per_currency_lines(total, lang)[1:]
    for line in report.stages:
        if line.sums.count:
            figure = (f"{line.sums.count} · {figures(line.sums, lang)}" if len(parts(line.sums)) == 1
                      else figures(line.sums, lang))
            lines.append(t(lang, "weekly_stage", stage=stages(line.stage, lang), figure=figure))
    if report.undated.count:
        lines.append(t(lang, "weekly_undated", count=report.undated.count))
    return lines + rate_lines(total, lang)


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
    last_week = activity_report(session, team.id, monday - timedelta(days=7), monday - timedelta(days=1), day,
                                zone=zone)
    people = sorted(((m.name, m.did.interactions) for m in last_week.members if m.did.interactions),
                    key=lambda item: (-item[1], item[0]))
    start_of_day = datetime.combine(day, time.min, zone).astimezone(timezone.utc)
    attention = (overdue_followups(session, team.id, day, limit=ATTENTION_ROWS),
                 quiet_deals(session, team.id, start_of_day, cfg.stale_days, limit=ATTENTION_ROWS))
    stages = StageNames.of(team.settings)
    out = []
    for who in managers:
        out.append(Nudge(kind="digest", member_id=who.member_id, platform=who.platform, to=who.to,
                         subject="weekly", local_day=day,
                         text=_weekly_text(report, people, who.lang, monday, attention, stages),
                         lang=who.lang, due=day, identity_id=who.identity_id))
    if to_channel and owner is not None:
        lang = (team.settings or {}).get("language") or "en"
        out.append(Nudge(kind="digest", member_id=owner, platform="slack", to=cfg.digest_channel,
                         subject=f"weekly:channel:{cfg.digest_channel}"[:64], local_day=day,
                         text=_weekly_text(report, people, lang, monday, attention, stages), lang=lang, due=day))
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
