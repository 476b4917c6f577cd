"""Chinese company names the team does not know yet, found by what is said around them: a registered
name written in full from its place to its legal form ("拜访东莞市铭鑫塑胶制品有限公司"), a partner named after
what kind of partner it is ("渠道商冀商联创", "他们的代理商金陵汇通"), and the company of a role
("跟河北燕赵数智的 CEO 吃饭")."""
from __future__ import annotations

import re

from handlers.understanding import zh_firms
from handlers.understanding.languages import zh
from handlers.understanding.zh_names import is_place, place_length

# a registered name's legal form, which ends the name however long its core and trade words are
_REGISTERED = re.compile("(?:股份有限公司|有限责任公司|集团有限公司|有限公司|集团公司)")
_REGISTERED_REACH = 20      # characters a registered name may have before its legal form


def _place_start(window: str) -> int | None:
    """Where a registered name begins in the words before its legal form: at the last place named
    that leaves a core of two characters or more, with the places right before it ("广东东莞市…")."""
    places = [k for k in range(len(window) - 2) if place_length(window, k)
              and k + place_length(window, k) <= len(window) - 2]
    if not places:
        return None
    start = places[-1]
    while True:
        before = [k for k in places if k < start and k + place_length(window, k) == start]
        if not before:
            return start
        start = before[0]


def registered(text: str, person: str | None = None) -> str | None:
    """A name written in full as registered, place, core, trade words and legal form, however long:
    "拜访东莞市铭鑫塑胶制品有限公司，车间…" -> 东莞市铭鑫塑胶制品有限公司, "碰到四川蜀建装配式建筑有限公司的罗经理"
    -> 四川蜀建装配式建筑有限公司. Without a place to start it, it is left to the other readings."""
    for m in _REGISTERED.finditer(text):
        lo = m.start()
        while lo > 0 and m.start() - lo < _REGISTERED_REACH and text[lo - 1] not in zh_firms.BREAK \
                and zh_firms.HAN_OR_LATIN.match(text[lo - 1]):
            lo -= 1
        at = _place_start(text[lo:m.start()])
        name = zh_firms.clean(text[lo + at:m.end()]) if at is not None else None
        if name and name != person and not (person and person in name):
            return name
    return None



# what a partner is called before its name: a channel manager's notes name them by it
_PARTNER = re.compile("(?:" + "|".join(zh.PARTNER_KINDS) + r")(?:是|叫)?\s?")
_PARTNER_NAME = re.compile(r"[\u4e00-\u9fffA-Za-z0-9&]{2,10}?(?=" + "|".join(zh.AFTER_PARTNER) + r"|[\s,.!?;:，。！？；：、（(]|$)")


def partner(text: str, person: str | None = None) -> str | None:
    """A company named right after the kind of partner it is: "跟石家庄的渠道商冀商联创聊完" -> 冀商联创,
    "见了钟山智造和他们的代理商金陵汇通，" -> 金陵汇通."""
    for m in _PARTNER.finditer(text):
        name = _PARTNER_NAME.match(text, m.end())
        if name and zh_firms.named(name.group(), person) and not is_place(name.group()):
            return name.group()
    return None


# the company of a role met: "跟河北燕赵数智的 CEO 吃饭", "见了蓝海科技的采购"
_ROLE_OF = re.compile(r"(?:跟|和|与|同|见了|见到|拜访了?|碰到|遇到|约了|认识了|联系了)\s?([\u4e00-\u9fffA-Za-z0-9&]{2,12}?)"
                      r"\s?(?:那边)?的\s?(?=" + "|".join(zh.ROLE_WORDS) + ")")


def of_role(text: str, person: str | None = None) -> str | None:
    """The company whose role the writer met, as written, place and all."""
    for m in _ROLE_OF.finditer(text):
        name = zh_firms.clean(m.group(1))
        if name and zh_firms.named(name, person) and not is_place(name):
            return name
    return None
