"""A message pasted into a note (a WeChat, an e-mail): its greeting addresses the reader, and its signature
names the sender. "客户发来微信：“陈经理你好，…” —— 苏州恒远机械 采购部 刘工", "Dear Mr. Chen, … Best regards,
Liu Gang, Suzhou Hengyuan", "«Уважаемый Павел Сергеевич, … С уважением, Иванова Ольга, отдел снабжения»".

The addressee is no person the note is about: it is blanked before the note's people are read, and kept on
the parse as `addressee`. The sender is the contact, the department in the signature his title, and a
company in the signature the customer when the note names none. Which side wrote (a customer's message to
our rep, or our rep's to the customer) only the chat knows, by the writer's name (handlers/writer.py).
Each language's greeting, sign-off and department words are its LETTER_GREETING, LETTER_SIGN_OFF and
DEPARTMENT."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from handlers.understanding.languages import CODES, cues
from handlers.understanding.languages.protocol import one_of
from handlers.understanding.languages import zh

_SIGNATURE_END = re.compile(r"[”\"»」。！!?？\n]")
_CHUNKS = re.compile(r"\s*[,，、;；|/]\s*")
_DETAILS = re.compile(r"\+?\d[\d\s()-]{5,}\d|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\S*\d\S*")
_LATIN_OR_CYRILLIC_NAME = re.compile(r"(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?[A-ZА-ЯЁ][a-zа-яё'’-]+(?:\s+[A-ZА-ЯЁ][a-zа-яё'’-]+){0,2}")
_ZH_SURNAMES = "".join(sorted(zh.SURNAMES))
_ZH_TITLES = "|".join(sorted(zh.TITLES, key=len, reverse=True))
_ZH_PERSON = re.compile("(?:" + "|".join(zh.COMPOUND_SURNAMES) + "|[" + _ZH_SURNAMES + "])(?:[\u4e00-\u9fff]{1,2}|(?:"
                        + _ZH_TITLES + "))|[小老][" + _ZH_SURNAMES + "]")


@dataclass(frozen=True)
class Letter:
    """A pasted message: whom it greets (span and name), and who signed it."""

    addressee: str
    span: tuple[int, int]
    body: tuple[int, int]                 # from the greeting to the signature: the sender's words, not the rep's
    sender: str | None = None
    department: str | None = None
    company: str | None = None

    def blank(self, text: str) -> str:
        """`text` with the addressee's name blanked (same length: spans stay valid)."""
        return text[:self.span[0]] + " " * (self.span[1] - self.span[0]) + text[self.span[1]:]

    def unsaid(self, text: str) -> str:
        """`text` with the letter's body blanked (same length): its questions are the sender's, not the rep's."""
        return text[:self.body[0]] + " " * (self.body[1] - self.body[0]) + text[self.body[1]:]


@lru_cache(maxsize=None)
def _slot(name: str) -> re.Pattern[str] | None:
    phrases = [p for code in CODES for p in getattr(cues(code), name)]
    if not phrases:
        return None
    if name == "DEPARTMENT":
        return re.compile(r"^\s*" + one_of(phrases) + r"\s*$", re.I)
    return re.compile("|".join(f"(?:{p})" for p in phrases), re.I)


@lru_cache(maxsize=None)
def _greetings() -> tuple[re.Pattern[str], ...]:
    """Each language's greetings, one pattern each (every one names its addressee `who`)."""
    return tuple(re.compile(p, re.I) for code in CODES for p in cues(code).LETTER_GREETING)


def read(text: str) -> Letter | None:
    """The message pasted in `text`, when it opens with a greeting to someone; None otherwise."""
    found = [m for m in (g.search(text) for g in _greetings()) if m is not None and m.group("who")]
    if not found:
        return None
    m = min(found, key=lambda f: f.start("who"))
    name, span = m.group("who").strip(), (m.start("who"), m.start("who") + len(m.group("who").strip()))
    firm = _firm(text, m.end())
    sign_off = _slot("LETTER_SIGN_OFF")
    after = sign_off.search(text, m.end()) if sign_off else None
    while after is not None and not text[after.end():].strip():
        after = None
    if after is None:
        return Letter(name, span, (m.start(), len(text)), company=firm)
    begins = after.end() + len(text[after.end():]) - len(text[after.end():].lstrip())    # "Regards,\nRakesh Bansal"
    stop = _SIGNATURE_END.search(text, begins)
    signature = text[begins:stop.start() if stop else len(text)]
    sender, department, company = _signed(signature)
    return Letter(name, span, (m.start(), after.start()), sender, department, firm or company)


@lru_cache(maxsize=None)
def _firms() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.I) for code in CODES for p in cues(code).LETTER_FIRM)


def _firm(text: str, start: int) -> str | None:
    """The sender's company as the message names it ("我司（宁波东港港机）"), if it does."""
    found = [m for m in (f.search(text, start) for f in _firms()) if m is not None]
    return min(found, key=lambda f: f.start()).group("firm").strip() if found else None


def _signed(signature: str) -> tuple[str | None, str | None, str | None]:
    """Who signed, his department and his company, from a signature's words ("Liu Gang, Suzhou Hengyuan",
    "苏州恒远机械 采购部 刘工", "采购 王莉 0574-8765 4321")."""
    department_words = _slot("DEPARTMENT")
    words = _DETAILS.sub(" ", signature)
    han = re.search("[\u4e00-\u9fff]", words) is not None
    chunks = [c.strip() for c in (re.split(r"[\s,，、;；|/]+", words) if han else _CHUNKS.split(words)) if c.strip()]
    sender = department = company = None
    for chunk in chunks[:5]:
        if department is None and department_words is not None and department_words.match(chunk):
            department = chunk
        elif sender is None and (_ZH_PERSON.fullmatch(chunk) if han else _LATIN_OR_CYRILLIC_NAME.fullmatch(chunk)) \
                and (han or len(chunk.split()) > 1):
            sender = chunk
        elif company is None and len(chunk) >= 3 and (han or len(chunk.split()) > 1):   # "Regards, Sue": no company
            company = chunk
    return sender, department, company
