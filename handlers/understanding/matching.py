"""Finding which of the team's known customers a message names, however it is spelled.

"Kestrel" -> "Kestrel Logistics Ltd", "pinecrest dental" -> "Pinecrest Dental Group",
"蓝海" -> "蓝海物流有限公司", "у Промснаба" -> "АО «Промснаб»". Legal forms and quotes
are ignored, Russian case endings are tolerated, typos are forgiven by rapidfuzz.
The per-team index (name_index.py) is built once per `known` list and a few are kept
(index_cache.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Mapping, Sequence

from rapidfuzz import fuzz, process

from handlers.heap import give_back
from handlers.understanding.lang import casefold, fold_accents, is_cjk
from handlers.understanding.languages import zh
from handlers.understanding.lex_names import COMMON_WORDS, LEGAL_FORMS
from handlers.understanding.index_cache import IndexCache
from handlers.understanding.name_index import Index, build

WORD = re.compile(r"[0-9A-Za-zÀ-ɏА-Яа-яЁё]+")
_CJK_RUN = re.compile(r"[\u3400-\u9fff]+")
_ZH_TRADE = re.compile("(?:" + "|".join(zh.TRADES) + ")")
_ZH_LEGAL_SUFFIX = re.compile(zh.LEGAL_SUFFIX)


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
    core = _ZH_LEGAL_SUFFIX.sub("", core)
    return core


def build_index(known: Sequence[str], aliases: Sequence[tuple[str, str]] = ()) -> Index:
    """The lookup structure for one team's names and (alias, customer name) pairs (not cached)."""
    return build(known, aliases, name_tokens, han_core)


def _numbers(token: str) -> str:
    return "".join(c for c in token if c.isdigit())


def tokens_match(said: str, name: str) -> bool:
    """True when a word of the message is a word of the name, in another case form or typed wrong."""
    if said == name:
        return True
    if len(said) < 3 or len(name) < 3 or _numbers(said) != _numbers(name):   # "Store 2" is not "Store 1"
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


def _cjk_matches(text: str, index: Index) -> list[tuple[int, int, int, float, int]]:
    found = []
    seen: set[tuple[int, int]] = set()
    for run in _CJK_RUN.finditer(text):
        chunk = run.group()
        for i in range(len(chunk) - 1):
            if chunk[i:i + 2] not in index.prefixes:   # most characters begin no name
                continue
            here = []
            for core, entry in index.cores_for(chunk[i:i + 2]):
                n = 2
                while n < len(core) and i + n < len(chunk) and chunk[i + n] == core[n]:
                    n += 1
                if n == 2 and core[:2] in zh.PLACE_PREFIXES and len(core) > 2:
                    continue
                if n < len(core) and _ZH_TRADE.match(chunk, i + n):   # "星辰科技" is not "星辰软件"
                    continue
                if (entry, i) not in seen:
                    seen.add((entry, i))
                    here.append((run.start() + i, run.start() + i + n, n, n / len(core), entry))
            if len(here) > 1:
                here.sort(key=lambda hit: hit[4])   # in the order the names were given
            found += here
    return found


def _word_matches(text: str, words: list[re.Match], index: Index) -> list[tuple[int, int, int, float, int, bool]]:
    found = []
    said = [norm_token(w.group()) for w in words]
    fits: dict[tuple[str, str], bool] = {}   # tokens_match of (word said, word of a name), once each
    for i, token in enumerate(said):
        pool, fuzzy = index.heads_for(token[:3]), False
        if not pool and len(token) >= 5 and token not in COMMON_WORDS and index.fuzzy_heads:
            best = process.extractOne(token, index.fuzzy_heads, scorer=fuzz.ratio, score_cutoff=85)
            if best:
                pool, fuzzy = index.heads_for(best[0][:3]), True
        here = []
        for head, entries in pool:
            if not tokens_match(token, head):
                continue
            for entry in entries:
                tokens = index.tokens(entry)
                n = 1
                while n < len(tokens) and i + n < len(said):
                    key = (said[i + n], tokens[n])
                    if key not in fits:
                        fits[key] = tokens_match(*key)
                    if not fits[key]:
                        break
                    n += 1
                if n == 1 and len(tokens) > 1 and token in COMMON_WORDS and words[i].group()[:1].islower():
                    continue
                if n < len(tokens) and i + n < len(said) and _numbers(tokens[n]) and _numbers(said[i + n]):
                    continue   # the name goes on with another number: "Vector 2" is not "Vector 1"
                here.append((words[i].start(), words[i + n - 1].end(), n, n / len(tokens), entry,
                             fuzzy or token != head))
        if len(here) > 1:
            here.sort(key=lambda hit: hit[4])   # in the order the names were given
        found += here
    return found


_CACHE = IndexCache()


def _index_for(known: Sequence[str], aliases: Mapping[str, str] | None) -> Index:
    """The index of these names and aliases, from the cache or built now (see index_cache.py)."""
    index, built = _CACHE.get(known, aliases, build_index)
    if built and len(index) >= 10_000:   # reading and indexing the names left many MB of freed pages
        give_back()
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
    names = list(dict.fromkeys(index.canonical(h[4]) for h in tied))
    if len(names) > 1:
        return Match(None, names, top[0], top[1], top[5])
    return Match(names[0], [names[0]], top[0], top[1], top[5])


def is_han(text: str) -> bool:
    """True when the string has a Han character."""
    return any(is_cjk(ch) for ch in text)
