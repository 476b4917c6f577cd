"""A company named in lower case by one word after "with", "w/", "at" or "from" (English), or between "和/跟/与"
and a verb of talking (Chinese), in a note that names no customer: "had a call with vandelay", "和蓝海沟通了一下".
The word names a company when it is no ordinary word of a note (English: no word the cues are written with, no
first name, pronoun or word for a team or a person; Chinese: no word for a person or a group, no titled name),
or when a company's word follows it ("with vandelay industries"). Such a note is asked about with buttons,
never filed under the last note's customer (the Russian counterpart is ru_firms_plain.py).
"""
from __future__ import annotations

import re
from functools import lru_cache

from handlers.understanding.languages import en, zh
from handlers.understanding.lex_names import COMMON_WORDS, LEGAL_FORMS

_EN_SLOT = re.compile(r"(?<![\w'’])(?:with|w/|w|at|from)\s+(?P<word>[a-z][a-z&'’-]{2,})"
                      r"(?P<next>\s+[a-z][a-z&-]+)?(?=\s*(?:[,.;:!?)]|\s+(?:about|re|on|today|this|yesterday|and|they|he|she|"
                      r"we|i|to|for|-|–)\b|$))")
_EN_LETTERS = re.compile(r"[a-z]{3,}")
# words for people and groups that follow "with" in a note and name no company
_EN_NOT = frozenset("""them him her you us everyone everybody someone somebody nobody anyone team guys folks people
accounting legal finance procurement purchasing sales support marketing management ops operations engineering hr
admin reception receptionist owner owners boss manager managers director founder ceo cfo cto coo buyer buyers client
clients customer customers prospect prospects vendor vendors supplier suppliers partner partners distributor lunch
coffee dinner breakfast drinks pricing price prices quote quotes proposal contract invoice samples sample demo call
meeting email phone zoom teams skype whatsapp slack linkedin home office site plant store warehouse hq headquarters
both each all some none either neither them. yesterday today tomorrow morning afternoon evening night noon""".split())


@lru_cache(maxsize=1)
def _en_vocabulary() -> frozenset[str]:
    """The ordinary words of an English note: every word the English cues are written with, the names and words
    the rules know, and the words for people and groups above."""
    words: set[str] = set(_EN_NOT) | {w.lower() for w in en.NOT_NAMES | en.FIRST_NAMES | en.NOT_FIRMS_LOWER}
    words |= {w.lower() for w in COMMON_WORDS}
    for name in dir(en):
        if name.isupper():
            words.update(_EN_LETTERS.findall(re.sub(r"\\[a-zA-Z]", " ", _flat(getattr(en, name)).lower())))
    return frozenset(words)


def _flat(value: object) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return " ".join(_flat(k) + " " + _flat(v) for k, v in value.items())
    if isinstance(value, (list, tuple, set, frozenset)):
        return " ".join(_flat(v) for v in value)
    return ""


def _firm_word(word: str) -> bool:
    return word in en.FIRM_WORDS or word in LEGAL_FORMS


def english(text: str, contact: str | None) -> str | None:
    """The company a lower-case word after "with/w//at/from" names, as written, or None."""
    people = (contact or "").lower().split()
    for m in _EN_SLOT.finditer(text):
        word, after = m.group("word").strip("'’"), (m.group("next") or "").strip()
        if word in people:
            continue
        if after and _firm_word(after):
            return f"{word} {after}"                  # "with vandelay industries"
        if (not after or after in _en_vocabulary()) and word not in _en_vocabulary() \
                and not word.endswith(("ing", "ed", "ly")):
            return word                               # "with ravenholt today"
    return None


_ZH_TALK = "沟通|聊|谈|开会|开了个?会|通了?电话|通话|打了电话|联系|见面|碰了|对接|确认|签了"
_ZH_SLOT = re.compile("(?:^|[，,。；;\\s])(?:又|今天|上午|下午|刚|刚刚|昨天)?(?:和|跟|与|同)(?P<name>[\u4e00-\u9fff]{2,4}?)"
                      "(?:那边|这边|的人)?(?:又|今天|上午|下午|刚|刚刚|昨天|电话)?(?:" + _ZH_TALK + ")")
_ZH_NOT = frozenset("""客户 他们 她们 对方 老板 领导 同事 大家 客人 采购 技术 财务 厂家 甲方 乙方 总部 老总 老板娘 对接人 负责人
联系人 经理 工程师 设计院 代理商 经销商 合作方 供应商 朋友 家里 我们 咱们 这边 那边 这家 那家 这个 那个 一下 他 她""".split())
_ZH_TITLE_END = re.compile("(?:" + "|".join(sorted(zh.TITLES, key=len, reverse=True)) + ")$")


def chinese(text: str) -> str | None:
    """The company "和/跟/与 X 沟通…" names, when X is no word for a person or a group and no titled name."""
    for m in _ZH_SLOT.finditer(text):
        name = m.group("name")
        if name in _ZH_NOT or name in zh.NOT_NAMES or _ZH_TITLE_END.search(name) or name[:1] in "小老":
            continue
        return name
    return None
