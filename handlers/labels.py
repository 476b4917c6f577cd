"""How a stored lost reason or lead source reads in a member's language: a known one
(storage.vocabulary.LostReason, LeadSource) by its text, anything else as it was written."""
from __future__ import annotations

from handlers.texts import t
from storage.vocabulary import LeadSource, LostReason

_REASONS = {reason.value: reason.name.lower() for reason in LostReason}
_SOURCES = {source.value: source.name.lower() for source in LeadSource}


def lost_reason_label(reason: str | None, lang: str) -> str:
    """"price" -> "цена"; "their CFO left" as written; none -> "no reason given"."""
    if not reason:
        return t(lang, "lost_reason.none")
    key = _REASONS.get(reason.strip().lower())
    return t(lang, f"lost_reason.{key}") if key else reason


def source_label(source: str | None, lang: str) -> str:
    """"trade show" -> "展会"; an imported "Podcast" as written."""
    if not source:
        return "—"
    key = _SOURCES.get(source.strip().lower())
    return t(lang, f"source.{key}") if key else source
