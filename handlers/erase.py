"""Unknown messages and "delete X": nothing is written without being understood.

A message the bot did not understand is answered with "I didn't understand" and what it can do.
"delete X" ("удали X", "删除X") never logs a note: a rep is told how records are taken back (undo)
and who may erase a customer; an admin is asked to confirm with buttons, and the confirmation
erases the customer's people from the store as `crmbot forget` does (storage/privacy.py).
"""
from __future__ import annotations

from handlers.context import Ctx
from handlers.reply import Choice, Reply
from handlers.reports import handle_help
from handlers.chat_state import save_state, state_of
from handlers.texts import t
from handlers.understanding.model import Parse
from storage.customers import customers_named
from storage.models import Customer, stored_id
from storage.privacy import forget
from storage.vocabulary import Role

ERASE = "erase"


async def handle_unknown(parse: Parse, ctx: Ctx) -> Reply:
    """Not understood: say so, record nothing, and show what the bot can do (a report question the
    parser did not place is still answered)."""
    if "chatter" in parse.problems:
        return Reply(text=t(ctx.lang, "chatter"), lang=ctx.lang)
    reply = await handle_help(parse, ctx)
    if reply.text == t(ctx.lang, "help") and (ctx.text or "").strip():
        reply.text = t(ctx.lang, "not_understood") + "\n" + reply.text
    return reply


async def handle_erase(parse: Parse, ctx: Ctx) -> Reply:
    """"delete X": explain how (a rep, a manager), or ask an admin to confirm; the confirming
    button erases."""
    pending = state_of(ctx).pending or {}
    if ctx.pressed.erase_id is not None:
        if pending.get("kind") != ERASE or pending.get("customer_id") != ctx.pressed.erase_id \
                or ctx.member.role != Role.ADMIN:
            return Reply(text=t(ctx.lang, "erase_expired"), lang=ctx.lang)
        customer = ctx.session.get(Customer, ctx.pressed.erase_id)
        save_state(ctx, pending=None)
        if customer is None or customer.team_id != ctx.team.id:
            return Reply(text=t(ctx.lang, "erase_expired"), lang=ctx.lang)
        name = customer.name
        forget(ctx.session, ctx.team_id, stored_id(customer), ctx.member_id)
        return Reply(text=t(ctx.lang, "erase_done", customer=name), lang=ctx.lang, wrote=True)
    name = (parse.customer or "").strip()
    found = customers_named(ctx.session, ctx.team_id, name) if name else []
    if ctx.member.role != Role.ADMIN:
        return Reply(text=t(ctx.lang, "erase_how", customer=found[0].name if len(found) == 1 else name),
                     lang=ctx.lang)
    if len(found) != 1:
        return Reply(text=t(ctx.lang, "erase_which" if found else "unknown_customer", name=name), lang=ctx.lang)
    customer = found[0]
    state = state_of(ctx)
    state.pending = {"kind": ERASE, "customer_id": customer.id}
    ctx.session.add(state)
    return Reply(text=t(ctx.lang, "erase_confirm", customer=customer.name), lang=ctx.lang,
                 choices=[Choice(label=t(ctx.lang, "erase_button", customer=customer.name),
                                 data=f"{ERASE}:{customer.id}"),
                          Choice(label=t(ctx.lang, "cancel_option"), data=f"{ERASE}:cancel")])
