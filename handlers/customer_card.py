"""What do we know about X: contacts, deals, the last interactions, the next follow-up."""
from __future__ import annotations

from handlers.context import Ctx
from handlers.followups import due_text
from handlers.labels import source_label
from handlers.reply import Reply
from handlers.reports import card_lines
from handlers.chat_state import state_of
from handlers.customer_history import history_text
from handlers.resolve import resolve_customer
from handlers.stage_names import StageNames
from handlers.texts import day, money, month_day, t
from handlers.briefing import card_briefing
from handlers.understanding.model import Parse
from storage.customers import contacts_of, deals_of, last_interactions, next_followup
from storage.models import Customer, stored_id
from storage.vocabulary import OPEN_STAGES, Channel


async def handle_query(parse: Parse, ctx: Ctx) -> Reply:
    """The customer card, in the member's language."""
    resolved = resolve_customer(parse, ctx, may_create=False, intent="query_customer")
    if resolved.ask is not None:
        return resolved.ask
    customer = resolved.customer
    assert customer is not None
    state = state_of(ctx)
    state.customer_id, state.customer_at = customer.id, ctx.now
    ctx.session.add(state)
    if parse.history:       # "globex history": every interaction and deal move, not the card
        text = history_text(ctx, customer)
    else:
        text = card_text(ctx, customer)
    if resolved.instead_of:   # "globex logistics" asked, only Globex Corp known: say so before its card
        text = t(ctx.lang, "card_closest", asked=resolved.instead_of, name=customer.name) + "\n" + text
    brief = await card_briefing(ctx, customer, ctx.meter)
    return Reply(text=f"{brief}\n\n{text}" if brief else text, lang=ctx.lang)


def card_text(ctx: Ctx, customer: Customer) -> str:
    """The card as plain text (adapters render it per platform)."""
    lang, team_id, cid = ctx.lang, ctx.team_id, stored_id(customer)
    out = [f"🏢 {customer.name}"]
    facts = [v for v in (customer.segment, source_label(customer.source, lang) if customer.source else None) if v]
    if facts:
        out[0] += " · " + " · ".join(facts)
    contacts = contacts_of(ctx.session, team_id, cid)
    if contacts:
        out.append(t(lang, "card_contacts"))
        for c in contacts[:10]:
            bits = [c.name] + [v for v in (c.role, c.phone, c.email) if v]
            if c.birth_month and c.birth_day:
                bits.append("🎂 " + month_day(f"{c.birth_month:02d}-{c.birth_day:02d}", lang))
            out.append("• " + ", ".join(bits))
    deals = deals_of(ctx.session, team_id, cid)
    names = StageNames.of(ctx.team.settings)
    open_deals = [d for d in deals if d.stage in OPEN_STAGES]
    closed = [d for d in deals if d.stage not in OPEN_STAGES]
    for title, group in (("card_deals", open_deals), ("card_closed", closed[:3])):
        if group:
            out.append(t(lang, title))
            for d in group:
                line = t(lang, "card_deal", stage=names(d.stage, lang),
                         amount=money(d.amount_minor, d.currency, lang))
                if d.expected_close:
                    line += f" → {day(d.expected_close, lang)}"
                out.append(line)
    interactions = last_interactions(ctx.session, team_id, cid)
    if interactions:
        out.append(t(lang, "card_interactions"))
        for i in interactions:
            channel = t(lang, f"channel.{i.channel}") if i.channel != Channel.NOTE else "📝"
            when = day(i.at.astimezone(ctx.zone).date(), lang)
            out.append(t(lang, "card_interaction", when=when, channel=channel, text=_short(i.text)))
    follow = next_followup(ctx.session, team_id, cid)
    if follow:
        out.append(t(lang, "card_next", day=due_text(follow, ctx), what=_short(follow.what, _PROMISE_CHARS)))
    else:
        out.append(t(lang, "card_no_next"))
    out += card_lines(ctx, cid)  # open inquiries and complaints
    if not (contacts or deals or interactions):
        out.insert(1, t(lang, "card_empty"))
    return "\n".join(out)


_PROMISE_CHARS = 80      # the next follow-up is a short phrase; the note itself is in the interactions above


def _short(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
