"""Which of the team's members a question is about: "Anna's pipeline", "what did Anna Lee do this
week", "воронка Анны", "чем занимался Борис", "王芳这周做了什么", "Anna的销售漏斗".

The team's own names are looked for in the words, whatever the letter case, an English possessive
("Anna's", "annas"), the Russian grammatical case ("Анны", "Борисом") or the script: a member the
team knows as "Boris" is "Борис" in a Russian question ("воронка Бориса"), "Мария" is "Maria". A member's full name
counts first; else one of its words alone ("Anna", "Lee", "Петрова"), or a Chinese given name.
Several members answering to the words (two Annas) are all returned, so the caller can ask which.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz import fuzz

from handlers.understanding.lang import casefold, is_cjk
from handlers.understanding.languages import registered
from handlers.understanding.model import TeamMember
from handlers.understanding.ru_names import case_forms, lookup_first

_LATIN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ]+(?:[-'’][A-Za-zÀ-ÖØ-öø-ÿ]+)*")
_CYRILLIC = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")
_POSSESSIVE = re.compile(r"(?:'s|’s|')$")
# a first name that is also an everyday word counts only when written with a capital letter
_EVERYDAY = frozenset("""will may max mark bill art grant rich june april sue pat rob chase hope joy faith dawn jack
guy ray rose sunny summer win bob""".split())
# words a display name may hold that also turn up in report questions: never a name on their own
_NOT_A_NAME = frozenset("""team sales manager admin bot the my our all office group crm rep reps""".split())


# Russian letters in Latin, the way names are usually spelled in passports and chat display names
_TRANSLIT = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "yu", "я": "ya"})
_SPELLINGS = (("ks", "x"), ("kh", "h"), ("yo", "e"), ("ya", "ia"), ("yu", "iu"))
_CLOSE = 88  # how alike two spellings of one name in two scripts must be (rapidfuzz ratio)


def members_named(text: str, roster: Sequence[TeamMember]) -> tuple[TeamMember, ...]:
    """The members of `roster` the text names: those named in full, else those named by one word
    of their name (or a Chinese given name); empty when it names none."""
    words = _words(text)
    full = [m for m in roster if _full(m.name, words, text)]
    if full:
        return tuple(full)
    return tuple(m for m in roster if _first(m.name, words, text))


def members_compared(text: str, roster: Sequence[TeamMember]) -> tuple[TeamMember, ...]:
    """Two or more members each named by words of their own ("сравни Павла и Марину", "compare Anna Lee
    and Boris", "Павел и 陈伟"), in the order the text names them; empty when fewer than two are, or when one
    word names two members (two Annas: which one is asked). A member named only by a word of another's
    fuller name ("Anna" beside "Anna Lee") is not counted."""
    words = _words(text)
    named: dict[int, tuple[TeamMember, frozenset[int]]] = {}
    for i, member in enumerate(roster):
        where = _where(member.name, words, text)
        if where:
            named[i] = (member, where)
    kept = [(m, w) for m, w in named.values() if not any(w < other for _, other in named.values())]
    if len(kept) < 2 or any(a[1] & b[1] for i, a in enumerate(kept) for b in kept[i + 1:]):
        return ()
    return tuple(m for m, _ in sorted(kept, key=lambda mw: min(mw[1])))


def _where(name: str, words: list[tuple[str, bool]], text: str) -> frozenset[int]:
    """Where the text names a member: the indices of its words that do (a Chinese name: the place of its
    characters, offset past the words); empty when it does not."""
    cjk = "".join(ch for ch in name if is_cjk(ch))
    if cjk:
        at = text.find(cjk) if len(cjk) >= 2 else -1
        if at < 0 and len(cjk) >= 3:
            at = text.find(cjk[1:])
        return frozenset({len(words) + at}) if at >= 0 else frozenset()
    found: set[int] = set()
    for token in _tokens(name):
        if token in _NOT_A_NAME or len(token) < 2:
            continue
        spellings, everyday = _spellings(token), token in _EVERYDAY
        found |= {i for i, (word, capital) in enumerate(words)
                  if (word in spellings or _across(token, word)) and (capital or not everyday)}
    return frozenset(found)


def _words(text: str) -> list[tuple[str, bool]]:
    """The Latin and Cyrillic words of `text`, casefolded, a possessive taken off, with whether
    each was written with a capital letter."""
    found = []
    for pattern in (_LATIN, _CYRILLIC):
        for match in pattern.finditer(text):
            word = match.group()
            found.append((casefold(_POSSESSIVE.sub("", word)), word[:1].isupper()))
    return found


def _skeleton(word: str) -> str:
    """A name's word in plain Latin letters, spelled alike from either script and convention:
    "Дмитрий", "Dmitry" and "Dmitriy" -> "dmitri"; "Алексей" and "Alexei" -> "alexei"."""
    latin = casefold(word).translate(_TRANSLIT)
    for written, read in _SPELLINGS:
        latin = latin.replace(written, read)
    return re.sub(r"(?:iy|ij|yi|y)$", "i", latin)


def _cyrillic(word: str) -> bool:
    return bool(_CYRILLIC.fullmatch(word))


def _across(token: str, word: str) -> bool:
    """A name's word written in the other script ("Boris" as "Бориса", "Мария" as "Maria") or spelled
    another way ("Alexey" as "Alexei"). A Russian
    first name in any case is read as its nominative; other words must be spelled alike (the same
    first letter, nearly the same letters)."""
    name = _skeleton(token)
    if len(name) < 3:
        return False
    if _cyrillic(token) == _cyrillic(word):  # the same script: only another spelling ("Alexei", "Alexey")
        return not _cyrillic(word) and _skeleton(word) == name
    if _cyrillic(word) and (found := lookup_first(word)) is not None:  # "Бориса" -> "Борис"
        return _skeleton(found[0]) == name
    written = _skeleton(word)
    return written == name or (len(name) >= 4 and written[:1] == name[:1] and fuzz.ratio(written, name) >= _CLOSE)


def _tokens(name: str) -> list[str]:
    return [casefold(w) for w in _LATIN.findall(name) + _CYRILLIC.findall(name)]


def _spellings(token: str) -> set[str]:
    """A name's word as it may be written: itself, "annas" for "Anna's", and its Russian cases."""
    forms = {token, token + "s"}
    if _CYRILLIC.fullmatch(token):
        forms |= set(case_forms(token))
    return forms


def _has(token: str, words: list[tuple[str, bool]]) -> bool:
    spellings = _spellings(token)
    everyday = token in _EVERYDAY
    return any((word in spellings or _across(token, word)) and (capital or not everyday) for word, capital in words)


def _full(name: str, words: list[tuple[str, bool]], text: str) -> bool:
    cjk = "".join(ch for ch in name if is_cjk(ch))
    if cjk:
        return len(cjk) >= 2 and cjk in text
    tokens = _tokens(name)
    return len(tokens) >= 2 and all(_has(token, words) for token in tokens)


def _first(name: str, words: list[tuple[str, bool]], text: str) -> bool:
    cjk = "".join(ch for ch in name if is_cjk(ch))
    if cjk:  # 王小明 answers to 小明; a two-character name only in full
        return len(cjk) >= 3 and cjk[1:] in text
    return any(token not in _NOT_A_NAME and len(token) >= 2 and _has(token, words) for token in _tokens(name))


# where a question about one member's work puts the member, in every registered language (a name in Latin
# letters may stand in a Russian or Chinese question: "что сделала Anna", "Ben这周做了什么")
_SLOTS = tuple(re.compile(p) for lang in registered() for p in lang.MEMBER_ASKED)


def member_asked(text: str) -> str | None:
    """The name a question about one member's work writes where the member goes, whether or not
    the team has such a member ("what did Zed do this week"); None when it names nobody there."""
    for slot in _SLOTS:
        found = slot.search(text or "")
        if found and casefold(found.group(1)) not in _NOT_A_NAME and found.group(1) not in ("我", "我们", "团队", "大家") \
                and not _a_time(found.group(1)):
            return found.group(1)
    return None


def _a_time(word: str) -> bool:
    """A period, not a person, in a member's place: "December's pipeline", "Q4's pipeline",
    "Friday's follow-ups", "today's"."""
    from handlers.understanding.languages import en

    low = casefold(word)
    weekday = low.endswith("day") and any(low.startswith(start) for start in en.WEEKDAYS)
    return any(ch.isdigit() for ch in word) or low in en.MONTHS or weekday or low in _DAY_WORDS


_DAY_WORDS = frozenset({"today", "tomorrow", "yesterday", "tonight"})
