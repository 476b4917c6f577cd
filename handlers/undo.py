"""Undo: take back the member's last note — everything it wrote, nothing else."""
from __future__ import annotations

from sqlalchemy import select
from sqlmodel import col

from handlers.context import Ctx
from handlers.reply import Reply
from handlers.resolve import state_of
from handlers.texts import t
from handlers.understanding.model import Parse
from storage.journal import revert
from storage.models import Customer, Note


async def handle_undo(parse: Parse, ctx: Ctx) -> Reply:
    """Undo the note named by the button (`undo:<id>`), else the member's latest one."""
    query = select(Note).where(Note.team_id == ctx.team.id, Note.member_id == ctx.member.id,
                               Note.undone_at.is_(None))  # type: ignore[union-attr]
    note_id = ctx.pressed.note_id
    if note_id:
        query = query.where(col(Note.id) == note_id)
    note = ctx.session.execute(query.order_by(Note.id.desc()).limit(1)).scalars().first()
    if note is None:
        return Reply(text=t(ctx.lang, "nothing_to_undo"), lang=ctx.lang)
    customer = ctx.session.get(Customer, note.customer_id) if note.customer_id else None
    name = customer.name if customer else "?"
    state = state_of(ctx)
    if customer is not None and state.customer_id == customer.id:
        state.customer_id = state.customer_at = state.contact_id = None
        ctx.session.add(state)
    note.customer_id = None
    ctx.session.add(note)
    ctx.session.flush()
    count = revert(ctx.session, note)
    return Reply(text=t(ctx.lang, "undone", customer=name, count=count), lang=ctx.lang, wrote=True)
