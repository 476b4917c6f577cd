"""A distributor and its end customer in one note ("met Jorge at Pacific Supply (our distributor) about
the Harlow Clinic rollout", "через дилера ТехноСнаб вышли на Уралмашзавод", "新客户 宁波精密 (经销商 恒通设备
介绍的)").

The rule (docs/understanding.md): the deal and the end customer's people go to the **end customer**; the
partner, a company named right after a partner's word ("our distributor Pacific Supply", "дилера ТехноСнаб",
"经销商 恒通设备") or with it in brackets or after a comma ("Pacific Supply (our distributor)"), is recorded
as its own part of the note, with only its own person ("Jorge at Pacific Supply", "恒通设备 的刘总") and the
note's words, never the end customer's deal, amount, follow-up or contact. A note naming a partner and no
other company is the partner's own note.

This module finds the partner and the end customer; `core._note` reads the note again without the
partner's words for the end customer's part.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Mapping, Sequence

from handlers.understanding import companies
from handlers.understanding.languages import cues
from handlers.understanding.matching import match_known
from handlers.understanding.model import Parse
from storage.vocabulary import Lang

_NAME = {
    Lang.EN: r"(?:the\s+)?(?P<name>[A-Z][\w&'.-]*(?:\s+(?:&\s+)?[A-Z][\w&'.-]*){0,3})",
    Lang.RU: r"(?P<name>[«\"“]?[А-ЯЁA-Z][\w-]*(?:\s+[А-ЯЁA-Z][\w-]*){0,2}[»\"”]?)",
    Lang.ZH: r"(?P<name>[\u4e00-\u9fffA-Za-z]{2,12}?)(?=\s|的|[，,。.；;（()）]|介绍|推荐|$)",
}
_OURS = {Lang.EN: r"(?:(?:our|the|their|a|via|through|thru)\s+)*(?:local\s+)?",
         Lang.RU: r"(?:(?:через|с|со|у|от|наш\w*|их|местн\w+)\s+)*",
         Lang.ZH: r"(?:(?:跟|和|与|通过|我们的?|他们的?)\s*)?"}
_CONNECTOR = {Lang.EN: r"\s*(?:at|from|of|with|@|'s|’s|,)?\s*",
              Lang.RU: r"\s*(?:из|от|в|с|со|,)?\s*",
              Lang.ZH: r"\s*的?\s*"}


_DETAIL = (r"(?:\s*(?i:电话|手机|微信|тел\w*\.?|phone|cell|mobile|mob|e-?mail|почта)?\s*[:：,]?\s*"
           r"(?:\+?\d[\d\s()-]{6,}\d|[\w.+-]+@[\w-]+\.[\w.]+))*")


@dataclass(frozen=True)
class Partner:
    """The partner a note names: its name (the known customer's, when the team has it), whether the team
    knows it, and where it and its partner's word stand in the note."""

    name: str
    known: bool
    start: int
    end: int


@lru_cache(maxsize=None)
def _patterns(lang: Lang) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    mod = cues(lang.value)
    word = "(?:" + "|".join(mod.PARTNER) + ")"
    name = _NAME[lang]
    flags = 0 if lang != Lang.ZH else re.I
    before = re.compile(r"(?i:" + _OURS[lang] + word + r")[\s:—–-]*" + name, flags)
    after = re.compile(name + r"\s*(?:[(（]\s*|,\s*|[—–-]\s*)(?i:" + _OURS[lang] + word + r")\s*(?:[)）]|(?=[,，.。;；:]|$))",
                       flags)
    end = re.compile(r"(?i:" + "|".join(mod.END_CUSTOMER) + r")[\s:—–-]*" + name, flags)
    return before, after, end


def find(text: str, lang: Lang, known: Sequence[str], aliases: Mapping[str, str] | None) -> Partner | None:
    """The partner the note names, or None."""
    if not cues(lang.value).PARTNER:
        return None
    before, after, _ = _patterns(lang)
    found = [m for m in (before.search(text), after.search(text)) if m is not None]
    if not found:
        return None
    m = min(found, key=lambda hit: hit.start())
    written = m.group("name").strip("«»\"“” ")
    hit = match_known(written, known, aliases)
    if hit.name:
        return Partner(hit.name, True, m.start(), m.end())
    return Partner(written, False, m.start(), m.end())


def end_customer(text: str, lang: Lang, known: Sequence[str], aliases: Mapping[str, str] | None,
                 partner: Partner) -> tuple[str, bool] | None:
    """The end customer named after its own words ("конечник — Уралмашзавод", "终端客户 江南钢构"), or None."""
    _, _, end = _patterns(lang)
    for m in end.finditer(text):
        written = m.group("name").strip("«»\"“” ")
        if not written or same(written, partner.name):
            continue
        hit = match_known(written, [k for k in known if k != partner.name], aliases)
        if hit.name:
            return hit.name, True
        if lang == Lang.ZH and companies.extract(written, lang.value) is None:
            continue            # "终端客户和他们的集成商": no name after the words
        return written, False
    return None


def blanked(text: str, partner: Partner, persons: Sequence[str]) -> str:
    """The note without the partner, its partner's word and its people: what the end customer's part reads."""
    out = text[:partner.start] + " " * (partner.end - partner.start) + text[partner.end:]
    stem = re.escape(partner.name[:-1] if len(partner.name) > 4 and not _han(partner.name) else partner.name)
    out = re.sub(stem + r"[\w]*" if not _han(partner.name) else stem, lambda m: " " * len(m.group()), out)
    for person in persons:      # the person, and the phone or e-mail said right after them ("刘总电话 136…")
        out = re.sub(re.escape(person) + _DETAIL, lambda m: " " * len(m.group()), out)
    return out


def persons_of(text: str, lang: Lang, partner: Partner, people: Sequence[str]) -> list[str]:
    """The note's people who are the partner's: written right beside its name ("Jorge at Pacific Supply",
    "恒通设备 的刘总", "Оксана из ТехноСнаба")."""
    stem = partner.name[:-1] if len(partner.name) > 4 and not _han(partner.name) else partner.name
    connector = _CONNECTOR[lang]
    theirs = []
    for person in people:
        p, s = re.escape(person), re.escape(stem)
        flags = re.I if lang != Lang.ZH else 0
        if re.search(p + connector + r"(?:[\w\s]{0,20}?(?:" + "|".join(cues(lang.value).PARTNER) + r")\s*)?" + s, text, flags) \
                or re.search(s + r"\w*" + connector + r"(?:\S+\s+)?" + p, text, flags):
            theirs.append(person)
    return theirs


def a_partners_word(text: str, lang: Lang, name: str) -> bool:
    """True when `name` is a partner's word or is written only right after one ("集成商负责安装"): no end customer."""
    word = "(?:" + "|".join(cues(lang.value).PARTNER) + ")"
    if re.fullmatch(word, name.strip(), re.I):
        return True             # "想做我们的二级代理": the partner's word itself
    if re.match(r"(?:" + word + r"|partners?|партн[её]рск\w*)\s+(?:agreement|contract|program(?:me)?|deal|соглашени\w*|"
                r"договор\w*)\b", name.strip(), re.I):
        return True             # "signed the partner agreement": the partnership's paper, no end customer
    at = [m.start() for m in re.finditer(re.escape(name), text)]
    return bool(at) and all(re.search(word + r"\s*$", text[max(0, i - 12):i], re.I) for i in at)


def same(a: str, b: str) -> bool:
    a, b = a.casefold(), b.casefold()
    return a.startswith(b[:max(2, len(b) - 2)]) or b.startswith(a[:max(2, len(a) - 2)])


def _han(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def part(main: Parse, partner: Partner, first: Parse, theirs: Sequence[str], words: str) -> Parse:
    """The partner's part of the note: its name, its own person with the details the note gives them (as the
    note's first reading gave them), the channel and the note's words; no deal, amount, follow-up or close,
    which are the end customer's."""
    person = first.contact if first.contact in theirs else next(iter(theirs), None)
    mine = person is not None and person == first.contact
    return replace(main, customer=partner.name, customer_known=partner.known, customer_candidates=[],
                   contact=person, contact_role=first.contact_role if mine else None,
                   contact_phone=first.contact_phone if mine else None,
                   contact_email=first.contact_email if mine else None, met_too=[], unplaced=[],
                   amount=None, currency=None, amount_added=False, paid=None, paid_currency=None,
                   followup_on=None, followup_at=None, followup_what=None, close_on=None, birthday=None,
                   stage=None, deal_said=False, refused=[], issue=None, others=[], source=None, lost_reason=None,
                   words=words, partner=True)
