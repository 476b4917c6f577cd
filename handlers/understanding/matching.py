"""Finding which of the team's known customers a message names, however it is spelled.

"Kestrel" -> "Kestrel Logistics Ltd", "pinecrest dental" -> "Pinecrest Dental Group",
"蓝海" -> "蓝海物流有限公司", "у Промснаба" -> "АО «Промснаб»". Legal forms and quotes
are ignored, Russian case endings are tolerated, typos are forgiven by rapidfuzz.
The per-team index is built once per `known` list (lru_cache).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Mapping, Sequence

from rapidfuzz import fuzz, process

from handlers.understanding.lang import casefold, fold_accents, is_cjk
from handlers.understanding.lex_names import COMMON_WORDS, LEGAL_FORMS, PLACE_PREFIXES_ZH, ZH_LEGAL_SUFFIX, ZH_TRADES

WORD = re.compile(r"[0-9A-Za-zÀ-ɏА-Яа-яЁё]+")
_CJK_RUN = re.compile(r"[\u3400-\u9fff]+")
_ZH_TRADE = re.compile("(?:" + ZH_TRADES + ")")


@dataclass(frozen=True, slots=True)
class Entry:
    """One spelling of a known customer: its tokens (Latin/Cyrillic) or its Han core."""

    canonical: str
    tokens: tuple[str, ...]
    core: str                      # Han characters of the name, legal form stripped


@dataclass
class Index:
    """All known spellings of a team's customers, indexed for quick lookup."""

    entries: list[Entry] = field(default_factory=list)
    by_head: dict[str, list[Entry]] = field(default_factory=dict)      # first 3 letters of first token
    by_bigram: dict[str, list[Entry]] = field(default_factory=dict)    # first 2 Han characters
    heads: list[str] = field(default_factory=list)                     # first tokens, for fuzzy lookup


@dataclass
class Match:
    """The known customer a message names, or the ones it might mean."""

    name: str | None
    candidates: list[str]
    start: int = -1
    end: int = -1
    fuzzy: bool = False


def norm_token(token: str) -> str:
    """A word as compared: lower case, "ё" as "е", no accents, no English possessive."""
    token = fold_accents(casefold(token))
    if token.endswith("'s"):
        token = token[:-2]
    return token


def name_tokens(name: str) -> tuple[str, ...]:
    """A company name's significant words, legal forms and "&" dropped."""
    words = [norm_token(w) for w in WORD.findall(name)]
    return tuple(w for w in words if w not in LEGAL_FORMS and w not in ("and", "the", "и"))


def han_core(name: str) -> str:
    """The Han characters of a name, with 有限公司 / 集团 / 公司 endings removed."""
    core = "".join(_CJK_RUN.findall(name))
    core = ZH_LEGAL_SUFFIX.sub("", core)
    return core


@lru_cache(maxsize=8)
def build_index(known: tuple[str, ...], aliases: tuple[tuple[str, str], ...] = ()) -> Index:
    """The lookup structure for one team's names (cached per list; a few lists at a time)."""
    index = Index()
    pairs = [(name, name) for name in known] + [(alias, canon) for alias, canon in aliases]
    for spelling, canonical in pairs:
        if not isinstance(spelling, str) or not isinstance(canonical, str) or not spelling.strip():
            continue
        entry = Entry(canonical, name_tokens(spelling), han_core(spelling))
        if not entry.tokens and len(entry.core) < 2:
            continue
        index.entries.append(entry)
        if entry.core and len(entry.core) >= 2:
            index.by_bigram.setdefault(entry.core[:2], []).append(entry)
        if entry.tokens:
            index.by_head.setdefault(entry.tokens[0][:3], []).append(entry)
            index.heads.append(entry.tokens[0])
    return index


def tokens_match(said: str, name: str) -> bool:
    """True when a word of the message is a word of the name, in another case form or typed wrong."""
    if said == name:
        return True
    if len(said) < 3 or len(name) < 3:
        return False
    common = 0
    for a, b in zip(said, name):
        if a != b:
            break
        common += 1
    rest_a, rest_b = len(said) - common, len(name) - common
    if "а" <= name[0] <= "я" or name[0] == "е":              # Russian: case endings differ
        if common >= 3 and rest_a <= 3 and rest_b <= 3 and common >= min(len(said), len(name)) - 3:
            return True
    elif common >= 3 and ((rest_a == 1 and said.endswith("s") and rest_b == 0) or (rest_b == 1 and name.endswith("s") and rest_a == 0)):
        return True
    return len(name) >= 5 and len(said) >= 5 and said[0] == name[0] and fuzz.ratio(said, name) >= 85


def _cjk_matches(text: str, index: Index) -> list[tuple[int, int, int, float, Entry]]:
    found = []
    seen: set[int] = set()
    for run in _CJK_RUN.finditer(text):
        chunk = run.group()
        for i in range(len(chunk) - 1):
            for entry in index.by_bigram.get(chunk[i:i + 2], ()):
                core, n = entry.core, 2
                while n < len(core) and i + n < len(chunk) and chunk[i + n] == core[n]:
                    n += 1
                if n == 2 and core[:2] in PLACE_PREFIXES_ZH and len(core) > 2:
                    continue
                if n < len(core) and _ZH_TRADE.match(chunk, i + n):   # "星辰科技" is not "星辰软件"
                    continue
                key = id(entry) * 1000 + i
                if key not in seen:
                    seen.add(key)
                    found.append((run.start() + i, run.start() + i + n, n, n / len(core), entry))
    return found


def _word_matches(text: str, words: list[re.Match], index: Index) -> list[tuple[int, int, int, float, Entry, bool]]:
    found = []
    said = [norm_token(w.group()) for w in words]
    for i, token in enumerate(said):
        pool = index.by_head.get(token[:3], ())
        fuzzy = False
        if not pool and len(token) >= 5 and token not in COMMON_WORDS and index.heads:
            best = process.extractOne(token, index.heads, scorer=fuzz.ratio, score_cutoff=85)
            if best:
                pool = index.by_head.get(best[0][:3], ())
                fuzzy = True
        for entry in pool:
            if not tokens_match(token, entry.tokens[0]):
                continue
            n = 1
            while n < len(entry.tokens) and i + n < len(said) and tokens_match(said[i + n], entry.tokens[n]):
                n += 1
            if n == 1 and len(entry.tokens) > 1 and token in COMMON_WORDS and words[i].group()[:1].islower():
                continue
            found.append((words[i].start(), words[i + n - 1].end(), n, n / len(entry.tokens), entry,
                          fuzzy or said[i] != entry.tokens[0]))
    return found


_RECENT: list[tuple[Sequence[str], Mapping[str, str] | None, int, Index]] = []


def _index_for(known: Sequence[str], aliases: Mapping[str, str] | None) -> Index:
    """The index of these very lists: a long-running bot passes the same list objects until a
    customer is added, so they are recognised by identity (no per-message copy or hash of
    100,000 names); other callers fall back to the cache keyed by content."""
    size = len(known) + len(aliases or {})
    for seen_known, seen_aliases, seen_size, index in _RECENT:
        if seen_known is known and seen_aliases is aliases and seen_size == size:
            return index
    pairs = tuple(sorted((a, c) for a, c in (aliases or {}).items() if isinstance(a, str) and isinstance(c, str)))
    index = build_index(tuple(k for k in known if isinstance(k, str)), pairs)
    _RECENT.insert(0, (known, aliases, size, index))
    del _RECENT[4:]
    return index


def match_known(text: str, known: Sequence[str], aliases: Mapping[str, str] | None = None) -> Match:
    """The known customer `text` names (the longest, earliest mention), or the tied candidates."""
    if not known and not aliases:
        return Match(None, [])
    index = _index_for(known, aliases)
    words = list(WORD.finditer(text))
    hits = [(s, e, n, frac, entry, fz) for s, e, n, frac, entry, fz in _word_matches(text, words, index)]
    hits += [(s, e, n, frac, entry, False) for s, e, n, frac, entry in _cjk_matches(text, index)]
    if not hits:
        return Match(None, [])
    # more matched words first, then a whole name over a part, then the earliest
    hits.sort(key=lambda h: (-h[2], -(h[3] == 1.0), h[0], h[5]))
    top = hits[0]
    tied = [h for h in hits if h[2] == top[2] and (h[3] == 1.0) == (top[3] == 1.0) and h[0] == top[0]]
    names = list(dict.fromkeys(h[4].canonical for h in tied))
    if len(names) > 1:
        return Match(None, names, top[0], top[1], top[5])
    return Match(names[0], [names[0]], top[0], top[1], top[5])


def is_han(text: str) -> bool:
    """True when the string has a Han character."""
    return any(is_cjk(ch) for ch in text)
