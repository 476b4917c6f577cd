"""The briefing at the top of a customer's card: the model sums up the customer's history (deals,
the last interactions, the next step; no phones or e-mails) in the member's language.

    brief = await card_briefing(ctx, customer)          # None offline: the card alone

None instead of raising: offline, with no history, over the member's budget, or when the model
fails (within the client's timeout); the tokens count in the member's usage.
"""
from __future__ import annotations

from typing import Callable

from handlers.context import Ctx
from handlers.llm_usage import Meter, meter_for
from handlers.texts import language
from handlers.understanding.llm.client import LlmClient
from prompts.loader import load
from storage.customers import contacts_of, deals_of, last_interactions, next_followup
from storage.models import Customer, stored_id
from storage.vocabulary import OPEN_STAGES

MAX_BRIEF = 600


def history_lines(ctx: Ctx, customer: Customer, redact: Callable[[str], str] | None = None) -> list[str]:
    """The least the briefing needs: deals, the last interactions, the next step; no phones or e-mails."""
    team_id, cid = ctx.team_id, stored_id(customer)
    scrub = redact or (lambda s: s)
    lines = []
    for c in contacts_of(ctx.session, team_id, cid)[:5]:
        lines.append("contact: " + ", ".join(v for v in (c.name, c.role) if v))
    for d in deals_of(ctx.session, team_id, cid, limit=5):
        whole = (d.amount_minor + 50) // 100 if d.amount_minor is not None else None   # currency units, rounded
        amount = f"{whole:,} {d.currency or ''}".strip() if whole is not None else "no amount"
        state = "open" if d.stage in OPEN_STAGES else "closed"
        close = f", expected close {d.expected_close.isoformat()}" if d.expected_close else ""
        lines.append(f"deal ({state}): {d.stage}, {amount}{close}")
    for i in reversed(last_interactions(ctx.session, team_id, cid, limit=8)):
        when = i.at.astimezone(ctx.zone).date().isoformat()
        lines.append(f"{when} {i.channel}: {scrub(' '.join(i.text.split())[:300])}")
    follow = next_followup(ctx.session, team_id, cid)
    if follow:
        lines.append(f"next step due {follow.due.isoformat()}: {scrub(' '.join(follow.what.split())[:200])}")
    return lines


async def card_briefing(ctx: Ctx, customer: Customer, meter: Meter | None = None) -> str | None:
    """A short summary of the customer's history for the top of the card; None offline, with no
    history, over budget, or when the model fails."""
    llm: LlmClient | None = ctx.llm
    if llm is None:
        return None
    lines = history_lines(ctx, customer, llm.scrub)
    if not any(not line.startswith("contact:") for line in lines):
        return None
    meter = meter or meter_for(ctx, llm.daily_tokens)
    if not meter.allowed():
        return None
    system = load("briefing").render(language=language(ctx.lang).module.MODEL_NAME)
    user = load("briefing_input").render(customer=customer.name, today=ctx.today.isoformat(),
                                         history="\n".join(lines))
    answer = await llm.chat_text("briefing", system, user, max_tokens=160)
    meter.record_usage(answer.usage)
    if answer.error or not isinstance(answer.data, str) or not answer.data.strip():
        return None
    text = " ".join(answer.data.split()).strip('"“”«»「」 ')
    if not text:
        return None
    return "💡 " + (text if len(text) <= MAX_BRIEF else text[:MAX_BRIEF - 1] + "…")
