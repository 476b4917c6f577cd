"""How a registered Chinese company name is built, and how reps shorten and mistype it.

A name is [place] + core + [trade words] + [legal form]: "无锡" + "启明" + "自动化设备" + "有限公司".
Reps say the core, with or without what follows it ("启明", "启明自动化"), sometimes with the
place ("无锡启明"), never the place alone: "深圳市…" in a note names no known customer by itself.
Typing by sound, the phone's pinyin input often picks another character of the same sound
("启名", "海盛" for "海晟"), and some write the core's pinyin or its initials ("qiming", "qm").
"""
from __future__ import annotations

import importlib.util
import json
import re
import unicodedata
from functools import lru_cache
from itertools import product
from pathlib import Path

from handlers.understanding.languages import zh

_CJK_RUN = re.compile(r"[\u3400-\u9fff]+")
_LEGAL_SUFFIX = re.compile(zh.LEGAL_SUFFIX)
_LEVEL = "(?:省|市|自治区|新区|开发区|区|县|镇)"
# a place from the list, with or without its level ("无锡", "中山市"), or any place named with its
# level ("白云区", "小榄镇", "两江新区")
_PLACE = re.compile("(?:" + "|".join(sorted(set(zh.PLACES), key=len, reverse=True)) + ")" + _LEVEL + "?"
                    "|[\u4e00-\u9fff]{2,3}?" + _LEVEL)
_HEAD = re.compile("|".join(zh.NAME_HEAD))
# trade words read backwards from the end of a name, the longest first
_TAIL_REVERSED = re.compile("(?:" + "|".join(t[::-1] for t in sorted(set(zh.TRADES) | set(zh.NAME_TAIL),
                                                                        key=len, reverse=True)) + ")")
_MIN_CORE = 2                     # a core of one character is too short to stand for a name
_MOST_READINGS = 16               # how many pinyin spellings of one core are kept (polyphonic characters)


def han_core(name: str) -> str:
    """The Han characters of a name, without its legal form ("有限公司", "集团", "经营部")."""
    return _LEGAL_SUFFIX.sub("", "".join(_CJK_RUN.findall(name)))


def _place_at(core: str, at: int) -> int:
    """The length of a place name at `at` ("无锡", "中山市", "白云区"), or 0."""
    m = _PLACE.match(core, at) or _HEAD.match(core, at)
    return m.end() - at if m else 0


def place_length(text: str, at: int) -> int:
    """The length of the place named at `at` ("东莞市", "四川"), or 0: the listed places and any
    name with its level, without the generic words a registered name may open with."""
    m = _PLACE.match(text, at)
    return m.end() - at if m else 0


_TAIL_FORWARD = re.compile("(?:" + "|".join(sorted(set(zh.TRADES) | set(zh.NAME_TAIL), key=len, reverse=True)) + ")")


def matched_length(name: str, key: str, n: int) -> int:
    """How much of `key` (a name's core and trade words) a note really says when its first `n`
    characters match: the core, then only whole trade words ("德泰电话" says 德泰, not 德泰电)."""
    core = parts(name)[1]
    if not key.startswith(core) or n <= len(core):
        return n
    at = len(core)
    while (m := _TAIL_FORWARD.match(key, at)) and m.end() <= n:
        at = m.end()
    return at


_PLACES_RUN = re.compile("(?:" + _PLACE.pattern + "){1,3}")


def is_place(text: str) -> bool:
    """True when `text` is only the name of a place ("上海", "白云区"), or of a place within a place
    ("宁波北仑", "苏州工业园区")."""
    return _PLACES_RUN.fullmatch(text) is not None


def _tail_start(core: str, lo: int, keep: int = _MIN_CORE) -> int:
    """Where the trade words at the end of `core` begin, keeping at least `keep` characters after `lo`."""
    backwards = core[::-1]
    cut = 0
    while (m := _TAIL_REVERSED.match(backwards, cut)) and len(core) - m.end() - lo >= keep:
        cut = m.end()
    return len(core) - cut


@lru_cache(maxsize=4096)
def parts(name: str) -> tuple[str, str, str]:
    """(place, core, trade words) of a registered name's Han characters, legal form dropped:
    "广州市白云区盛达五金经营部" -> ("广州市白云区", "盛达", "五金"). A name with no distinctive
    core of two characters after its place keeps the place in the core ("上海电气" stays whole)."""
    full = han_core(name)
    at = 0
    while True:
        step = _place_at(full, at)
        if not step or _tail_start(full, at + step, 0) - (at + step) < _MIN_CORE:
            break
        at += step
    end = _tail_start(full, at)
    return full[:at], full[at:end], full[end:]


def key(name: str) -> str:
    """What a note must say of a name to name it, from its start: the core and its trade words."""
    place, core, tail = parts(name)
    return core + tail


# -- sounds ------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _readings() -> dict[str, tuple[str, ...]]:
    """Each Han character's pinyin readings, without tones (from pypinyin's table, read directly:
    importing pypinyin itself loads its phrase tables too, most of a second)."""
    spec = importlib.util.find_spec("pypinyin")
    if spec is None or not spec.submodule_search_locations:      # pragma: no cover - a dependency
        return {}
    path = Path(next(iter(spec.submodule_search_locations))) / "pinyin_dict.json"
    table: dict[str, tuple[str, ...]] = {}
    for code, spelled in json.loads(path.read_text(encoding="utf-8")).items():
        ch = chr(int(code))
        if "\u3400" <= ch <= "\u9fff":
            table[ch] = tuple(dict.fromkeys(_toneless(s) for s in spelled.split(",")))
    return table


def _toneless(syllable: str) -> str:
    plain = "".join(c for c in unicodedata.normalize("NFD", syllable) if not unicodedata.combining(c))
    return plain.replace("ü", "v").lower()


def readings(ch: str) -> tuple[str, ...]:
    """The toneless pinyin readings of one character ("还" -> ("hai", "huan", "fu")), or ()."""
    return _readings().get(ch, ())


def same_sound(a: str, b: str) -> bool:
    """True when two characters can be read alike, tones aside ("晟" and "盛")."""
    return a == b or bool(set(readings(a)) & set(readings(b)))


@lru_cache(maxsize=65536)
def sound_keys(bigram: str) -> tuple[str, ...]:
    """Keys under which a two-character core start is found by sound, one character kept as
    written: "德泰" -> ("德|tai", "de|泰"). A note's pair matches when one of its keys is one of these."""
    first, second = bigram[0], bigram[1]
    return tuple([f"{first}|{r}" for r in readings(second)] + [f"{r}|{second}" for r in readings(first)])


def spellings(core: str) -> set[str]:
    """How a core is written in Latin letters: its pinyin and its initials ("启明" -> "qiming", "qm");
    a longer core also by the pinyin of its first characters ("博睿智联" -> "borui", "boruizhi")."""
    per_char = [readings(ch) for ch in core]
    if not core or not all(per_char):
        return set()
    out: set[str] = set()
    for combo in list(product(*per_char))[:_MOST_READINGS]:
        out.add("".join(combo))
        out.add("".join(s[0] for s in combo))
        for n in range(2, len(combo)):          # "yilian", "yilianyun" for 易联云计算
            out.add("".join(combo[:n]))
    return out
