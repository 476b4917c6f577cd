"""What is due for me, and marking one done."""
from __future__ import annotations

from datetime import date, timedelta
from typing import Sequence

from sqlalchemy import select
from sqlmodel import col

from handlers.context import Ctx, journal_of
from handlers.refusals import member_name, refusal
from handlers.reply import Choice, Reply
from handlers.chat_state import state_of
from handlers.texts import clock, day, day_range, t
from handlers.understanding.model import Parse
from storage.customers import customers_named, open_followups
from storage.models import Customer, FollowUp
from storage.permissions import Action, check
from storage.reminders import local_time, moved


async def handle_followups(parse: Parse, ctx: Ctx) -> Reply:
    """The member's open follow-ups: overdue and due up to the period's end (default today)."""
    start, end = parse.period if parse.period else (None, ctx.today)
    if start is not None and start <= ctx.today:
        start = None  # what is overdue is still due
    rows = open_followups(ctx.session, ctx.team_id, ctx.member_id, end, start)
    state = state_of(ctx)
    state.listed = [f.id for f, _ in rows if f.id is not None]
    ctx.session.add(state)
    title = (t(ctx.lang, "due_period", period=day_range(start, end, ctx.lang)) if start
             else t(ctx.lang, "due_title", day=day(end, ctx.lang)))
    if not rows:
        return Reply(text=f"{title}\n{t(ctx.lang, 'due_none')}", lang=ctx.lang)
    lines, choices = _listed(ctx, rows, ("done", "drop"))
    return Reply(text="\n".join([title, *lines, t(ctx.lang, "drop.hint")]), lang=ctx.lang, choices=choices)


_BUTTON = {"done": "✅", "drop": "🗑"}


def _listed(ctx: Ctx, rows: Sequence[tuple[FollowUp, str]], actions: Sequence[str]) -> tuple[list[str], list[Choice]]:
    """Numbered rows of follow-ups (day, overdue mark, customer, what) and, for the first ten, a
    button per action (done, drop) carrying the follow-up's id."""
    lines, choices = [], []
    for i, (follow, customer) in enumerate(rows, 1):
        late = f" ⚠️ {t(ctx.lang, 'due_overdue')}" if follow.due < ctx.today else ""
        lines.append(t(ctx.lang, "due_row", i=i, day=due_text(follow, ctx), late=late, customer=customer,
                       what=follow.what[:100]))
        if i <= 10:
            choices += [Choice(label=f"{_BUTTON[action]} {i}", data=f"{action}:{follow.id}") for action in actions]
    return lines, choices


def _unchangeable(ctx: Ctx, follow: FollowUp | None) -> Reply | None:
    """Why the member may not close or move `follow` (None: they may). Another team's follow-up is
    as unknown as a missing one; a colleague's is theirs and their manager's to change."""
    if follow is None or follow.team_id != ctx.team.id or follow.done_at is not None:
        return Reply(text=t(ctx.lang, "done_which"), lang=ctx.lang)
    decision = check(ctx.actor, Action.CHANGE_FOLLOWUP, team_id=follow.team_id, owner_id=follow.member_id)
    if not decision:
        return Reply(text=refusal(ctx.lang, "followup_not_yours", owner=member_name(ctx, follow.member_id)),
                     lang=ctx.lang)
    return None


async def handle_snooze(parse: Parse, ctx: Ctx) -> Reply:
    """Move a follow-up later by a day or a week (a reminder's Snooze button); undoable."""
    follow = ctx.session.get(FollowUp, ctx.pressed.followup_id) if ctx.pressed.followup_id else None
    days = max(1, min(ctx.pressed.days or 1, 90))
    refused = _unchangeable(ctx, follow)
    if refused is not None or follow is None:
        return refused or Reply(text=t(ctx.lang, "done_which"), lang=ctx.lang)
    note_id = _note(ctx, follow.customer_id)
    due = max(follow.due, ctx.today) + timedelta(days=days)
    journal_of(ctx).change(follow, due=due, remind_at=moved(follow.remind_at, due, ctx.zone))  # the same hour
    customer = ctx.session.get(Customer, follow.customer_id)
    token = f"undo:{note_id}"
    return Reply(text=t(ctx.lang, "snoozed", customer=customer.name if customer else "?",
                        what=follow.what[:100], day=due_text(follow, ctx)),
                 lang=ctx.lang, wrote=True, undo_token=token,
                 choices=[Choice(label=t(ctx.lang, "undo_button"), data=token)])


def due_text(follow: FollowUp, ctx: Ctx) -> str:
    """A follow-up's day, and its time when it has a timed reminder: "Thu, Nov 26, 3:00 PM"."""
    if follow.remind_at is None:
        return day(follow.due, ctx.lang)
    return f"{day(follow.due, ctx.lang)}, {clock(local_time(follow.remind_at, ctx.zone), ctx.lang)}"


def _note(ctx: Ctx, customer_id: int) -> int:
    """The note a button press writes under, so it can be undone like any message; its id."""
    return journal_of(ctx).open_note(ctx.platform, ctx.message_id, ctx.text, ctx.now, customer_id)


def _pointed(parse: Parse, ctx: Ctx) -> FollowUp | None:
    """The follow-up a button (`done:<id>`, `drop:<id>`) or a number in the last list points at."""
    wanted = ctx.pressed.followup_id
    if wanted is None:
        listed = state_of(ctx).listed or []
        if parse.done_ref is not None and 1 <= parse.done_ref <= len(listed):
            wanted = listed[parse.done_ref - 1]
        elif parse.done_ref is None and len(listed) == 1:
            wanted = listed[0]
    return ctx.session.get(FollowUp, wanted) if wanted is not None else None


async def handle_drop(parse: Parse, ctx: Ctx) -> Reply:
    """Delete a wrong follow-up ("delete follow-up 2", its 🗑 button, "delete the follow-up for Globex",
    "delete the follow-up for Friday", "… for Globex on Friday"): gone from lists and reminders; the
    reply's Undo brings it back as it was."""
    if ctx.pressed.followup_id is None and (parse.customer or parse.drop_on):
        past = parse.drop_on - timedelta(days=7) if parse.drop_on and parse.drop_weekday else None
        return _drop_found(parse.customer, parse.drop_on, past, ctx)
    follow = _pointed(parse, ctx)
    if follow is None or follow.team_id != ctx.team.id or follow.done_at is not None:
        return Reply(text=t(ctx.lang, "drop.which"), lang=ctx.lang)
    refused = _unchangeable(ctx, follow)
    if refused is not None:
        return refused
    return _drop(ctx, follow)


def _drop(ctx: Ctx, follow: FollowUp) -> Reply:
    """Delete `follow` under a note of its own; the reply says which and offers Undo."""
    note_id = _note(ctx, follow.customer_id)
    customer = ctx.session.get(Customer, follow.customer_id)
    what = follow.what[:100]
    journal_of(ctx).delete(follow)  # the list keeps its numbers: "done 3" still means the third
    token = f"undo:{note_id}"
    return Reply(text=t(ctx.lang, "drop.done", customer=customer.name if customer else "?", what=what),
                 lang=ctx.lang, wrote=True, undo_token=token,
                 choices=[Choice(label=t(ctx.lang, "undo_button"), data=token)])


def _open_rows(ctx: Ctx, customer_ids: list[int] | None, due: date | None) -> list[tuple[FollowUp, str]]:
    """The team's open follow-ups of those customers (any, when None), due on `due` (any day, when None)."""
    query = (select(FollowUp, col(Customer.name)).join(Customer, col(Customer.id) == col(FollowUp.customer_id))
             .where(col(FollowUp.team_id) == ctx.team.id, col(FollowUp.done_at).is_(None)))
    if customer_ids is not None:
        query = query.where(col(FollowUp.customer_id).in_(customer_ids))
    if due is not None:
        query = query.where(col(FollowUp.due) == due)
    return [(f, n) for f, n in ctx.session.execute(query.order_by(col(FollowUp.due), col(FollowUp.id))).all()]


def _drop_found(name: str | None, due: date | None, weekday_past: date | None, ctx: Ctx) -> Reply:
    """"Delete the follow-up for Globex" / "… for Friday" / "… for Globex on Friday": the one open
    follow-up there the member may change is deleted (their own first); several are listed with a
    🗑 button each (and "delete follow-up N" means them). A day said by its weekday that has none may
    mean the one just past ("the follow-up for Friday" on Saturday: yesterday's, now overdue)."""
    team_id = ctx.team.id
    assert team_id is not None
    customers = customers_named(ctx.session, team_id, name) if name else None
    if name and not customers:
        return Reply(text=t(ctx.lang, "drop.unknown", name=name[:80]), lang=ctx.lang)
    ids = [c.id for c in customers if c.id is not None] if customers else None
    rows = _open_rows(ctx, ids, due)
    if not rows and due is not None and weekday_past is not None and weekday_past < ctx.today:
        earlier = _open_rows(ctx, ids, weekday_past)
        if earlier:
            rows, due = earlier, weekday_past
    allowed = [(f, n) for f, n in rows
               if check(ctx.actor, Action.CHANGE_FOLLOWUP, team_id=f.team_id, owner_id=f.member_id)]
    mine = [(f, n) for f, n in allowed if f.member_id == ctx.member.id] or allowed
    if not mine:
        if rows:
            return _unchangeable(ctx, rows[0][0]) or Reply(text=t(ctx.lang, "drop.which"), lang=ctx.lang)
        if due is not None:
            where = t(ctx.lang, "drop.for_customer", customer=customers[0].name) if customers else ""
            return Reply(text=t(ctx.lang, "drop.none_day", day=day(due, ctx.lang), where=where), lang=ctx.lang)
        return Reply(text=t(ctx.lang, "drop.none", customer=customers[0].name if customers else "?"), lang=ctx.lang)
    if len(mine) == 1:
        return _drop(ctx, mine[0][0])
    state = state_of(ctx)
    state.listed = [f.id for f, _ in mine if f.id is not None]
    ctx.session.add(state)
    title = (t(ctx.lang, "drop.several_day", day=day(due, ctx.lang), n=len(mine)) if due is not None and not customers
             else t(ctx.lang, "drop.several", customer=mine[0][1], n=len(mine)))
    lines, choices = _listed(ctx, mine, ("drop",))
    return Reply(text="\n".join([title, *lines]), lang=ctx.lang, choices=choices)


async def handle_done(parse: Parse, ctx: Ctx) -> Reply:
    """Mark a follow-up done: by button (`done:<id>`) or by its number in the last list."""
    follow = _pointed(parse, ctx)
    refused = _unchangeable(ctx, follow)
    if refused is not None or follow is None:
        return refused or Reply(text=t(ctx.lang, "done_which"), lang=ctx.lang)
    note_id = _note(ctx, follow.customer_id)
    journal_of(ctx).change(follow, done_at=ctx.now)
    customer = ctx.session.get(Customer, follow.customer_id)
    token = f"undo:{note_id}"
    return Reply(text=t(ctx.lang, "done", customer=customer.name if customer else "?", what=follow.what[:100]),
                 lang=ctx.lang, wrote=True, undo_token=token,
                 choices=[Choice(label=t(ctx.lang, "undo_button"), data=token)])
