"""Does a message ask for information? A rule of the conversation, whatever the parse says: a
message that asks (a question mark, "what/who/how", "что/кто/сколько", "啥/怎么样/吗") is answered
or met with "I didn't understand", never recorded as a note (DESIGN.md, invariant 8). A question
mark after a doubt inside a note ("talked to the owner, Jen I think? wants a demo"), or after a question
someone else asked, told in the note ("gavin asked if we support SSO?"), does not ask.
"""
from __future__ import annotations

import re
from functools import lru_cache

from handlers.understanding import pasted
from handlers.understanding.languages import CODES, cues, one_of

_MARK = re.compile(r"[?？]")
_SENTENCE_START = re.compile(r"[.!?。！？\n]")
_QUOTED = re.compile(r"«[^«»]*»|“[^“”]*”")
_PASTED = re.compile(r'"[^"\n]{12,}"|“[^”\n]{12,}”|«[^»\n]{12,}»')     # words pasted on or quoted from someone else


def unquoted(text: str) -> str:
    """The writer's own words: a sentence quoted or pasted on ('fwd: "… can you send info?"') asks nothing
    of the bot, so its question marks and question words do not make the message a question. A short quote
    ("is 'acme' the same as Acme Corp?") is kept: it names, it does not quote."""
    text = _PASTED.sub(lambda m: " " * len(m.group()) if m.group().count(" ") >= 3 else m.group(), text)
    letter = pasted.read(text)
    return letter.unsaid(text) if letter is not None and letter.sender else text   # "Hi Marina, could you …? Thanks, Peter"


@lru_cache(maxsize=None)
def _patterns(code: str) -> tuple[re.Pattern[str], re.Pattern[str] | None, re.Pattern[str] | None,
                                  re.Pattern[str] | None]:
    language = cues(code)
    forms = [phrase for phrase in language.ASKING if phrase not in (r"\?", r"[?？]")]
    asking = re.compile(one_of(forms), re.I | re.M)
    hedge = re.compile(r"(?:" + one_of(language.ASK_HEDGE) + r")\W*$", re.I) if language.ASK_HEDGE else None
    erase = re.compile(one_of(language.ERASE), re.I) if language.ERASE else None
    theirs = re.compile(one_of(language.ASKED_BY_THEM), re.I) if language.ASKED_BY_THEM else None
    return asking, hedge, erase, theirs


def asks(text: str, lang: str) -> bool:
    """True when `text` asks for information (in `lang`, or by a question mark in any)."""
    asking, hedge, _, theirs = _patterns(lang)
    text = unquoted(text)
    for form in asking.finditer(text):
        if theirs is None or not theirs.search(_SENTENCE_START.split(text[:form.end()])[-1]):
            return True         # "王总问我们有没有SSO": the customer's question, told; "有没有SSO" alone asks
    for mark in _MARK.finditer(text):
        if any(q.start() < mark.start() < q.end() for q in _QUOTED.finditer(text)):
            continue            # "fwd: «…can we talk?» — это Урал-Медиа": a pasted message asks the bot nothing
        before = text[:mark.start()]
        if theirs is not None and theirs.search(_SENTENCE_START.split(before)[-1]):
            continue            # "gavin asked if we support SSO?": the customer's question, told in a note
        if hedge is None or not hedge.search(before):
            return True
    return False


def theirs_unasked(text: str, lang: str) -> str:
    """`text` with the question marks that end a question someone else asked, told in the note ("globex
    asked if we can invoice in EUR?", "Петров спросил, есть ли лизинг?"), read as full stops: the note
    asks the bot nothing (same length as `text`)."""
    theirs = _patterns(lang)[3]
    if theirs is None or not _MARK.search(text):
        return text
    out = list(text)
    for mark in _MARK.finditer(text):
        sentence = _SENTENCE_START.split(text[:mark.start()])[-1]
        told = theirs.search(sentence)
        if told:                # the question told is blanked whole: its question words ask nothing either
            start = mark.start() - len(sentence) + told.start()
            out[start:mark.start()] = " " * (mark.start() - start)
            out[mark.start()] = "." if text[mark.start()] == "?" else "。"
    return "".join(out)


def erase_name(text: str, lang: str) -> str | None:
    """The customer a "delete X" message names ("delete Globex", "удали Вектор", "删除星辰科技")."""
    for code in dict.fromkeys((lang, *CODES)):
        erase = _patterns(code)[2]
        found = erase.search(text.strip()) if erase else None
        if found:
            return found.group("name").strip(" «»\"'“”")
    return None
