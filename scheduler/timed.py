"""Timed reminders: a follow-up given a time of day ("remind me to call Maria tomorrow at 3pm",
"завтра в 15:00", "明天下午3点") is sent at that instant, besides the morning's list.

The store owns them (`followup.remind_at`, the instant the local time falls on); a tick finds
those whose instant has come and is at most `LATE` old, so a process that was down at 15:00
still sends the 15:00 reminder when it is back at 15:40, and not a day later. Each goes alone,
never folded into a digest, and at the hour asked even in quiet hours: the rep chose it. The
ledger's subject holds the local time, so a reminder moved to another hour is sent again.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlmodel import Session, col

from scheduler.nudge import Nudge, Recipient, followup_choices
from scheduler.sql import day_bounds
from scheduler.texts import clock, short, t
from storage.models import Customer, FollowUp

LATE = timedelta(hours=2)


def timed_followups(session: Session, team_id: int, since: datetime, until: datetime,
                    members: dict[int, Recipient]) -> list[Nudge]:
    """Open follow-ups of reachable `members` whose reminder instant is in [since, until] (one query)."""
    if not members:
        return []
    rows = session.execute(
        select(col(FollowUp.id), col(FollowUp.due), col(FollowUp.what), col(FollowUp.member_id),
               col(FollowUp.remind_at), col(Customer.id), col(Customer.name))
        .join(Customer, col(Customer.id) == col(FollowUp.customer_id))
        .where(col(FollowUp.team_id) == team_id, col(FollowUp.done_at).is_(None),
               col(FollowUp.remind_at) >= since, col(FollowUp.remind_at) <= until,
               col(FollowUp.member_id).in_(list(members)))
        .order_by(col(FollowUp.remind_at), col(FollowUp.id))).all()
    out = []
    for follow_id, due, what, member_id, remind_at, customer_id, customer in rows:
        who = members[member_id]
        local = remind_at.astimezone(who.zone)
        at = clock(local.time().replace(tzinfo=None), who.lang)
        out.append(Nudge(kind="followup", member_id=member_id, platform=who.platform, to=who.to,
                         subject=f"followup:{follow_id}@{local:%H%M}", local_day=local.date(),
                         text=t(who.lang, "followup_at", time=at, customer=customer, what=short(what)),
                         lang=who.lang, customer=customer, customer_id=customer_id, due=due,
                         choices=followup_choices(follow_id, customer_id, who.lang), identity_id=who.identity_id,
                         line=f"⏰ {at} {customer}: {short(what)}", extra={"timed": True}))
    return out


def due_now(session: Session, team_id: int, now: datetime, members: dict[int, Recipient]) -> list[Nudge]:
    """The timed reminders a tick at `now` sends (the ledger says which went already)."""
    return timed_followups(session, team_id, now - LATE, now, members)


def on_day(session: Session, team_id: int, day: date, members: dict[int, Recipient]) -> list[Nudge]:
    """The timed reminders of local `day` (members sharing one zone), whatever the hour: the dry run."""
    if not members:
        return []
    start, end = day_bounds(day, next(iter(members.values())).zone)
    return timed_followups(session, team_id, start, end - timedelta(microseconds=1), members)
