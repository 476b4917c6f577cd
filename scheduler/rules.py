"""What is due: pure functions from (store, team, instant or local day) to nudges.

Each kind is one SQL query over the team's rows, on an index, returning only
the rows due that day; nothing here loops over every contact or deal. The
rules never write and never look at the ledger: the tick does that, and
`crmbot nudges --date` prints these same nudges as a dry run.

Kinds, on a member's local day D:
- followup: open follow-ups due on D, and once more as overdue on D + 1; one given a time of
  day also at that instant (scheduler.timed).
- birthday: contacts born on D's month and day (Feb 29 falls on Feb 28 in
  other years), to the customer's owner (see `scheduler.sql.customer_owner`).
- anniversary: deals won on D's month and day in an earlier year.
- stale_deal: open deals whose last interaction (or creation) is a whole
  number of quiet periods (`stale_days`) before D: one alert when a deal goes
  quiet, another only after each further full quiet period; any interaction
  starts a new period.
- stay_in_touch: customers with `custom["touch_days"]`, when that many days
  (or a multiple) have passed since the last interaction (birthdays and these: scheduler/touch_rules.py).
- digest: the weekly manager digest (scheduler.digest), on the configured day: the pipeline, last
  week's activity, the team's overdue follow-ups and quiet deals.
- deal_alert: a win or loss reaching the team's threshold, to the managers at once (scheduler.alerts).
"""
from __future__ import annotations

from calendar import isleap
from datetime import date, datetime, timedelta
from typing import Iterable

from sqlalchemy import and_, func, or_, select
from sqlmodel import Session, col

from scheduler.alerts import WINDOW as ALERT_WINDOW
from scheduler.alerts import deal_alerts, managers_of
from scheduler.config import NudgeConfig, zone_of
from scheduler.nudge import Members, Nudge, Recipient, followup_choices, nudge_to, open_choice
from scheduler.sql import (day_bounds, day_index, day_number, greatest,
                           last_interaction_at, local_day, period_band, zone_offset)
from scheduler.texts import day as fmt_day
from scheduler.texts import clock, money, say, short, t
from scheduler.timed import due_now, on_day
from scheduler.touch_rules import birthdays, stay_in_touch, stay_in_touch_with_people
from handlers.stage_names import BOTS, StageNames
from storage.models import Customer, Deal, FollowUp, Identity, Interaction, Member, Team, stored_id
from storage.reminders import local_time
from storage.team_settings import touch_days
from storage.vocabulary import OPEN_STAGES, Lang, Stage

LANGS: tuple[Lang, ...] = tuple(Lang)
PLATFORM_RANK = {"telegram": 0, "slack": 1, "console": 2}
ANNIVERSARY_YEARS = 50


def recipients(session: Session, team: Team) -> Members:
    """The team's members who can be reached, each with the account nudges go to (one query).

    An account is preferred when reachable, then Telegram over Slack over the
    console; a member whose every account is unreachable (blocked the bot) is left out.
    """
    zone_default = team.timezone or "UTC"
    team_lang = (team.settings or {}).get("language")
    rows = session.execute(select(Member, Identity).join(Identity, col(Identity.member_id) == col(Member.id))
                           .where(col(Member.team_id) == team.id, col(Identity.team_id) == team.id,
                                  col(Identity.reachable).is_(True))
                           .order_by(col(Member.id), col(Identity.id))).all()
    best: dict[int, tuple[Member, Identity]] = {}
    for member, identity in rows:
        current = best.get(member.id)
        if current is None or PLATFORM_RANK.get(identity.platform, 9) < PLATFORM_RANK.get(current[1].platform, 9):
            best[member.id] = (member, identity)
    found: Members = {}
    for member_id, (member, identity) in best.items():
        lang = member.language if member.language in LANGS else team_lang if team_lang in LANGS else "en"
        found[member_id] = Recipient(member_id=member_id, name=member.name, role=member.role,
                                     zone=zone_of(member.timezone, zone_default), lang=lang,
                                     platform=identity.platform, to=identity.chat_id or identity.external_id,
                                     identity_id=identity.id)
    return found


def followups(session: Session, team_id: int, day: date, members: Members) -> list[Nudge]:
    """Open follow-ups due on `day`, and those due the day before (overdue, said once)."""
    last_text = (select(col(Interaction.text))
                 .where(col(Interaction.team_id) == team_id, col(Interaction.customer_id) == col(FollowUp.customer_id))
                 .order_by(col(Interaction.at).desc(), col(Interaction.id).desc()).limit(1).scalar_subquery())
    last_at = (select(func.max(col(Interaction.at)))
               .where(col(Interaction.team_id) == team_id, col(Interaction.customer_id) == col(FollowUp.customer_id))
               .scalar_subquery())
    rows = session.execute(
        select(col(FollowUp.id), col(FollowUp.due), col(FollowUp.what), col(FollowUp.member_id), col(Customer.id),
               col(Customer.name), last_at.label("last_at"), last_text.label("last_text"), col(FollowUp.remind_at))
        .join(Customer, col(Customer.id) == col(FollowUp.customer_id))
        .where(col(FollowUp.team_id) == team_id, col(FollowUp.done_at).is_(None),
               col(FollowUp.due).in_([day, day - timedelta(days=1)]),
               col(FollowUp.member_id).in_(list(members)))
        .order_by(col(FollowUp.due), col(FollowUp.id))).all()
    out = []
    for fid, due, what, member_id, customer_id, customer, at, text, remind_at in rows:
        who = members[member_id]
        lang = who.lang
        overdue = due < day
        hour = clock(local_time(remind_at, who.zone), lang) if remind_at is not None else None
        head = (t(lang, "followup_overdue", due=fmt_day(due, lang), customer=customer, what=short(what)) if overdue
                else t(lang, "followup_timed", time=hour, customer=customer, what=short(what)) if hour
                else t(lang, "followup", customer=customer, what=short(what)))
        tail = (t(lang, "followup_last", when=fmt_day(local_day(at, who.zone), lang), text=short(text, 120))
                if at is not None else t(lang, "followup_never"))
        line = t(lang, "line_followup", mark="⚠️" if overdue else "⏰", customer=customer, what=short(what))
        line += f" · {hour}" if hour and not overdue else ""
        out.append(nudge_to("followup", who, f"followup:{fid}", day, f"{head}\n{tail}", customer=customer,
                          customer_id=customer_id, due=due, overdue=overdue, line=line,
                          choices=followup_choices(fid, customer_id, lang)))
    return out


def _anniversary_days(day: date) -> Iterable[date]:
    """The earlier days whose anniversary falls on `day` (Feb 29 ones on Feb 28 of common years)."""
    for years in range(1, ANNIVERSARY_YEARS + 1):
        year = day.year - years
        try:
            yield date(year, day.month, day.day)
        except ValueError:
            pass  # Feb 29 has no day in a common year; those deals are reminded on Feb 28
        if day.month == 2 and day.day == 28 and not isleap(day.year) and isleap(year):
            yield date(year, 2, 29)


def anniversaries(session: Session, team_id: int, day: date, zone_members: Members) -> list[Nudge]:
    """Deals won on this local day of an earlier year, to the deal's owner (one query)."""
    if not zone_members:
        return []
    zone = next(iter(zone_members.values())).zone
    ranges = [and_(col(Deal.closed_at) >= start, col(Deal.closed_at) < end)
              for start, end in (day_bounds(d, zone) for d in _anniversary_days(day))]
    recipient = func.coalesce(col(Deal.owner_id), col(Customer.owner_id), col(Customer.created_by)).label("to")
    rows = session.execute(
        select(col(Deal.id), col(Deal.title), col(Deal.amount_minor), col(Deal.currency), col(Deal.closed_at),
               col(Customer.id), col(Customer.name), recipient)
        .join(Customer, col(Customer.id) == col(Deal.customer_id))
        .where(col(Deal.team_id) == team_id, col(Deal.stage) == Stage.WON, or_(*ranges)).order_by(col(Deal.id))).all()
    out = []
    for deal_id, title, amount, currency, closed_at, customer_id, customer, member_id in rows:
        who = zone_members.get(member_id)
        if who is None:
            continue
        years = day.year - local_day(closed_at, zone).year
        money_text = f" ({money(amount, currency, who.lang)})" if amount is not None else ""
        text = t(who.lang, "anniversary", years=years, customer=customer, deal=short(title or "—", 80),
                 amount=money_text)
        line = t(who.lang, "line_anniversary", customer=customer, years=years, deal=short(title or "—", 40))
        out.append(nudge_to("anniversary", who, f"deal:{deal_id}", day, text, customer=customer,
                          customer_id=customer_id, due=day, line=line, choices=open_choice(customer_id, who.lang)))
    return out


def stale_deals(session: Session, team_id: int, day: date, zone_members: Members,
                stale_days: int, stages: StageNames = BOTS) -> list[Nudge]:
    """Open deals quiet for a whole number of `stale_days` periods as of `day` (one query); each
    stage as the team calls it (`stages`)."""
    if not zone_members:
        return []
    zone = next(iter(zone_members.values())).zone
    last = greatest(func.coalesce(last_interaction_at(col(Deal.customer_id), col(Deal.team_id)), col(Deal.created_at)),
                    col(Deal.created_at))
    band = period_band(day_number(last, zone_offset(zone, day)), day_index(day), stale_days)
    recipient = func.coalesce(col(Deal.owner_id), col(Customer.owner_id), col(Customer.created_by)).label("to")
    rows = session.execute(
        select(col(Deal.id), col(Deal.stage), col(Deal.amount_minor), col(Deal.currency), col(Customer.id),
               col(Customer.name), recipient, last.label("last_at"))
        .join(Customer, col(Customer.id) == col(Deal.customer_id))
        .where(col(Deal.team_id) == team_id, col(Deal.stage).in_(OPEN_STAGES), band)
        .order_by(col(Deal.id))).all()
    out = []
    for deal_id, stage, amount, currency, customer_id, customer, member_id, last_at in rows:
        who = zone_members.get(member_id)
        if who is None:
            continue
        quiet = (day - local_day(last_at, zone)).days
        if quiet < stale_days or quiet % stale_days:
            continue
        money_text = say(who.lang, "amount_after", amount=money(amount, currency, who.lang)) \
            if amount is not None else ""
        text = t(who.lang, "stale_deal", customer=customer, stage=stages(stage, who.lang),
                 amount=money_text, days=quiet)
        out.append(nudge_to("stale_deal", who, f"deal:{deal_id}", day, text, customer=customer,
                          customer_id=customer_id, due=day,
                          line=t(who.lang, "line_stale", customer=customer, days=quiet),
                          choices=open_choice(customer_id, who.lang), extra={"quiet_days": quiet}))
    return out


def daily(session: Session, team: Team, day: date, members: Members, cfg: NudgeConfig) -> list[Nudge]:
    """Every daily kind for members who share one zone and one local day."""
    team_id = team.id
    assert team_id is not None
    return (followups(session, team_id, day, members) + birthdays(session, team_id, day, members)
            + anniversaries(session, team_id, day, members)
            + stale_deals(session, team_id, day, members, cfg.stale_days, StageNames.of(team.settings))
            + stay_in_touch(session, team_id, day, members, touch_days(team.settings))
            + stay_in_touch_with_people(session, team_id, day, members))


def _groups(members: Members, local_of: "dict[int, datetime] | None" = None,
            day: date | None = None) -> dict[tuple[date, str], Members]:
    groups: dict[tuple[date, str], Members] = {}
    for member_id, who in members.items():
        on = day if day is not None else (local_of or {})[member_id].date()
        groups.setdefault((on, who.zone.key), {})[member_id] = who
    return groups


def nudges_for_day(session: Session, team: Team, day: date, cfg: NudgeConfig | None = None,
                   members: Members | None = None) -> list[Nudge]:
    """Everything due on local day `day` for every reachable member, whatever the hour (the dry run)."""
    from scheduler.digest import weekly_digest

    cfg = cfg or NudgeConfig.build(team.settings)
    members = recipients(session, team) if members is None else members
    out: list[Nudge] = []
    for (on, _zone), group in _groups(members, day=day).items():
        out += daily(session, team, on, group, cfg) + on_day(session, stored_id(team), on, group)
        start, end = day_bounds(on, next(iter(group.values())).zone)
        out += deal_alerts(session, team, start, end - timedelta(microseconds=1), managers_of(group),
                           cfg.alert_threshold)
        if on.weekday() == cfg.weekly_day:
            out += weekly_digest(session, team, on, group, members, cfg)
    return out


def due_nudges(session: Session, team: Team, now: datetime, cfg: NudgeConfig | None = None,
               members: Members | None = None) -> list[Nudge]:
    """What may go out at instant `now`: each member's local day, once their hour has come.

    The day's nudges are due from the digest hour (09:00) on, outside quiet
    hours; a row added later that day is due at the next tick. The weekly
    digest is due from its hour on its day. A follow-up with a time of day is
    due at that instant too, whatever the hour (scheduler.timed). The ledger
    decides what was sent.
    """
    from scheduler.digest import weekly_digest

    cfg = cfg or NudgeConfig.build(team.settings)
    members = recipients(session, team) if members is None else members
    local_of = {member_id: now.astimezone(who.zone) for member_id, who in members.items()}
    out: list[Nudge] = due_now(session, stored_id(team), now, members)  # at their hour, any hour
    for (on, _zone), group in _groups(members, local_of).items():
        local = local_of[next(iter(group))]
        if not cfg.is_quiet(local):  # a big win or loss: told at once, outside quiet hours
            out += deal_alerts(session, team, now - ALERT_WINDOW, now, managers_of(group), cfg.alert_threshold)
        if cfg.daily_ready(local):
            out += daily(session, team, on, group, cfg)
        if cfg.weekly_ready(local):
            out += weekly_digest(session, team, on, group, members, cfg)
    return out
