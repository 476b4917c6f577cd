"""A note about several customers in turn is recorded part by part, each part under its own
customer (one note, one undo: handlers/log_note.py):

    "recap: ashcombe signed £14.2k; rookwood pushed to march; tinsley no answer"
    "итоги: СтальМонтаж — отправил КП 1 150 000; Берёзовский гранит — встреча в пятницу"
    "今日小结：瓯江电器 续签 合同46万；越纺 打了两次没人接；金鼎 下周一再谈"
    "globex signed 42k, initech pushed to january", "星辰签了12万，华彩推到明年"

A recap is told by its shape, not by a heading word: parts set apart by strong separators (";",
" / ", a new line, "①②", "Name：" in Chinese, or a list of "Name — what" / "Name (what)" items),
at least two of them (a heading aside) naming customers, and not all the same one. The part a customer's name opens owns the parts
after it that name none, and a later part that names it again is its too ("…; galloway: nothing. chase
rookwood next Tue"). Without strong separators, clauses (cut at commas and sentence ends) that each name
one known customer, at least two different ones, are parts the same way: a new company owns a clause
only when a strong part opens with it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Mapping, Sequence

from handlers.understanding import companies, people
from handlers.understanding.cues import lexicon, only_mentioned
from handlers.understanding.matching import match_known
from handlers.understanding.taken_back import named_instead, taken_back
from storage.vocabulary import Lang

# parts of a recap: ";", "；", " / ", a new line, circled numbers (not "|": a pasted signature's)
_STRONG = re.compile(r"\s*(?:[;；\n]|\s/\s)\s*|\s*[①-⑳]\s*")
# a Chinese part opened by a short name and a colon after a space ("周五汇总 恒泰：… 南浔木业：…")
_ZH_NAMED_PART = re.compile(r"\s+(?=[\u4e00-\u9fffA-Za-z0-9]{2,10}[：:])")
# list items "Name — what, Name — what" and "Name (what), Name (what)": counted only when there are two or more;
# what a number ends before the dash is a numbered line, no name ("цена по лоту 1 — 7,45 млн, по лоту 2 — 2,9 млн")
_DASH_ITEM = re.compile(r",\s+(?=[^,;:.!?()]{2,40}?(?<![\d№#])\s[—–]\s)")
_BRACKET_ITEM = re.compile(r"(?<=\)),\s+")
# sentences each opened by "Name - what" ("Harbour Hotel - dropped off samples. Luigi's - paid the deposit."):
# counted, like the items above, only when two or more sentences after the first open so
_SENTENCE_ITEM = re.compile(r"(?<=[.!])\s+(?=[^,;:.!?]{2,60}?\s[-—–]\s)")
# an item's name before what is said of it: "Уралхимпласт (вх. заявка)", "Тихая Гавань — знакомство"
_ITEM_NAME = re.compile(r"((?:[Tt]he\s+)?[A-ZА-ЯЁ][^()—–:,;]{1,40}?)\s*(?:\(|\s[-—–]\s)")
# a heading before the first part ("recap wk 47 —", "итоги:", "今日小结：")
_HEADING = re.compile(r"^[^:：;；\n]{1,30}?[:：]\s*")
# sentences inside a part, once the message is known to be a recap
_SENTENCE = re.compile(r"(?<=[.!。！])\s+|(?<=[。！])")
# a part after ";" opened by a name not read, the way recap items open ("东港港机 王莉说…", "Brightside Ltd - …"): a
# part of its own, about a customer not told yet, never the part's before it
_NAME_FIRST = re.compile(r"[\s;；/①-⑳]*(?:(?![^\s；;]*[周月天号日今明昨前后下上]|我|对方|客户|他们|咱们)[\u4e00-\u9fff]{2,8}\s+(?=[\u4e00-\u9fffA-Za-z])"
                         r"|[A-ZА-ЯЁ][\w&'.-]*(?:\s[A-ZА-ЯЁ][\w&'.-]*){0,3}\s*(?:\s[-—–]\s|[:：]\s))")
_EITHER = " | "         # between the known names a part's name may be
_UNREAD = "\x00item "   # an item whose name was not read: a part of its own, about no customer yet
_OPENS_WITHIN = 3      # characters before a new company's name for a part to open with it


@dataclass(frozen=True)
class Part:
    """One customer's part of the note: the customer as the part names it, and the words about it."""

    customer: str | None        # None where the part's name may be several known customers
    known: bool
    text: str


def customers_parts(text: str, lang: Lang, known: Sequence[str],
                    aliases: Mapping[str, str] | None = None) -> list[Part] | None:
    """Each customer's part of a note about several in turn, the first named first, its words as
    written; None when `text` is no such note (one customer, or none, or a question, or a name taken
    back for another)."""
    if "?" in text or "？" in text:
        return None
    groups = _recap(text, lang, known, aliases) or _clauses(text, lang, known, aliases)
    if groups is None or named_instead(text, known, aliases) is not None:
        return None
    whole = match_known(text, known, aliases)
    if whole.name and taken_back(text, whole):
        return None
    return [Part(None if _EITHER in owner or owner.startswith(_UNREAD) else owner, owner in known,
                 _SEPARATORS.sub("", " ".join(text[s:e].strip() for s, e in spans)))
            for owner, spans in groups.items()]


Groups = dict[str, list[tuple[int, int]]]     # each customer's pieces of the text, in the order named


def _recap(text: str, lang: Lang, known: Sequence[str], aliases: Mapping[str, str] | None) -> Groups | None:
    """A recap's parts by customer (see the module's docstring); a heading before the first says nothing."""
    spans, items = _parts(text, lang)
    if len(spans) < 2 or _card_of_a_person(text[spans[0][0]:spans[0][1]], lang):
        return None
    heading = _HEADING.match(text) is not None
    owners = [_owner(text[s:e], lang, known, aliases, heading and i == 0) for i, (s, e) in enumerate(spans)]
    # an item is about the name it opens with: one not read is unclear, never the item's before it
    owners = [owner or (f"{_UNREAD}{i}" if i in items or (i and _after_semicolon(text, s) and _NAME_FIRST.match(text, s))
                        else None) for i, (owner, (s, e)) in enumerate(zip(owners, spans))]
    named = [owner for owner in owners if owner]
    in_parts = [owner for owner in owners[1 if heading else 0:] if owner]    # "Brackley referral: Fennick & Shaw …"
    if len(set(named)) < 2 or len(in_parts) < 2:
        return None
    if heading and owners[0]:       # "周三汇总 远航：…", "recap wk 47 — rokwood:": from the name on
        spans[0] = (max(0, match_known(text[:spans[0][1]], known, aliases).start), spans[0][1])
    current: str | None = None
    groups: Groups = {}
    for span, owner in zip(spans, owners):
        for piece, names in _sentences(text, span, owner, known, aliases):
            current = names or current
            if current is not None:        # a heading before it ("recap:", "周三汇总") says nothing of it
                groups.setdefault(current, []).append(piece)
    return groups


def _after_semicolon(text: str, start: int) -> bool:
    """True when the part starting at `start` follows a ";" (lines of a pasted card or minutes are no recap items)."""
    return text[:start].rstrip().endswith((";", "；"))


def _clauses(text: str, lang: Lang, known: Sequence[str], aliases: Mapping[str, str] | None) -> Groups | None:
    """Clauses each naming one known customer near their start, two customers or more in all ("globex
    signed 42k, initech pushed to january"); a clause naming none goes with the one before it (the
    first's with the first customer). None when a clause names two customers."""
    pieces = _split(text, (0, len(text)), _CLAUSE)
    if len(pieces) < 2:
        return None
    owners: list[str | None] = []
    lex = lexicon(lang)
    for start, end in pieces:
        clause = text[start:end]
        found = match_known(clause, known, aliases)
        if not found.candidates:
            owners.append(None)
            continue
        rest = clause[:found.start] + " " * (found.end - found.start) + clause[found.end:]
        if match_known(rest, known, aliases).candidates:
            return None                 # two customers in one clause: not told apart here
        opens = len(_WORD.findall(_CONJUNCTION.sub("", clause[:found.start], count=1))) <= _WORDS_BEFORE.get(lang, 3)
        owner = found.name or _EITHER.join(found.candidates)       # a name that may be several: said unclear
        owners.append(owner if opens and not only_mentioned(clause, found.start, found.end, lex) else None)
    if len({owner for owner in owners if owner}) < 2:
        return None
    groups: Groups = {}
    current = next(owner for owner in owners if owner)
    for piece, named in zip(pieces, owners):
        current = named or current
        groups.setdefault(current, []).append(piece)
    return groups


# clauses: a comma (not one inside a number: "1,2 млн"), a Chinese comma or full stop, a sentence's end
_CLAUSE = re.compile(r"(?<!\d),|,(?!\d)|[，。！]|(?<=[.!])\s+")
# a word before a customer's name in its clause ("подписали с альфастроем", "和华彩集团"); a Chinese character counts as one
_WORD = re.compile(r"[\u4e00-\u9fff]|[^\W\d_\u4e00-\u9fff]+")
_WORDS_BEFORE = {Lang.ZH: 6}        # Chinese characters before the name; other languages' words: 3
# the word joining a clause to the one before it ("а технопарк…", "and initech…"), not counted
_CONJUNCTION = re.compile(r"^\s*(?:and|but|while|then|also|а|и|но|потом|ещё|еще|также|而|但是?|另外|还有)\b\s*", re.I)


def _card_of_a_person(first: str, lang: Lang) -> bool:
    """True when the first part is a person's name alone: a card's fields typed on one line ("陈静 / 海南椰岛建工 /
    采购 / …", "Ines Carvalho / Atlantica Seafood / …"), one person's, no recap of several customers."""
    name = _SEPARATORS.sub(" ", first).strip()
    return bool(name) and people.extract(first.rstrip(), lang).name == name     # read with its separator: "陈静 /"


def _split(text: str, span: tuple[int, int], at: re.Pattern[str]) -> list[tuple[int, int]]:
    """`span` of `text` cut where `at` matches; each piece runs up to the next one (its separator kept)."""
    start, end = span
    cuts = [m.end() for m in at.finditer(text, start, end) if start < m.start() and m.end() < end]
    bounds = [start] + cuts + [end]
    return [(a, b) for a, b in zip(bounds, bounds[1:]) if text[a:b].strip()]


def _parts(text: str, lang: Lang) -> tuple[list[tuple[int, int]], frozenset[int]]:
    """Where the message is cut at a recap's separators (see the module's docstring; a heading is a part),
    and which parts open a list item ("…, Name — what", ". Name - what"), each about the name it opens with."""
    heading = _HEADING.match(text)
    head = [(0, heading.end())] if heading else []
    parts = _split(text, (heading.end() if heading else 0, len(text)), _STRONG)
    items = (_ZH_NAMED_PART, _DASH_ITEM, _BRACKET_ITEM) if lang == Lang.ZH else (_DASH_ITEM, _BRACKET_ITEM, _SENTENCE_ITEM)
    opened: frozenset[int] = frozenset()
    for item in items:
        if len(parts) == 1 and len(item.findall(text, *parts[0])) >= 2:
            parts = _split(text, parts[0], item)
            opened = frozenset(range(len(head) + 1, len(head) + len(parts)))
    return head + parts, opened


def _owner(part: str, lang: Lang, known: Sequence[str], aliases: Mapping[str, str] | None,
           heading: bool) -> str | None:
    """The customer a part is about: a known one its name opens (a heading's anywhere: "recap wk 47 —
    rokwood:"), else (not in a heading: "end of day:") a new company's name it opens with, or the
    capitalised words before what is said of it ("Уралхимпласт (вх. заявка)", "Pine Hollow — web form")."""
    part = _SEPARATORS.sub(" ", part).strip()
    found = match_known(part, known, aliases)
    if found.start > _OPENS_WITHIN and not heading:
        return None
    if found.name:
        return found.name
    if len(found.candidates) > 1:
        return _EITHER.join(found.candidates)
    new = None if heading else companies.extract(part, lang)
    if new and 0 <= part.find(new) <= _OPENS_WITHIN:
        return new
    item = None if heading else _ITEM_NAME.match(part)
    return _IN_TOWN.sub("", item.group(1)) if item else None


# where an item's place is said after its name ("the Grand in Eastbourne", "Spice Garden in Hove"): not the name
_IN_TOWN = re.compile(r"\s+(?:in|at|в|во)\s+[A-ZА-ЯЁ][\w-]+$")
_SEPARATORS = re.compile(r"^[\s;；/①-⑳,，。]+|[\s;；/①-⑳,，。]+$")


def _sentences(text: str, span: tuple[int, int], owner: str | None, known: Sequence[str],
               aliases: Mapping[str, str] | None) -> list[tuple[tuple[int, int], str | None]]:
    """A part's sentences, each with the known customer it names (the first one with the part's owner)."""
    pieces = _split(text, span, _SENTENCE)
    if len(pieces) < 2:
        return [(span, owner)]
    return [(pieces[0], owner)] + [(p, match_known(text[p[0]:p[1]], known, aliases).name) for p in pieces[1:]]
