"""Finding which of the team's known customers a message names, however it is spelled.

"Kestrel" -> "Kestrel Logistics Ltd", "pinecrest dental" -> "Pinecrest Dental Group",
"蓝海" -> "蓝海物流有限公司", "у Промснаба" -> "АО «Промснаб»". Legal forms and quotes
are ignored, Russian case endings are tolerated, typos are forgiven by rapidfuzz.
The per-team index (name_index.py) is built once per `known` list and a few are kept
(index_cache.py). Chinese names by characters, sound or pinyin are found by zh_match.py;
a name the rep takes back is left out by taken_back.py.
"""
from __future__ import annotations

import re
from array import array
from dataclasses import dataclass
from typing import Mapping, Sequence

from rapidfuzz import fuzz, process

from handlers.understanding.lang import casefold, fold_accents, is_cjk
from handlers.understanding.lex_names import COMMON_WORDS, LEGAL_FORMS, NUMBER_VALUES, NUMBER_WORDS, STATE_FORMS
from handlers.understanding.index_cache import IndexCache
from handlers.understanding.languages import en as en_cues
from handlers.understanding.word_forms import is_russian, ru_same_word, typed_wrong
from handlers.understanding.name_index import Index, build
from handlers.understanding.ru_names import lookup_first
from handlers.understanding import en_match, ru_match, translit, zh_names
from handlers.understanding.zh_match import cjk_matches, latin_matches

WORD = re.compile(r"[0-9A-Za-zÀ-ɏА-Яа-яЁё]+")
_NOT_NAME_WORDS = frozenset(w.lower() for w in en_cues.NOT_NAMES)


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
    """A company name's significant words, legal forms, public bodies' forms and "&" dropped."""
    words = [norm_token(w) for w in WORD.findall(name)]
    kept = tuple(w for w in words if w not in LEGAL_FORMS and w not in ("and", "the", "и"))
    plain = tuple(w for w in kept if w not in STATE_FORMS)
    return plain or kept


han_core = zh_names.han_core


def build_index(known: Sequence[str], aliases: Sequence[tuple[str, str]] = ()) -> Index:
    """The lookup structure for one team's names and (alias, customer name) pairs (not cached).
    A Chinese name is found by its core and what follows, not by the place it opens with."""
    return build(known, aliases, name_tokens, zh_names.key)


def _numbers(token: str) -> str:
    return "".join(c for c in token if c.isdigit())


def tokens_match(said: str, name: str) -> bool:
    """True when a word of the message is a word of the name, in another case form or typed wrong."""
    if said == name:
        return True
    if said[:2] == name[:2] and said in NUMBER_VALUES and NUMBER_VALUES[said] == NUMBER_VALUES.get(name):
        return True           # a number word in another case: "из трех медведей" for Три Медведя
    if len(said) < 3 or len(name) < 3 or _numbers(said) != _numbers(name):   # "Store 2" is not "Store 1"
        return False
    common = 0
    for a, b in zip(said, name):
        if a != b:
            break
        common += 1
    if is_russian(name):                                  # Russian: case endings differ
        if ru_same_word(said, name):
            return True
    elif common >= 3 and ((len(said) - common == 1 and said.endswith("s") and len(name) == common)
                          or (len(name) - common == 1 and name.endswith("s") and len(said) == common)):
        return True
    return typed_wrong(said, name) or en_match.sounds_alike(said, name)


Hit = tuple[int, int, int, float, int, bool]     # start, end, how much matched, share of the name, entry, fuzzy


def _other_capital(text: str, words: list[re.Match], j: int, rest: list[str]) -> bool:
    """True when the word at `j` goes on another name right after this one's first words ("Desert Paws" for
    Desert Bloom, "бюро переводов Транслейт-Экспресс" for Бюро переводов Лингва-Про): a capitalised word (not
    capitals: "lumina PO"; in Russian no first name: "в Ладоге Виктор сказал"), no legal form, with only a
    space before it, and no short form of the name's next words ("Larkspur Vet", "Stillwater CU")."""
    word = words[j].group()
    low = word.lower()
    return (word[:1].isupper() and word[1:].islower() and len(word) >= 3 and low not in LEGAL_FORMS
            and low not in _NOT_NAME_WORDS                  # "Northfield Fri": a day, not another name
            and (word.isascii() or is_russian(low) and lookup_first(word) is None)
            and text[words[j - 1].end():words[j].start()] == " "
            and not rest[0].startswith(low) and low != "".join(t[0] for t in rest)[:len(low)])


def _first_word(token: str, head: str, said: list[str], i: int) -> tuple[int, bool]:
    """How a name's first word is said at `i`: (words of the message it takes, shortened). The word
    itself or typed wrong (1, False); a word typed in two ("sun field" for Sunfield, "camel back",
    "техно привод" for ТехноПривод) (2, False); a word cut short ("pac" for Pacific, "atl" for Atlantic, "Сиб приборы" for
    Сибирские Приборы, "Средневолж мебельная") (1, True), which names it only with the name's next word; else (0, False)."""
    if tokens_match(token, head):
        return 1, False
    if not token.isalpha():
        return 0, False
    if i + 1 < len(said) and len(said[i + 1]) >= 3 and len(token) >= 3 and token + said[i + 1] == head:
        return 2, False                          # "sun field" for Sunfield, "техно привод" for ТехноПривод
    if not token.isascii() and not is_russian(token):
        return 0, False
    if len(head) > len(token) >= 3 and head.startswith(token) and token not in COMMON_WORDS:
        return 1, True
    return 0, False


def _word_matches(text: str, words: list[re.Match], index: Index) -> list[Hit]:
    """Known names written word by word in `text` (spaced words): each word that may begin one,
    with the names it begins, in the order the names were given."""
    found: list[tuple[Hit, str]] = []
    said = [norm_token(w.group()) for w in words]
    fits: dict[tuple[str, str], bool] = {}   # tokens_match of (word said, word of a name), once each
    other_names: set[str] = set()           # first words the note writes another name with ("Desert Paws")
    for i, token in enumerate(said):
        if len(token) < 3 and words[i].group().islower() and not _numbers(token):
            # "по", "в", "at": a short lower-case word begins no name, unless it is a name's whole first word
            # and the rest of that name follows ("тк меридиан" for ТК Меридиан)
            if not any(head == token for head, _ in index.heads_for(token[:3])):
                continue
            here = [hit for hit in _names_from(text, words, said, i, index, fits, set()) if hit[3] == 1.0 and hit[2] >= 2]
        else:
            here = _names_from(text, words, said, i, index, fits, other_names)
        if len(here) > 1:
            here.sort(key=lambda hit: hit[4])   # in the order the names were given
        found += [(hit, token) for hit in here]
    # "desert paws az dot com" after "Desert Paws Grooming": the first word is the other name's here too
    return [hit for hit, token in found if not (hit[3] < 1 and hit[2] == 1 and token in other_names)]


_SAME_NUMBER: dict[float, list[str]] = {}
for _form, _value in NUMBER_VALUES.items():
    _SAME_NUMBER.setdefault(_value, []).append(_form)


def _heads(token: str, index: Index) -> tuple[list[tuple[str, array]], bool]:
    """The names' first words `token` may be: by its first three letters, else (a long word that is
    no everyday one) the closest first word spelt nearly alike; and whether that was a near spelling."""
    pool = index.heads_for(token[:3])
    if not pool and token in NUMBER_VALUES:       # "трех" for a name that begins "Три"
        pool = [head for form in _SAME_NUMBER[NUMBER_VALUES[token]] if form[:3] != token[:3]
                for head in index.heads_for(form[:3])]
    if not pool and len(token) >= 5 and token not in COMMON_WORDS and index.fuzzy_heads:
        best = process.extractOne(token, index.fuzzy_heads, scorer=fuzz.ratio, score_cutoff=85)
        if best:
            return index.heads_for(best[0][:3]), True
    return pool, False


def _names_from(text: str, words: list[re.Match], said: list[str], i: int, index: Index,
                fits: dict[tuple[str, str], bool], other_names: set[str]) -> list[Hit]:
    """The known names that word `i` begins, each as far as the words after it go on with it."""
    token = said[i]
    pool, fuzzy = _heads(token, index)
    here = []
    for head, entries in pool:
        step, short = _first_word(token, head, said, i)
        if not step:
            continue
        for entry in entries:
            tokens = index.tokens(entry)
            n, j = _going_on(said, i + step, tokens, fits)
            if short and n < 2:
                continue   # "pac" alone is no "Pacific Rim": a shortened word only with the next one
            if n < len(tokens) and j < len(said) and (n == 1 or not token.isascii()) \
                    and _other_capital(text, words, j, tokens[n:]):
                other_names.add(token)
                continue   # "Desert Paws Grooming" is not "Desert Bloom Landscaping"
            if _not_the_name(text, words, said, (i, j, n), tokens, head):
                continue
            here.append((words[i].start(), words[j - 1].end(), n, n / len(tokens), entry, fuzzy or token != head))
    return here


def _going_on(said: list[str], j: int, tokens: list[str], fits: dict[tuple[str, str], bool]) -> tuple[int, int]:
    """How many of the name's words the words said from `j` on match (its first one matched),
    and the word after them."""
    n = 1
    while n < len(tokens) and j < len(said):
        key = (said[j], tokens[n])
        if key not in fits:
            fits[key] = tokens_match(*key)
        if not fits[key]:
            break
        n, j = n + 1, j + 1
    return n, j


def _not_the_name(text: str, words: list[re.Match], said: list[str], at: tuple[int, int, int],
                  tokens: list[str], head: str) -> bool:
    """True when the words i..j (n of the name's) are something else that starts alike."""
    i, j, n = at
    if n == 1 < len(tokens) and (_everyday(said[i], head, words[i].group()) or _glued(text, words, i)):
        return True   # "in two weeks" is not Two Rivers Brewing, "нск-пласт" is not НСК Логистик
    # the name goes on with another number: "Vector 2" is not "Vector 1"
    return n < len(tokens) and j < len(said) and bool(_numbers(tokens[n])) and bool(_numbers(said[j]))


def _everyday(token: str, head: str, written: str) -> bool:
    """True for a lower-case everyday word, kind of business or number that often begins a company's
    name but alone names none ("global", "two", "четыре", "в кофейне" for Кофейня на Патриках)."""
    return written[:1].islower() and (token in COMMON_WORDS or head in COMMON_WORDS or token in NUMBER_WORDS)


def _glued(text: str, words: list[re.Match], i: int) -> bool:
    """True when the word at `i` is joined by a hyphen to a word before or after it: the note writes
    another compound name ("нск-пласт", "ЕКБ-Авто", "екатеринбург-кабель")."""
    start, end = words[i].start(), words[i].end()
    before = start >= 2 and text[start - 1] == "-" and text[start - 2].isalnum()
    after = end + 1 < len(text) and text[end] == "-" and text[end + 1].isalnum()
    return before or after


_CACHE = IndexCache()


def _index_for(known: Sequence[str], aliases: Mapping[str, str] | None) -> Index:
    """The index of these names and aliases, from the cache or built now (see index_cache.py)."""
    index, _ = _CACHE.get(known, aliases, build_index)
    return index


def names_indexed() -> int:
    """How many names and aliases the indexes built so far held, all told: a message that indexed
    many left many MB of freed pages, which the runtime hands back (bot/runtime.py)."""
    return _CACHE.names_indexed


def match_known(text: str, known: Sequence[str], aliases: Mapping[str, str] | None = None) -> Match:
    """The known customer `text` names (the longest, earliest mention), or the tied candidates."""
    if not known and not aliases:
        return Match(None, [])
    index = _index_for(known, aliases)
    words = list(WORD.finditer(text))
    hits = _word_matches(text, words, index)
    hits += cjk_matches(text, index)
    if not hits and is_han(text):
        hits = latin_matches(words, index)
    if not hits and ru_match.is_cyrillic(text):
        hits = ru_match.matches(text, index)      # "ВТО", "по Слободе", "сибцемент": a short form of a name
    if not hits:
        hits = translit.matches(text, index)      # "Гринхаус" for Greenhouse, "SmartSoft" for СмартСофт
    if not hits:
        hits = en_match.matches(text, index)      # "HVO", "QH", "h&w": a Latin name by its initials
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


NEAR_STEM = 5      # letters a word shares with a Russian name's first word to be that word in another gender


def near_miss(text: str, known: Sequence[str], aliases: Mapping[str, str] | None = None) -> str | None:
    """Words of `text` that begin like a known Russian name yet are another word ("уральская сталь" beside
    Уральский Металл: the same stem in another gender, so another company), as written; else None.
    A note that names no customer but writes such words names some company: it is asked about."""
    if not (known or aliases) or not ru_match.is_cyrillic(text):
        return None
    index = _index_for(known, aliases)
    words = list(WORD.finditer(text))
    for i, w in enumerate(words):
        token = norm_token(w.group())
        if len(token) < NEAR_STEM or not is_russian(token):
            continue
        for head, entries in index.heads_for(token[:3]):
            if tokens_match(token, head) or token[:NEAR_STEM] != head[:NEAR_STEM]:
                continue
            if any(len(index.tokens(e)) > 1 for e in entries) and i + 1 < len(words):
                return text[w.start():words[i + 1].end()]
            return w.group()
    return None


def is_han(text: str) -> bool:
    """True when the string has a Han character."""
    return any(is_cjk(ch) for ch in text)
