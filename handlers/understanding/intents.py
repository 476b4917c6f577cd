"""What the writer wants: log a note, ask about a customer, the pipeline, follow-ups,
team activity, help, or a chat command (undo, done N)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from handlers.understanding.cues import Lexicon, lexicon
from storage.vocabulary import Intent, Lang

_QUESTION = re.compile(r"[?？]\s*$|^\s*(?:what|who|which|how|show|list|any|give|tell|где|что|кто|какие|какой|сколько|покажи|как|расскажи|哪|谁|什么|多少|查|看看|列出|显示)", re.I)


@dataclass
class Signals:
    """What the extractors already found, which tips a message toward "log"."""

    customer: bool = False
    known_customer: bool = False
    contact: bool = False
    channel: bool = False
    stage: bool = False
    amount: bool = False
    followup: bool = False
    birthday: bool = False
    reachable: bool = False      # a phone number or e-mail address: a contact fact to keep


def command(text: str) -> tuple[Intent, int | None] | None:
    """A chat command in any of the three languages: ("undo", None) or ("done", n)."""
    for lang in (Lang.EN, Lang.RU, Lang.ZH):
        lex = lexicon(lang)
        if lex.undo.search(text):
            return Intent.UNDO, None
        m = lex.done.search(text)
        if m:
            return Intent.DONE, int(m.group("n"))
    return None


def classify(text: str, lex: Lexicon, s: Signals) -> Intent:
    """The intent of a message that is not a chat command."""
    if lex.help.search(text) or (lex.lang != "en" and lexicon("en").help.search(text) and len(text) < 40):
        return Intent.HELP
    deal_facts = s.channel or s.stage or s.amount or s.birthday or (s.followup and not _QUESTION.search(text))
    question = _QUESTION.search(text) is not None
    if not (deal_facts and s.customer):
        if lex.pipeline.search(text) and not s.channel:
            return Intent.PIPELINE
        if lex.activity.search(text) and (question or not s.customer) and not s.stage:
            return Intent.ACTIVITY
        if lex.followups.search(text) and (question or not s.customer):
            return Intent.FOLLOWUPS
        if lex.query.search(text) and s.customer and not deal_facts:
            return Intent.QUERY_CUSTOMER
        if question and s.known_customer and not deal_facts and len(text) < 80 and not lex.log_verbs.search(text):
            return Intent.QUERY_CUSTOMER
    if s.customer or s.contact or s.stage or s.amount or s.followup or s.birthday or s.reachable:
        return Intent.LOG
    if lex.log_verbs.search(text) or (s.channel and lex.refer_back.search(text)):
        return Intent.LOG
    return Intent.UNKNOWN
