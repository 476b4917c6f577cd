"""A customer's e-mail or a calendar invite pasted into the chat. Reps paste them whole, headers and all:

    From: Dana Whitlock <dwhitlock@kittridgefoods.com>
    Sent: Tuesday, June 1, 2027 4:52 PM
    Subject: RE: Q3 pallet wrap pricing

Its header fields are no part of the note: "Sent", "To" or "Re" is no customer, the day it was sent is no
follow-up. What they do say is read here: a mail is an e-mail touch, an invite a meeting still ahead (no
touch yet; its day is the follow-up, read from the "When:" line by the date rules), the sender is the
contact (with their address), and the sender's mail domain names a known customer when the words do not
("kittridgefoods.com" is Kittridge Foods Inc., "nordwind-print.ru" is Нордвинд Принт).

The header words are each language's (`PASTED_*` in handlers/understanding/languages/), read in every
note whatever its language: a mail program writes its headers in its own language."""
from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from typing import Sequence

from handlers.understanding.languages import registered
from handlers.understanding.matching import name_tokens
from handlers.understanding.model import Parse
from handlers.understanding.translit import MIN_CONSONANTS, consonants
from storage.vocabulary import Channel, Intent


class Pasted(Enum):
    MAIL = "mail"
    INVITE = "invite"
    CHAT = "chat"           # lines copied from a chat app: "[12/01/27, 1:52 PM] Balwinder: …"


# a line copied from WhatsApp or a chat app like it: its date and time, then the sender ("[12/01/27, 1:52 PM] Balwinder:
# …", "12.01.2027, 13:52 - Айгерим: …"); the time it was sent is no follow-up, the sender no customer
_CHAT_LINE = re.compile(r"^\s*(?:\[\s*)?\d{1,2}[./-]\d{1,2}[./-]\d{2,4},?\s+\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*"
                        r"(?:[AaPp]\.?\s?[Mm]\.?)?\s*(?:\]|\s[-–—])\s*(?P<name>[^:：\n\]]{1,40}?)\s*[:：]\s*")


@dataclass(frozen=True)
class Headers:
    kind: Pasted
    text: str                   # the message without its header fields: what the customer and the rep wrote
    subject: str                # what the thread is about ("Re: Kittridge Foods - renewal"): read when the rest names
                                # no customer
    sender: str | None          # the sender's or organizer's name as written
    sender_email: str | None


@dataclass(frozen=True)
class _Patterns:
    sender: re.Pattern[str]
    dropped: re.Pattern[str]
    label: re.Pattern[str]
    subject: re.Pattern[str]
    reply: re.Pattern[str]
    invite: re.Pattern[str]


_QUOTED = r"^[>\s]*"
_COLON = r"\s*[:：]\s*"
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    langs = registered()

    def words(slot: str) -> str:
        return "(?:" + "|".join(p for mod in langs for p in getattr(mod, slot)) + ")"

    line = re.I | re.M
    return _Patterns(
        sender=re.compile(_QUOTED + words("PASTED_SENDER") + _COLON + r"(?P<rest>[^\n]*)\n?", line),
        dropped=re.compile(_QUOTED + words("PASTED_DROPPED") + _COLON + r"[^\n]*\n?", line),
        label=re.compile(_QUOTED + words("PASTED_LABEL") + _COLON, line),
        subject=re.compile(_QUOTED + words("PASTED_SUBJECT") + _COLON + r"(?:" + words("PASTED_REPLY") + _COLON + r")*",
                           line),
        reply=re.compile(r"\s*(?:" + words("PASTED_REPLY") + _COLON + r")+", re.I),
        invite=re.compile(r"\s*" + words("PASTED_INVITE") + _COLON, re.I))


def read(cleaned: str) -> Headers | None:
    """The headers of a pasted mail or invite, and the message without them; None for a plain note.

    What is left is put in the order a note is read: the rep's own lines first, then the lines quoted from the
    customer ("> …"). The subject is kept apart: it names what the thread is about but opens no note ("Re:
    сроки поставки", "Fwd: Счёт-оферта")."""
    found = _patterns()
    lines = cleaned.split("\n")
    invite = found.invite.match(lines[0])
    several = len(lines) > 1
    mail = any(found.sender.match(line) or found.dropped.match(line) or found.subject.match(line) for line in lines) \
        or (several and found.reply.match(lines[0]) is not None)
    chat = [m for m in (_CHAT_LINE.match(line) for line in lines) if m is not None]
    if chat and invite is None and not mail:
        return _chat(lines)
    if invite is None and not mail:
        return None
    own: list[str] = []
    quoted: list[str] = []
    subjects: list[str] = []
    sender: tuple[str | None, str | None] = (None, None)
    for at, line in enumerate(lines):
        if at == 0 and invite is not None:
            own.append(line[invite.end():])               # the invite's title: whose meeting, about what
        elif found.dropped.match(line):
            continue
        elif (sent := found.sender.match(line)) is not None:
            name, email, rest = _sender(sent.group("rest"))
            sender = sender if sender[0] or sender[1] else (name, email)
            own.append(rest)                               # "Сергей Дробышев, ИТ-директор, ГК Северный Альянс"
        elif (titled := found.subject.match(line)) is not None:
            subjects.append(line[titled.end():])
        elif at == 0 and several and (reply := found.reply.match(line)) is not None:
            subjects.append(line[reply.end():])            # "Re: Re: Re: сроки поставки" over the thread
        elif line.lstrip().startswith(">"):
            quoted.append(line.lstrip(" >"))
        else:
            own.append(found.label.sub("", line))
    text = "\n".join(part for part in (*own, *quoted) if part.strip()).strip()
    subject = "\n".join(part for part in subjects if part.strip()).strip()
    return Headers(Pasted.INVITE if invite else Pasted.MAIL, text or subject or cleaned, subject if text else "", *sender)


def _chat(lines: list[str]) -> Headers:
    """Lines copied from a chat app: each line's words without its date, time and sender; the first sender is
    the contact."""
    sender = None
    own = []
    for line in lines:
        m = _CHAT_LINE.match(line)
        if m is not None:
            sender = sender or m.group("name").strip()
            line = line[m.end():]
        own.append(line)
    text = "\n".join(part for part in own if part.strip()).strip()
    return Headers(Pasted.CHAT, text, "", sender, None)


def body(text: str) -> str:
    """The message without a pasted mail's or invite's header fields (the message itself when it has none):
    what is asked there is asked by the message, not by a "Кому:" or "To:" line."""
    headers = read(text)
    return headers.text if headers is not None else text


def _sender(rest: str) -> tuple[str | None, str | None, str]:
    """A From: or Organizer: line's name, address, and what it says after the name ("Dana Whitlock
    <dwhitlock@…>", "info@…", "Сергей Дробышев, ИТ-директор, ГК Северный Альянс")."""
    address = _EMAIL.search(rest)
    name, _, after = _EMAIL.sub(" ", rest).partition(",")
    name = re.sub(r"\s+", " ", re.sub(r"[<>()\[\]\"'«»“”|]", " ", name)).strip(" ;:-")
    return (name or None), (address.group().lower() if address else None), after.strip()


def settle(parse: Parse, headers: Headers, known: Sequence[str]) -> None:
    """What the headers say, put into the note's parse (a question or command asked in a paste stays one)."""
    if parse.intent not in (Intent.LOG, Intent.UNKNOWN):
        return
    # "Meeting accepted: … When: Thursday": the meeting is ahead; a mail is the touch, whatever it speaks of
    parse.channel = {Pasted.INVITE: None, Pasted.CHAT: Channel.MESSAGE}.get(headers.kind, Channel.EMAIL)
    if headers.sender and not _EMAIL.fullmatch(headers.sender):
        parse.contact = headers.sender     # who wrote it, not whom it greets ("Thanks Kyle,")
    if headers.sender_email and not parse.contact_email and parse.contact == headers.sender:
        parse.contact_email = headers.sender_email
    if headers.sender_email and not parse.customer_known:
        firm = by_domain(headers.sender_email, known)
        if firm is not None:
            parse.customer, parse.customer_known, parse.customer_candidates = firm, True, []
    if parse.intent == Intent.UNKNOWN and (parse.customer or parse.contact):
        parse.intent = Intent.LOG          # a customer's mail pasted to the bot is something to record


def by_domain(email: str, known: Sequence[str]) -> str | None:
    """The one known customer an address's domain names: its first words run together ("kittridgefoods",
    "midwaycaster" for Midway Caster & Wheel Co), or one
    of its words in either alphabet ("argument-fd.ru" for «Финансовый Дом Аргумент»); None for a mailbox
    provider's domain, or when several names would fit."""
    labels = email.rsplit("@", 1)[-1].split(".")[:-1]
    parts = {w for label in labels for w in re.split(r"[-_]", label) if len(w) >= 4}
    joined = {re.sub(r"[-_]", "", label) for label in labels}
    sounds = {consonants(w) for w in parts if len(consonants(w)) >= MIN_CONSONANTS}
    hits = []
    for name in known:
        tokens = name_tokens(name)
        latin = [t for t in tokens if t.isascii() and t.isalnum()]
        runs = {"".join(latin[:n]) for n in range(2, len(latin) + 1)}
        if runs & joined or any(t in parts for t in latin if len(t) >= 5) \
                or any(consonants(t) in sounds for t in tokens if not t.isascii() and len(t) >= 5):
            hits.append(name)
    return hits[0] if len(hits) == 1 else None
