"""Offline first, the LLM only when the offline parse is unsure; never worse than offline.

    parse = await understand_hybrid(text, now, known, aliases, llm, "auto", meter)

Modes (CRM_LLM): `off` never asks; `always` asks for every message that has words
(chat commands — undo, done, help — stay offline); `auto` (default) asks only when
`unsure()` names a reason:

- `unknown_long`: intent unknown though the message has at least 4 words (8 Han characters);
- `log_no_customer`: a note of 8+ words where no customer was found (it may be a name the
  rules don't know, not a "them" that refers back);
- `ambiguous_customer`: several known customers fit and none was chosen;
- `unsure_fields`: a date or an amount the rules saw but could not read (`bad_date`,
  `amount_without_number`);
- `low_confidence`: the offline confidence is below 0.6.

Whatever goes wrong on the LLM side (no client, budget spent, timeout, 429/500 after
bounded retries, invalid JSON, a schema-violating answer, an invented customer, or a
new customer where the rules literally matched a known one) the offline parse is returned. The offline parse's contact phone/e-mail, summary and
candidates fill what the model does not give (so redaction loses nothing).
"""
from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Mapping, Sequence

from handlers.understanding import understand
from handlers.understanding.llm import LlmClient, Usage, estimate_tokens, extract
from handlers.understanding.model import Parse
from storage.vocabulary import Intent

if TYPE_CHECKING:  # the store is only needed when a meter is given
    from handlers.understanding.llm_usage import Meter

MODES = ("always", "auto", "off")
LOW_CONFIDENCE = 0.6
_NEVER = ("empty", "no_text", "too_long", "internal_error")
_WORDS = re.compile(r"[0-9A-Za-zÀ-ɏЀ-ӿ]+")
_HAN = re.compile(r"[\u3400-\u9fff]")


@dataclass
class Outcome:
    """One hybrid understanding: the parse used, where it came from, and why."""

    parse: Parse
    offline: Parse
    source: str = "offline"                 # "offline" | "llm"
    reasons: list[str] = field(default_factory=list)   # why the LLM was asked (auto mode)
    error: str | None = None                # why its answer was not used
    usage: Usage | None = None
    notice: str | None = None               # "the budget is spent", the first time today
    seconds: float = 0.0                    # time spent deciding and asking


def size(text: str) -> int:
    """Words in a message, a Han character counting as half a word."""
    return len(_WORDS.findall(text)) + len(_HAN.findall(text)) // 2


def unsure(parse: Parse, text: str) -> list[str]:
    """The reasons to ask the LLM about this offline parse (empty: the offline parse is kept)."""
    if any(p in _NEVER for p in parse.problems) or parse.intent in (Intent.UNDO, Intent.DONE):
        return []
    reasons = []
    words = size(text)
    if parse.intent == Intent.UNKNOWN and words >= 4:
        reasons.append("unknown_long")
    if parse.intent == Intent.LOG:
        if parse.customer is None and not parse.customer_candidates and words >= 8:
            reasons.append("log_no_customer")
        if parse.customer is None and len(parse.customer_candidates) > 1:
            reasons.append("ambiguous_customer")
        if {"bad_date", "amount_without_number"} & set(parse.problems):
            reasons.append("unsure_fields")
    if parse.confidence < LOW_CONFIDENCE and parse.intent != Intent.UNKNOWN:
        reasons.append("low_confidence")
    return reasons


def should_ask(parse: Parse, text: str, mode: str) -> list[str]:
    """The reasons to ask in `mode`; `always` gives ["always"] unless there is nothing to ask about."""
    if mode == "off":
        return []
    if mode == "always":
        skip = any(p in _NEVER for p in parse.problems) or parse.intent in (Intent.UNDO, Intent.DONE) or (
            parse.intent == Intent.HELP and parse.confidence >= 0.9)
        return [] if skip else ["always"]
    return unsure(parse, text)


def merge(llm: Parse, offline: Parse) -> Parse:
    """The model's fields, with what only the offline rules know (phones, e-mails, the note's text)."""
    llm.summary = offline.summary
    llm.id = offline.id
    if llm.intent == Intent.LOG:
        llm.contact_phone, llm.contact_email = offline.contact_phone, offline.contact_email
        llm.contact_role = llm.contact_role or (offline.contact_role if llm.contact == offline.contact else None)
        llm.followup_what = llm.followup_what or offline.followup_what
        if llm.customer is None and offline.customer is None and len(offline.customer_candidates) > 1:
            llm.customer_candidates = list(offline.customer_candidates)
        llm.refers_back = llm.customer is None and not llm.customer_candidates or offline.refers_back
    elif llm.customer:
        llm.customer_candidates = [llm.customer] if llm.customer_known else []
    if llm.intent == offline.intent and llm.period is None:
        llm.period = offline.period
    llm.problems = [p for p in offline.problems if p not in ("bad_date", "amount_without_number")]
    llm.confidence = 0.9 if llm.customer_known or llm.intent != Intent.LOG else 0.8
    return llm


async def understand_hybrid_ex(text: str, now: datetime, known: Sequence[str] = (),
                               aliases: Mapping[str, str] | None = None, llm: LlmClient | None = None,
                               mode: str = "auto", meter: Meter | None = None) -> Outcome:
    """`understand_hybrid` with the story of how the parse was reached."""
    started = time.perf_counter()
    offline = understand(text, now, known, aliases)
    outcome = Outcome(parse=offline, offline=offline)
    outcome.reasons = should_ask(offline, text or "", mode if mode in MODES else "auto") if llm else []
    if not outcome.reasons:
        outcome.seconds = time.perf_counter() - started
        return outcome
    if meter is not None and not meter.allowed():
        outcome.error = "budget_spent"
        outcome.notice = meter.notice_once(offline.lang)
        outcome.seconds = time.perf_counter() - started
        return outcome
    try:
        proposal, answer = await extract(llm, text, now, known, aliases)  # type: ignore[arg-type]
    except Exception as exc:  # the rep never sees an error because the LLM path failed
        outcome.error = f"internal:{type(exc).__name__}"
        outcome.seconds = time.perf_counter() - started
        return outcome
    outcome.usage = answer.usage
    if outcome.usage is not None and outcome.usage.total == 0 and answer.error == "timeout":
        outcome.usage.prompt_tokens = estimate_tokens(text) + 450  # what the server may still bill
    if meter is not None and outcome.usage is not None:
        meter.record_usage(outcome.usage)
    if proposal is not None and offline.customer_known and proposal.customer and not proposal.customer_known:
        proposal, answer.error = None, "customer_conflict"   # the rules matched a known customer literally
    if proposal is None:
        outcome.error = answer.error or "rejected"
    else:
        outcome.parse, outcome.source = merge(proposal, offline), "llm"
    outcome.seconds = time.perf_counter() - started
    return outcome


async def understand_hybrid(text: str, now: datetime, known: Sequence[str] = (),
                            aliases: Mapping[str, str] | None = None, llm: LlmClient | None = None,
                            mode: str = "auto", meter: Meter | None = None) -> Parse:
    """The parse of `text`: offline, or the LLM's when the offline one is unsure (see the module doc).
    Never raises, never waits longer than the client's timeout."""
    return (await understand_hybrid_ex(text, now, known, aliases, llm, mode, meter)).parse
