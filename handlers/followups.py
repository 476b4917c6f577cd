"""What is due for me, and marking one done."""
from __future__ import annotations

from datetime import date, time, timedelta
from typing import Callable, Sequence

from handlers.understanding.promised import clip
from handlers.context import Ctx, journal_of
from handlers.followups_found import by_step, found, narrowed
from handlers.refusals import member_name, refusal
from handlers.reply import Choice, Reply
from handlers.chat_state import save_state, state_of
from handlers.texts import clock, day, day_range, t
from handlers.understanding.model import Parse
from storage.customers import open_followups
from storage.models import Customer, FollowUp
from storage.permissions import Action, check
from storage.reminders import local_time, moved, remind_instant


UPCOMING_DAYS = 14   # "my follow-ups" with no period: what is due, then the next ones within two weeks
UPCOMING = 5


async def handle_followups(parse: Parse, ctx: Ctx) -> Reply:
    """The member's open follow-ups: overdue and due up to the period's end (default today). With no
    period asked, the next few coming up follow (numbered on, so "done 3" works on them too): a rep
    with nothing due today is never told there is nothing to do when the week holds follow-ups."""
    start, end = parse.period if parse.period else (None, ctx.today)
    if start is not None and start <= ctx.today:
        start = None  # what is overdue is still due
    rows = open_followups(ctx.session, ctx.team_id, ctx.member_id, end, start)
    upcoming = [] if parse.period else open_followups(
        ctx.session, ctx.team_id, ctx.member_id, ctx.today + timedelta(days=UPCOMING_DAYS),
        ctx.today + timedelta(days=1))[:UPCOMING]
    state = state_of(ctx)
    state.listed = [f.id for f, _ in (*rows, *upcoming) if f.id is not None]
    ctx.session.add(state)
    title = (t(ctx.lang, "due_period", period=day_range(start, end, ctx.lang)) if start
             else t(ctx.lang, "due_title", day=day(end, ctx.lang)))
    if not rows and not upcoming:
        return Reply(text=f"{title}\n{t(ctx.lang, 'due_none')}", lang=ctx.lang)
    lines, choices = _listed(ctx, rows, ("done", "drop")) if rows else ([t(ctx.lang, "due_none_now")], [])
    if upcoming:
        later, more = _listed(ctx, upcoming, ("done", "drop"), first=len(rows) + 1)
        lines += [t(ctx.lang, "due_next"), *later]
        choices += more
    return Reply(text="\n".join([title, *lines, t(ctx.lang, "drop.hint")]), lang=ctx.lang, choices=choices)


_BUTTON = {"done": "✅", "drop": "🗑", "snooze": "⏰"}


def _listed(ctx: Ctx, rows: Sequence[tuple[FollowUp, str]], actions: Sequence[str],
            data: Callable[[FollowUp], str] | None = None, first: int = 1) -> tuple[list[str], list[Choice]]:
    """Numbered rows of follow-ups (day, overdue mark, customer, what), numbered from `first`, and,
    up to number ten, a button per action (done, drop, snooze) carrying the follow-up's id (or what
    `data` makes of it)."""
    lines, choices = [], []
    for i, (follow, customer) in enumerate(rows, first):
        late = f" ⚠️ {t(ctx.lang, 'due_overdue')}" if follow.due < ctx.today else ""
        lines.append(t(ctx.lang, "due_row", i=i, day=due_text(follow, ctx), late=late, customer=customer,
                       what=clip(follow.what, 100)))
        if i <= 10:
            choices += [Choice(label=f"{_BUTTON[action]} {i}", data=data(follow) if data else f"{action}:{follow.id}")
                        for action in actions]
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
    """Move a follow-up later: a reminder's Snooze button (by a day or a week), a named move's button
    (to its day), or by its customer's name ("snooze globex to next week", "отложи Вектор на
    неделю", "星辰科技推迟到下周"); undoable."""
    if ctx.pressed.followup_id is None and (parse.customer or parse.moved_from):
        return _named("snooze", parse, ctx, parse.moved_from)
    follow = ctx.session.get(FollowUp, ctx.pressed.followup_id) if ctx.pressed.followup_id else None
    refused = _unchangeable(ctx, follow)
    if refused is not None or follow is None:
        return refused or Reply(text=t(ctx.lang, "done_which"), lang=ctx.lang)
    if ctx.pressed.due is not None:
        return _snooze(ctx, follow, ctx.pressed.due, named=True)
    days = max(1, min(ctx.pressed.days or 1, 90))
    return _snooze(ctx, follow, max(follow.due, ctx.today) + timedelta(days=days), named=False)


def _snooze(ctx: Ctx, follow: FollowUp, due: date, named: bool, at: time | None = None) -> Reply:
    """Move `follow` to `due` (a timed reminder keeps its hour; `at`, a time said, makes it a reminder
    sent then) under a note of its own; the reply says which (a named move: before → after) and
    offers Undo. A move to the day (and time) it already has says so and writes nothing."""
    remind_at = remind_instant(due, at, ctx.zone) if at is not None else moved(follow.remind_at, due, ctx.zone)
    same = same_day(ctx, follow, due) if at is None or (
        follow.remind_at is not None and local_time(follow.remind_at, ctx.zone) == at) else None
    if same is not None:
        return Reply(text=same, lang=ctx.lang)
    before = due_text(follow, ctx)
    note_id = _note(ctx, follow.customer_id)
    journal_of(ctx).change(follow, due=due, remind_at=remind_at)
    customer = ctx.session.get(Customer, follow.customer_id)
    name, what, token = customer.name if customer else "?", clip(follow.what, 100), f"undo:{note_id}"
    text = (t(ctx.lang, "moved", customer=name, what=what, before=before, after=due_text(follow, ctx)) if named
            else t(ctx.lang, "snoozed", customer=name, what=what, day=due_text(follow, ctx)))
    return Reply(text=text, lang=ctx.lang, wrote=True, undo_token=token,
                 choices=[Choice(label=t(ctx.lang, "undo_button"), data=token)])


def _planned(ctx: Ctx, parse: Parse, customer: Customer) -> Reply:
    """A call or meeting said as moved where the customer has no open follow-up: one is made for it, on
    the day (and at the time) said, under a note of its own; the reply says so and offers Undo."""
    assert parse.followup_on is not None and customer.id is not None
    note_id = _note(ctx, customer.id)
    at, due, what = parse.followup_at, parse.followup_on, clip(parse.followup_what or "", 100)
    journal_of(ctx).insert(FollowUp, team_id=ctx.team.id, customer_id=customer.id, member_id=ctx.member.id,
                           note_id=note_id, due=due, what=what, done_at=None, created_at=ctx.now,
                           remind_at=remind_instant(due, at, ctx.zone) if at else None)
    after = f"{day(due, ctx.lang)}, {clock(at, ctx.lang)}" if at else day(due, ctx.lang)
    token = f"undo:{note_id}"
    return Reply(text=t(ctx.lang, "named.planned", customer=customer.name, what=what, after=after),
                 lang=ctx.lang, wrote=True, undo_token=token,
                 choices=[Choice(label=t(ctx.lang, "undo_button"), data=token)])


def same_day(ctx: Ctx, follow: FollowUp, due: date) -> str | None:
    """What a move of `follow` to `due` is told when `due` is the day it already has (None: it is not)."""
    if due != follow.due:
        return None
    customer = ctx.session.get(Customer, follow.customer_id)
    return t(ctx.lang, "followup_same_day", customer=customer.name if customer else "?", what=clip(follow.what, 100),
             day=due_text(follow, ctx))


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
        return _named("drop", parse, ctx, parse.drop_on, past)
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
    what = clip(follow.what, 100)
    journal_of(ctx).delete(follow)  # the list keeps its numbers: "done 3" still means the third
    token = f"undo:{note_id}"
    return Reply(text=t(ctx.lang, "drop.done", customer=customer.name if customer else "?", what=what),
                 lang=ctx.lang, wrote=True, undo_token=token,
                 choices=[Choice(label=t(ctx.lang, "undo_button"), data=token)])


def _named(kind: str, parse: Parse, ctx: Ctx, due: date | None = None, weekday_past: date | None = None) -> Reply:
    """A follow-up deleted, closed or moved by its customer's name (or its day): the one open
    follow-up there the member may change is acted on, with Undo; several are listed with a button
    each (and "done 2", "delete follow-up 2" mean them); none, or an unknown customer, is said, and
    nothing is written."""
    hit = found(parse.customer, due, weekday_past, ctx)
    words = " ".join(w for w in (parse.step_said, parse.followup_what) if w) if kind == "snooze" else ""
    if words and hit is None:               # "演示改到下周一", "the demo got pushed to monday": no customer called so
        hit = by_step(ctx, words)
    elif words and hit is not None and len(hit.rows) > 1:
        hit.rows = narrowed(hit.rows, words)   # "snooze golden lotus demo to friday": the demo, not the call
    prefix = "drop" if kind == "drop" else "named"
    if hit is None:
        return Reply(text=t(ctx.lang, f"{prefix}.unknown", name=(parse.customer or "")[:80]), lang=ctx.lang)
    if not hit.rows:
        if hit.blocked is not None:
            return _unchangeable(ctx, hit.blocked) or Reply(text=t(ctx.lang, f"{prefix}.which"), lang=ctx.lang)
        if hit.due is not None:
            where = t(ctx.lang, "drop.for_customer", customer=hit.customer_name) if hit.customers else ""
            return Reply(text=t(ctx.lang, "drop.none_day", day=day(hit.due, ctx.lang), where=where), lang=ctx.lang)
        if kind == "snooze" and parse.followup_what and parse.followup_on and hit.customers:
            return _planned(ctx, parse, hit.customers[0])   # "call with initech moved to 3pm", none open: planned
        return Reply(text=t(ctx.lang, f"{prefix}.none", customer=hit.customer_name), lang=ctx.lang)
    if kind == "snooze" and parse.followup_on is not None:      # one already due that day is not the one meant
        hit.rows = [row for row in hit.rows if row[0].due != parse.followup_on] or hit.rows
    if len(hit.rows) == 1:
        follow = hit.rows[0][0]
        if kind == "drop":
            return _drop(ctx, follow)
        if kind == "done":
            return _done(ctx, follow)
        return _snooze(ctx, follow, _snoozed_to(parse, ctx, follow), named=True, at=parse.followup_at)
    state = state_of(ctx)
    state.listed = [f.id for f, _ in hit.rows if f.id is not None]
    ctx.session.add(state)
    n, customer = len(hit.rows), hit.rows[0][1]
    if kind == "drop":
        title = (t(ctx.lang, "drop.several_day", day=day(hit.due, ctx.lang), n=n) if hit.due is not None
                 and not hit.customers else t(ctx.lang, "drop.several", customer=customer, n=n))
        lines, choices = _listed(ctx, hit.rows, ("drop",))
    elif kind == "done":
        title = t(ctx.lang, "named.several_done", customer=customer, n=n)
        lines, choices = _listed(ctx, hit.rows, ("done",))
    else:
        targets = {_snoozed_to(parse, ctx, f) for f, _ in hit.rows}
        title = t(ctx.lang, "named.several_move", customer=customer, n=n,   # "to next week": each a week on
                  when=day(targets.pop(), ctx.lang) if len(targets) == 1
                  else t(ctx.lang, "named.later", days=parse.snooze_days or 7))
        lines, choices = _listed(ctx, hit.rows, ("snooze",), lambda f: _move_data(parse, ctx, f))
        save_state(ctx, pending={"kind": MOVE_PICK, "moves": [choice.data for choice in choices]})
    return Reply(text="\n".join([title, *lines]), lang=ctx.lang, choices=choices)


MOVE_PICK = "move_pick"     # the pending question "which one moves?": a typed number answers it like its ⏰ button


def _snoozed_to(parse: Parse, ctx: Ctx, follow: FollowUp) -> date:
    """The day a named move puts `follow` on: the day said, or later by the span said; a week said
    without its day ("to next week", both set) is a week on from its day when it is due then already."""
    if parse.followup_on is not None and parse.snooze_days and parse.followup_on <= follow.due:
        return follow.due + timedelta(days=parse.snooze_days)
    if parse.followup_on is not None:
        return parse.followup_on
    return max(follow.due, ctx.today) + timedelta(days=max(1, min(parse.snooze_days or 1, 90)))


def _move_data(parse: Parse, ctx: Ctx, follow: FollowUp) -> str:
    """The button that moves `follow` as the message asked."""
    return f"move:{follow.id}:{_snoozed_to(parse, ctx, follow):%Y%m%d}"


async def handle_done(parse: Parse, ctx: Ctx) -> Reply:
    """Mark a follow-up done: by button (`done:<id>`), by its number in the last list, or by its
    customer's name ("globex follow-up done", "с Вектором готово", "星辰科技的跟进完成了")."""
    if ctx.pressed.followup_id is None and parse.done_ref is None and parse.customer:
        return _named("done", parse, ctx)
    follow = _pointed(parse, ctx)
    refused = _unchangeable(ctx, follow)
    if refused is not None or follow is None:
        return refused or Reply(text=t(ctx.lang, "done_which"), lang=ctx.lang)
    return _done(ctx, follow)


def _done(ctx: Ctx, follow: FollowUp) -> Reply:
    """Close `follow` under a note of its own; the reply says which and offers Undo."""
    note_id = _note(ctx, follow.customer_id)
    journal_of(ctx).change(follow, done_at=ctx.now)
    customer = ctx.session.get(Customer, follow.customer_id)
    token = f"undo:{note_id}"
    return Reply(text=t(ctx.lang, "done", customer=customer.name if customer else "?", what=clip(follow.what, 100)),
                 lang=ctx.lang, wrote=True, undo_token=token,
                 choices=[Choice(label=t(ctx.lang, "undo_button"), data=token)])
