"""Which date in a note is the follow-up, which is a birthday, and which period a question asks about."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from handlers.understanding import calendar as cal
from handlers.understanding.cues import Clauses, Lexicon, planned
from handlers.understanding.dates import DateHit, find_dates

_SENTENCE_END = re.compile(r"[.!?。！？;\n]")
_REMIND = re.compile(r"\bremind\s+me\b|\bнапомни\w*|提醒我?|\bset\s+a\s+reminder\b|\bне\s+забыть\b|记得", re.I)
_TODAY_OK = re.compile(r"\bfollow[\s-]?up\b|\bping\b|\bcheck\s+in\b|\btouch\s+base\b|\bcall\s+(?:them|him|her|back)\b|"
                       r"跟进|回访|\bперезвон\w*|\bсозвонимся\b|\bпозвонить\b|\bнаписать\b", re.I)
# the customer's own promise ("they'll decide by Friday", "они ответят до пятницы", "他们周五前答复"):
# a date the writer does not commit to, unless the same clause also holds the writer's own step
_THEIRS = {
    "en": re.compile(r"\b(?:they|he|she|client|customer)(?:'ll|\s+will|'d|\s+would|\s+(?:are|is)\s+(?:going\s+to|gonna)|"
                     r"\s+promised\s+to|\s+plan\s+to|\s+expect\s+to|\s+hope\s+to|\s+should|\s+said\s+they'?d?)\s+"
                     r"(?:\w+\s+)?(?:decide|get\s+back|reply|respond|confirm|sign|come\s+back|let\s+(?:us|me)\s+know|"
                     r"revert|think|review|approve|pay|finali[sz]e|choose|pick|make\s+(?:a|the|their)\s+(?:decision|call))|"
                     r"\b(?:decision|answer|reply|response|feedback|approval|signature|payment)\s+(?:is\s+)?(?:expected|due|promised)\b|"
                     r"\bexpect(?:ing)?\s+(?:a|an|their|the)\s+(?:decision|answer|reply|response|feedback|approval|signature|payment)\b",
                     re.I),
    "ru": re.compile(r"\b(?:ответ|реш|подпиш|пришл|оплат|сообщ|подтверд|определ|отпиш|перезвон)(?:ят|ит|ут|ют|ет|ат|атся|ятся|ится|утся|ются|ется)\b|"
                     r"\b(?:примут|примет)\s+решени\w*|\b(?:дадут|даст)\s+(?:ответ|обратн\w*|знать)|\bверн(?:утся|ется)\s+с\s+ответом|"
                     r"\b(?:посмотрят|подумают|рассмотрят)\b|\bобещали\s+(?:ответить|оплатить|подписать|решить|дать|вернуться)", re.I),
    "zh": re.compile(r"(?:他们|她们|对方|客户|人家|他|她)\S{0,6}?(?:答复|回复|定下来|做决定|决定|付款|打款|回款|反馈|考虑|回话|回消息|"
                     r"给(?:我们|我)?(?:答复|回复|消息|结果|反馈|答案))"),
}
_MINE = {
    "en": re.compile(r"\b(?:i|we)(?:'ll|'d|\s+will|\s+need|\s+have|\s+should|\s+must|'m\s+going|\s+am\s+going|\s+plan|"
                     r"\s+promised|'re\s+going)\b|\bremind\s+me\b|\bfollow[\s-]?up\b|\bping\b|\bchase\b|\bcheck\s+in\b|"
                     r"\bcall\s+(?:them|him|her|back)\b|\bsend\s+(?:them|him|her)\b", re.I),
    "ru": re.compile(r"\b(?:я|мы)\b|\bнапомн\w*|\b(?:перезвоню|наберу|напишу|отправлю|пришлю|вышлю|созвонимся|заеду|позвоню|"
                     r"уточню|проконтролирую)\b|\bнадо\b|\bнужно\b", re.I),
    "zh": re.compile(r"(?:我们|我)(?:要|会|得|需要|准备|计划|打算|去|再|来)|提醒|跟进|回访|催|把"),
}
_THEIRS_NAMED = re.compile(r"\b(?!I\b)[A-Z][\w&.-]*\s+(?:will|'ll|is\s+going\s+to|promised\s+to)\s+(?:\w+\s+)?(?:decide|get\s+back|"
                           r"reply|respond|confirm|sign|come\s+back|let\s+(?:us|me)\s+know|revert|think|review|approve|pay|"
                           r"finali[sz]e|choose|pick)\b")


# a clock time next to a date makes it an appointment: "tomorrow 3pm", "завтра в 15:00", "明天下午3点"
_DAYWORD_EN = r"(?:tomorrow|tmrw|today|tonight|on\b|next|this|mon|tue|wed|thu|fri|sat|sun)"
_DAYWORD_RU = r"(?:завтра|сегодня|послезавтра|понедельник|вторник|сред|четверг|пятниц|суббот|воскрес)"
_CLOCK = {
    "en": re.compile(r"\b\d{1,2}(?::[0-5]\d)?\s*(?:am|pm|a\.m\.|p\.m\.)|\b(?:[01]?\d|2[0-3]):[0-5]\d\b|\bnoon\b|"
                     r"(?:\bat|@)\s*\d{1,2}(?=\s*(?:$|[,.;!?]|o'?clock|" + _DAYWORD_EN + r"))", re.I),
    "ru": re.compile(r"\b(?:в|к|на)\s+(?:[01]?\d|2[0-3])(?:[:.][0-5]\d|\s*(?:час\w*|ч\b|утра|вечера|дня))|\b(?:[01]?\d|2[0-3]):[0-5]\d\b|"
                     r"\b(?:в|к)\s+(?:[01]?\d|2[0-3])(?=\s*(?:$|[,.;!?]|" + _DAYWORD_RU + r"))", re.I),
    "zh": re.compile(r"(?:上午|下午|晚上|早上|中午|傍晚)?[0-9零一二两三四五六七八九十]{1,3}(?:点|时)(?:半|[0-9一二三四五]{1,2}分?)?|\b(?:[01]?\d|2[0-3]):[0-5]\d"),
}


def at_clock(text: str, lang: str, start: int, end: int) -> bool:
    """True when a clock time is written right before or after the date at start:end."""
    pattern = _CLOCK.get(lang)
    if pattern is None:
        return False
    window = 14 if lang != "zh" else 6
    return any(m.end() >= start - window and m.start() <= end + window
               for m in pattern.finditer(text, max(0, start - window - 12), min(len(text), end + window + 12)))


def theirs(clause: str, lang: str) -> bool:
    """True when the clause's date is the customer's promise, not a step the writer commits to."""
    pattern = _THEIRS.get(lang)
    if pattern is None:
        return False
    if not pattern.search(clause) and not (lang == "en" and _THEIRS_NAMED.search(clause)):
        return False
    return not _MINE[lang].search(clause)


_FILLER = re.compile(r"^(?:and|then|also|so|и|а|потом|然后|再|还有)\s+|[\s,.;:!?，。！？；：-]+$|^[\s,.;:!?，。！？；：-]+", re.I)


@dataclass
class Timeline:
    """The dates a note holds, sorted out."""

    followup_on: date | None = None
    followup_what: str | None = None
    birthday: str | None = None
    problems: list[str] = field(default_factory=list)
    future: list[tuple[int, int]] = field(default_factory=list)     # spans of dates after today


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


def sort_out(text: str, lang: str, today: date, lex: Lexicon, clauses: Clauses) -> Timeline:
    """Follow-up date (a date in a clause where the writer commits to something), birthday
    (a month and day next to a birthday word) and date problems."""
    out = Timeline()
    hits = find_dates(text, lang, today)
    if not hits:
        return out
    birthdays = _birthday_hits(text, hits, lex)
    for hit in birthdays.values():
        if hit.kind == "bad" or hit.month_day is None or not cal.valid_month_day(*hit.month_day):
            out.problems.append("bad_date")
        elif out.birthday is None:
            out.birthday = f"{hit.month_day[0]:02d}-{hit.month_day[1]:02d}"
    reminder = _REMIND.search(text)
    remind = reminder is not None
    for i, hit in list(birthdays.items()):   # "remind me on Dec 3 to wish Petrov a happy birthday":
        if reminder is not None and 0 <= hit.start - reminder.end() <= 15:   # the day of the reminder too
            del birthdays[i]
    out.future = [(h.start, h.end) for i, h in enumerate(hits)
                  if i not in birthdays and h.day is not None and h.day > today and h.kind != "today"]
    for i, hit in enumerate(hits):
        if i in birthdays:
            continue
        if hit.kind == "bad" or hit.day is None:
            if "bad_date" not in out.problems:
                out.problems.append("bad_date")
            continue
        if out.followup_on is not None or hit.day < today:
            continue
        start, end = clauses.span(hit.start)
        clause = text[start:end]
        committed = lex.commit.search(clause) is not None or remind or at_clock(text, lang, hit.start, hit.end) or any(
            planned(text, m, lang, clauses, [(hit.start, hit.end)])
            for pattern, _, _ in lex.channels for m in pattern.finditer(text, start, end))
        if hit.kind == "today" and not remind and not _TODAY_OK.search(clause):
            continue
        if committed and not theirs(clause, lang):
            out.followup_on = hit.day
            what = (clause[:hit.start - start] + " " + clause[hit.end - start:]).strip()
            what = _FILLER.sub("", re.sub(r"\s+", " ", what)).strip()
            out.followup_what = what[:160] or None
    return out


def period(text: str, lex: Lexicon, today: date, days: bool = False,
           ahead: bool = False) -> tuple[date, date] | None:
    """The period a question names (the earliest one written), or None. With `days`, a single
    day also counts ("what do I have on Friday", "планы на пятницу", "周五有什么安排")."""
    best: tuple[int, str] | None = None
    for pattern, name in lex.periods:
        m = pattern.search(text)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), name)
    if best is None:
        if days:
            hit = next((h for h in find_dates(text, lex.lang, today) if h.day is not None and h.kind != "week"), None)
            if hit is not None:
                return hit.day, hit.day
        return None
    return cal.period_for(best[1], today, ahead)
