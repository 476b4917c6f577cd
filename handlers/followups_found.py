"""The open follow-ups a message points at by its customer or its day, for deleting, closing or
moving them ("delete the follow-up for Globex", "globex follow-up done", "snooze globex to next
week", "delete the follow-up for Friday").

The rule: the team's open follow-ups of that customer (any, when none is named), due that day (any,
when none is said); of those, the ones the member may change, their own first. A day said by its
weekday that has none may mean the one just past ("the follow-up for Friday" on Saturday: yesterday's,
now overdue). Words said beside the name ("snooze golden lotus demo to friday": "demo") keep those whose words
they share most; words that name no customer ("演示改到下周一") find the member's follow-up they name, of the
customer in the chat's focus first. What to do with them is handlers/followups.py's.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlmodel import col

from handlers.chat_state import state_of
from handlers.context import Ctx
from handlers.understanding.followup_words import step_score
from storage.customers import customers_named
from storage.models import Customer, FollowUp
from storage.permissions import Action, check

Row = tuple[FollowUp, str]      # a follow-up and its customer's name


@dataclass
class Found:
    """What a name and a day point at: the customers named (None: no name said), the follow-ups the
    member may change (their own first), the day they are due, and one they may not change (when
    there is no other) so the reply can say whose it is."""

    customers: list[Customer] | None
    rows: list[Row] = field(default_factory=list)
    due: date | None = None
    blocked: FollowUp | None = None

    @property
    def customer_name(self) -> str:
        return self.customers[0].name if self.customers else "?"


def found(name: str | None, due: date | None, weekday_past: date | None, ctx: Ctx) -> Found | None:
    """The follow-ups `name` and `due` point at; None when the team has no customer of that name."""
    team_id = ctx.team.id
    assert team_id is not None
    customers = customers_named(ctx.session, team_id, name) if name else None
    if name and not customers:
        return None
    ids = [c.id for c in customers if c.id is not None] if customers else None
    rows = open_rows(ctx, ids, due)
    if not rows and due is not None and weekday_past is not None and weekday_past < ctx.today:
        earlier = open_rows(ctx, ids, weekday_past)
        if earlier:
            rows, due = earlier, weekday_past
    allowed = [(f, n) for f, n in rows
               if check(ctx.actor, Action.CHANGE_FOLLOWUP, team_id=f.team_id, owner_id=f.member_id)]
    mine = [(f, n) for f, n in allowed if f.member_id == ctx.member.id] or allowed
    return Found(customers=customers, rows=mine, due=due, blocked=rows[0][0] if rows and not mine else None)


def open_rows(ctx: Ctx, customer_ids: list[int] | None, due: date | None) -> list[Row]:
    """The team's open follow-ups of those customers (any, when None), due on `due` (any day, when None)."""
    query = (select(FollowUp, col(Customer.name)).join(Customer, col(Customer.id) == col(FollowUp.customer_id))
             .where(col(FollowUp.team_id) == ctx.team.id, col(FollowUp.done_at).is_(None)))
    if customer_ids is not None:
        query = query.where(col(FollowUp.customer_id).in_(customer_ids))
    if due is not None:
        query = query.where(col(FollowUp.due) == due)
    return [(f, n) for f, n in ctx.session.execute(query.order_by(col(FollowUp.due), col(FollowUp.id))).all()]


def narrowed(rows: list[Row], words: str) -> list[Row]:
    """Of `rows`, those whose words share the most with `words` ("demo", "发方案"); all of them when none does."""
    scores = [step_score(words, follow.what or "") for follow, _ in rows]
    best = max(scores, default=0)
    return [row for row, score in zip(rows, scores) if score == best] if best > 0 else rows


def by_step(ctx: Ctx, words: str) -> Found | None:
    """The open follow-ups the member may change whose words `words` name ("演示", "the demo"), those of the
    customer in the chat's focus first; None when no follow-up's words share any."""
    rows = [(f, n) for f, n in open_rows(ctx, None, None)
            if check(ctx.actor, Action.CHANGE_FOLLOWUP, team_id=f.team_id, owner_id=f.member_id)]
    rows = [row for row in rows if row[0].member_id == ctx.member.id] or rows
    if not any(step_score(words, follow.what or "") for follow, _ in rows):
        return None
    rows = narrowed(rows, words)
    focus = state_of(ctx).customer_id
    rows = [row for row in rows if row[0].customer_id == focus] or rows
    customers = [c for c in (ctx.session.get(Customer, i) for i in dict.fromkeys(f.customer_id for f, _ in rows))
                 if c is not None]
    return Found(customers=customers, rows=rows)
