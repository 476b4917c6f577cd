"""A message that is only the open deal's amount as it already is ("сумма 1,8 млн" of a deal at
1 800 000 ₽, "amount is 40k" of a $40,000 deal, "金额30万"): nothing is written (no bare "📝" note
that needs an undo), and the reply says the deal already stands so. A note with any other words
("castellan agreed to net 75, contract back to them") is recorded as ever."""
from __future__ import annotations

from handlers.closed_deals import without_deal
from handlers.context import Ctx
from handlers.reply import Reply
from handlers.stage_names import StageNames
from handlers.texts import money, t
from handlers.understanding.fixes import only_amount
from handlers.understanding.model import Parse
from storage.models import Customer, Deal


def said_again(parse: Parse, ctx: Ctx, customer: Customer | None, deal: Deal | None,
               changes: dict) -> Reply | None:
    """The reply for a note whose only news is the open deal as it already is; else None."""
    if customer is None or deal is None or changes or parse.amount is None or not only_amount(ctx.text, parse.lang):
        return None
    if parse.stage and parse.stage != deal.stage:
        return None
    bare = without_deal(parse)
    if (bare.channel or bare.contact or bare.followup_on or bare.birthday or bare.contact_role or bare.contact_phone
            or bare.contact_email or bare.source or bare.touch_days or bare.issue or parse.refused):
        return None
    stage = StageNames.of(ctx.team.settings)(deal.stage, ctx.lang)
    currency = deal.currency or ctx.team.currency
    amount = t(ctx.lang, "amount_after", amount=money(deal.amount_minor, currency, ctx.lang)) \
        if deal.amount_minor is not None else ""
    return Reply(text=t(ctx.lang, "deal_said_again", customer=customer.name, stage=stage, amount=amount),
                 lang=ctx.lang)
