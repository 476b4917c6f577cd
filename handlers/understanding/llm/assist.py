"""What an LLM adds beside the parse: voice notes as text (the customer card's briefing is
handlers/briefing.py).

    text = await voice_text(ctx.llm, incoming.audio, fetch=adapter_download, meter=meter)

It returns "" instead of raising, within the client's timeout, and counts its tokens in the
member's usage when given a meter.
"""
from __future__ import annotations

from typing import Awaitable, Callable

from handlers.texts import t
from handlers.understanding.llm.client import LlmClient, transcribe_ex
from handlers.llm_usage import Meter

Fetch = Callable[[str], Awaitable[bytes]]


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
