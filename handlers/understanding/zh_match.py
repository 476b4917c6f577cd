"""Known Chinese names found in a message: by their core written in characters, exactly or else by
sound ("启名" for "启明"), with the place written before them ("无锡启明"), or spelt in pinyin ("Qiming");
never a name that only shares a trade word or goes on into another ending ("星辰科技" is not "星辰软件")."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from handlers.understanding.name_index import Index
from handlers.understanding import zh_names
from handlers.understanding.languages import zh as zh_cues

if TYPE_CHECKING:
    from handlers.understanding.matching import Hit


_CJK_RUN = re.compile(r"[\u3400-\u9fff]+")
_ZH_TRADE = re.compile("(?:" + "|".join(zh_cues.TRADES) + ")")
# a name going on past the matched characters into its own trade or legal ending
_ZH_LONGER = re.compile("[^的了和跟与在是说把被给向从也都就还要会想让签新\\W]{1,3}?(?:" + "|".join(zh_cues.TRADES)
                        + "|" + "|".join(zh_cues.LEGAL) + ")")
_ZH_TRADE_WORDS = frozenset(zh_cues.TRADES)
_ZH_BOUNDARY = frozenset("的了们我你他她它这那是把被很都也就还没说吗呢吧啊要会想让跟和与在去从给到见约找问跟叫")
_NOT_PINYIN = frozenset(w.lower() for w in zh_cues.NOT_PINYIN)
_DEPARTMENT = frozenset("部处科")     # a trade word then one of these is a department ("工程部", "模具部")


def cjk_matches(text: str, index: Index) -> list[Hit]:
    """Known Chinese names written in `text` by their core, exactly or else by sound ("启名" for "启明")."""
    found = _cjk_scan(text, index, exact=True)
    if not found and index.bigrams:
        found = _cjk_scan(text, index, exact=False)
    return found


def _cjk_scan(text: str, index: Index, exact: bool) -> list[Hit]:
    found: list[Hit] = []
    seen: set[tuple[int, int]] = set()
    sounds = None if exact else _sounds(index)
    for run in _CJK_RUN.finditer(text):
        chunk = run.group()
        for i in range(len(chunk) - 1):
            if sounds is None:
                if chunk[i:i + 2] not in index.prefixes:   # most characters begin no name
                    continue
                starts = [chunk[i:i + 2]]
            else:
                table = sounds.starts
                starts = [b for k in zh_names.sound_keys(chunk[i:i + 2]) if k in table for b in table[k]]
                if not starts:
                    continue
            if sounds is not None and i > 0 and chunk[i - 1] not in _ZH_BOUNDARY:
                continue       # a name only sounding alike begins where a word does ("美达家纺" holds no "大家乐")
            here = []
            for core, entry in (pair for b in dict.fromkeys(starts) for pair in index.cores_for(b)):
                n = 2
                while n < len(core) and i + n < len(chunk) and (chunk[i + n] == core[n] or (
                        sounds is not None and zh_names.same_sound(chunk[i + n], core[n]))):
                    n += 1
                n = zh_names.matched_length(index.canonical(entry), core, n)
                if zh_names.is_place(chunk[i:i + n]):
                    continue            # "上海" names nobody
                ending = _ZH_TRADE.match(chunk, i + n) or _ZH_LONGER.match(chunk, i + n) if n < len(core) else None
                if ending and chunk[ending.end():ending.end() + 1] in _DEPARTMENT:
                    ending = None       # "冠拓模具部阿强", "利德新能源工程部": a department of the name, not another ending
                if ending and not (sounds is None and _its_own_ending(index.canonical(entry), chunk[i:i + n], ending.group())):
                    continue            # "星辰科技" is not "星辰软件", "东方红贸易" is not "东方电气"
                if n < len(core) and chunk[i:i + n] in _ZH_TRADE_WORDS:
                    continue            # "大连丸和精工": a trade word alone is another name's ending, not "精工达"
                if (entry, i) not in seen:
                    seen.add((entry, i))
                    start = run.start() + i - _place_before(chunk, i, index.canonical(entry))
                    here.append((start, run.start() + i + n, n, n / len(core), entry, sounds is not None))
            if len(here) > 1:
                here.sort(key=lambda hit: hit[4])   # in the order the names were given
                here = _core_shared(here, chunk[i:], index)
            found += here
    return found


def _its_own_ending(name: str, said: str, ending: str) -> bool:
    """True when the trade word said after a name's core is a word of that name's own ending, the words
    between left out: "慈航诊所" is 宁波慈航中医诊所, "景和器械" is 景和医疗器械（浙江）有限公司."""
    han = _han(name)
    at = han.find(said)
    return at >= 0 and ending in han[at + len(said):]


def _core_shared(here: list[Hit], said: str, index: Index) -> list[Hit]:
    """Names said by the core they share are as close as each other: "华彩" is 华彩集团 (its legal form
    dropped) no more than 华彩科技 (its trade word unsaid), so neither counts as said whole and the
    bot asks which."""
    partial = [h for h in here if h[3] < 1.0 and zh_names.parts(index.canonical(h[4]))[1] == said[:h[2]]]
    if not partial or any(h[3] == 1.0 and said.startswith(_han(index.canonical(h[4]))) for h in here):
        return here             # "华彩集团" written whole is that one
    return [(h[0], h[1], h[2], partial[0][3], h[4], h[5]) if h[3] == 1.0 and h[2] == partial[0][2] else h
            for h in here]


def _han(name: str) -> str:
    return "".join(ch for ch in name if "\u3400" <= ch <= "\u9fff")


def _place_before(chunk: str, i: int, name: str) -> int:
    """How many characters before `i` are the name's own place ("无锡" in "无锡启明"), so the
    mention covers it."""
    place = zh_names.parts(name)[0]
    while place:
        if chunk.endswith(place, 0, i):
            return len(place)
        place = place[1:] if len(place) > 2 else ""
    return 0


@dataclass
class _Sounds:
    """How a team's Chinese names sound: core starts by sound key, entries by the Latin spelling of their core."""

    starts: dict[str, list[str]]
    latin: dict[str, list[int]] | None = None


def _sounds(index: Index) -> _Sounds:
    """The index's core starts by sound (see zh_names.sound_keys), built when first needed."""
    if not isinstance(index.sounds, _Sounds):
        table: dict[str, list[str]] = {}
        for bigram in index.bigrams:
            for k in zh_names.sound_keys(bigram):
                table.setdefault(k, []).append(bigram)
        index.sounds = _Sounds(table)
    return index.sounds


_CODE_AFTER = re.compile(r"-?\d")


def latin_matches(words: list[re.Match], index: Index) -> list[Hit]:
    """Known Chinese names written in pinyin or by their initials: "qiming", "qm", "XYD"."""
    tokens = [(w, w.group().lower()) for w in words if w.group().isascii() and w.group().isalpha()
              and 2 <= len(w.group()) <= 16 and w.group().lower() not in _NOT_PINYIN
              and not _CODE_AFTER.match(w.string, w.end())]      # "LS-50 光源": a product's code, no initials
    if not tokens or not index.bigrams:
        return []
    sounds = _sounds(index)
    if sounds.latin is None:
        latin: dict[str, list[int]] = {}
        for entry in dict.fromkeys(index.core_entries):
            _, core, tail = zh_names.parts(index.canonical(entry))
            spelled_as = set(zh_names.spellings(core))
            for k in range(1, len(tail) + 1):    # "yilianyun": the core and its trade words in pinyin, not initials
                spelled_as |= {s for s in zh_names.spellings(core + tail[:k]) if len(s) > len(core) + k}
            for spelled in spelled_as:
                latin.setdefault(spelled, []).append(entry)
        sounds.latin = latin
    return [(w.start(), w.end(), 2, 0.5, entry, True) for w, token in tokens for entry in sounds.latin.get(token, ())]
