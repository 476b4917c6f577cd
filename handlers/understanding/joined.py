"""A second customer joined to the note's own by "and" ("initech and globex both asked for the price list",
"two new leads: Brightline Dental (dr. kim) and Oakmont Storage", "были в Кварце и в Гранит-Сервисе",
"去了星辰科技和蓝海物流"): the note is about both, and the second one gets its part, never dropped without a word.

The second part keeps what the note says of both (the channel, a stage its words name) and nothing said of
one: no person, amount, follow-up or close, which stay with the first customer (handlers/log_note.py
writes each part, one undo).
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Mapping, Sequence

from handlers.understanding import companies
from handlers.understanding.languages import en as en_cues
from handlers.understanding.lex_names import LEGAL_FORMS
from handlers.understanding.matching import match_known
from handlers.understanding.model import Parse
from handlers.understanding.same_name import names_contact
from storage.vocabulary import Intent, Lang

_BRACKET = r"(?:\s*[(（][^()（）]{1,40}[)）])?"
_JOINT = {
    Lang.EN: re.compile(_BRACKET + r"\s*,?\s+(?:and|&|as\s+well\s+as|plus)\s+(?:(?:at|to|with|visited|called)\s+)?", re.I),
    Lang.RU: re.compile(_BRACKET + r"\s*,?\s+(?:и|а\s+также)\s+(?:(?:в|во|на|с|со|у)\s+)?", re.I),
    Lang.ZH: re.compile(_BRACKET + r"\s*(?:和|与|跟|及|以及|、)\s*"),
}
_NEAR = 2          # characters between the joint and the second name, at most


def second(text: str, lang: Lang, parse: Parse, known: Sequence[str], aliases: Mapping[str, str] | None) -> Parse | None:
    """The part of the customer joined to the note's own by "and", or None."""
    if parse.intent != Intent.LOG or not parse.customer or parse.customer_candidates or parse.others:
        return None
    pair = _two_in_one(parse.customer) if not parse.customer_known else None
    if pair is not None:                      # "Brook Industries and Salem Enterprises" read as one name
        parse.customer = pair[0]
        return _part(parse, pair[1], False, text)
    start, end = _span(text, parse.customer, aliases)
    before = _known_before(text, start, lang, parse.customer, known, aliases) if start > 0 else None
    if before is not None:                    # "initrode and vandelay imports both asked …"
        return _part(parse, before, True, text)
    joint = _JOINT[lang].match(text, end) if end >= 0 else None
    if joint is None:
        return None
    rest = text[joint.end():]
    other = match_known(rest, [k for k in known if k != parse.customer], aliases)
    name, is_known = (other.name, True) if other.name and 0 <= other.start <= _NEAR else (None, False)
    if name is None:                          # the note read as if it named the second one alone
        alone = text[:start] + rest
        found = companies.extract(alone, lang, parse.contact, False)
        if found and abs(alone.find(found) - start) <= _NEAR and _not_a_person(found, parse):
            name = found
    if name is None or name == parse.customer or _firm_word(name) or name in parse.customer:
        return None             # "Grind & Co": "Co" is the first name's own legal form, no second company
    return _part(parse, name, is_known, text)


def _part(parse: Parse, name: str, is_known: bool, text: str) -> Parse:
    """The second customer's part: what the note says of both, nothing said of one."""
    return replace(parse, customer=name, customer_known=is_known, customer_candidates=[], contact=None,
                   contact_role=None, contact_phone=None, contact_email=None, met_too=[], unplaced=[],
                   amount=None, currency=None, amount_added=False, paid=None, paid_currency=None,
                   followup_on=None, followup_at=None, followup_what=None, close_on=None, birthday=None,
                   stage=parse.stage if parse.deal_said else None, refused=[], issue=None, others=[],
                   words=text)


_BEFORE = {lang: re.compile(r"(?:" + joint.pattern + r")$", joint.flags) for lang, joint in _JOINT.items()}
_AND = re.compile(r"\s+(?:and|&)\s+", re.I)


def _known_before(text: str, start: int, lang: Lang, customer: str, known: Sequence[str],
                  aliases: Mapping[str, str] | None) -> str | None:
    """A known customer written right before the note's own, joined to it by "and"."""
    head = text[:start]
    joint = _BEFORE[lang].search(head)
    if joint is None:
        return None
    other = match_known(head[:joint.start()], [k for k in known if k != customer], aliases)
    return other.name if other.name and joint.start() - other.end <= _NEAR else None


def _two_in_one(name: str) -> tuple[str, str] | None:
    """A new name that is two companies' joined by "and", each ending in a company's word."""
    halves = _AND.split(name)
    if len(halves) != 2 or not all(len(h.split()) >= 2 and _firm_word(h.split()[-1]) for h in halves):
        return None
    return halves[0], halves[1]


def _firm_word(word: str) -> bool:
    return word.casefold().strip(".,") in en_cues.FIRM_WORDS or word.casefold().strip(".,") in LEGAL_FORMS


def _span(text: str, customer: str, aliases: Mapping[str, str] | None) -> tuple[int, int]:
    """Where the note's customer is named in `text`, in any case form ("в Кварце"), or (-1, -1)."""
    match = match_known(text, [customer], aliases)
    at = text.find(customer)
    if match.name == customer and match.end > 0:     # the whole name as written ("Grind & Co"), not its key ("grind")
        return match.start, max(match.end, at + len(customer) if at == match.start else 0)
    return (at, at + len(customer)) if at >= 0 else (-1, -1)


def _not_a_person(name: str, parse: Parse) -> bool:
    """True unless the name is the note's person or a first name ("… and Maria")."""
    people = [parse.contact or "", *(m.name for m in parse.met_too)]
    if any(p and names_contact(p, name) for p in people):
        return False
    words = name.casefold().split()
    if any(_firm_word(w) for w in words):
        return True                           # "Wayne Enterprises": a company's word
    return words[0] not in en_cues.FIRST_NAMES
