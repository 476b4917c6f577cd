"""What the writer wants: log a note, ask about a customer, the pipeline, follow-ups,
team activity, help, or a chat command (undo, done N)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from handlers.understanding.cues import Lexicon, everyone, lexicon
from handlers.understanding.languages import CODES, DEFAULT, cues
from storage.vocabulary import Intent


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
    customer_first: bool = False  # the message opens with the customer's name (or quotes it): it is its subject
    fact: bool = False           # a close date, a lead source or a stay-in-touch cadence stated


def command(text: str) -> tuple[Intent, int | None] | None:
    """A chat command in any registered language: ("undo", None), ("done", n), or ("drop_followup",
    n or None)."""
    found = command_named(text)
    return (found[0], found[1]) if found else None


def command_named(text: str) -> tuple[Intent, int | None, str | None] | None:
    """`command`, with the customer a deletion names ("delete the follow-up for Globex": "Globex")."""
    for lang in CODES:
        lex = lexicon(lang)
        if lex.undo.search(text):
            return Intent.UNDO, None, None
        m = lex.done.search(text)
        if m:
            return Intent.DONE, int(m.group("n")), None
        m = _first(lex.drop_followup, text)
        if m:
            groups = m.groupdict()
            said = " ".join(part for part in (groups.get("name"), groups.get("when")) if part)
            name = said.strip(" \"'“”«»") or None
            return Intent.DROP_FOLLOWUP, int(groups["n"]) if groups.get("n") else None, name
    return None


_NEXT_DAYS = re.compile(r"tomorrow|days|завтра|дн|明天|后天|天后", re.IGNORECASE)   # a day counted, no weekday
_AROUND_DAY = re.compile(r"^\s*(?:['’]s\b)?\s*|\s*(?:\b(?:on|for|due|at|by|до|на|в|во|к)\b|的)?\s*$", re.IGNORECASE)


def drop_day(said: str | None, lang: str, today: date) -> tuple[str | None, date | None, bool]:
    """The customer and the day a deletion names, and whether the day was said by its weekday:
    "Friday" (None, that Friday, True), "Globex on Friday" (Globex, Friday, True), "Вектору на
    пятницу", "星辰科技周五", "Dec 3" (None, 3 December, False); without a day, (said, None, False)."""
    from handlers.understanding.dates import find_dates

    if not said:
        return said, None, False
    for code in dict.fromkeys((lang, *CODES)):
        hits = [hit for hit in find_dates(said, code, today) if hit.day is not None]
        if hits:
            hit = hits[0]
            rest = _AROUND_DAY.sub("", said[:hit.start]) + " " + _AROUND_DAY.sub("", said[hit.end:])
            weekday = (hit.kind == "relative" and hit.day is not None and 0 < (hit.day - today).days <= 7
                       and not _NEXT_DAYS.search(said[hit.start:hit.end]))
            return " ".join(rest.split()) or None, hit.day, weekday
    return said, None, False


def _first(patterns: tuple[re.Pattern, ...], text: str) -> re.Match | None:
    return next((m for m in (p.search(text) for p in patterns) if m), None)


def merge_command(text: str) -> tuple[str, str] | None:
    """"merge Acme Corp into Acme Industries" in any registered language: (the duplicate, the one
    kept), as written."""
    for lang in CODES:
        m = _first(lexicon(lang).merge, text)
        if m:
            a, b = (" ".join(m.group(g).split()).strip("\"'«»“”「」《》") for g in ("a", "b"))
            if a and b:
                return a, b
    return None


def rename_command(text: str) -> tuple[str, str] | None:
    """"rename Acme to Acme Corp", "переименуй Вектор в Вектор-М", "把星辰科技改名为星辰集团" in any
    registered language: (the customer, its new name), as written."""
    for lang in CODES:
        for phrase in cues(lang).RENAME:
            m = re.search(phrase, text, re.I)
            if m:
                a, b = (" ".join(m.group(g).split()).strip("\"'«»“”「」《》") for g in ("a", "b"))
                if a and b:
                    return a, b
    return None


# a message's first sentence: up to its stop, or to where a Chinese clause ends (a comma, a tilde or a space
# beside Chinese: "打了电话 采购说…", "蓝鲸回邮件了，说…")
_HAN = "\u3400-\u9fff"
_CLAUSE_END = rf"(?<=[{_HAN}])[^\S\n]+(?=[{_HAN}])|(?<=[{_HAN}])[,，~～]|[,，~～](?=[{_HAN}])"
_FIRST_SENTENCE = re.compile(rf"(?:(?!{_CLAUSE_END})[^.!?。！？\n])*(?:[.!?。！？\n]+|{_CLAUSE_END})?")


def opens_with_question(text: str, lex: Lexicon) -> bool:
    """True when the message opens with a question (after a greeting or "quick question -"): it asks,
    whatever notes follow it ("who's on Palisade Health? rafael said something huge")."""
    body = lex.aside.sub("", text, count=1) if lex.aside is not None else text
    first = _FIRST_SENTENCE.match(body)
    sentence = first.group().strip() if first else ""
    if not sentence:
        return False
    if sentence.endswith(("?", "？")):       # unless in doubt ("Jen I think?") or taken back ("Acme? no, Apex"),
        after = body[first.end():] if first else ""      # though a question word opening it still asks ("did I … right?")
        doubt = (lex.hedge is not None and lex.hedge.search(sentence)) or (lex.retract is not None and lex.retract.match(after)) \
            or _asked_by_them(sentence, lex)
        return not doubt or everyone().question_start.match(body) is not None
    return everyone().question_start.match(body) is not None


_SENTENCE = re.compile(r"[^.!?…\n]*(?:[.!?…]+|\n|$)")
_OPENER_WORDS = 3          # "Доброе утро.", "Коллеги!", "Вектор." may come before the question


def _asked_by_them(sentence: str, lex: Lexicon) -> bool:
    """True when the sentence tells a question someone else asked ("gavin asked if we support SSO?",
    "спросил, есть ли у нас SSO?", "王总问我们有没有SSO？"): its question mark is not the writer's."""
    return lex.asked_by_them is not None and lex.asked_by_them.search(sentence) is not None


def asks_first(text: str, lex: Lexicon) -> bool:
    """True when the message opens with a question in a language that names its question words
    (QUESTION_WORDS): its first sentence (after a short greeting or address of up to three words)
    ends with a question mark and holds a question word ("Что по Слободе? 640 тыс же КП было",
    "Кто ведёт Вектор? И сколько там подписано?"). Such a message asks; it is never a note, whatever
    facts the rest of it repeats."""
    if lex.question_words is None:
        return False
    for m in _SENTENCE.finditer(text):
        sentence = m.group()
        if sentence.rstrip().endswith(("?", "？")):
            return lex.question_words.search(sentence) is not None and not _asked_by_them(sentence, lex)
        if len(sentence.split()) > _OPENER_WORDS:
            return False
    return False


def classify(text: str, lex: Lexicon, s: Signals) -> Intent:
    """The intent of a message that is not a chat command. A message that opens with a question is
    never a note: it is a question about the pipeline, follow-ups, activity or a customer, or not
    understood."""
    if lex.cannot is not None and lex.cannot.search(text):
        return Intent.UNKNOWN         # "帮我订一张高铁票", "can you make me the invoice": nothing the bot does
    if (lex.help.search(text) and not (s.customer and s.channel)) or (
            lex.lang != DEFAULT and lexicon(DEFAULT).help.search(text) and len(text) < 40):
        return Intent.HELP            # "/help", "hi" work in every language; a note asking how to note stays one
    ask = _Asking.of(text, lex)
    if ask.asked:       # an amount or a day in a question points at a deal or a day, it is no new fact
        deal_facts = bool(s.channel or s.stage or s.birthday or (s.followup and s.customer))
    else:
        deal_facts = bool(s.channel or s.stage or s.amount or s.birthday or (s.followup and not ask.question))
    if ask.asked and s.known_customer and not deal_facts:
        return Intent.QUERY_CUSTOMER          # "蓉欣之前谁去拜访过", "谁拜访过润丰": about that customer
    guessed = ask.asked and not (s.known_customer or s.channel or s.amount)   # "明早第一个要找谁": no firm, a question
    if ask.asks or not (deal_facts and s.customer) or guessed:
        asked_for = _question(text, lex, s, ask, deal_facts)
        if asked_for is not None:
            return asked_for
    return _note_or_not(text, lex, s, ask)


@dataclass(frozen=True)
class _Asking:
    """How a message asks: a language's question cue ("吗", "签了没", "谁在跟"), an opening
    question ("who's on Acme? ...", "atl crest?"), or any question at all."""

    asked: bool
    asks: bool
    question: bool

    @classmethod
    def of(cls, text: str, lex: Lexicon) -> _Asking:
        asked = lex.question is not None and lex.question.search(text) is not None
        asks = opens_with_question(text, lex) or asks_first(text, lex)
        return cls(asked, asks, everyone().question.search(text) is not None or asked or asks)


def _question(text: str, lex: Lexicon, s: Signals, ask: _Asking, deal_facts: bool) -> Intent | None:
    """The question a message asks (pipeline, activity, follow-ups, a customer), or None."""
    if lex.pipeline.search(text) and (ask.asks or not s.channel):
        return Intent.PIPELINE
    if lex.activity.search(text) and (ask.question or not s.customer) and (ask.asks or not s.stage):
        return Intent.ACTIVITY
    if lex.followups.search(text) and (ask.question or not s.customer):
        return Intent.FOLLOWUPS
    if lex.query.search(text) and s.customer and (ask.asks or not deal_facts):
        return Intent.QUERY_CUSTOMER
    if ask.question and s.known_customer and not deal_facts and len(text) < 80 and not lex.log_verbs.search(text):
        return Intent.QUERY_CUSTOMER
    if ask.asked and (s.known_customer or s.customer_first) and not deal_facts:
        return Intent.QUERY_CUSTOMER      # "蓝湾那边啥进展了", "华创医疗之前我们有没有接触过"
    return None


def _note_or_not(text: str, lex: Lexicon, s: Signals, ask: _Asking) -> Intent:
    """A note when it says something to record; an opening question about a customer; else not understood."""
    if ask.asks:
        return Intent.QUERY_CUSTOMER if s.customer else Intent.UNKNOWN
    if ask.asked and not (s.channel or s.stage or s.birthday or s.reachable or (s.customer and (s.amount or s.followup))):
        return Intent.UNKNOWN                 # a question never becomes a note
    if s.customer or s.contact or s.stage or s.amount or s.followup or s.birthday or s.reachable or s.fact:
        return Intent.LOG
    if lex.log_verbs.search(text) or (s.channel and lex.refer_back.search(text)):
        return Intent.LOG
    return Intent.UNKNOWN

