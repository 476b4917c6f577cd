"""Chinese company names the team does not know yet, found by how they end and what
comes before them: "拜访了星辰科技" -> "星辰科技", "给宏达建材有限公司打了电话" ->
"宏达建材有限公司", "和华为的张总开了会" -> "华为" (the company of a person)."""
from __future__ import annotations

import re

from handlers.understanding.languages import zh

ZH_TRADES = "|".join(zh.TRADES)
ZH_LEGAL = "|".join(zh.LEGAL)

# a trade word ("科技", "物流") or a legal form ("有限公司"), not part of a longer common word
_SUFFIX = re.compile("(?:(?:" + ZH_TRADES + ")+(?:" + ZH_LEGAL + ")?|(?:" + ZH_LEGAL + "))"
                     "(?!展|会|行业|业|园|局|部|界|圈|类|领域|方面|产品|系统|市场|板块|专业)")
# what may stand right before a company name: a verb of contact, a preposition, a time word
_CUE = re.compile("(?:拜访了?|拜会了?|走访了?|去了|去|到了|来到|联系了?|见了|约了|认识了?|问了|找了|签了|签下|拿下了?|"
                  "给|和|跟|与|同|向|在|是|叫|关于|今天|昨天|前天|上午|下午|晚上|早上|中午|刚才|刚刚|"
                  "新客户|客户|公司)$")
_HAN_OR_LATIN = re.compile(r"[\u4e00-\u9fffA-Za-z]")
# characters that never sit inside a company name in a note ("的", "了", pronouns, particles)
_BREAK = frozenset("的了们我你他她它这那是把被很都也就还没说吗呢吧啊要会想让")
_BAD_START = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "两", "第", "这", "那", "几", "某", "各", "每", "本", "贵", "我", "他", "她", "对方", "客户", "新客户", "公司")
_NOT_OWNER = ("他们", "她们", "我们", "你们", "对方", "客户", "人家", "公司", "这边", "那边", "我司", "贵司", "自己")
_MAX_CORE = 10
# a name opening a clause, then what a company does: "阿里巴巴签了", "顺丰那边还在谈"
_SUBJECT = re.compile(r"(?:^|[,.!?;\s])([\u4e00-\u9fffA-Za-z]{2,8}?)(?=签约|签了|签单|下单|丢单|付款|回款|打款|选了|那边|这边)")
_NOT_SUBJECT = frozenset("""项目 合同 价格 报价 方案 产品 订单 预算 老板 领导 对方 客户 大家 公司 今天 昨天 明天 上午 下午 晚上 刚才
这次 上次 之前 最后 后来 现在 终于 已经 总算 采购 财务 技术 法务""".split())


def _start(text: str, end: int) -> int | None:
    """Where a name that ends its distinctive part at `end` begins, or None when nothing
    before it reads like a name boundary. The nearest boundary wins: "今天见了东方红" -> "东方红"."""
    lo = end
    while lo > 0 and end - lo < _MAX_CORE and text[lo - 1] not in _BREAK and _HAN_OR_LATIN.match(text[lo - 1]):
        lo -= 1
    for k in range(end - 2, lo - 1, -1):
        if k == 0 or not _HAN_OR_LATIN.match(text[k - 1]) or _CUE.search(text, max(0, k - 4), k):
            return k
        if k == lo and text[k - 1] == "了":           # "签了…", "找了…": a verb done to the company
            return k
    return None


def _clean(name: str) -> str | None:
    if len(name) < 2 or name.startswith(_BAD_START):
        return None
    return name


def by_ending(text: str, person: str | None = None) -> str | None:
    """The first company written with a trade or legal ending, as written."""
    for m in _SUFFIX.finditer(text):
        start = _start(text, m.start())
        if start is None:
            continue
        name = _clean(text[start:m.end()])
        if name and name != person:
            return name
    return None


def owner_of(text: str, person: str | None) -> str | None:
    """The company in "X的王总" / "X那边的刘经理": the words right before the person's "的"."""
    if not person:
        return None
    at = text.find(person)
    while at > 0:
        end = at - 1
        if text[end] == "的":
            if text[max(0, end - 2):end] in ("那边", "这边", "公司"):
                end -= 2
            start = _start(text, end)
            name = text[start:end] if start is not None else ""
            if name and not name.endswith(("部", "处", "科", "组", "室", "中心")) and name not in _NOT_OWNER \
                    and not name.startswith(("他们", "她们", "我们")):
                return _clean(name)
        at = text.find(person, at + 1)
    return None


def leading(text: str, person: str | None) -> str | None:
    """A company that opens a clause as the one who signed, ordered or dropped out."""
    for m in _SUBJECT.finditer(text):
        name = m.group(1)
        personal = len(name) <= 3 and name[0] in zh.SURNAMES           # "张伟签了": a person
        if name != person and not personal and name not in _NOT_SUBJECT and not any(ch in _BREAK for ch in name) \
                and not name.endswith(("部", "处", "科", "组", "室", "中心")) and _clean(name):
            return name
    return None
