"""Whether a question looks something up: a contact by name ("what's Maria's number?", "who is
maria", "телефон Ольги", "王总的电话") or by phone ("whose number is +7 916 123-45-67"), or the
customers with a trait ("customers in Shanghai", "VIP customers", "customers from the trade show",
"клиенты из Казани"). Each language's words live in its cue module (SEARCH_CONTACT, SEARCH_PHONE,
SEARCH_CUSTOMERS); a note that writes anything is never a search. What is looked up: a name as
written and its stems (`name_forms`, `variants`), the lead sources a trait names (`sources_named`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from handlers.understanding.languages import cues, registered
from handlers.understanding.languages import zh as zh_cues
from handlers.understanding.model import Parse, Search, SearchKind
from handlers.understanding.report_words import report_kind
from storage.vocabulary import Intent, LeadSource

_I = re.IGNORECASE
_PHONE = re.compile(r"\+?\d[\d\s().-]{4,}\d")
_MIN_PHONE_DIGITS = 5


class _Phrases:
    """A slot's phrases, each compiled alone (each names its own group): the first that matches."""

    def __init__(self, phrases: Iterable[str]) -> None:
        self.patterns = tuple(re.compile(p, _I) for p in phrases)

    def search(self, text: str) -> re.Match | None:
        return next((m for m in (p.search(text) for p in self.patterns) if m), None)


@dataclass(frozen=True)
class _Cues:
    contact: _Phrases
    phone: _Phrases
    customers: _Phrases


@lru_cache(maxsize=None)
def _cues(lang: str) -> _Cues:
    mod = cues(lang)
    return _Cues(_Phrases(mod.SEARCH_CONTACT), _Phrases(mod.SEARCH_PHONE), _Phrases(mod.SEARCH_CUSTOMERS))


def search_asked(text: str, lang: str) -> Search | None:
    """The lookup a question asks for, or None. Customers with a trait that are also a report's
    ("VIP customers" with no such segment: the top customers) say which report then answers."""
    asked = text or ""
    text = " ".join(asked.split())
    c = _cues(lang)
    if c.phone.search(text) or (c.contact.search(text) and _PHONE.search(text)):
        number = _PHONE.search(text)
        digits = re.sub(r"\D", "", number.group(0)) if number else ""
        if len(digits) >= _MIN_PHONE_DIGITS:
            return Search(SearchKind.PHONE, digits)
    m = c.contact.search(text)
    if m and m.group("who"):
        return Search(SearchKind.CONTACT, m.group("who").strip())
    m = c.customers.search(text)
    if m and m.group("what"):
        return Search(SearchKind.CUSTOMERS, m.group("what").strip(), otherwise=report_kind(asked))
    return None


def _writes(parse: Parse) -> bool:
    """A note's facts that no look-up's words give (a look-up's "email" or a new name's "lead" may)."""
    return parse.intent == Intent.LOG and any((
        parse.amount is not None, parse.followup_on, parse.birthday, parse.close_on, parse.source, parse.touch_days,
        parse.contact_phone, parse.contact_email))


def settle_search(parse: Parse, text: str) -> Parse:
    """The lookup the message asks for, when it is a question and no note (it then asks for no report)."""
    if parse.intent in (Intent.UNDO, Intent.DONE, Intent.SNOOZE, Intent.CARD):
        return parse
    found = search_asked(text, parse.lang)
    if found is not None and (found.kind == SearchKind.PHONE or not _writes(parse)):
        parse.search, parse.report = found, None
    return parse


_RU_ENDING = re.compile(r"(?:ами|ями|ого|его|ому|ему|ой|ей|ом|ем|ах|ях|ов|ев|[аеиоуыэюяь])$", re.IGNORECASE)
_ARTICLE = re.compile(r"^(?:the|a|an|our|my)\s+", re.IGNORECASE)
_ZH_TITLES = tuple(sorted(zh_cues.TITLES, key=len, reverse=True))


def variants(word: str) -> list[str]:
    """A word as written, and its stem when it is inflected ("Казани" -> "Казан", "Ольги" -> "Ольг")."""
    word = _ARTICLE.sub("", word.strip())
    forms = [word]
    stem = _RU_ENDING.sub("", word)
    if re.search("[а-яё]", word, re.IGNORECASE) and stem != word and len(stem) >= 3:
        forms += [stem, stem.lower(), stem[:1].upper() + stem[1:]]
    forms += [word.lower(), word[:1].upper() + word[1:]]
    return list(dict.fromkeys(f for f in forms if f))


def name_forms(who: str) -> tuple[list[str], list[str]]:
    """The name as written and its stems; a Chinese surname said with a title ("王总") as a prefix."""
    prefixes = [who[:-len(title)] for title in _ZH_TITLES if who.endswith(title) and len(who) > len(title)][:1]
    return variants(who), prefixes


def sources_named(words: str) -> list[str]:
    """The lead sources a trait names in any language ("the trade show", "展会", "выставки")."""
    found = []
    for module in registered():
        for value, phrases in module.SOURCES.items():
            if any(re.fullmatch(f"(?:{p})", words.strip(), re.IGNORECASE) or
                   re.search(f"(?:{p})", words, re.IGNORECASE) for p in phrases):
                found.append(LeadSource(value).value)
    return list(dict.fromkeys(found))
