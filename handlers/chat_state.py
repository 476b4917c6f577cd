"""A member's chat state: the conversation's focus (the last note's customer and contact), the
question pending an answer and the note it keeps. One row per member, written through the note's
journal while a note is being written, so undoing the note puts the focus back."""
from __future__ import annotations

from typing import Any

from sqlalchemy import inspect

from handlers.context import Ctx
from storage.journal import write_through
from storage.models import ChatState


def state_of(ctx: Ctx) -> ChatState:
    """The member's chat state row (created on first use)."""
    if ctx.state is None:
        state = ctx.session.get(ChatState, ctx.member.id)
        if state is None:
            state = ChatState(member_id=ctx.member_id, team_id=ctx.team_id)
            ctx.session.add(state)
        ctx.state = state
    return ctx.state


def save_state(ctx: Ctx, **values: Any) -> None:
    """Set `values` on the member's chat state. A stored row is updated at once by one statement
    and the object holds the values as stored (nothing left for the ORM to flush). While a note
    is being written the change is journalled with it, so undoing the note puts the focus back."""
    state = state_of(ctx)
    if ctx.journal is not None and ctx.journal.note_id is not None:
        if inspect(state).persistent:
            ctx.journal.change(state, **values)
        else:
            for key, value in values.items():
                setattr(state, key, value)
            ctx.journal.add(state)
        return
    if not inspect(state).persistent:  # made by this message: inserted with it
        for key, value in values.items():
            setattr(state, key, value)
        ctx.session.add(state)
        return
    changed = {key: value for key, value in values.items() if getattr(state, key) != value}
    if changed:
        write_through(ctx.session, state, changed)
