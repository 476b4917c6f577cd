"""The few known customers a message may mean, offered to the model as candidates.

    shortlist("умк звонил по счету", known, aliases)      # ["ООО «УралМетКомплект»", ...]

The model sees these names and never the team's whole list, so a customer missing here cannot
be named by the model. Reps shorten names in ways the offline matching does not take for a
name; here any of them is enough to offer one:

- a word that begins like a word of the name ("pac rim" → Pacific Rim Freight, "слободу" →
  Волжская Слобода), or two words written as one or one as two ("sun field" → Sunfield Solar);
- a word made of the beginnings of the name's words ("сибцемент" → Сибирский Цемент Трейд,
  "южполимер" → Южный Полимер, "нордэнерго" → НордЭнергоМонтаж);
- the initials of the name's words ("умк", "ВТО", "HVO", "h&w", "СК-В"); two letters only
  when written in capitals or around "&";
- for a Chinese name, two characters of what is left once the place, trade and legal form are
  taken off ("启明" → 无锡启明自动化设备有限公司, "秦川" → 西安秦川仪表有限公司), or two that sound
  the same, as a pinyin keyboard mistypes them ("恒闰" → 恒润, "云凡" → 云帆), or the pinyin
  itself or its initials ("hengrun", "XYD" → 深圳市鑫源达电子有限公司).

The best `limit` names are offered, the offline match first; a team with no more customers
than that is offered all of them. Each team's names are indexed once per list (the bot keeps
the list until a customer is added), so a message costs lookups, not a pass over every name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Mapping, Sequence

from handlers.understanding.lang import casefold
from handlers.understanding import zh_names
from handlers.understanding.lex_names import COMMON_WORDS, LEGAL_FORMS
from handlers.understanding.matching import match_known

MAX_CANDIDATES = 6
PREFIX = 4           # words sharing their first four letters are one word in another form
SHORT_PREFIX = 3     # ... or three, when one of them is only three letters long ("pac", "сиб")
PIECE = 2            # a piece of a run-together word is at least two letters
ENDING = 2           # ... and a case ending may follow ("в сибцементе")
MAX_BUCKET = 300     # a key leads to at most this many names, or it tells none of them apart
_UPPER, _LOWER = "A-ZА-ЯЁÀ-ÖØ-Þ", "a-zа-яёß-öø-ÿ"
_PART = re.compile(f"[{_UPPER}]?[{_LOWER}0-9]+|[{_UPPER}0-9]+(?![{_LOWER}])")
_WORD = re.compile(r"[0-9A-Za-zÀ-ɏА-Яа-яЁё]+(?:[&-][0-9A-Za-zÀ-ɏА-Яа-яЁё]+)*")
_HAN_RUN = re.compile(r"[\u3400-\u9fff]+")


def _fold(word: str) -> str:
    return casefold(word).replace("ё", "е")


def name_parts(name: str) -> list[str]:
    """A name's words, split where a word changes case inside ("УралМетКомплект" → урал, мет,
    комплект) or at a hyphen, legal forms dropped, folded."""
    pieces = _PART.findall(name)
    if not pieces:
        return []
    return [p for p in _fold("\x00".join(pieces)).split("\x00") if p not in LEGAL_FORMS]


def han_core(name: str) -> str:
    """What tells a Chinese name apart: its Han characters without the place, trade and legal form
    (zh_names.parts: "无锡启明自动化设备有限公司" → 启明)."""
    han = "".join(_HAN_RUN.findall(name))
    core = zh_names.parts(name)[1]
    return core if len(core) >= 2 else han


@lru_cache(maxsize=None)
def _sound(ch: str) -> str:
    """A character's first pinyin reading, tones aside (zh_names.readings, pypinyin's table), or the
    character itself when it has none."""
    return (zh_names.readings(ch) or (ch,))[0]


def sounds_of(han: str) -> list[str]:
    """The pinyin of each character, without tones, read one character at a time (a name and a
    message read the same character the same way, whatever the words around it)."""
    return [_sound(ch) for ch in han]


@dataclass
class _Index:
    """One team's names, by the keys a message can reach them through."""

    names: list[str]                                          # canonical names, in the team's order
    parts: dict[int, list[str]] = field(default_factory=dict)
    cores: dict[int, str] = field(default_factory=dict)
    by_head: dict[str, set[int]] = field(default_factory=dict)      # first three letters of a part
    by_initials: dict[str, set[int]] = field(default_factory=dict)  # initials of the first 2+ parts
    by_pair: dict[str, set[int]] = field(default_factory=dict)      # two Han characters of a core, or their sounds
    sounds: dict[int, list[str]] = field(default_factory=dict)      # a core's pinyin, a syllable a character

    def add(self, spelling: str, entry: int) -> None:
        parts = name_parts(spelling)
        if _HAN_RUN.search(spelling):
            core = han_core(spelling)
            self.cores.setdefault(entry, core)
            sounds = self.sounds.setdefault(entry, sounds_of(core))
            for i in range(len(core) - 1):
                self.by_pair.setdefault(core[i:i + 2], set()).add(entry)
                self.by_pair.setdefault(_SOUND + sounds[i] + sounds[i + 1], set()).add(entry)
            parts = parts or sounds       # "hengrun", "xyd": a Chinese name typed in pinyin
        if parts:
            self.parts.setdefault(entry, parts)
            initials = ""
            for part in parts:
                self.by_head.setdefault(part[:SHORT_PREFIX], set()).add(entry)
                initials += part[0]
                if len(initials) >= 2:
                    self.by_initials.setdefault(initials, set()).add(entry)


_LAST: list[tuple[object, object, _Index]] = []
_NONE: set[int] = set()
_SOUND = "~"          # keys of a pair of syllables, beside those of a pair of characters


def _index(known: Sequence[str], aliases: Mapping[str, str] | None) -> _Index:
    """The index of this list of names, built once per list (holding the lists keeps `is` meaningful)."""
    if _LAST and _LAST[0][0] is known and _LAST[0][1] is aliases:
        return _LAST[0][2]
    names = list(dict.fromkeys([*known, *(aliases or {}).values()]))
    position = {name: i for i, name in enumerate(names)}
    index = _Index(names)
    for name in names:
        index.add(name, position[name])
    for alias, name in (aliases or {}).items():
        index.add(alias, position[name])
    _LAST[:] = [(known, aliases, index)]
    return index


def _same_word(said: str, part: str) -> bool:
    """A word of the message is a part of the name in another form, or its beginning."""
    common = 0
    for a, b in zip(said, part):
        if a != b:
            break
        common += 1
    if common >= PREFIX or (common == len(said) == len(part)):
        return True
    return common >= SHORT_PREFIX and min(len(said), len(part)) == SHORT_PREFIX


def _run_together(said: str, parts: list[str]) -> int:
    """How many consecutive parts of the name `said` is made of, each written by its beginning
    ("сибцемент" = сиб(ирский) + цемент); 0 when it is not such a word."""
    best = 0
    for first in range(len(parts)):
        at, used = 0, 0
        for part in parts[first:]:
            take = 0
            for a, b in zip(said[at:], part):
                if a != b:
                    break
                take += 1
            if take < PIECE and at < len(said):
                break
            at, used = at + take, used + 1
            if at == len(said):
                break
        if used >= 2 and len(said) - at <= ENDING:
            best = max(best, used)
    return best


def _score(entry: int, index: _Index, words: list[str], capitals: set[str], han: str,
           heard: set[tuple[str, str]]) -> float:
    """The share of the name the message writes (0 when it writes none of its telling words)."""
    score = 0.0
    parts = index.parts.get(entry)
    sounds = index.sounds.get(entry)
    if parts:
        matched = set()
        for said in words:
            for i, part in enumerate(parts):
                if parts is sounds:
                    break               # one syllable alone ("an", "long") is no name
                if _same_word(said, part) and not (part in COMMON_WORDS and len(parts) > 1):
                    matched.add(i)
            together = _run_together(said, parts)
            if together:
                score = max(score, together / len(parts))
            if len(said) >= 3 or said in capitals:
                initials = "".join(p[0] for p in parts)
                if len(said) >= 2 and initials.startswith(said):
                    score = max(score, len(said) / len(parts))
        score = max(score, len(matched) / len(parts))
    core = index.cores.get(entry)
    if core and sounds and han:
        hit = {j for i in range(len(core) - 1) if core[i:i + 2] in han or (sounds[i], sounds[i + 1]) in heard
               for j in (i, i + 1)}
        score = max(score, len(hit) / len(core))
    return score


def _words(text: str) -> tuple[list[str], set[str]]:
    """The message's words folded, with neighbours run together ("sun field" → "sunfield") and
    "h&w" / "СК-В" as their letters; and the two-letter words written in capitals ("QH", "ЦХ")."""
    raw = _WORD.findall(text)
    words = [_fold(w) for w in raw]
    words += [_fold(re.sub(r"[&-]", "", w)) for w in raw if re.search(r"[&-]", w)]
    words += [_fold(a + b) for a, b in zip(raw, raw[1:])]
    capitals = {_fold(w) for w in raw if len(w) == 2 and w.isupper()}
    capitals |= {_fold(re.sub(r"[&-]", "", w)) for w in raw if re.fullmatch(r"\w&\w", w)}
    return words, capitals


def shortlist(text: str, known: Sequence[str], aliases: Mapping[str, str] | None = None,
              limit: int = MAX_CANDIDATES, first: Sequence[str] | None = None) -> list[str]:
    """The known customers `text` may mean, best first, at most `limit` (see the module doc);
    `first`: what the offline matching found, when the caller has it already."""
    if not known and not aliases:
        return []
    index = _index(known, aliases)
    if first is None:
        match = match_known(text, known, aliases)
        first = [match.name] if match.name else list(match.candidates)
    words, capitals = _words(text)
    han = "".join(_HAN_RUN.findall(text))
    said_sounds = sounds_of(han)
    heard = set(zip(said_sounds, said_sounds[1:]))
    reached: dict[int, set[str]] = {}      # a name, and the words of the message that lead to it
    keys = [(index.by_head, said[at:at + SHORT_PREFIX], said) for said in words
            for at in [0, *range(PIECE, len(said) - PIECE)]]     # a later name word run into this one ("южполимер")
    keys += [(index.by_initials, said, said) for said in words]
    keys += [(index.by_pair, han[i:i + 2], "") for i in range(len(han) - 1)]
    keys += [(index.by_pair, _SOUND + a + b, "") for a, b in heard]
    for table, key, said in keys:
        bucket = table.get(key, _NONE)
        if len(bucket) <= MAX_BUCKET:        # a key shared by many names tells none of them apart
            for entry in bucket:
                reached.setdefault(entry, set()).add(said)
    scored = [(score, entry) for entry, said in reached.items()
              if (score := _score(entry, index, [w for w in said if w], capitals, han, heard)) > 0]
    scored.sort(key=lambda pair: (-pair[0], pair[1]))
    found = list(dict.fromkeys([*first, *(index.names[entry] for _, entry in scored)]))
    if len(index.names) <= limit:
        found += [name for name in index.names if name not in found]
    return found[:limit]
