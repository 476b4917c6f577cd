"""What the follow-up is: the step a note promises around its date ("send the quote Friday" ->
"send the quote", "я пришлю КП в пятницу", "周五发报价"), from the writer's own "I'll" on when the
clause runs on."""
from __future__ import annotations

import re
from functools import lru_cache

from handlers.understanding.cues import Lexicon, everyone


_WORDY = re.compile(r"[^\W_]{2}|[\u3400-\u9fff]")
_LONG = 60        # characters before the date beyond which a step is a run-on
# a step of one bare word ("send", "call", "发", "отправлю") carries its object in the words before it
_BARE = re.compile(r"[A-Za-z\u00c0-\u024f\u0400-\u04ff]{1,12}|[\u3400-\u9fff]")
_HEADING = re.compile(r"^(?:\S+\s){0,3}\S+\s+[-–—]\s+")      # "hooli - …": the heading is the customer
_CJK = re.compile(r"[\u3400-\u9fff]")
_SENTENCE = re.compile(r"[.!?。！？\n]+")
_CONTEXT = 60     # characters of the words before a bare step kept with it
_JOINERS = " ,，;；:：-–—、"
_MOST = 80        # characters a follow-up's words keep: a longer step is cut at a word, with "…"


def promise(text: str, lex: Lexicon, clause: tuple[int, int], date_at: tuple[int, int]) -> str | None:
    """What the writer promised, as a short phrase: the step of the clause that holds the date
    (a run-on clause is cut at "and", "然后", a pause), without the date and without "remind me";
    when the date stands alone in its step, the step after it, else the one before."""
    start, end = clause
    cuts = [(m.start(), m.end()) for m in lex.step_cuts.finditer(text, start, end) if m.end() > m.start()]
    lo = max((e for s, e in cuts if e <= date_at[0]), default=start)
    hi = min((s for s, e in cuts if s >= date_at[1]), default=end)
    if date_at[0] - lo > _LONG:                  # a run-on: from the writer's own "I'll", "я", "我会" on
        mine = [m.start() for m in lex.mine.finditer(text, lo, date_at[0])]
        lo = mine[-1] if mine else lo
    if date_at[0] - lo > _LONG and lex.whole_step is not None:   # still a run-on: from its last "call", "перезвонить"
        steps = [m.start() for m in _step_word(lex.whole_step.pattern).finditer(text, lo, date_at[0])]
        lo = steps[-1] if steps else lo
    what = _phrase(text[lo:date_at[0]] + " " + text[date_at[1]:hi], lex)
    if not _WORDY.search(what):
        later = [(e, next((s2 for s2, _ in cuts if s2 >= e), end)) for s, e in cuts if s >= hi]
        earlier = [(next((e2 for _, e2 in reversed(cuts) if e2 <= s), start), s) for s, e in cuts if e <= lo]
        for a, b in later[:1] + earlier[-1:]:
            what = _phrase(text[a:b], lex)
            if _WORDY.search(what):
                break
    whole = lex.whole_step is not None and lex.whole_step.fullmatch(what) is not None   # "call", "перезвонить"
    if _BARE.fullmatch(what) and not whole:      # "send", "发", "отправлю": what to send is said before
        before = [part for part in _SENTENCE.split(text[:lo]) if _WORDY.search(part)]
        context = _phrase(_HEADING.sub("", _tail(before[-1]).strip(_JOINERS)), lex) if before else ""
        if _WORDY.search(context) and context != what:
            what = f"{what}{'：' if _CJK.search(context) else ': '}{context}"
    return clip(what, _MOST) or None


def clip(text: str, most: int) -> str:
    """`text` at most `most` characters long, cut after a whole word with "…" (Chinese at a character)."""
    if len(text) <= most:
        return text
    cut = text[:most - 1]
    if not _CJK.search(text[most - 1:most]) and " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(_JOINERS) + "…"


@lru_cache(maxsize=8)
def _step_word(pattern: str) -> re.Pattern[str]:
    return re.compile(r"(?<![^\W\d_])(?:" + pattern + r")(?![^\W\d_])", re.IGNORECASE)


def _tail(text: str) -> str:
    """The last `_CONTEXT` characters of `text`, starting at a word (a cut word is dropped)."""
    if len(text) <= _CONTEXT:
        return text
    cut = text[-_CONTEXT:]
    return cut.split(" ", 1)[1] if " " in cut and not _CJK.search(cut[:1]) else cut


def _phrase(text: str, lex: Lexicon) -> str:
    """A step made a phrase: spaces folded, "remind me (to)", leading filler and hanging words dropped."""
    common = everyone()
    text = re.sub(r"\s+", " ", text).strip()
    text = common.remind.sub("", text, count=1) if common.remind.match(text) else text
    text = re.sub(r"^\s*to\s+", "", text) if text != text.lstrip() or text[:3].lower() == "to " else text
    for _ in range(4):                           # "um so uh": one filler word at a time
        trimmed = common.filler.sub("", text).strip()
        if trimmed == text:
            break
        text = trimmed
    return lex.dangling.sub("", text).strip()
