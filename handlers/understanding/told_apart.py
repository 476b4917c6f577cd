"""A company the rep tells apart from a look-alike the team has: "Meridian Health Centre (different from
meridian diagnostics!)", "Sunrise Medical Centre (NOT the lab, different company)", "заехал в стройторг урал это
другая контора не стройторг плюс", "是华彩集团，跟华彩科技不是一家", "New customer Meridian Health Centre: …".
The note is about the other company, new to the team, and the look-alike is left alone: no question is
needed, the rep has already said they differ."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Mapping, Sequence

from handlers.understanding.lang import is_cjk
from handlers.understanding.languages import one_of, registered
from handlers.understanding.matching import Match, match_known, name_tokens
from handlers.understanding.ru_names import lookup_first
from handlers.understanding.taken_back import taken_back_at, taken_back_names

_NEW_REACH = 40          # characters before a name where the rep's "new customer" may stand
# a word that may carry on a company's name written after part of a look-alike's ("Sunrise Medical| Centre")
_NEXT_WORD = re.compile(r"[\s\"«“]*([^\W\d_][\w'&.-]*)")


@dataclass(frozen=True)
class Apart:
    """What the note says of a look-alike: that the company is another one, which known ones it is not,
    and the other company's name where the note writes it after part of the look-alike's."""

    said: bool = False                     # "different company", "другая контора", "不是一家", "new customer X"
    not_these: tuple[str, ...] = ()        # known customers taken back ("different from X", "не X", "跟X不是一家")
    new_name: str | None = None            # "Sunrise Medical Centre" beside Sunrise Medical Lab
    replaces_match: bool = False           # the known customer matched is only like the company written (part of
                                           # `new_name`'s words, or a name spelt alike): not the note's customer
    blanked: str = ""                      # the note, with the names taken back blanked out


@lru_cache(maxsize=1)
def _other_company() -> re.Pattern[str]:
    return re.compile(one_of([p for language in registered() for p in language.OTHER_COMPANY]), re.I)


@lru_cache(maxsize=1)
def _said_new() -> re.Pattern[str]:
    return re.compile(one_of([p for language in registered() for p in language.SAID_NEW]), re.I)


@lru_cache(maxsize=1)
def _said_new_open() -> re.Pattern[str]:
    """The same cues, where the company's name follows them ("новый клиент кирпичный двор это база …")."""
    return re.compile(one_of([p[:-1] if p.endswith("$") else p for language in registered() for p in language.SAID_NEW]),
                      re.I)


_NAME_WORDS = 2          # words of a name written in lower case after "новый клиент", at most
_NAME_ENDS = frozenset(("это", "—", "-", "они", "у", "в", "на", "с", "и", "хотят", "хочет", "был", "была", "были",
                        "the", "they", "is", "was", "and", "at", "in", "wants", "want"))


def named_new(text: str) -> str | None:
    """The company written in lower case right after the rep calls it new ("новый клиент кирпичный двор это база"),
    its words capitalised; None when no such words follow, or a person's first name does."""
    cue = _said_new_open().search(text)
    if cue is None:
        return None
    words: list[str] = []
    ended = False
    for word in re.finditer(r"\S+", text[cue.end():cue.end() + 60]):
        said = word.group()
        bare = said.rstrip(",.;:!?")
        if not bare or bare.casefold() in _NAME_ENDS or not bare[:1].isalpha():
            ended = True
            break
        if len(words) == _NAME_WORDS:
            break                   # "ээ мытищинский завод кранового …": where it ends is not sure, so asked
        words.append(bare)
        if bare != said:
            ended = True
            break
    if not ended:
        return None
    if not words or lookup_first(words[0]) is not None or any(w != w.lower() or is_cjk(w[:1]) for w in words):
        return None         # a Chinese note's name is read by the rules for Chinese ("新客户要先建档吗": none)
    return " ".join(w[:1].upper() + w[1:] for w in words)


def said_new(text: str, at: int) -> bool:
    """True when the rep calls the company written at `at` new ("New customer Meridian Health Centre: …")."""
    return at >= 0 and _said_new().search(text[max(0, at - _NEW_REACH):at]) is not None


def read(text: str, match: Match, known: Sequence[str], aliases: Mapping[str, str] | None = None) -> Apart:
    """What `text` says of a look-alike of the company it is about; `match` is the known customer the note
    names once the names taken back are left out (taken_back.unless_taken_back)."""
    not_these = taken_back_names(text, known, aliases)
    said = bool(_other_company().search(text)) or (match.name is not None and said_new(text, match.start))
    blanked = text
    for name in not_these:
        theirs = {a: n for a, n in (aliases or {}).items() if n == name}
        for _ in range(4):                  # each mention taken back, blanked; a part of another name stays
            found = _taken_back_mention(blanked, name, theirs)
            if found is None:
                break
            blanked = blanked[:found.start] + " " * (found.end - found.start) + blanked[found.end:]
    if not said and not not_these:
        return Apart(blanked=text)
    if match.name and said:
        longer = _carried_on(text, match)
        if longer or match.fuzzy:          # "New customer Уралстрой Сервис" beside Уралстройкомплект: as written
            return Apart(True, not_these, longer, True, blanked)
    if not match.name:
        for name in not_these:
            part = match_known(blanked, [name])
            longer = _carried_on(blanked, part) if part.name else None
            if longer:
                return Apart(True, not_these, longer, False, blanked)
    return Apart(said or bool(not_these), not_these, None, False, blanked)


def _taken_back_mention(text: str, name: str, aliases: Mapping[str, str]) -> Match | None:
    """The first mention of `name` in `text` that the rep takes back, with its span."""
    hidden = text
    for _ in range(4):
        found = match_known(hidden, [name], aliases)
        if not found.name or found.start < 0:
            return None
        if taken_back_at(text, found.start, found.end, name):
            return found
        hidden = hidden[:found.start] + " " * (found.end - found.start) + hidden[found.end:]
    return None


def _missing(text: str, found: Match) -> int:
    """How many of the customer's words the mention leaves out ("Sunrise Medical" of Sunrise Medical Lab: 1)."""
    if not found.name or found.start < 0:
        return 0
    said = text[found.start:found.end]
    if is_cjk(said[:1]):
        return 0
    return max(0, len(name_tokens(found.name)) - len(name_tokens(said)))


def _carried_on(text: str, part: Match) -> str | None:
    """The company written where the note spells the first words of a look-alike's name and carries on
    with its own ("Sunrise Medical| Centre", "стройторг| урал"): as many words as the look-alike has."""
    missing = _missing(text, part)
    if not missing:
        return None
    said = text[part.start:part.end]
    lower = said == said.lower()
    words, at = [], part.end
    for _ in range(missing):
        nxt = _NEXT_WORD.match(text, at)
        if nxt is None or len(nxt.group(1)) < 2:
            return None
        word = nxt.group(1).rstrip(".")
        if not lower and not word[:1].isupper():
            return None                   # "Sunrise Medical in Tampines": no name carried on
        if word.casefold() in {w.casefold() for w in part.name.split()} if part.name else False:
            return None                   # the look-alike's own word: it is the look-alike
        words.append(word)
        at = nxt.end()
    name = " ".join([said, *words])
    return " ".join(w[:1].upper() + w[1:] for w in name.split()) if lower else name
