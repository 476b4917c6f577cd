"""A business card photographed: the contact is shown for confirmation, saved only on "Save"."""
from __future__ import annotations

from handlers.context import Ctx
from handlers.log_note import handle_log
from handlers.reply import Choice, Reply
from handlers.chat_state import state_of
from handlers.texts import t
from handlers.understanding.model import Parse
from storage.vocabulary import Intent

FIELDS = ("lang", "customer", "contact", "contact_role", "contact_phone", "contact_email", "summary")


def card_text(lang: str, key: str, **values: str) -> str:
    """A text of the card flow in `lang`."""
    return t(lang, f"card_scan.{key}", **values)


def propose(ctx: Ctx, card: Parse | None) -> Reply:
    """Show what the card says and keep it until the member presses Save or Cancel."""
    lang = ctx.lang
    if card is None:
        return Reply(text=card_text(lang, "unreadable"), lang=lang)
    state = state_of(ctx)
    state.pending = {"kind": "card", "card": {name: getattr(card, name) for name in FIELDS}}
    ctx.session.add(state)
    text = card_text(lang, "propose", summary=card.summary or "", contact=card.contact or "?",
                     company=card.customer or "?")
    return Reply(text=text, lang=lang, choices=[Choice(card_text(lang, "save"), "card:save"),
                                                Choice(card_text(lang, "cancel"), "card:cancel")])


async def handle_card(parse: Parse, ctx: Ctx) -> Reply:
    """Save (as a note, undoable like any other) or drop the card waiting for confirmation."""
    state = state_of(ctx)
    pending = state.pending or {}
    if pending.get("kind") != "card":
        return Reply(text=card_text(ctx.lang, "none"), lang=ctx.lang)
    state.pending = None
    ctx.session.add(state)
    if ctx.pressed.card != "save":
        return Reply(text=card_text(ctx.lang, "cancelled"), lang=ctx.lang)
    card = Parse(intent=Intent.LOG, **{k: v for k, v in pending["card"].items() if k in FIELDS})
    card.lang = ctx.lang
    ctx.text = card.summary or ""
    return await handle_log(card, ctx)
