"""What an LLM adds beside the parse: voice notes as text, and a customer briefing on the card.

    text = await voice_text(ctx.llm, incoming.audio, fetch=adapter_download, meter=meter)
    brief = await card_briefing(ctx, customer)          # None offline: the card alone

Both return "" / None instead of raising, within the client's timeout, and count
their tokens in the member's usage when given a meter.
"""
from __future__ import annotations

from typing import Any, Awaitable, Callable

from handlers.texts import language, t
from handlers.understanding.llm.client import LlmClient, transcribe_ex
from handlers.llm_usage import Meter, meter_for
from prompts.loader import load
from storage.customers import contacts_of, deals_of, last_interactions, next_followup
from storage.vocabulary import OPEN_STAGES

Fetch = Callable[[str], Awaitable[bytes]]
MAX_BRIEF = 600


async def voice_text(llm: LlmClient | None, audio: bytes | bytearray | str | None, fetch: Fetch | None = None,
                     filename: str = "voice.ogg", meter: Meter | None = None) -> str:
    """The transcript of a voice note given as bytes, or as a file reference `fetch` downloads
    (a Telegram file_id, a Slack file URL). "" without an LLM, over budget, or on any failure."""
    if llm is None or audio is None or (meter is not None and not meter.allowed()):
        return ""
    try:
        data = await fetch(audio) if isinstance(audio, str) and fetch is not None else audio
    except Exception:
        return ""
    if not isinstance(data, (bytes, bytearray)) or not data:
        return ""
    text, usage = await transcribe_ex(llm, bytes(data), filename)
    if meter is not None:
        meter.record_usage(usage)
    return " ".join(text.split())[:4000]


def quote_transcript(text: str, lang: str) -> str:
    """The first line of the reply to a voice note, so the rep can check what was understood."""
    return t(lang, "voice.heard", text=text if len(text) <= 300 else text[:299] + "…")


def history_lines(ctx: Any, customer: Any, redact: Callable[[str], str] | None = None) -> list[str]:
    """The least the briefing needs: deals, the last interactions, the next step; no phones or e-mails."""
    team_id, cid = ctx.team.id, customer.id
    scrub = redact or (lambda s: s)
    lines = []
    for c in contacts_of(ctx.session, team_id, cid)[:5]:
        lines.append("contact: " + ", ".join(v for v in (c.name, c.role) if v))
    for d in deals_of(ctx.session, team_id, cid, limit=5):
        amount = f"{d.amount_minor / 100:,.0f} {d.currency or ''}".strip() if d.amount_minor is not None else "no amount"
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


async def card_briefing(ctx: Any, customer: Any, meter: Meter | None = None) -> str | None:
    """A short summary of the customer's history for the top of the card; None offline, with no
    history, over budget, or when the model fails."""
    llm: LlmClient | None = getattr(ctx, "llm", None)
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
