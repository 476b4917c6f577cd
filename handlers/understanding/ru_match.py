"""Known Russian customers named the short ways reps type them, when no word of the message begins a
known name: by initials ("ВТО", "умк", "СК-В" for "ВолгаТрансОйл", "УралМетКомплект",
"СтальКонструкция-В"), by the words after an adjective or an abbreviation ("Меридиан" for "ТК
Меридиан", "по Слободе" for "Волжская Слобода", "вагонный двор" for "Балтийский Вагонный Двор"), or
run together ("сибцемент" for "Сибирский Цемент Трейд", "ахтубафрукт", "нордэнерго" for
"НордЭнергоМонтаж", "по Мосхиму" for "Мосхимреактив").

The tables are built from the team's names when first needed and kept with its index.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein

from handlers.understanding.languages import ru as ru_cues
from handlers.understanding.lex_names import LEGAL_FORMS
from handlers.understanding.name_index import Index

_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
_PART = re.compile(r"[А-ЯЁ]?[а-яё]+|[А-ЯЁ]+(?![а-яё])|[A-Za-z]+|\d+")
_ADJECTIVE = re.compile(r"(?:ый|ий|ой|ая|яя|ое|ее|ые|ие)$")
_SHORT = re.compile(r"(?<![\w-])(?:[А-ЯЁ]{2,4}(?:-[А-ЯЁ]{1,2})?|[а-яё]{3,4})(?![\w-])")
_WORD = re.compile(r"[А-Яа-яЁё]+")
_STEMS = sorted(ru_cues.NAME_STEMS, key=len, reverse=True)
_STEM_REST = 4             # letters a compound's last part keeps at least after its stems ("монтаж")
_PLACE_ADJECTIVE = re.compile(r"[сц]к(?:ий|ая|ое|ие|ого|ой|их|ому|ую|им)$")
_STEM_INITIALS = 3         # initials of a compound's stems at least ("РТЭМ"; "ТП" would be anything)
_ENDING = 3                # letters of a case ending a word may carry past the name ("Мосхиму", "сибцементе")
_JOINED_MIN = 6            # letters of a run-together name at least
_SPLIT_WORDS = 4           # words a name misheard apart may be split into at most ("волга энерго комплект")
_SPLIT_MIN = 8             # letters of a name matched from words joined together at least
_SPLIT_TYPO = 12           # letters from which a name joined from words may be one letter off ("афто" for "авто")
_PLAIN = frozenset("""это так или как там тут где все уже еще ещё они она оно его её ему ним нам вам кто что чем
при про под над для без был была были быть нет да вот тоже надо было счет кпп акт смс
кп тз ндс лпр ип ооо оао зао пао ао гд бц тц нг др рф ндфл мск спб ит фио упд сф дс жд пнр смр""".split())    # everyday capitals are no initials


@dataclass
class Parts:
    """A team's Russian names by initials, by the words after their first, and by their first letters."""

    initials: dict[str, list[int]] = field(default_factory=dict)
    tails: dict[str, list[tuple[tuple[str, ...], int]]] = field(default_factory=dict)
    joined: dict[str, list[tuple[str, tuple[str, ...], int]]] = field(default_factory=dict)


def _parts(name: str) -> tuple[list[str], list[str]]:
    """A name's words (legal forms dropped) and its parts (words split where a capital or a hyphen
    begins a new part: "УралМетКомплект" -> Урал, Мет, Комплект), lower-cased, "ё" as "е"."""
    words = [w for w in re.findall(r"[\w-]+", name) if w.lower() not in LEGAL_FORMS]
    parts = [p.lower().replace("ё", "е") for w in words for piece in w.split("-") for p in _PART.findall(piece)]
    return [w.lower().replace("ё", "е") for w in words], parts


def _stems(part: str) -> list[str]:
    """A part run together from the usual stems, split at them ("ростехэнергомонтаж" -> рос, тех, энерго,
    монтаж; "металлоконструкций" -> металло, конструкций); the part alone when it opens with none."""
    if _PLACE_ADJECTIVE.search(part):
        return [part]                     # "московский" is Moscow's, not мос·ковский
    out: list[str] = []
    rest = part
    while True:
        stem = next((s for s in _STEMS if rest.startswith(s) and len(rest) - len(s) >= _STEM_REST), None)
        if stem is None:
            return out + [rest] if out else [part]
        out.append(stem)
        rest = rest[len(stem):]


def _table(index: Index) -> Parts:
    if isinstance(index.ru_parts, Parts):
        return index.ru_parts
    table = Parts()
    for entry in range(len(index)):
        name = index.canonical(entry)
        if not isinstance(name, str) or not _CYRILLIC.search(name):
            continue
        words, parts = _parts(name)
        if not parts:
            continue
        if len(parts) >= 2:
            table.initials.setdefault("".join(p[0] for p in parts), []).append(entry)
        stems = [s for p in parts for s in _stems(p)]
        if len(stems) > len(parts) and len(stems) >= _STEM_INITIALS:     # "РТЭМ", "ЕЗМК": by the stems' initials
            key = "".join(s[0] for s in stems)
            if entry not in table.initials.get(key, ()):
                table.initials.setdefault(key, []).append(entry)
        if len(parts) == 1 and len(stems) >= 2:
            parts = stems                # "Ураллесэкспорт" is урал·лес·экспорт: "Ураллес" is its beginning
        for tail in _tails(name, words):
            table.tails.setdefault(tail[0][:3], []).append((tail, entry))
        table.joined.setdefault(parts[0][:2], []).append(("".join(parts), tuple(parts), entry))
    index.ru_parts = table
    return table


def _tails(name: str, words: list[str]) -> list[tuple[str, ...]]:
    """The words a name may be said by without its first: after an adjective or an abbreviation ("Меридиан"
    for "ТК Меридиан"), and after the kind of business it opens with ("Фиалка" for "Аптека Фиалка",
    "Полесье" for "Торговый Дом Полесье", "Здравица" for "Аптечная сеть Здравица"), its own word after
    an abbreviation of the body it is ("кардиоцентр" for "ГБУЗ СО Областной кардиоцентр"), and the adjective that sets it apart before
    the kind it ends with ("трубный" for "Северный Трубный Завод"); a hyphenated word is its parts
    ("жар птица")."""
    words = [p for w in words for p in w.split("-") if p]
    tails = _tails_of(name, words)
    while len(words) > 2 and _abbreviation(name, words[0]):
        words = words[1:]                 # "ГБУЗ СО Областной кардиоцентр": "Областной кардиоцентр"
        tails += [tail for tail in _tails_of(name, words) if tail not in tails]
    return tails


def _tails_of(name: str, words: list[str]) -> list[tuple[str, ...]]:
    if len(words) < 2:
        return []
    first = words[0]
    kind = first in _KINDS
    if not (kind or (_ADJECTIVE.search(first) and not _joined(name, first)) or len(first) <= 3):
        return []
    tails = [] if kind else [tuple(words[1:])]
    for k in range(1 if kind else 2, len(words)):
        if words[k - 1] not in _KINDS:
            break
        if (len(words[k]) >= _KIND_TAIL_MIN or k < len(words) - 1) and tuple(words[k:]) not in tails:
            tails.append(tuple(words[k:]))
    for tail in list(tails):
        if len(tail) == 2 and _own_adjective(tail[0]) and tail[1] in _KINDS:
            tails.append(tail[:1])
    return tails


def _abbreviation(name: str, word: str) -> bool:
    """A word written in capitals in the name, as the kind of body it is ("ГБУЗ", "СО", "ФГУП")."""
    return len(word) <= 4 and re.search(r"(?<!\w)" + re.escape(word.upper()) + r"(?!\w)", name) is not None


def _own_adjective(word: str) -> bool:
    """An adjective that alone can name a customer ("трубный", "приборостроительный"; not "московский")."""
    return len(word) >= _OWN_ADJECTIVE_MIN and bool(_ADJECTIVE.search(word)) and not _PLACE_ADJECTIVE.search(word)


_KINDS = frozenset(ru_cues.NAME_KINDS)
_KIND_TAIL_MIN = 4         # letters of a name's own word said alone after its kind at least ("Жемчуг", not "Лес")
_OWN_ADJECTIVE_MIN = 7     # letters of an adjective said alone for its name at least ("трубный")


def _after_other_name(text: str, words: list[re.Match], i: int) -> bool:
    """True when a capitalised word stands right before the tail at `i`: the note writes another name
    ending alike ("Пекарня Добрый Хлеб" is not Гурьевский Хлеб)."""
    if i == 0 or text[words[i - 1].end():words[i].start()] != " ":
        return False
    before = words[i - 1].group()
    return before[:1].isupper() and not _SENTENCE_END.search(text[:words[i - 1].start()])


_SENTENCE_END = re.compile(r"(?:^|[.!?…]\s*)$")


def _joined(name: str, word: str) -> bool:
    """True when `word` is written in `name` as parts run together ("ГрандСтрой"): a compound, no adjective."""
    at = name.lower().replace("ё", "е").find(word)
    return at >= 0 and any(ch.isupper() for ch in name[at + 1:at + len(word)])


def _same_word(said: str, word: str) -> bool:
    """A word of the message is `word` in some case ("слободу", "Слободе" for "слобода")."""
    stem = min(len(word), max(3, len(word) - 2))
    return said.startswith(word[:stem]) and len(said) - stem <= _ENDING and len(word) - stem <= 2


_VOWEL_END = re.compile(r"[аеёиоуыэюяйь]$")


def _whole_stem(said: str, word: str) -> bool:
    """A lower-case word alone is a name's last word only when it keeps that word's whole stem ("двора",
    "слободе", an adjective in any case; "двое" is no "двор")."""
    if _ADJECTIVE.search(word):
        return said.startswith(word[:-2])        # "трубному", "приборостроительного"
    return said.startswith(word[:-1] if _VOWEL_END.search(word) else word)


def _run_together(said: str, full: str, parts: tuple[str, ...]) -> bool:
    """"нордэнерго", "мосхиму", "ахтубафрукт" (the name's beginning, run together) or "сибцемент",
    "южполимер" (the first part cut short, then the next one)."""
    if len(said) < _JOINED_MIN:
        return False
    for cut in range(len(said), len(said) - _ENDING - 1, -1):       # a case ending may follow
        head = said[:cut]
        if len(head) >= _JOINED_MIN and len(head) > len(parts[0]) and full.startswith(head) and (
                len(head) * 2 >= len(full) or len(parts) >= 3 and head.startswith(parts[0] + parts[1])):
            return True     # the first part alone ("сибирская" for Сибирский Лес) is no run-together name
    if len(parts) >= 2 and len(parts[0]) > 4:
        rest = "".join(parts[1:])
        for k in (2, 3, 4):
            if said.startswith(parts[0][:k]) and (_same_word(said[k:], parts[1]) and len(parts[1]) >= 4
                                                  or len(parts) > 2 and _same_word(said[k:], rest)):
                return True   # "сибцемент", and "самавтодеталь" for СамараАвтоДеталь
    return False


def matches(text: str, index: Index) -> list[tuple[int, int, int, float, int, bool]]:
    """Hits (start, end, words matched, share of the name, entry, fuzzy) of short forms of the team's
    Russian names in `text`."""
    table = _table(index)
    found: list[tuple[int, int, int, float, int, bool]] = []
    for m in _SHORT.finditer(text):
        key = m.group().lower().replace("ё", "е").replace("-", "")
        if key in _PLAIN:
            continue
        found += [(m.start(), m.end(), 1, 0.5, entry, True) for entry in table.initials.get(key, ())]
    words = list(_WORD.finditer(text))
    said = [w.group().lower().replace("ё", "е") for w in words]
    for i, token in enumerate(said):
        for tail, entry in table.tails.get(token[:3], ()):
            n = len(tail)
            if i + n <= len(said) and all(_same_word(said[i + j], tail[j]) for j in range(n)) and (
                    n >= 2 or words[i].group()[:1].isupper()
                    or ((i == 0 or text[:words[i].start()].strip() == "")
                        or _after_preposition(said, i) and len(tail[0]) >= _OWN_ADJECTIVE_MIN)
                    and _whole_stem(said[i], tail[0])) \
                    and not _after_other_name(text, words, i):
                found.append((words[i].start(), words[i + n - 1].end(), n, 0.5, entry, True))
        for full, parts, entry in table.joined.get(token[:2], ()):
            if len(parts) >= 2 and _run_together(token, full, parts):
                found.append((words[i].start(), words[i].end(), 1, 0.5, entry, True))
        found += _split_apart(text, words, said, i, table)
    return found


def _after_preposition(said: list[str], i: int) -> bool:
    """True when the word at `i` follows a preposition ("с трубным", "по кардиоцентру")."""
    return i > 0 and said[i - 1] in _PREPOSITIONS


_PREPOSITIONS = frozenset(ru_cues.NAME_PREPOSITIONS)


def _split_apart(text: str, words: list[re.Match], said: list[str], i: int,
                 table: Parts) -> list[tuple[int, int, int, float, int, bool]]:
    """A name written as one word heard or typed as several from word `i` on ("волга энерго комплект" for
    Волгаэнергокомплект, "в тольятти афто компоненте" for ТольяттиАвтоКомпонент): the first word begins the
    name, the words joined are the whole name, a case ending may follow, a long name may be one letter off."""
    found: list[tuple[int, int, int, float, int, bool]] = []
    joined = said[i]
    names = [(full, entry) for full, _parts_, entry in table.joined.get(joined[:2], ())
             if len(full) >= _SPLIT_MIN and len(full) > len(joined) and full.startswith(joined)]
    for k in range(2, _SPLIT_WORDS + 1):
        j = i + k - 1
        if not names or j >= len(said) or text[words[j - 1].end():words[j].start()].strip(" -"):
            break
        joined += said[j]
        for full, entry in names:
            if _joined_is(joined, full):
                found.append((words[i].start(), words[j].end(), k, 1.0, entry, joined[:len(full)] != full))
    return found


def _joined_is(joined: str, full: str) -> bool:
    """True when words run together are the name `full`, maybe with a case ending, maybe one letter off."""
    for cut in range(len(joined), len(joined) - _ENDING - 1, -1):
        head = joined[:cut]
        if head == full or len(full) >= _SPLIT_TYPO and Levenshtein.distance(head, full) <= 1:
            return True
    return False


def is_cyrillic(text: str) -> bool:
    """True when the text has a Cyrillic letter."""
    return _CYRILLIC.search(text) is not None
