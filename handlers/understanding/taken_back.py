"""A name the rep takes back ("Стройресурс ой это не Стройресурс это Мосхимпром", "不是易联 是云栖",
"not Acme, Apex"): the note is not about it, so the customer it names is the one left."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Mapping, Sequence

from handlers.understanding.languages import one_of, registered
from handlers.understanding.matching import Match, match_known


_NOT_THIS_REACH = 32   # characters before a mention where the rep's "not" (or "different from") may stand


@lru_cache(maxsize=1)
def _not_this() -> tuple[re.Pattern, ...]:
    """Every language's words taking a name back ("not", "不是", "не"), compiled."""
    return tuple(re.compile(one_of(language.NOT_THIS), re.I) for language in registered()
                 if getattr(language, "NOT_THIS", None))


@lru_cache(maxsize=1)
def _not_this_after() -> tuple[re.Pattern, ...]:
    """Every language's words after a name the note is not about ("跟华彩科技不是一家"), compiled."""
    return tuple(re.compile(one_of(language.NOT_THIS_AFTER), re.I) for language in registered()
                 if getattr(language, "NOT_THIS_AFTER", None))


def taken_back(text: str, match: Match) -> bool:
    """True when the rep takes the matched name back anywhere in the note ("Стройресурс ой это не
    Стройресурс это Мосхимпром", "不是易联 是云栖", "not Acme, Apex", "different from Meridian Diagnostics",
    "跟华彩科技不是一家"): the note is not about it."""
    if not match.name or match.start < 0:
        return False
    said = text[match.start:match.end]
    at = text.find(said)
    while at >= 0:
        if taken_back_at(text, at, at + len(said), match.name):
            return True
        at = text.find(said, at + 1)
    return False


def taken_back_at(text: str, start: int, end: int, name: str) -> bool:
    """True when the mention of `name` written at `start`:`end` is taken back by the words around it."""
    before = text[max(0, start - _NOT_THIS_REACH):start]
    if any(pattern.search(before) for pattern in _not_this()):
        return True
    ends = {end}
    if text.casefold().startswith(name.casefold(), start):
        ends.add(start + len(name))            # "华彩" read of "华彩科技不是一家": after the whole name
    return any(pattern.match(text[at:at + _NOT_THIS_REACH]) for pattern in _not_this_after() for at in ends)


@lru_cache(maxsize=1)
def _retracted_for() -> tuple[re.Pattern, ...]:
    """Every language's words before the name that replaces one taken back ("wait no that was"), compiled."""
    return tuple(re.compile("(?:" + "|".join(p[:-1] if p.endswith("$") else p for p in language.RETRACTED_FOR) + ")",
                            re.I) for language in registered() if getattr(language, "RETRACTED_FOR", None))


_RETRACT_REACH = 3     # characters between a retraction's words and the name it gives instead


def named_instead(text: str, known: Sequence[str], aliases: Mapping[str, str] | None = None) -> Match | None:
    """The known customer the rep names in place of another in the same message ("huxtable emailed …
    wait no that was pacifica", "кп в Отрадненский элеватор … ой нет, это не им, это Гаранину",
    "拜访了星辰科技 不对，是蓝海物流"): the last one so named, with spans of `text`; else None."""
    best: Match | None = None
    for pattern in _retracted_for():
        for cue in pattern.finditer(text):
            rest = text[cue.end():cue.end() + 80]
            found = match_known(rest, known, aliases)
            if found.name and 0 <= found.start <= _RETRACT_REACH and (best is None or cue.end() > best.start):
                best = Match(found.name, [found.name], cue.end() + found.start, cue.end() + found.end, found.fuzzy)
    return best


def unless_taken_back(text: str, known: Sequence[str], aliases: Mapping[str, str] | None = None) -> Match:
    """The known customer `text` names, leaving out the ones the rep takes back (see taken_back), or
    the one named in place of another (see named_instead); spans stay those of `text`."""
    instead = named_instead(text, known, aliases)
    if instead is not None:
        return instead
    match = match_known(text, known, aliases)
    for _ in range(3):
        if not taken_back(text, match):
            return match
        said = text[match.start:match.end]
        text = text.replace(said, " " * len(said))
        known, aliases = _without(match.name, known, aliases)     # nor is it the note's by a shorter spelling
        match = match_known(text, known, aliases)
    return match


def taken_back_names(text: str, known: Sequence[str], aliases: Mapping[str, str] | None = None) -> tuple[str, ...]:
    """The known customers the rep takes back in `text` (see taken_back), at most three."""
    out: list[str] = []
    match = match_known(text, known, aliases)
    for _ in range(3):
        if not match.name or not taken_back(text, match):
            break
        out.append(match.name)
        said = text[match.start:match.end]
        text = text.replace(said, " " * len(said))
        known, aliases = _without(match.name, known, aliases)
        match = match_known(text, known, aliases)
    return tuple(out)


def _without(name: str | None, known: Sequence[str],
             aliases: Mapping[str, str] | None) -> tuple[Sequence[str], Mapping[str, str] | None]:
    """The team's names and other names, without one customer's."""
    return ([k for k in known if k != name],
            {alias: of for alias, of in aliases.items() if of != name} if aliases else aliases)
