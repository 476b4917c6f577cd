"""Undo: take back the member's last note — everything it wrote, exactly, nothing else — or, when
a row it wrote was changed, used or erased since, nothing, and say which and by whom.

"Cancel", "отмена", "取消" (words that also dismiss a list or a question) typed when the last note is
older than `CONFIRM_AFTER` do not take it back at once: the bot names the note and its day and asks,
with an Undo button and a Keep button, so a word meant to dismiss a list never silently takes back
a change made hours or days before. "undo", "撤销", "откати" typed act at once on a note of the same
local day, and ask the same way about a note from an earlier day (a rename or a setting days old
reaches the whole team's reports); an Undo button always acts at once."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sqlmodel import col

from handlers.chat_state import save_state, state_of
from handlers.context import Ctx
from handlers import refusals
from handlers.reply import Choice, Reply
from handlers.texts import day, t
from handlers.understanding.model import Parse
from storage.models import Customer, Note
from storage.permissions import Action, check
from storage.revert import revert
from storage.revert_checks import Blocker, Reason


CONFIRM_AFTER = timedelta(minutes=10)
KEEP = "keep"           # the "Keep it" button: `undo:keep`
CONFIRM = "undo_confirm"  # the pending question "undo that older note?": a typed yes / undo / no answers it


async def handle_undo(parse: Parse, ctx: Ctx) -> Reply:
    """Undo the note named by the button (`undo:<id>`), else the member's latest one (asked first
    when it is older than `CONFIRM_AFTER`)."""
    if (state_of(ctx).pending or {}).get("kind") == CONFIRM:
        save_state(ctx, pending=None)           # answered (a button or typed): the question is over
    if ctx.pressed.keep_note:
        return Reply(text=t(ctx.lang, "undo_kept_note"), lang=ctx.lang)
    query = select(Note).where(col(Note.team_id) == ctx.team.id, col(Note.member_id) == ctx.member.id)
    note_id = ctx.pressed.note_id
    if note_id:
        query = query.where(col(Note.id) == note_id)
    else:
        query = query.where(col(Note.undone_at).is_(None))
    note = ctx.session.execute(query.order_by(col(Note.id).desc()).limit(1)).scalars().first()
    if note is None:
        return _not_yours(ctx, note_id) or Reply(text=t(ctx.lang, "nothing_to_undo"), lang=ctx.lang)
    customer = ctx.session.get(Customer, note.customer_id) if note.customer_id else None
    name = customer.name if customer else _quoted(note.text)
    plain = "" if customer else "_plain"      # a change about no customer (a team setting): its words
    if note.undone_at is not None:
        return Reply(text=t(ctx.lang, "already_undone" + plain, customer=name), lang=ctx.lang)
    written = note.at if note.at.tzinfo else note.at.replace(tzinfo=ctx.now.tzinfo)
    written_on = written.astimezone(ctx.zone).date()
    earlier_day = written_on < ctx.now.astimezone(ctx.zone).date()
    if not note_id and ctx.now - written > CONFIRM_AFTER and (parse.undo_by_cancel or earlier_day):
        when = day(written_on, ctx.lang)
        save_state(ctx, pending={"kind": CONFIRM, "note_id": note.id})
        return Reply(text=t(ctx.lang, "undo_confirm" + plain, customer=name, day=when, text=_quoted(note.text)),
                     lang=ctx.lang, choices=[Choice(t(ctx.lang, "undo_confirm_yes"), f"undo:{note.id}"),
                                             Choice(t(ctx.lang, "undo_confirm_keep"), f"undo:{KEEP}")])
    outcome = revert(ctx.session, note, ctx.now)
    if outcome.blocker is not None:
        return Reply(text=refusal(ctx, name, outcome.blocker, plain), lang=ctx.lang)
    return Reply(text=t(ctx.lang, "undone" + plain, customer=name, count=outcome.writes), lang=ctx.lang, wrote=True)


def _quoted(text: str | None, width: int = 60) -> str:
    words = " ".join((text or "").split())
    return "“" + (words if len(words) <= width else words[:width - 1].rstrip() + "…") + "”"


def refusal(ctx: Ctx, customer: str, blocker: Blocker, plain: str = "") -> str:
    """Why the note stays: which row changed, was erased, is used or taken since, and by whose note
    (`plain`: the note is about no customer and is quoted instead)."""
    thing = t(ctx.lang, f"undo_thing.{blocker.table}", name=blocker.label or customer, id=blocker.row_id) \
        if blocker.table != "note" else customer
    parts = [t(ctx.lang, f"undo_{blocker.reason}{plain}", customer=customer, thing=thing)]
    if blocker.by_member_id is not None:
        mine = blocker.by_member_id == ctx.member.id
        who = t(ctx.lang, "undo_by_you") if mine else blocker.by_member or "?"
        said = " ".join((blocker.by_text or "").split())
        said = said if len(said) <= 80 else said[:79] + "…"
        parts.append(t(ctx.lang, "undo_by", who=who, text=said))
        if mine and blocker.reason is not Reason.ERASED:
            parts.append(t(ctx.lang, "undo_that_first"))
    parts.append(t(ctx.lang, "undo_kept"))
    return ("" if ctx.lang == "zh" else " ").join(parts)


def _not_yours(ctx: Ctx, note_id: int | None) -> Reply | None:
    """A colleague's Undo button (pressed in a group chat, or forged): the note is theirs to take back."""
    other = ctx.session.get(Note, note_id) if note_id else None
    if other is None or other.team_id != ctx.team.id or other.undone_at is not None:
        return None
    if check(ctx.actor, Action.UNDO_NOTE, team_id=other.team_id, owner_id=other.member_id):
        return None
    return Reply(text=refusals.refusal(ctx.lang, "note_not_yours", owner=refusals.member_name(ctx, other.member_id)),
                 lang=ctx.lang)
