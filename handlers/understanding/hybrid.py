"""The model proposes, the offline rules check: with a model configured, every message with
words is asked about, and the offline parse is the validator of the answer.

    parse = await understand_hybrid(text, now, known, aliases, llm, "auto", meter)

Modes (CRM_LLM): `off` never asks; `auto` (the default) asks about every message that has
words, except chat commands (undo, done) and a short greeting or help request the rules are
sure of ("hi", "help", "这个机器人怎么用"); `always` asks about those greetings too. A note the rules
read as several customers (`Parse.others`: a recap, a partner and its end customer) is asked about too,
with the rules' split shown: the model's customer confirms or corrects the split (`llm/parts.py`).

No signal of the offline parse tells well enough when it is wrong (on the blind corpus its
notes are wrong whatever their confidence, length or intent: docs/understanding.md), so
`auto` does not guess: it asks, and `reconcile` keeps from the model's answer only what the
message bears out, taking the rest from the offline parse (an invented customer or contact,
an amount or a date the message does not write). As the rules get better, so does the
validator; the share asked stays.

Whatever goes wrong on the model's side (no client, budget spent, timeout, 429/500 after
bounded retries, invalid JSON, an answer outside the contract's shape) the offline parse is
returned. The offline parse's contact phone/e-mail, summary and candidates fill what the
model does not give (so redaction loses nothing). A model never turns a note into a question:
when the rules read a note that records something (`records`: a channel, a stage, an amount, a
date, a phone…), an answer proposing any other intent (pipeline, a customer card, help…) is
ignored and the disagreement logged, so the note is recorded. A "note" that only names a customer
or a person records nothing a question would lose, and is what the model says it is; so is one written
as a question (`asking`: "как тут записывать встречи?", "下周二去拜访的时候该找谁"), which the chat would not
record as a note anyway; a question said beside a note ("… btw who handles their invoices?") keeps it.

Whichever parse is kept, `report_words.settle_report` has the last word: the report a
question asks for, so the handlers never classify the words again.
"""
from __future__ import annotations

import logging
import re
import time
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Mapping, Sequence

from handlers.understanding import understand
from handlers.understanding import side_question
from handlers.understanding.asking import asks
from handlers.understanding.llm import parts
from handlers.understanding.llm.client import LlmClient, Usage, estimate_tokens, extract
from handlers.understanding.llm.schema import check
from handlers.understanding.model import Parse, Refusal
from handlers.understanding.reconcile import reconcile
from handlers.understanding.report_words import Team, settle_report
from handlers.understanding.search_words import settle_search
from handlers.understanding.setting_words import settle_setting
from storage.vocabulary import Intent, Stage

if TYPE_CHECKING:  # the store is only needed when a meter is given
    from handlers.llm_usage import Meter

log = logging.getLogger("crmbot.llm")

MODES = ("always", "auto", "off")
SURE_HELP = 0.9          # a greeting or help request the rules are this sure of ...
GREETING = 5             # ... and this short (in words) stays offline in `auto`
_WORDS = re.compile(r"[0-9A-Za-zÀ-ɏЀ-ӿ]+")
_HAN = re.compile(r"[\u3400-\u9fff]")
_NEVER = ("empty", "no_text", "too_long", "internal_error")


@dataclass
class Outcome:
    """One hybrid understanding: the parse used, where it came from, and why."""

    parse: Parse
    offline: Parse
    source: str = "offline"                 # "offline" | "llm"
    reasons: list[str] = field(default_factory=list)   # why the model was asked (the mode), empty if not
    error: str | None = None                # why its answer was not used
    repaired: dict[str, str] = field(default_factory=dict)  # fields taken from the offline parse, and why
    usage: Usage | None = None
    notice: str | None = None               # "the budget is spent", the first time today
    seconds: float = 0.0                    # time spent deciding and asking


def should_ask(parse: Parse, text: str, mode: str) -> list[str]:
    """Why to ask the model about this message in `mode` (`[mode]`), or `[]` to keep the offline parse:
    never for chat commands or a message without words; in `auto` not for a greeting the rules are sure of."""
    if mode == "off" or any(p in _NEVER for p in parse.problems) or parse.intent in (Intent.UNDO, Intent.DONE):
        return []
    if mode != "always" and parse.intent == Intent.HELP and parse.confidence >= SURE_HELP and size(text) <= GREETING:
        return []
    return [mode]


def records(parse: Parse) -> bool:
    """True when an offline note records more than a name: how it happened (a channel), a stage its words
    name, an amount or a payment, a follow-up or a close date, a birthday, a phone, an e-mail or a title, a
    reason it was lost, a rhythm of contact, other people met. Such a note stays a note whatever the model
    says (DESIGN.md, invariant 7); one that only names a customer or a person ("Zephyrix", "宝丰", "late for
    my 3 o'clock at la brea lumber ugh", "сравни звонки Дениса и Марины") is what the model says it is."""
    return bool(parse.channel or parse.deal_said or parse.amount is not None or parse.paid is not None
                or parse.followup_on or parse.close_on or parse.birthday or parse.contact_phone
                or parse.contact_email or parse.contact_role or parse.lost_reason or parse.touch_days
                or parse.met_too or parse.amount_added)


def asking(text: str, lang: str) -> bool:
    """True when the message is written as a question, as the chat reads it (bot/routing.py): a question
    form, unless it is a question said beside a note ("met Tom at Kestrel. btw who handles invoices?")."""
    if not asks(text, lang):
        return False
    side = side_question.split(text, lang)
    return side is None or asks(side[0], lang)


def size(text: str) -> int:
    """Words in a message, a Han character counting as half a word."""
    return len(_WORDS.findall(text)) + len(_HAN.findall(text)) // 2


def merge(llm: Parse, offline: Parse) -> Parse:
    """The model's fields, with what only the offline rules know (phones, e-mails, the note's text)."""
    llm.summary = offline.summary
    llm.id = offline.id
    if llm.intent == Intent.LOG:
        llm.contact_phone, llm.contact_email = offline.contact_phone, offline.contact_email
        llm.contact_role = llm.contact_role or (offline.contact_role if llm.contact == offline.contact else None)
        llm.followup_what = llm.followup_what or offline.followup_what
        llm.followup_at = offline.followup_at if llm.followup_on == offline.followup_on else None
        llm.moves = offline.moves and llm.followup_on == offline.followup_on    # "发方案改到下周一": an open one moves
        llm.refused = list(offline.refused)
        llm.addressee = offline.addressee    # whom a pasted letter greets (one of us, maybe): never the contact
        # forecast inputs are the offline rules' (the model is not asked for them); a close date is no follow-up
        llm.close_on, llm.source, llm.touch_days = offline.close_on, offline.source, offline.touch_days
        if llm.channel is not None and llm.followup_on != offline.happened_on:
            llm.happened_on = offline.happened_on    # the day a past-tense note tells, unless the model made it the follow-up
        llm.lost_reason = offline.lost_reason if llm.stage == Stage.LOST else None
        if offline.close_on is not None and llm.followup_on == offline.close_on and offline.followup_on is None:
            llm.followup_on = llm.followup_at = llm.followup_what = None
        if offline.amount is None and any(r.kind == Refusal.NEGATIVE_AMOUNT for r in offline.refused):
            llm.amount = llm.currency = None  # the model read "-$5000" as 5000: left out, as the rules did
        if llm.customer is None and offline.customer is None and len(offline.customer_candidates) > 1:
            llm.customer_candidates = list(offline.customer_candidates)
        llm.refers_back = llm.refers_back or offline.refers_back
        if llm.amount is not None and llm.amount == offline.amount and not offline.currency_said:
            llm.currency_said = False   # "450 тыс" with no currency written: an open deal's currency holds
    elif llm.customer:
        llm.customer_candidates = [llm.customer] if llm.customer_known else []
    llm.person_back = offline.person_back and llm.intent == Intent.LOG
    llm.problems = [p for p in offline.problems if p not in ("bad_date", "amount_without_number")]
    llm.confidence = 0.9 if llm.customer_known or llm.intent != Intent.LOG else 0.8
    return llm


async def understand_hybrid_ex(text: str, now: datetime, known: Sequence[str] = (),
                               aliases: Mapping[str, str] | None = None, llm: LlmClient | None = None,
                               mode: str = "auto", meter: Meter | None = None, team: Team = lambda: ()) -> Outcome:
    """`understand_hybrid` with the story of how the parse was reached."""
    outcome = await _reach(text, now, known, aliases, llm, mode, meter)
    settle_report(outcome.parse, text or "", now.date(), team)
    settle_search(outcome.parse, text or "")
    settle_setting(outcome.parse, text or "")
    return outcome


async def _reach(text: str, now: datetime, known: Sequence[str], aliases: Mapping[str, str] | None,
                 llm: LlmClient | None, mode: str, meter: Meter | None) -> Outcome:
    """The offline parse, or the model's where the offline one is unsure and the budget allows."""
    started = time.perf_counter()
    offline = understand(text, now, known, aliases)
    outcome = Outcome(parse=offline, offline=offline)
    outcome.reasons = should_ask(offline, text or "", mode if mode in MODES else "auto") if llm else []
    if not outcome.reasons or llm is None:
        outcome.seconds = time.perf_counter() - started
        return outcome
    if meter is not None and not meter.allowed():
        outcome.error = "budget_spent"
        outcome.notice = meter.notice_once(offline.lang)
        outcome.seconds = time.perf_counter() - started
        return outcome
    try:
        matched = [offline.customer] if offline.customer_known and offline.customer \
            else list(offline.customer_candidates)
        split = [p.customer or "?" for p in (offline, *offline.others)] if offline.others else []
        proposal = await extract(llm, text, now, known, aliases, matched, split)
    except Exception as exc:  # the rep never sees an error because the LLM path failed
        outcome.error = f"internal:{type(exc).__name__}"
        outcome.seconds = time.perf_counter() - started
        return outcome
    answer = proposal.answer
    outcome.usage = answer.usage
    if outcome.usage is not None and outcome.usage.total == 0 and answer.error == "timeout":
        outcome.usage.prompt_tokens = estimate_tokens(text) + 450  # what the server may still bill
    if meter is not None and outcome.usage is not None:
        meter.record_usage(outcome.usage)
    if proposal.parse is not None and offline.intent == Intent.LOG and proposal.parse.intent != Intent.LOG \
            and records(offline) and not asking(text or "", offline.lang):
        # a note read as a question would be lost: the note is recorded as the rules read it
        log.warning("understanding: the model read a note as '%s'; the note is kept (offline reading used)",
                    proposal.parse.intent)
        outcome.error = "note_kept"
    elif proposal.parse is None:
        outcome.error = answer.error or "rejected"
    else:
        _use(outcome, proposal.parse, text, now, proposal.offered, known, aliases)
    outcome.seconds = time.perf_counter() - started
    return outcome


def _use(outcome: Outcome, proposal: Parse, text: str, now: datetime, offered: Sequence[str],
         known: Sequence[str], aliases: Mapping[str, str] | None) -> None:
    """The model's answer checked against the message and the offline parse, and used where it passes; a
    note the rules split into several customers is arranged by the part the model names (llm/parts.py)."""
    offline = outcome.offline
    fixed = reconcile(proposal, offline, text, now.date(), offered, known, aliases)
    outcome.repaired = fixed.repaired
    if fixed.repaired:
        log.info("llm answer repaired from the offline parse: %s", fixed.repaired)
    wrong = check(fixed.parse, text, known, aliases)
    if wrong:
        outcome.error = "check_" + "_".join(wrong)
    elif offline.others and fixed.parse.intent == Intent.LOG:
        pick = parts.choose(fixed.parse, offline)
        if pick is None:
            outcome.error = "split_kept"
            return
        base = parts.base(offline, pick)
        parts.repair_from(fixed.parse, base, fixed.repaired)
        outcome.parse, outcome.source = parts.arrange(merge(fixed.parse, base), offline, pick), "llm"
    else:
        outcome.parse, outcome.source = merge(fixed.parse, offline), "llm"


async def understand_hybrid(text: str, now: datetime, known: Sequence[str] = (),
                            aliases: Mapping[str, str] | None = None, llm: LlmClient | None = None,
                            mode: str = "auto", meter: Meter | None = None, team: Team = lambda: ()) -> Parse:
    """The parse of `text`: the model's as the offline parse lets it stand, or offline (see the module doc).
    `team` gives the team's members, whom a report question may name. Never raises, never waits
    longer than the client's timeout."""
    return (await understand_hybrid_ex(text, now, known, aliases, llm, mode, meter, team)).parse
