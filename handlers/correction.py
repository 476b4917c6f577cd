"""What every correction shares: the lines it replies with, a refusal or a question that stops
it before its first write, the note it writes under (opened by its first write), and the rows the
corrected note wrote. A member changes only their own follow-ups and deals; a manager, the team's."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeVar

from sqlalchemy import select
from sqlmodel import SQLModel, col

from handlers.context import Ctx, journal_of
from handlers.reply import Reply
from handlers.texts import t
from storage.models import AuditLog, Contact, Customer, Deal, FollowUp, Inquiry, Interaction, Note
from storage.vocabulary import MANAGER_ROLES


Row = TypeVar("Row", bound=SQLModel)
MOVABLE = (Interaction, FollowUp, Contact, Deal, Inquiry)  # rows a note files under its customer


@dataclass
class Fixed:
    """What a correction changed, as reply lines, and the customer it is about."""

    customer: Customer | None = None
    lines: list[str] = field(default_factory=list)


def may(ctx: Ctx, owner_id: int | None) -> bool:
    """A rep changes only their own follow-ups and deals; a manager or an admin, the team's."""
    return ctx.member.role in MANAGER_ROLES or owner_id in (None, ctx.member.id)


def open_note(ctx: Ctx, customer_id: int | None) -> int:
    return journal_of(ctx).open_note(ctx.platform, ctx.message_id, ctx.text, ctx.now, customer_id)


def refused(ctx: Ctx, key: str, **values: object) -> Fixed:
    raise Refusal(t(ctx.lang, key, **values))


class Refusal(Exception):
    """A correction that cannot be made, with the reply that says why."""


class Asked(Exception):
    """A correction that needs an answer first: the question, with the message kept."""

    def __init__(self, reply: Reply):
        super().__init__("asked")
        self.reply = reply


def touched(ctx: Ctx, note: Note) -> list[AuditLog]:
    return list(ctx.session.execute(select(AuditLog).where(col(AuditLog.note_id) == note.id)
                                    .order_by(col(AuditLog.id))).scalars())


def row_written(ctx: Ctx, entries: list[AuditLog], model: type[Row]) -> Row | None:
    """The row of `model` the note created or changed last, if it is still there."""
    table = model.__tablename__
    for entry in reversed(entries):
        if entry.table_name == table and entry.action in ("create", "update") and entry.row_id is not None:
            row = ctx.session.get(model, entry.row_id)
            if row is not None:
                return row
    return None


def open_once(ctx: Ctx, note: Note) -> None:
    """The correction's own note, opened by its first write."""
    if journal_of(ctx).note_id is None:
        open_note(ctx, note.customer_id)
