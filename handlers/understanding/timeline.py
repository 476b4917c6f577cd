"""Which date in a note is the follow-up and which is a birthday; the day it happened is
handlers/understanding/days_gone.py, the step promised promised.py, the period a question asks
about asked_period.py."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, time, timedelta

from handlers.understanding import calendar as cal
from handlers.understanding.cues import Clauses, Lexicon, everyone, planned
from handlers.understanding.dates import REFUSED, DateHit, find_dates
from handlers.understanding.day_instead import kept_day, moved_day, moved_onto
from handlers.understanding.days_gone import happened
from handlers.understanding.model import Refusal, Refused
from handlers.understanding.promised import _WORDY, promise
from handlers.understanding.times_of_day import ClockHit, clock_near, first_clock

_SENTENCE_END = re.compile(r"[.!?。！？;\n]")


_OWN_DAY_REACH = 15    # characters after "remind me" within which its own day is written ("напомни мне 16-го")


def _piece(text: str, start: int, end: int, hit: DateHit) -> str:
    """The part of the clause start:end between the commas around the date."""
    lo = max(text.rfind(",", start, hit.start), text.rfind("，", start, hit.start)) + 1 or start
    his = [i for i in (text.find(",", hit.end, end), text.find("，", hit.end, end)) if i >= 0]
    return text[max(lo, start):min(his) if his else end]


def at_clock(text: str, lex: Lexicon, start: int, end: int) -> bool:
    """True when a clock time is written right before or after the date at start:end:
    "tomorrow 3pm", "завтра в 15:00", "明天下午3点" make the date an appointment."""
    if lex.clock is None:
        return False
    window = lex.clock_window
    return any(m.end() >= start - window and m.start() <= end + window
               for m in lex.clock.finditer(text, max(0, start - window - 12), min(len(text), end + window + 12)))


def theirs(clause: str, lex: Lexicon) -> bool:
    """True when the clause's date is the customer's promise ("they'll decide by Friday", "они ответят
    до пятницы", "他们周五前答复"): a date the writer does not commit to, unless the same clause also
    holds the writer's own step."""
    if lex.theirs is None:
        return False
    if not lex.theirs.search(clause) and not (lex.theirs_named is not None and lex.theirs_named.search(clause)):
        return False
    return not lex.mine.search(clause)


def _step(text: str, lex: Lexicon, start: int, end: int, at: int) -> str:
    """The step of a run-on clause that holds `at` ("他们下周签合同 然后 我明天安排": "他们下周签合同"),
    so that the customer's promise in one step does not pass for the writer's in another."""
    lo, hi = start, end
    for m in lex.step_cuts.finditer(text, start, end):
        if m.end() <= at:
            lo = m.end()
        elif m.start() > at:
            hi = m.start()
            break
    return text[lo:hi]


@dataclass
class Timeline:
    """The dates a note holds, sorted out."""

    followup_on: date | None = None
    followup_what: str | None = None
    followup_at: time | None = None
    birthday: str | None = None
    problems: list[str] = field(default_factory=list)
    refused: list[Refused] = field(default_factory=list)
    future: list[tuple[int, int]] = field(default_factory=list)     # spans of dates after today
    happened_on: date | None = None     # the day the note tells something happened, when not today
    moved_from: date | None = None      # the day a follow-up is moved from ("со среды на пятницу")
    moves: bool = False                 # the step is said as moved to the follow-up's day ("КП перенёс на понедельник")


def _birthday_hits(text: str, hits: list[DateHit], lex: Lexicon) -> dict[int, DateHit]:
    chosen: dict[int, DateHit] = {}
    for cue in lex.birthday.finditer(text):
        best, best_gap = None, 10**6
        for i, hit in enumerate(hits):
            if hit.month_day is None or i in chosen:
                continue
            lo, hi = (hit.end, cue.start()) if hit.end <= cue.start() else (cue.end(), hit.start)
            gap = hi - lo
            if gap > 45 or _SENTENCE_END.search(text, lo, hi):
                continue
            gap += 5 if hit.end <= cue.start() else 0      # "birthday is April 9" over "April 9 birthday"
            if gap < best_gap:
                best, best_gap = i, gap
        if best is not None:
            chosen[best] = hits[best]
    return chosen


def sort_out(text: str, lang: str, today: date, lex: Lexicon, clauses: Clauses, now: time | None = None,
             first_day: bool = False) -> Timeline:
    """Follow-up date (a date in a clause where the writer commits to something) and its time of
    day, birthday (a month and day next to a birthday word), date problems, and dates refused.
    `now` is the writer's local time: a time of day today that has passed is refused, and a
    reminder with a time but no day ("remind me at 3pm") is today's, or tomorrow's once passed.
    `first_day`: the writer writes numeric dates day first ("07/12" is 7 December)."""
    out = Timeline()
    hits = find_dates(text, lang, today, first_day)
    if not hits:
        _clock_only(out, text, lex, clauses, today, now)
        return out
    reminder = everyone().remind.search(text)
    birthdays = _birthdays(out, text, hits, lex, reminder)
    out.happened_on, gone = happened(text, hits, lex, today) if reminder is None else (None, set[int]())
    out.future = [(h.start, h.end) for i, h in enumerate(hits) if i not in birthdays and i not in gone
                  and h.day is not None and h.day > today and h.kind != "today"]
    _followup(out, text, hits, birthdays, lex, clauses, reminder, today, now, gone)
    kept = kept_day(text, lang, hits)
    if kept is not None and kept.day is not None and kept.day >= today:
        out.followup_on = kept.day              # "wed not tmrw", "не вторник, среда": the day kept
    moved = moved_day(text, lang, hits)
    if moved is not None and moved[1].day is not None and moved[1].day >= today:
        old, new = moved                         # "перенести демо со среды на пятницу": the follow-up moves there
        out.followup_on, out.moved_from, out.followup_at = new.day, old.day, None
        _timed(out, clock_near(text, lex, new.start, new.end), new.day, today, now)
    if out.followup_on is None and reminder is not None:   # "生日1月8号 提醒我送礼物": that day
        for hit in birthdays.values():
            if hit.day is not None and hit.day >= today and 0 <= reminder.start() - hit.end <= 15:
                out.followup_on = hit.day
    if out.followup_on is None and not out.refused:
        _clock_only(out, text, lex, clauses, today, now)
    return out


def _birthdays(out: Timeline, text: str, hits: list[DateHit], lex: Lexicon,
               reminder: re.Match[str] | None) -> dict[int, DateHit]:
    """The dates that are birthdays, by their place in `hits`; the first valid one is the birthday.
    A birthday day right after "remind me" is the reminder's day too, so it stays a follow-up day
    ("remind me on Dec 3 to wish Petrov a happy birthday")."""
    birthdays = _birthday_hits(text, hits, lex)
    for hit in birthdays.values():
        if hit.kind == "bad" or hit.month_day is None or not cal.valid_month_day(*hit.month_day):
            out.problems.append("bad_date")
        elif out.birthday is None:
            out.birthday = f"{hit.month_day[0]:02d}-{hit.month_day[1]:02d}"
    for i, hit in list(birthdays.items()):
        if reminder is not None and 0 <= hit.start - reminder.end() <= 15:
            del birthdays[i]
    return birthdays


def _followup(out: Timeline, text: str, hits: list[DateHit], birthdays: dict[int, DateHit], lex: Lexicon,
              clauses: Clauses, reminder: re.Match[str] | None, today: date, now: time | None,
              gone: set[int]) -> None:
    """The follow-up day: the first day ahead the writer commits to, unless a later one is the
    writer's own step said with its own day. Days too far are refused; unreadable ones are problems."""
    mine = False                     # the follow-up taken is the writer's own step ("я", "сделаю")
    for i, hit in enumerate(hits):
        if i in birthdays:
            continue
        if hit.kind == REFUSED:
            out.refused.append(Refused(Refusal.DATE_TOO_FAR, text[hit.start:hit.end]))
            continue
        if hit.kind == "bad" or hit.day is None:
            if "bad_date" not in out.problems:
                out.problems.append("bad_date")
            continue
        if (out.followup_on is not None and mine) or hit.day < today or i in gone:
            continue
        around = _around(text, hit, hits, lex, clauses, reminder)
        if around is None:
            continue
        if out.followup_on is not None and not (around.committed and around.own):
            continue            # a day is taken; only the writer's own step said with its own day comes before it
        if around.committed and (around.reminded or not theirs(around.step, lex)):
            mine = around.own                  # "просит КП до 29-го, сделаю к 27-му": the 27th
            _take(out, text, lex, hits, i, (around.start, around.end), today, now)


@dataclass(frozen=True)
class _Around:
    """What the clause around a date says about it."""

    start: int
    end: int
    committed: bool     # the writer commits to something then (a commit word, a reminder, a clock time, a plan)
    reminded: bool      # "remind me" right after the day ("下周一寄过来，到时候提醒我")
    own: bool           # the writer's own step ("я", "сделаю")
    step: str           # the step said with the day


def _clause_of(text: str, hit: DateHit, lex: Lexicon, clauses: Clauses) -> tuple[int, int, bool]:
    """The clause a date belongs to, as (start, end, whether the day stands alone in its own clause)."""
    start, end = clauses.span(hit.start)
    rest = (text[start:hit.start] + " " + text[hit.end:end]).strip(" ,.;:!?，。；：！？")
    alone = not lex.dangling.sub("", rest).strip(" ,.;:!?，。；：！？")      # "周五前 把报价发过去": the day alone
    if alone and end < len(text):
        end = clauses.span(end + 1)[1]        # "12月15号 回访": a day standing alone goes with what follows
    start, end = _with_dangling(text, clauses, (start, end), hit)
    return start, end, alone


def _around(text: str, hit: DateHit, hits: list[DateHit], lex: Lexicon, clauses: Clauses,
            reminder: re.Match[str] | None) -> _Around | None:
    """What the date's clause says of it; None for "today" said in passing (no reminder, no "today" cue)."""
    start, end, alone = _clause_of(text, hit, lex, clauses)
    if hit.kind == "today" and reminder is None and not _near(everyone().today_ok, text, hit, start, end) \
            and not everyone().today_order.match(text, start):
        return None
    clause = text[start:end]
    last = alone and start > 0 and end >= len(text)   # "东海 去了 老总不在 下周": the next step's day
    committed = last or lex.commit.search(clause) is not None or reminder is not None \
        or at_clock(text, lex, hit.start, hit.end) \
        or any(planned(text, m, lex, clauses, [(hit.start, hit.end)])
               for pattern, _, _ in lex.channels for m in pattern.finditer(text, start, end))
    reminded = reminder is not None and 0 <= reminder.start() - hit.end <= 12 \
        and not any(0 <= h.start - reminder.end() <= _OWN_DAY_REACH for h in hits)
    return _Around(start, end, committed, reminded, own=lex.mine.search(_piece(text, start, end, hit)) is not None,
                   step=_step(text, lex, start, end, hit.start))


def _take(out: Timeline, text: str, lex: Lexicon, hits: list[DateHit], i: int, clause: tuple[int, int],
          today: date, now: time | None) -> None:
    """Date `hits[i]` is the follow-up: its day (a week's named day where one follows), time and promise."""
    hit = hits[i]
    out.followup_on = hit.day
    if hit.kind == "week":          # "下周去做demo, 定了下周二": the day named in that week
        week = hit.day
        hit = next((h for h in hits[i + 1:] if h.day is not None and week is not None and h.kind != "week"
                    and 0 < (h.day - week).days < 7), hit)
        out.followup_on = hit.day
    clock = clock_near(text, lex, hit.start, hit.end)
    _timed(out, clock, hit.day, today, now)
    out.followup_what = promise(_without(text, clock), lex, clause, (hit.start, hit.end))
    verb = moved_onto(text, lex.lang, hit)
    out.moves = verb is not None
    if verb is not None and out.followup_what:     # "发方案改到": the step is "发方案", its move no part of it
        moving = text[verb:hit.start].strip()
        at = out.followup_what.find(moving) if moving else -1
        if at > 0:
            out.followup_what = out.followup_what[:at].strip(" ,.;:-—–，。；：") or out.followup_what


def _timed(out: Timeline, clock: ClockHit | None, day: date | None, today: date, now: time | None) -> None:
    """The follow-up's time of day, unless it is today's and has passed (then it is refused)."""
    if clock is None or day is None:
        return
    if day == today and now is not None and clock.at <= now:
        out.refused.append(Refused(Refusal.TIME_PASSED, clock.written.strip()))
    else:
        out.followup_at = clock.at


def _clock_only(out: Timeline, text: str, lex: Lexicon, clauses: Clauses, today: date, now: time | None) -> None:
    """"Remind me at 3pm to call Maria": a reminder with a time and no day is for today, or for
    tomorrow when that time has passed."""
    if now is None or not everyone().remind.search(text):
        return
    clock = first_clock(text, lex)
    if clock is None:
        return
    out.followup_on = today if clock.at > now else today + timedelta(days=1)
    out.followup_at = clock.at
    out.followup_what = promise(text, lex, clauses.span(clock.start), (clock.start, clock.end))


def _without(text: str, clock: ClockHit | None) -> str:
    """The text with the clock time blanked out (same length: spans stay), so the promise leaves it out."""
    if clock is None:
        return text
    return text[:clock.start] + " " * (clock.end - clock.start) + text[clock.end:]


_TODAY_REACH = 30       # characters between "today" and the step that makes it the follow-up day
_BARE_PREFIX = re.compile(r"[\W_]*(?:\w{1,2}[\W_]+)?$")     # nothing but a short word before the date: "до", "к", "by"
_DASH_CUT = re.compile(r"(?:\s[—–-]|,)\s*$")


def _near(pattern: re.Pattern, text: str, hit: DateHit, start: int, end: int) -> bool:
    """True when `pattern` is found in the clause within `_TODAY_REACH` characters of the date."""
    return pattern.search(text, max(start, hit.start - _TODAY_REACH), min(end, hit.end + _TODAY_REACH)) is not None


def _with_dangling(text: str, clauses: Clauses, span: tuple[int, int], hit: DateHit) -> tuple[int, int]:
    """The clause of a date, with the clause before it when the date stands after a dash or a comma with
    nothing before it but a short word and nothing after it ("КП — до ср.", "встречу назначим, числа
    пятнадцатого", "quote - by Fri"): the step is the one before. A step written after the date
    ("，下周二发合同") is its own."""
    start, end = span
    if start > 0 and _BARE_PREFIX.match(text, start, hit.start) and _DASH_CUT.search(text, 0, start) \
            and not _WORDY.search(text, hit.end, end):
        return clauses.span(start - 1)[0], end
    return start, end
