"""Cue words compiled per language, and the clause-aware detectors built on them:
channel (how the interaction happened) and stage (where the deal moved).

The phrases live in handlers/understanding/languages/<code>.py; each slot's phrases are
compiled here into one alternation (a language's own, or every language's where a cue is
read whatever language the note is in, like "no answer" or "?").
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from handlers.understanding import first_chars
from handlers.understanding.ru_names import lookup_first
from handlers.understanding.languages import Phrases, cues, one_of, registered
from storage.vocabulary import Channel, Stage

_CLAUSE_END = re.compile(r"(?<!\d),|,(?!\d)|\.(?!\d)|[!?;\n()]|(?<!\d):|:(?!\d\d)|\s[—–-]\s|\.\.\.")  # "15:00" is no cut
_NOT_DEAL_REACH = 30   # characters around a stage cue within which a rival's price or a bid security takes it over
# a lost cue beats a won one in the same note: "they bought a used one elsewhere … lost the 12k deal" is lost
_STAGE_ORDER = (Stage.LOST, Stage.WON, Stage.NEGOTIATION, Stage.PROPOSAL, Stage.QUALIFIED, Stage.LEAD)
_CHANNEL_WEIGHT = {Channel.MESSAGE: 1}       # a weak cue counts only when no other channel is named; the rest weigh 2


def _compile(phrases: Phrases, flags: int = re.I) -> re.Pattern:
    return first_chars.compile("|".join(phrases), flags)


def _optional(phrases: Phrases, flags: int = re.I) -> re.Pattern | None:
    """The compiled phrases, or None for a language without that cue."""
    return _compile(phrases, flags) if phrases else None


@dataclass(frozen=True)
class Lexicon:
    """One language's cue patterns, compiled."""

    lang: str
    help: re.Pattern
    undo: re.Pattern
    done: re.Pattern
    pipeline: re.Pattern
    followups: re.Pattern
    activity: re.Pattern
    query: re.Pattern
    log_verbs: re.Pattern
    channels: tuple[tuple[re.Pattern, Channel, int], ...]
    stages: tuple[tuple[Stage, re.Pattern], ...]
    negation: re.Pattern
    commit: re.Pattern
    future: re.Pattern
    periods: tuple[tuple[re.Pattern, str], ...]
    birthday: re.Pattern
    refer_back: re.Pattern
    new_company: re.Pattern
    question: re.Pattern | None
    cannot: re.Pattern | None
    imperative: re.Pattern | None
    past: re.Pattern | None
    past_after: re.Pattern | None
    verb_past: re.Pattern | None
    day_gone: re.Pattern | None
    theirs: re.Pattern | None
    theirs_named: re.Pattern | None
    mine: re.Pattern
    clock: re.Pattern | None
    clock_window: int
    step_cuts: re.Pattern
    dangling: re.Pattern
    not_yet: re.Pattern | None
    handed_over: re.Pattern | None
    signature_ahead: re.Pattern | None
    earlier: re.Pattern | None
    asked_for: re.Pattern | None
    clock_am: re.Pattern | None
    clock_pm: re.Pattern | None
    clock_noon: re.Pattern | None
    mentioned_before: re.Pattern | None
    mentioned_after: re.Pattern | None
    aside: re.Pattern | None
    hedge: re.Pattern | None
    retract: re.Pattern | None
    question_words: re.Pattern | None
    looking_back: re.Pattern | None
    step_ahead: re.Pattern | None
    period_until: re.Pattern | None
    period_compared: re.Pattern | None
    drop_followup: tuple[re.Pattern, ...]  # tried one by one: each names its own groups
    merge: tuple[re.Pattern, ...]
    won_by_other: re.Pattern | None = None
    lost_by_other: re.Pattern | None = None   # a lost cue said of someone else ("AlphaGraphix lost")
    asked_by_them: re.Pattern | None = None   # a question someone else asked, told in the note
    lost_long_ago: re.Pattern | None = None   # a time long gone beside a lost cue: history, no move
    whole_step: re.Pattern | None = None      # a one-word step complete in itself ("call", "перезвонить")
    not_deal_money: re.Pattern | None = None  # money that is not the deal's ("competitor", "обеспечение", "保证金")
    taking: re.Pattern | None = None          # the customer takes the product: won alone, a proposal beside a quote sent


@lru_cache(maxsize=None)
def lexicon(lang: str) -> Lexicon:
    """The compiled cues of `lang` (the default language's for a code not registered)."""
    mod = cues(lang)
    c = _compile
    return Lexicon(
        mod.CODE, c(mod.HELP), c(mod.UNDO), c(mod.DONE), c(mod.PIPELINE), c(mod.FOLLOWUPS), c(mod.ACTIVITY),
        c(mod.QUERY), c(mod.LOG_VERBS),
        tuple((c(phrases), Channel(name), _CHANNEL_WEIGHT.get(Channel(name), 2))
              for name, phrases in mod.CHANNELS.items()),
        tuple((s, c(mod.STAGES[s])) for s in _STAGE_ORDER), c(mod.NEGATION), c(mod.COMMIT), c(mod.FUTURE),
        tuple((c(phrases), name) for name, phrases in mod.PERIODS.items()), c(mod.BIRTHDAY), c(mod.REFER_BACK),
        c(mod.NEW_COMPANY), _optional(mod.QUESTION), _optional(mod.CANNOT),
        _optional(mod.IMPERATIVE), _optional(mod.PAST), _optional(mod.PAST_AFTER),
        _optional(mod.VERB_PAST), _optional(mod.DAY_GONE), _optional(mod.THEIRS), _optional(mod.THEIRS_NAMED, 0), c(mod.MINE),
        _optional(mod.CLOCK), mod.CLOCK_WINDOW, c(mod.STEP_CUTS), c(mod.DANGLING), _optional(mod.NOT_YET),
        _optional(mod.HANDED_OVER), _optional(mod.SIGNATURE_AHEAD), _optional(mod.EARLIER), _optional(mod.ASKED_FOR),
        _optional(mod.CLOCK_AM), _optional(mod.CLOCK_PM),
        _optional(mod.CLOCK_NOON), _optional([p + "$" for p in mod.MENTIONED_BEFORE]),
        _optional(["^" + p for p in mod.MENTIONED_AFTER]),
        _optional([r"^\W*(?:(?:" + "|".join(mod.ASIDE) + r")\b[\s!,.:;—–-]*)+"] if mod.ASIDE else []),
        _optional([r"\b(?:" + "|".join(mod.HEDGE) + r")\W*\?+\W*$"] if mod.HEDGE else []),
        _optional([r"^[^\w?？]*(?:" + "|".join(mod.RETRACT) + ")"] if mod.RETRACT else []),
        _optional(mod.QUESTION_WORDS), _optional(mod.LOOKING_BACK), _optional(mod.STEP_AHEAD),
        _optional(mod.PERIOD_UNTIL), _optional([p + "$" for p in mod.PERIOD_COMPARED]),
        tuple(c([p]) for p in mod.DROP_FOLLOWUP), tuple(c([p]) for p in mod.MERGE),
        won_by_other=_optional(mod.WON_BY_OTHER), lost_by_other=_optional(mod.LOST_BY_OTHER), asked_by_them=_optional(mod.ASKED_BY_THEM),
        lost_long_ago=_optional(mod.LOST_LONG_AGO),
        whole_step=_optional([r"(?:" + "|".join(mod.WHOLE_STEP) + r")"] if mod.WHOLE_STEP else []),
        taking=_optional(mod.TAKING), not_deal_money=_optional(mod.NOT_DEAL_MONEY))


@dataclass(frozen=True)
class Everyone:
    """Cues read whatever language a message is in, from every registered language."""

    question: re.Pattern          # a question mark at the end, or a question word at the start
    question_start: re.Pattern    # a question word at the start
    call_outcome: re.Pattern      # a call that happened, whatever comes next
    remind: re.Pattern
    today_ok: re.Pattern
    today_order: re.Pattern       # a clause that opens with an order to oneself ("ring mick this arvo")
    filler: re.Pattern            # what to trim from a follow-up's "what"


@lru_cache(maxsize=1)
def everyone() -> Everyone:
    """The cues of every registered language, compiled together."""
    langs = registered()
    joined = lambda slot: [p for mod in langs for p in getattr(mod, slot)]  # noqa: E731
    punct = r"[\s,.;:!?，。！？；：-]"
    return Everyone(
        question=first_chars.compile(r"[?？]\s*$|^\s*" + one_of(joined("QUESTION_START")), re.I),
        question_start=first_chars.compile(r"^\s*" + one_of(joined("QUESTION_START")), re.I),
        call_outcome=_compile(joined("CALL_OUTCOME")),
        remind=_compile(joined("REMIND")),
        today_ok=_compile(joined("TODAY_OK")),
        today_order=re.compile(r"\W*" + one_of(joined("TODAY_ORDER")), re.I),
        filler=first_chars.compile(r"^" + one_of(joined("FILLER")) + r"\s+|" + punct + r"+$|^" + punct + "+", re.I))


_SPACE_CUT = re.compile(r"(?<=[^\x00-\x7f])\s+|\s+(?=[^\x00-\x7f])")


class Clauses:
    """Clause boundaries of a text (commas, full stops, dashes), for "same clause" tests. Where words
    are not spaced (Chinese), a space typed on a phone parts clauses too: "电话 约下周二"."""

    def __init__(self, text: str, spaced_words: bool = True) -> None:
        self.text = text
        cuts = [m.end() for m in _CLAUSE_END.finditer(text)]
        if not spaced_words:
            cuts = sorted(set(cuts) | {m.end() for m in _SPACE_CUT.finditer(text)})
        self.cuts = [0] + cuts + [len(text) + 1]

    def span(self, pos: int) -> tuple[int, int]:
        """The clause holding character `pos`, as (start, end)."""
        i = bisect.bisect_right(self.cuts, pos) - 1
        return self.cuts[i], min(self.cuts[i + 1], len(self.text))

    def before(self, pos: int) -> str:
        """The clause's text before `pos`."""
        return self.text[self.span(pos)[0]:pos]


def only_mentioned(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """True for a company the note only mentions: who referred us ("got my name from Kurt at Globex"),
    the rival chosen, the site that sent them, "Brackley referral: ..."."""
    before = lex.mentioned_before is not None and lex.mentioned_before.search(text, max(0, start - 60), start)
    after = lex.mentioned_after is not None and lex.mentioned_after.search(text[end:end + 30])
    if before:
        return True
    if lex.mentioned_before is not None:        # "from Kurt at Globex": the person stands between
        near = text[max(0, start - 60):start]
        person = re.search(r"(?<!\S)[A-Z]\w*(?:\s+[A-Z]\w*)?\s+(?:at|from|@|of)\s+$", near)
        if person and lex.mentioned_before.search(near, 0, person.start()):
            return True
    return bool(after)


def is_past(text: str, m: re.Match, lex: Lexicon) -> bool:
    """True when a channel cue reads as something that already happened."""
    if everyone().call_outcome.search(m.group()):
        return True             # "没人接", "no answer": a call that already happened, whatever comes next
    if lex.past is not None and lex.past.search(m.group()):
        return True
    return lex.past_after is not None and lex.past_after.match(text, m.end()) is not None


def planned(text: str, m: re.Match, lex: Lexicon, clauses: Clauses, future: list[tuple[int, int]]) -> bool:
    """True for "call with Acme tomorrow": a cue next to a future date in its clause, not in the past tense."""
    if not future:
        return False
    lo, hi = clauses.span(m.start())
    if lo > 0 and _day_alone(text, clauses.span(lo - 1), future):
        lo = clauses.span(lo - 1)[0]            # "恒远 周四 zoom": the day stands alone just before
    if lex.verb_past is not None and not lex.verb_past.search(m.group()) and not lex.verb_past.search(text[lo:hi]) \
            and not everyone().call_outcome.search(text[lo:hi]):
        # a bare noun next to a future day: "в пт встреча", "звонок Вектору 5 дек" is on the agenda
        return any(lo <= s < hi and (abs(s - m.end()) < 40 or abs(m.start() - e) < 40) for s, e in future)
    if is_past(text, m, lex):
        return False
    return any(lo <= s < hi and (abs(s - m.end()) < 40 or abs(m.start() - e) < 40) for s, e in future)


_ONLY_CLOCK = re.compile(r"[\W\d_]*(?:[上下中早晚]午|早上|晚上|傍晚|点|半|时|[\W\d_])*")


def _day_alone(text: str, span: tuple[int, int], future: list[tuple[int, int]]) -> bool:
    """True when a clause holds only a future day, maybe with its time ("周四下午3点"): a phone's pause
    then what happens that day."""
    lo, hi = span
    return any(lo <= s < hi and _ONLY_CLOCK.fullmatch(text[lo:s] + text[e:hi]) is not None for s, e in future)


def asked(text: str, m: re.Match, lex: Lexicon, clauses: Clauses) -> bool:
    """True when the cue stands in a clause that asks ("签了没？", "约上电话没"): nothing happened yet."""
    if lex.question is None:
        return False
    lo, hi = clauses.span(m.start())
    lo = max(lo, text.rfind(" ", 0, m.start()) + 1)         # a space parts clauses typed on a phone too
    space = text.find(" ", m.end())
    hi = min(hi, space) if space >= 0 else hi
    return lex.question.search(text, lo, max(m.end(), hi)) is not None or text[lo:hi].rstrip()[-1:] in ("?", "？")


def channel(text: str, lex: Lexicon, clauses: Clauses, future: Sequence[tuple[int, int]] = ()) -> Channel | None:
    """How the interaction happened: the first cue that is not a plan, a weak one (a message, an
    earlier encounter) only alone."""
    hits: list[tuple[int, int, Channel]] = []
    for pattern, name, weight in lex.channels:
        for m in pattern.finditer(text):
            before = clauses.before(m.start())
            if lex.future.search(before) or lex.negation.search(before) and name != Channel.CALL:
                continue
            if lex.imperative is not None and lex.imperative.match(text, m.start()) and not before.strip():
                continue        # "call Acme Monday": a to-do, not an interaction
            if planned(text, m, lex, clauses, list(future)):
                continue        # "call with Acme tomorrow at 3": the next step, not this one
            if asked(text, m, lex, clauses):
                continue
            if lex.earlier is not None and lex.earlier.search(text, *clauses.span(m.start())):
                hits.append((m.start(), -1, name))       # "上周展会上认识的": how they first met, not today
                continue
            hits.append((m.start(), -weight, name))
            break
    if not hits:
        return None
    strong = [h for h in hits if h[1] <= -2]
    if strong:
        hits = strong
    return min(hits)[2]


def stage(text: str, lex: Lexicon, clauses: Clauses, new_customer: bool,
          future: Sequence[tuple[int, int]] = ()) -> Stage | None:
    """Where the deal moved, by tense and object: a quote asked for or only planned is no proposal,
    a signature still ahead is negotiation, not won; "lead" only for a company the team does not
    know yet (see `first_contact` for a note about one that names no other move)."""
    if _won_by_other(text, lex, clauses):
        return Stage.LOST       # "they signed with Oracle", "конкуренты подписали", "被对手签走了"
    ahead = lex.signature_ahead is not None and lex.signature_ahead.search(text) is not None
    said_of_other = False       # "AlphaGraphix lost": the rival lost, unless nothing else of ours moved
    for name, pattern in lex.stages:
        if name == Stage.NEGOTIATION and said_of_other:
            return Stage.LOST   # "Dr Tan lost interest, too expensive": no win stands beside it
        if name == Stage.WON and ahead:
            continue
        for m in pattern.finditer(text):
            if name == Stage.LEAD and not new_customer:
                continue
            if name == Stage.WON and _taken_with_a_quote(text, m, lex, clauses, future):
                continue        # "пресс берут … КП отправил": they want it, the quote is out, nothing signed
            if not _cue_stands(name, m, text, lex, clauses, future):
                continue
            if name == Stage.LOST and _lost_by_other(m, text, lex, clauses):
                said_of_other = True
                continue
            return name
        if name == Stage.QUALIFIED and lex.asked_for is not None:
            for m in lex.asked_for.finditer(text):
                if not lex.negation.search(clauses.before(m.start())) and not asked(text, m, lex, clauses):
                    return Stage.LEAD if new_customer else Stage.QUALIFIED   # "让我出个报价"
    if new_customer and lex.new_company.search(text):
        return Stage.LEAD
    return None


def _lost_by_other(m: re.Match, text: str, lex: Lexicon, clauses: Clauses) -> bool:
    """True when the lost cue is said of someone else by name ("Pacifica signed. AlphaGraphix lost lol")."""
    if lex.lost_by_other is None:
        return False
    return any(o.start() <= m.start() < o.end() for o in lex.lost_by_other.finditer(text, *clauses.span(m.start())))


def _taken_with_a_quote(text: str, m: re.Match, lex: Lexicon, clauses: Clauses,
                        future: Sequence[tuple[int, int]]) -> bool:
    """True when a won cue only says the customer takes the product ("берут", "they're taking") and the note
    says a quote went out: the deal is at the proposal, not won."""
    if lex.taking is None or lex.taking.match(text, m.start()) is None:
        return False
    proposal = next(pattern for name, pattern in lex.stages if name == Stage.PROPOSAL)
    return any(_cue_stands(Stage.PROPOSAL, q, text, lex, clauses, future) for q in proposal.finditer(text))


def _cue_stands(name: Stage, m: re.Match, text: str, lex: Lexicon, clauses: Clauses,
                future: Sequence[tuple[int, int]]) -> bool:
    """True when a stage cue says the deal moved there now: not denied, not history, not planned or
    only asked for, not a question."""
    before = clauses.before(m.start())
    if lex.negation.search(before):
        return False
    start, end = clauses.span(m.start())
    if name in (Stage.PROPOSAL, Stage.WON) and lex.not_deal_money is not None and lex.not_deal_money.search(
            text, max(start, m.start() - _NOT_DEAL_REACH), min(end, m.end() + _NOT_DEAL_REACH)):
        return False        # "competitor quote of £0.09", "оплатили обеспечение": a rival's price or a bid security
    if name == Stage.LOST and lex.lost_long_ago is not None and lex.lost_long_ago.search(text, *clauses.span(m.start())):
        return False        # "以前丢单了 这次有新项目", "lost them last year": history, not this note's move
    if name in (Stage.PROPOSAL, Stage.WON, Stage.QUALIFIED) and lex.future.search(before) \
            and not _said_as_stage(lex.lang).search(before):
        return False        # "will send the proposal"; but "moving to proposal" puts the deal there
    if name in (Stage.PROPOSAL, Stage.WON) and lex.not_yet is not None and lex.not_yet.search(before):
        return False
    if name == Stage.PROPOSAL and _proposal_planned(text, m, lex, clauses, future):
        return False
    return not asked(text, m, lex, clauses)     # "合同签了吗": a question, no stage


@lru_cache(maxsize=None)
def _said_as_stage(lang: str) -> re.Pattern[str]:
    """Words right before a stage's name that put the deal at it ("moving to", "进入", "на этап")."""
    return re.compile(r"(?:" + "|".join(cues(lang).STAGE_BEFORE) + r")\s*$", re.I)


def _won_by_other(text: str, lex: Lexicon, clauses: Clauses) -> bool:
    """True when the note says someone else won the deal, as told, not asked or denied: the customer signed
    with a rival, a rival signed or won it ("they signed with Oracle", "Oracle won it", "конкуренты
    подписали", "被对手签走了"): the deal is lost, whatever the signing verb would say alone."""
    if lex.won_by_other is None:
        return False
    return any(not lex.negation.search(clauses.before(m.start())) and not asked(text, m, lex, clauses)
               and not _a_persons(m.group()) for m in lex.won_by_other.finditer(text))


_CAPITALISED = re.compile(r"\b[A-ZА-ЯЁ][a-zа-яё]+\b")


def _a_persons(said: str) -> bool:
    """True when the winner or the party signed with is a person by first name ("Dana won it", "Globex
    signed with Priya", "подписали с Игорем"): one of our reps, not a rival."""
    return any(w.lower() in _first_names() or lookup_first(w) is not None for w in _CAPITALISED.findall(said))


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    return frozenset(name for lang in registered() for name in getattr(lang, "FIRST_NAMES", ()))


def first_contact(parse_stage: Stage | None, new_customer: bool) -> Stage | None:
    """A note about a company the team does not know yet that names no other move: a new lead."""
    return Stage.LEAD if parse_stage is None and new_customer else parse_stage


def _proposal_planned(text: str, m: re.Match, lex: Lexicon, clauses: Clauses,
                      future: Sequence[tuple[int, int]]) -> bool:
    """True for "quote by Monday", "proposal next week": a proposal cue next to a future day in its
    clause, with nothing saying it was handed over."""
    lo, hi = clauses.span(m.start())
    if lex.handed_over is not None and lex.handed_over.search(text, lo, hi):
        return False
    if lex.step_ahead is not None and (lex.step_ahead.search(text, lo, hi) or lex.step_ahead.match(text, m.start())):
        return True             # "КП отправлю до 18.03", "кп скину завтра": the writer's step still to do
    if lex.handed_over is None or not future:
        return False
    return any(lo <= s < hi and (abs(s - m.end()) < 40 or abs(m.start() - e) < 40) for s, e in future)
