"""The same note sent twice (a double tap, a resend after a bad connection) is recorded once.

A typed note whose words are those of a note the same member recorded within `REPEAT_WINDOW` (and
did not undo) is answered "already recorded", with what the first one recorded, and writes
nothing. Another note, the same words after the window, or the same words from a colleague are
recorded as usual. Words are compared with spacing and case ignored.
"""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sqlmodel import col

from handlers.understanding.promised import clip
from handlers.context import Ctx, Pressed
from handlers.reply import Reply
from handlers.stage_names import StageNames
from handlers.texts import clock, day, money, t
from storage.models import AuditLog, Contact, Customer, Deal, FollowUp, Interaction, Note, stored_id
from storage.reminders import local_time
from storage.vocabulary import Channel
from storage.reports.common import aware

REPEAT_WINDOW = timedelta(minutes=2)   # a resend, not a second visit: documented in docs/editing.md
_ORDER = {"interaction": 0, "customer": 1, "contact": 2, "deal": 3, "followup": 4}  # as the note's reply listed
_LOOKED_AT = 5                         # the member's latest notes compared


def _words(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def repeated(ctx: Ctx) -> Reply | None:
    """The "already recorded" reply when this typed note repeats a recent one; None otherwise."""
    said = _words(ctx.text)
    if not said or ctx.pressed != Pressed():
        return None
    notes = ctx.session.execute(
        select(Note).where(col(Note.team_id) == ctx.team.id, col(Note.member_id) == ctx.member.id,
                           col(Note.undone_at).is_(None), col(Note.at) >= ctx.now - REPEAT_WINDOW)
        .order_by(col(Note.id).desc()).limit(_LOOKED_AT)).scalars()
    first = next((note for note in notes if _words(note.text) == said), None)
    if first is None:
        return None
    customer = ctx.session.get(Customer, first.customer_id) if first.customer_id else None
    at = clock(local_time(aware(first.at), ctx.zone), ctx.lang)
    text = [t(ctx.lang, "repeat.recorded", customer=customer.name if customer else "?", time=at),
            *("• " + line for line in _summary(ctx, stored_id(first))), t(ctx.lang, "repeat.nothing")]
    return Reply(text="\n".join(text), lang=ctx.lang)


def _summary(ctx: Ctx, note_id: int) -> list[str]:
    """What the note recorded that is still there, one line each, as its own reply listed it."""
    entries = ctx.session.execute(select(AuditLog).where(col(AuditLog.note_id) == note_id)
                                  .order_by(col(AuditLog.id))).scalars()
    names = StageNames.of(ctx.team.settings)
    lines: list[str] = []
    for entry in sorted(entries, key=lambda e: _ORDER.get(e.table_name, len(_ORDER))):
        made = entry.action == "create"
        if entry.row_id is None:
            continue
        if entry.table_name == "interaction" and made and (seen := ctx.session.get(Interaction, entry.row_id)):
            said = "📝" if seen.channel == Channel.NOTE else t(ctx.lang, f"channel.{seen.channel}")
            lines.append(t(ctx.lang, "interaction", channel=said))
        elif entry.table_name == "customer" and made and (customer := ctx.session.get(Customer, entry.row_id)):
            lines.append(t(ctx.lang, "new_customer", customer=customer.name))
        elif entry.table_name == "contact" and made and (contact := ctx.session.get(Contact, entry.row_id)):
            lines.append(t(ctx.lang, "contact_new", contact=contact.name))
        elif entry.table_name == "deal" and (deal := ctx.session.get(Deal, entry.row_id)):
            if made:
                amount = (t(ctx.lang, "amount_after", amount=money(deal.amount_minor, deal.currency, ctx.lang))
                          if deal.amount_minor is not None else "")
                lines.append(t(ctx.lang, "deal_new", stage=names(deal.stage, ctx.lang), amount=amount))
            elif (entry.before or {}).get("stage") and (entry.after or {}).get("stage"):
                lines.append(t(ctx.lang, "deal_stage", old=names(entry.before["stage"], ctx.lang),
                               new=names(entry.after["stage"], ctx.lang)))
        elif entry.table_name == "followup" and made and (follow := ctx.session.get(FollowUp, entry.row_id)):
            lines.append(t(ctx.lang, "followup", day=day(follow.due, ctx.lang), what=clip(follow.what, 100)))
    return lines
