"""Which report a question asks for, from its words, and whether a note reports a complaint or an
inquiry. The words are each language's own (the "report questions" slots of
handlers/understanding/languages): adding a phrase is a line there, never a change here.

Understanding places a question as "pipeline" (pipeline, forecast, deals closing), "activity"
(what the team did), or not at all ("help", "unknown", or "log" when it reads like a note).
`report_asked` settles which report it is, once, for every path (offline rules, the model,
chat commands): the specific words first ("forecast", "win rate", "complaints", "逾期",
"зависшие"...), "funnel", "漏斗", "воронка" alone for the pipeline by stage. A note about a
customer is never taken for a report question.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from handlers.understanding.cues import lexicon
from handlers.understanding.languages import registered
from handlers.understanding.languages.protocol import REPORT_KINDS
from handlers.understanding.members import member_asked, members_compared, members_named
from handlers.understanding.model import Parse, TeamMember
from handlers.understanding.asked_period import compared, period
from storage.vocabulary import Intent, Issue, ReportKind

Team = Callable[[], Sequence[TeamMember]]   # the team's members, read when a question may name one

log = logging.getLogger("crmbot.understanding")

_I = re.IGNORECASE
# a longer message that the rules could not place is not a report question
MAX_QUESTION = 200
# what an "activity" question may ask for beside the team's activity: the loose ends, the ranking
_ACTIVITY_TURNS = (ReportKind.OVERDUE, ReportKind.INQUIRIES, ReportKind.QUIET, ReportKind.LEADERBOARD)
# the words of these reports also name a pipeline question ("pipeline by source", "top of the funnel")
_PIPELINE_TOO = (ReportKind.TOP, ReportKind.SOURCES)


@dataclass(frozen=True)
class _Words:
    """Every registered language's report words (handlers/understanding/languages, "report questions"),
    compiled once: a message mixing languages ("这个月pipeline") is read whole."""

    rules: tuple[tuple[ReportKind, re.Pattern[str]], ...]    # most specific first: the first match wins
    pipeline: re.Pattern[str]
    mine: re.Pattern[str]
    who: re.Pattern[str]
    asked_by: re.Pattern[str]       # a name and the words after it saying they had the writer ask
    history: re.Pattern[str]
    won: re.Pattern[str]
    rows: re.Pattern[str]           # one group per phrase: the count
    counts: dict[str, int]


def _any(phrases: Iterable[str]) -> re.Pattern[str]:
    return re.compile("|".join(phrases), _I)


@lru_cache(maxsize=1)
def _words() -> _Words:
    languages = registered()

    def every(slot: str) -> re.Pattern[str]:
        return _any(phrase for language in languages for phrase in getattr(language, slot))

    counts = {word.casefold(): n for language in languages for word, n in language.REPORT_COUNTS.items()}
    count = r"(\d{1,2}|%s)" % "|".join(re.escape(word) for word in sorted(counts, key=len, reverse=True))
    return _Words(
        rules=tuple((kind, _any(phrase for language in languages for phrase in language.REPORTS[kind.value]))
                    for kind in REPORT_KINDS),
        pipeline=every("REPORT_PIPELINE"), mine=every("REPORT_MINE"), who=every("REPORT_WHO"),
        asked_by=_any(r"[\w’'-]+(?:" + phrase + ")" for language in languages for phrase in language.REPORT_ASKED_BY),
        history=every("REPORT_HISTORY"), won=every("REPORT_WON"),
        rows=_any(phrase.replace("{n}", count) for language in languages for phrase in language.REPORT_ROWS),
        counts=counts)


def report_kind(text: str) -> ReportKind | None:
    """The report a question's specific words name: leaderboard, inquiries, overdue, funnel, sources,
    top, quiet, forecast (the first that matches, most specific first); None when no such words are there."""
    for kind, pattern in _words().rules:
        if pattern.search(text or ""):
            return kind
    return None


def report_asked(intent: Intent, text: str, about_customer: bool) -> ReportKind | None:
    """The report a message with this intent asks for, or None when it asks for none.
    `about_customer`: the message names a customer (or one was picked for it): then it is a note."""
    text = text or ""
    kind = report_kind(text)
    if intent == Intent.PIPELINE:
        if kind is not None and not (kind in _PIPELINE_TOO and _words().pipeline.search(text)):
            return kind
        return ReportKind.PIPELINE
    if intent == Intent.ACTIVITY:
        return kind if kind in _ACTIVITY_TURNS else ReportKind.ACTIVITY
    if intent == Intent.FOLLOWUPS:     # "what's overdue", "кто отстаёт": the overdue report, the team's for a
        # manager; "what's overdue for me" stays the asker's own list, with its Done / Snooze
        return kind if kind == ReportKind.OVERDUE and not _words().mine.search(text) else None
    if intent == Intent.LOG:
        return kind if not about_customer else None   # "lost reasons this quarter" reads like a note
    if intent in (Intent.HELP, Intent.UNKNOWN) and len(text) <= MAX_QUESTION:
        if kind is not None:
            return kind
        return ReportKind.PIPELINE if _words().pipeline.search(text) else None
    return None


def settle_report(parse: Parse, text: str, today: date, team: Team = lambda: ()) -> Parse:
    """The last word of understanding, whichever path gave the parse (the rules, the model, a chat
    command): the report the message asks for, the members of `team` it is about ("Anna's
    pipeline") or the name it puts where a member goes ("what did Zed do"), the period its words
    name when the parse has none (a question that reads like a note, "lost reasons this quarter"),
    and whether a note reports a complaint or an inquiry. `today` is the writer's; `team` gives
    the team's members (read only when the message asks for a report)."""
    parse.report = report_asked(parse.intent, text, bool(parse.customer or parse.customer_candidates))
    beside = _compared(parse, text, today)
    if beside is not None and parse.report is None:     # "won this quarter vs last quarter": a question, never a note
        parse.report = report_kind(text) or ReportKind.ACTIVITY
    parse.period_compared = beside if parse.report is not None else None
    words = _words()
    parse.mine = words.mine.search(text or "") is not None
    parse.issue = issue_of(text) if parse.report is None else None
    about = words.asked_by.sub(" ", text or "")    # "Иван просил узнать, сколько сделок…": not Ivan's deals
    parse.members, parse.member_asked = ((), None) if parse.report is None else \
        (members_named(about, team()), member_asked(about))
    compared = members_compared(about, team()) if parse.report is not None else ()
    if compared:                          # "compare Anna and Boris": both, side by side
        parse.members, parse.members_compared = compared, True
    parse.history = parse.intent == Intent.QUERY_CUSTOMER and words.history.search(text or "") is not None
    if parse.report == ReportKind.DEALS:
        parse.rows_asked, parse.won_asked = rows_asked(text or ""), words.won.search(text or "") is not None
    if parse.report is not None and parse.period is None:
        try:
            parse.period = period(text or "", lexicon(parse.lang), today)
        except Exception:  # words we cannot read as a period: the report's default period
            log.exception("reading the period of a report question failed")
    return parse


def rows_asked(text: str) -> int | None:
    """How many lines the question asks for ("top 5 deals", "前五大订单", "топ-10 сделок"), or None."""
    words = _words()
    found = words.rows.search(text)
    if found is None:
        return None
    said = next(group for group in found.groups() if group)
    return int(said) if said.isdigit() else words.counts.get(said.casefold())


@lru_cache(maxsize=1)
def _issue_cues() -> tuple[tuple[Issue, re.Pattern[str]], ...]:
    """Every registered language's complaint cues, then every language's inquiry cues (a note mixing
    languages, "客户complained about 交货", is read whole)."""
    return tuple((kind, re.compile("|".join(phrase for language in registered()
                                            for phrase in getattr(language, kind.name)), _I))
                 for kind in (Issue.COMPLAINT, Issue.INQUIRY))


def issue_of(text: str) -> Issue | None:
    """Whether a note reports a complaint (first) or an inquiry; None for an ordinary note."""
    for kind, cue in _issue_cues():
        if cue.search(text or ""):
            return kind
    return None


_COMPARING = (Intent.LOG, Intent.UNKNOWN, Intent.HELP, Intent.PIPELINE, Intent.ACTIVITY, Intent.FOLLOWUPS)


def _compared(parse: Parse, text: str, today: date) -> tuple[date, date] | None:
    """The second period of a short question that sets two side by side and names no customer."""
    if parse.intent not in _COMPARING or parse.customer or parse.customer_candidates or len(text or "") > MAX_QUESTION:
        return None
    try:
        return compared(text or "", lexicon(parse.lang), today)
    except Exception:  # words we cannot read as a period: no comparison
        log.exception("reading the compared period of a report question failed")
        return None

