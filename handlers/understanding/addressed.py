"""Whether a name as a letter writes it ("Mr. Chen", "陈经理", "Павел Сергеевич", "Ms. Nadia") is one of the
team's members ("陈伟", "Павел", "Nadia"): a greeting or a signature that names our own people names no
customer's contact."""
from __future__ import annotations

import re
from functools import lru_cache

from pypinyin import lazy_pinyin

from handlers.understanding.languages import zh

_HONORIFIC = re.compile(r"^(?:(?:mr|mrs|ms|miss|dr|г-н|г-жа|господин|госпожа)\.?\s+)", re.I)
_ZH_TITLE = re.compile("(?:" + "|".join(sorted(zh.TITLES, key=len, reverse=True)) + ")$")
_HAN = re.compile("[\u4e00-\u9fff]")
_WORD = re.compile(r"[^\W\d_]+")


def _surname(han_name: str) -> str:
    """The surname of a Chinese name: a two-character one ("欧阳"), else its first character."""
    return next((s for s in zh.COMPOUND_SURNAMES if han_name.startswith(s)), han_name[:1])


@lru_cache(maxsize=4096)
def _sounds(member: str) -> frozenset[str]:
    """The words a member's name is written with in a letter: each word, and a Chinese name's surname and
    whole name in pinyin ("陈伟": chen, chenwei, "chen wei")."""
    words = {w.casefold() for w in _WORD.findall(member)}
    han = "".join(_HAN.findall(member))
    if han:
        surname = _surname(han)
        words |= {surname, han, "".join(lazy_pinyin(surname)).casefold(), "".join(lazy_pinyin(han)).casefold(),
                  "".join(lazy_pinyin(han[len(surname):])).casefold()}
    return frozenset(w for w in words if w)


def names_member(said: str, member: str) -> bool:
    """True when `said` ("Mr. Chen", "陈经理", "Павел Сергеевич") names the member called `member`."""
    said = _HONORIFIC.sub("", said.strip())
    if not said or not member.strip():
        return False
    sounds = _sounds(member)
    if _HAN.search(said):
        bare = _ZH_TITLE.sub("", said) or said
        return bare in sounds or (len(bare) == 1 and bare == _surname("".join(_HAN.findall(member))))
    words = [w.casefold() for w in _WORD.findall(said)]
    return bool(words) and (words[0] in sounds or words[-1] in sounds or "".join(words) in sounds)
