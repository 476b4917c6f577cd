"""A note that moves the follow-up it replaces ("globex: maria out sick, call next tuesday instead of today",
"Вектор: перезвоню во вторник вместо пятницы", "星辰科技：改到下周二跟进，不是今天了"): the customer's open
follow-up due on the day said as replaced moves to the new day, under the note (one undo), instead of a
second follow-up beside it. The day said is read in understanding (`Parse.moved_from`); a weekday said of
this week's day ("вместо пятницы" on a Friday) means the follow-up due this week.

A step said as moved ("sending the proposal moves to monday", "КП перенёс на понедельник", "发方案改到下周一", a
pasted "the deadline has moved to 5 Feb": `Parse.moves`) moves the customer's open follow-up its words name
(`step_score`), or its only one, in the same way."""
from __future__ import annotations

from datetime import date, time, timedelta

from sqlalchemy import select
from sqlmodel import col

from handlers.understanding.promised import clip
from handlers.context import Ctx, journal_of
from handlers.correction import may
from handlers.followups import due_text, same_day
from handlers.understanding.followup_words import step_score
from storage.models import FollowUp
from storage.reminders import moved, remind_instant


def move_instead(ctx: Ctx, customer_id: int, replaced: date, due: date,
                 at: time | None = None) -> tuple[str, dict] | None:
    """Move the customer's open follow-up due `replaced` (or a week before it) to `due`; its reply line,
    or None when there is none the member may change."""
    days = (replaced, replaced - timedelta(days=7))
    rows = ctx.session.execute(
        select(FollowUp).where(col(FollowUp.team_id) == ctx.team.id, col(FollowUp.customer_id) == customer_id,
                               col(FollowUp.done_at).is_(None), col(FollowUp.due).in_(days))
        .order_by(col(FollowUp.due).desc(), col(FollowUp.id))).scalars().all()
    follow = next((row for row in rows if may(ctx, row.member_id)), None)
    if follow is None:
        return None
    return _moved(ctx, follow, due, at)


def move_said(ctx: Ctx, customer_id: int, said: str, due: date, at: time | None = None) -> tuple[str, dict] | None:
    """Move the customer's open follow-up that the step said names (the most words shared, the member's own
    first), or its only open one, to `due`; its reply line, or None when none is meant (a new one is made)."""
    rows = [row for row in ctx.session.execute(
        select(FollowUp).where(col(FollowUp.team_id) == ctx.team.id, col(FollowUp.customer_id) == customer_id,
                               col(FollowUp.done_at).is_(None))
        .order_by(col(FollowUp.member_id) != ctx.member.id, col(FollowUp.due), col(FollowUp.id))).scalars()
        if may(ctx, row.member_id)]
    scores = [step_score(said, row.what or "") for row in rows]
    best = max(scores, default=0)
    if best > 0 and scores.count(best) == 1:
        follow = rows[scores.index(best)]
    elif len(rows) == 1:
        follow = rows[0]
    else:
        return None
    if at is None and same_day(ctx, follow, due) is not None:
        return "followup_already", {"what": follow.what[:100], "day": due_text(follow, ctx)}
    return _moved(ctx, follow, due, at)


def _moved(ctx: Ctx, follow: FollowUp, due: date, at: time | None) -> tuple[str, dict]:
    """`follow` moved to `due` (at `at`, or keeping its reminder's hour) under the note; its reply line."""
    before = due_text(follow, ctx)
    remind_at = remind_instant(due, at, ctx.zone) if at is not None else moved(follow.remind_at, due, ctx.zone)
    journal_of(ctx).change(follow, due=due, remind_at=remind_at)
    return "followup_moved_line", {"what": clip(follow.what, 100), "before": before, "after": due_text(follow, ctx)}
