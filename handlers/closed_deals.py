"""A deal already won is not signed a second time, nor one already lost lost again.

"globex signed" about a customer whose last deal is already won (or "globex lost" when it is
already lost), with no open deal, repeats what the store knows: no second closed deal is opened.
The bot says the deal is already won (lost) and writes nothing, or, when the note tells more (a
call, a contact, a follow-up, another amount: "PO arrived, £54,800", "оплатили первую часть 1,1
млн"), records that (the words in the customer's history) and says the closed deal was left as it is.
A note that speaks of a new deal ("another contract", "ещё один заказ", "又签了一单") opens one.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from handlers.context import Ctx
from handlers.note_deal import unsaid_currency
from handlers.reply import Reply
from handlers.stage_names import StageNames
from handlers.texts import day, money, t
from handlers.understanding.deal_words import says_new_deal
from handlers.understanding.model import Parse
from storage.customers import deals_of
from storage.models import Customer, Deal, stored_id
from storage.vocabulary import Stage


@dataclass(frozen=True)
class AlreadyClosed:
    """The customer's deal the note would close again, and the reply line that says so."""

    deal: Deal
    line: tuple[str, dict]


def already_closed(parse: Parse, ctx: Ctx, customer: Customer | None, open_one: Deal | None) -> AlreadyClosed | None:
    """The customer's latest deal when it is already won (lost) and the note says won (lost) again, the
    customer has no open deal, and the note speaks of no new one; else None."""
    if open_one is not None or customer is None or customer.id is None or parse.stage not in (Stage.WON, Stage.LOST):
        return None
    if says_new_deal(ctx.text, parse.lang):
        return None
    latest = deals_of(ctx.session, ctx.team_id, stored_id(customer), limit=1)
    if not latest or latest[0].stage != parse.stage:
        return None
    deal = latest[0]
    stage = StageNames.of(ctx.team.settings)(deal.stage, ctx.lang)
    amount = t(ctx.lang, "amount_after", amount=money(deal.amount_minor, deal.currency or "", ctx.lang)) \
        if deal.amount_minor is not None else ""
    when = day((deal.closed_at or deal.updated_at).date(), ctx.lang)
    return AlreadyClosed(deal, ("deal_already_closed", {"stage": stage, "amount": amount, "day": when}))


def without_deal(parse: Parse) -> Parse:
    """The note with what it says about a deal left out (the rest of it is still recorded)."""
    return replace(parse, stage=None, amount=None, close_on=None, lost_reason=None, deal_said=False)


def tells_rest(parse: Parse) -> bool:
    """Whether the note has something to record beside what it says of a deal: a call, a contact, a
    follow-up, a payment, a fact of the customer."""
    bare = without_deal(parse)
    return bool(bare.channel or bare.contact or bare.followup_on or bare.birthday or bare.contact_role
                or bare.contact_phone or bare.contact_email or bare.source or bare.touch_days or bare.issue
                or bare.paid is not None)


def tells_more(parse: Parse, closed: AlreadyClosed) -> bool:
    """Whether the note has something to record beside the won deal: a call, a contact, a follow-up,
    or an amount other than the deal's (kept as the note's words, never applied to the won deal)."""
    bare = without_deal(parse)
    return bool(bare.channel or bare.contact or bare.followup_on or bare.birthday or bare.contact_role
                or bare.contact_phone or bare.contact_email or bare.source or bare.touch_days or bare.issue
                or bare.paid is not None
                or _other_amount(parse, closed.deal) is not None)


def _other_amount(parse: Parse, deal: Deal) -> int | None:
    """The note's amount in minor units when it is not the won deal's."""
    if parse.amount is None:
        return None
    minor = int((parse.amount * 100).to_integral_value())
    return None if minor == deal.amount_minor else minor


def lines_of(ctx: Ctx, parse: Parse, closed: AlreadyClosed) -> list[tuple[str, dict]]:
    """The reply's lines about the won deal: already won, and an amount the note said that was not applied."""
    lines = [closed.line]
    other = _other_amount(parse, closed.deal)
    if other is not None:
        currency = (parse.currency if parse.currency_said else None) or closed.deal.currency \
            or unsaid_currency(parse, ctx)
        lines.append(("deal_already_closed_amount", {"amount": money(other, currency, ctx.lang)}))
    return lines


def nothing_written(ctx: Ctx, customer: Customer, closed: AlreadyClosed) -> Reply:
    """The reply when the note only repeats the closed deal: nothing is written."""
    head = t(ctx.lang, "deal_already_closed_head", customer=customer.name)
    line = t(ctx.lang, closed.line[0], **closed.line[1])
    return Reply(text="\n".join((head, "• " + line, t(ctx.lang, "deal_already_closed_hint"))), lang=ctx.lang)
