"""Chinese company names the team does not know yet, found by how they end and what
comes before them: "拜访了星辰科技" -> "星辰科技", "给宏达建材有限公司打了电话" ->
"宏达建材有限公司", "和华为的张总开了会" -> "华为" (the company of a person)."""
from __future__ import annotations

import re

from handlers.understanding.languages import zh
from handlers.understanding.zh_names import is_place

ZH_TRADES = "|".join(zh.TRADES)
ZH_LEGAL = "|".join(zh.LEGAL)
ZH_TITLES = "|".join(zh.TITLES)
ZH_SURNAMES = zh.SURNAMES

# a trade word ("科技", "物流") or a legal form ("有限公司"), not part of a longer common word
_SUFFIX = re.compile("(?:(?:" + ZH_TRADES + ")+(?:" + ZH_LEGAL + ")?|(?:" + ZH_LEGAL + "))"
                     "(?!展|会|行业|业|园|局|部|界|圈|类|领域|方面|产品|系统|市场|板块|专业|长)")     # "食品厂长": 食品, then 厂长
# what may stand right before a company name: a verb of contact, a preposition, a time word
_CUE = re.compile("(?:厂|工厂|店|机构|品牌|连锁|律所|猎头|货代|代运营|一趟|离开了?|拜访了?|拜会了?|走访了?|去了|去|到了|来到|联系了?|见了|见到了?|见|接到了?|收到了?|碰到了?|碰见了?|遇到了?|遇见了?|约了|认识了?|问了|找了|签了|签下|拿下了?|"
                  "给|和|跟|与|同|向|在|是|叫|听说|谁负责|谁在跟|谁跟|关于|今天|昨天|前天|上午|下午|晚上|早上|中午|刚才|刚刚|"
                  "新客户|客户|公司|那个|这个|那家|这家)$")
HAN_OR_LATIN = re.compile(r"[\u4e00-\u9fffA-Za-z]")
# characters that never sit inside a company name in a note ("的", "了", pronouns, particles)
BREAK = frozenset("的了们我你他她它这那是把被很都也就还没说吗呢吧啊要会想让已")
_BAD_START = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "两", "第", "这", "那", "几", "某", "各", "每", "本", "贵", "我", "他", "她", "对方", "客户", "新客户", "公司",
              "带着", "带了", "陪着", "个")      # "认识了个做烘焙的": a measure word opens a description
_NOT_OWNER = ("他们", "她们", "我们", "你们", "对方", "客户", "人家", "公司", "这边", "那边", "我司", "贵司", "自己")
_NUMERALS = frozenset("一二三四五六七八九十")
_MAX_CORE = 10
# a name opening a clause, then what a company does: "阿里巴巴签了", "顺丰那边还在谈"
_SUBJECT = re.compile(r"(?:^|[,.!?;\s])([\u4e00-\u9fffA-Za-z]{2,8}?)(?=签约|签了|签单|下单|丢单|付款|回款|打款|选了|那边|这边)")
_NOT_SUBJECT = frozenset("""项目 合同 价格 报价 方案 产品 订单 预算 老板 领导 对方 客户 大家 公司 今天 昨天 明天 上午 下午 晚上 刚才
这次 上次 之前 最后 后来 现在 终于 已经 总算 采购 财务 技术 法务""".split())


def _start(text: str, end: int) -> int | None:
    """Where a name that ends its distinctive part at `end` begins, or None when nothing
    before it reads like a name boundary. The nearest boundary wins: "今天见了东方红" -> "东方红"."""
    lo = end
    while lo > 0 and end - lo < _MAX_CORE and text[lo - 1] not in BREAK and HAN_OR_LATIN.match(text[lo - 1]):
        lo -= 1
    for k in range(end - 2, lo - 1, -1):
        if k == 0 or not HAN_OR_LATIN.match(text[k - 1]) or _CUE.search(text, max(0, k - 4), k):
            return k
        if k == lo and text[k - 1] in "了的":         # "签了…", "遵义的赤水河酒业": the name starts here
            return k
    return None


# a numeral opens a count, not a name, when a measure word follows it ("三家公司", "两个客户"; "三江酒业" is a name)
_COUNTED = re.compile(r"^[一二三四五六七八九十两几][一二三四五六七八九十百千万]*(?:家|个|位|台|套|条|次|批|期|号|名|年|月|天|周|种|款|层|楼|点|成|倍|"
                      r"趟|下|些|直|起|共|定|般|样|切|边|同|旦|路)")


# what a dictated note glues before a name: a filler, "新" (a new one), "在" + where, "刚从" (just left)
# ("嗯宜宾三江酒类", "新宁波顺发汽配", "刚从恒锐电气出来")
_GLUED = re.compile(r"^(?:[嗯呃啊哦额]+|那个)+|^新(?=[\u4e00-\u9fff]{4})|^在|^(?:刚刚?|才)?从(?=[\u4e00-\u9fff]{3})")


def _unglued(name: str) -> str:
    rest = _GLUED.sub("", name)
    if rest != name and rest.startswith(("新", "在")):
        rest = _GLUED.sub("", rest)
    if rest != name and len(rest) > 4:
        for k in (2, 3):                        # the place the writer was at: "在西安大唐云服" -> 大唐云服
            if is_place(rest[:k]) and len(rest) - k >= 4 and name.startswith(("在", "嗯在")):
                return rest[k:]
    return rest


def clean(name: str) -> str | None:
    name = _unglued(name)
    cut = name.find("做", 2)
    if cut >= 2:
        name = name[:cut]                      # "海豚出海做跨境电商": the name, then what it does
    if len(name) < 2 or any(w in name for w in ("一家", "一个", "这家", "那家")):
        return None                            # "慈溪一家小家电厂": a description, not a name
    if len(name) < 2 or name.startswith(_BAD_START) and not (name[0] in _NUMERALS and not _COUNTED.match(name)) \
            or name.startswith(("有", "做")) or "客户" in name:
        return None
    return name


_BRACKETED = re.compile(r"[（(][\u4e00-\u9fff]{2,6}[）)](?:" + ZH_LEGAL + ")")


def before_brackets(text: str, person: str | None = None) -> str | None:
    """The name before a place in brackets and a legal form, as registered: "拜访了凯德精密（苏州）有限公司"
    -> "凯德精密" (the caller adds the brackets and the legal form)."""
    for m in _BRACKETED.finditer(text):
        start = _start(text, m.start())
        name = clean(text[start:m.start()]) if start is not None else None
        if name and name != person:
            return name
    return None


def by_ending(text: str, person: str | None = None) -> str | None:
    """The first company written with a trade or legal ending, as written."""
    for m in _SUFFIX.finditer(text):
        start = _start(text, m.start())
        if start is None:
            continue
        name = clean(text[start:m.end()])
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
                return clean(name)
        at = text.find(person, at + 1)
    return None


def leading(text: str, person: str | None) -> str | None:
    """A company that opens a clause as the one who signed, ordered or dropped out."""
    for m in _SUBJECT.finditer(text):
        name = m.group(1)
        personal = len(name) <= 3 and name[0] in zh.SURNAMES           # "张伟签了": a person
        if name != person and not personal and name not in _NOT_SUBJECT and not any(ch in BREAK for ch in name) \
                and not name.endswith(("部", "处", "科", "组", "室", "中心")) and clean(name):
            return clean(name)
    return None


# -- names written as their own words: quoted, after a description, after "新" --------------

_QUOTED = re.compile(r"[“\"‘'「『《]([^”\"’'」』》]{2,30})[”\"’'」』》]")
_PARTS = re.compile(r"[A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*)+(?![\w&])|[^\s,.!?;:，。！？；：、()（）~～]+")   # "Saigon Trading" is one part
# a part that says what kind of company follows: "慈溪一家小家电厂", "做锁具的", "成都火锅连锁", "新客户"
_DESCRIBES = re.compile(r"一家|一个|(?:^|[^叫])做.{1,10}的$|的(?:品牌|公司|工厂|客户)$|"
                        r"(?:公司|厂|机构|品牌|集团|商场|工厂|连锁|商行|店|客户|线索|仓库|供应商)$|^新$|认识的$|"
                        r"^(?:刚刚?|才)?从$|^(?:刚刚?|才)?离开了?$|(?:旁边|隔壁|对面|附近|楼下|楼上)(?:那家|的)?$|^(?:那家|这家)$")
# words a company's own name is not: times, channels, people, doings
_NOT_NAME = re.compile(r"^(?:今天|昨天|明天|前天|后天|上午|下午|晚上|早上|中午|刚才|刚刚|下周|上周|这周|本周|周[一二三四五六日末]|"
                       r"电话|微信|邮件|邮箱|短信|视频|拜访|陌拜|见面|老板|老总|联系人|负责人|朋友|对方|客户|他们|她们|我们|"
                       r"新客户|新线索|外贸|报价|要|想|说|加|去|来|约|见|聊|发|打|接|在|是|有|没|不|很|也|都|还|就|先|再|刚|谁)|"
                       r"[了的吗呢吧啊嘛]$|^[0-9]|^[一二两三四五六七八九十几][十百千万亿多来]|电话|微信|邮件|拜访|见面|客户|啥|什么|来着|"
                       r"元旦|春节|过年|[年节][前后]|月[底初]|以后|之后|以前|之前|^(?:一个|一家|这家|那家|这个)|(?:这家|那家)$|叫$")
_PERSON = re.compile(r"^[" + "".join(sorted(ZH_SURNAMES)) + r"小老阿](?:" + ZH_TITLES + r"|姐|哥|叔|生|工|[\u4e00-\u9fff]{1,2})$")
_NAME = re.compile(r"[\u4e00-\u9fffA-Za-z0-9&·]{2,14}")
_QUOTED_NAME = re.compile(r"[\u4e00-\u9fffA-Za-z0-9&·()（） ]{2,30}")
_PEOPLE = re.compile(r"经理|总监|主管|部长|主任|老板|老总|负责人|联系人|采购|创始人|董事长|秘书")
_FILLER = frozenset("嗯 呃 啊 那个 就是 然后 叫什么 叫啥 什么来着 对了".split())
_TRADE_END = re.compile("(?:" + "|".join(sorted(set(zh.TRADES) | set(zh.NAME_TAIL), key=len, reverse=True)) + ")$")


def trade_end(name: str) -> bool:
    """True for a name that ends with a trade word ("绿舟新能源", "鹭岛咖啡"), not a place ("北京三里屯")."""
    return _TRADE_END.search(name) is not None


def _named(part: str, person: str | None, people: bool = True) -> bool:
    """True when a part can be a company's own name: "瓷都陶艺", "小步机器人" (not "电话", "王总");
    with `people`, not a person's name either ("张伟"), where nothing says it is a company."""
    return (_NAME.fullmatch(part.replace(" ", "")) is not None and not _NOT_NAME.search(part) and not is_place(part)
            and not _PEOPLE.search(part) and part not in _FILLER
            and not (people and len(part) <= 3 and _PERSON.match(part))
            and part != person and not (person and person in part) and not any(ch in "的了们我你他她" for ch in part))


named = _named


def quoted(text: str, person: str | None) -> str | None:
    """A name in quotes: 叫“京仪智控”的公司, 那家“米多多”."""
    for m in _QUOTED.finditer(text):
        name = m.group(1).strip()
        if name != person and _QUOTED_NAME.fullmatch(name) and not is_place(name):
            return name
    return None


_OPENING = re.compile(r"^(?:谁(?:在|还在)?(?:跟进?|负责|对接|做|管)着?)?([\u4e00-\u9fffA-Za-z0-9]{2,8}?)(?=\s|那个|那边|那家|这家|之前|现在|最近|是|谁|什么|有没有|怎么)")


_DEAL_OF = re.compile(r"(?:^|[\s,.!?;:，。！？；：])[嗯呃啊哦]*(?:那个|这个)?([\u4e00-\u9fffA-Za-z0-9]{2,8}?)(?:那边)?的(?:合同|单子|订单|项目|尾款|首付款)")


def deal_of(text: str, person: str | None) -> str | None:
    """The company whose contract or order a clause opens with: "大唐云服的合同签了"."""
    for m in _DEAL_OF.finditer(text):
        if _named(m.group(1), person):
            return m.group(1)
    return None


def asked_about(text: str, person: str | None, asked: bool) -> str | None:
    """The company a question opens with: "安居乐门窗之前有人报过价吗", "冀东新材 谁的客户"."""
    m = _OPENING.match(text) if asked else None
    return m.group(1) if m and _named(m.group(1), person) else None


_AFTER_NAME = "发给在是说把被和跟了的要想来去打签报约也都还就"
_LEGAL_END = re.compile("(?:" + ZH_LEGAL + ")$")


def trimmed(name: str) -> str:
    """A name cut after its trade or legal ending when a verb follows: "长城汽配发了报价" -> "长城汽配"."""
    for m in _SUFFIX.finditer(name):
        if m.end() < len(name) and name[m.end()] in _AFTER_NAME and m.end() >= 4:
            return name[:m.end()]
    return name


# what opens a part before the name itself: "叫", "是", a preposition ("跟杭州云起网络（总代）…"), and a
# "的" closing it
_OPENING_WORD = re.compile(r"^(?:叫做|叫|是|跟|与|同|给|向)(?=..)|^和(?=" + "|".join(zh.PLACES) + r")|(?<=..)的$")


def by_parts(text: str, person: str | None) -> str | None:
    """A name written as its own word after words that say what kind of company it is
    ("慈溪一家小家电厂 乐家电器", "新 宁波 顺发汽配", "朋友介绍了个客户 鲜盒子") or before what it does
    ("南京沃克智能装备 做扫地机配件的")."""
    parts = [p for p in _PARTS.findall(text) if p not in _FILLER]
    for part in parts:                                 # a registered name standing alone, "的" and all
        if len(part) >= 6 and _LEGAL_END.search(part) and _NAME.fullmatch(part[:14]) and not _DESCRIBES.search(
                part[:-4]) and not any(w in part for w in ("一家", "一个", "这家", "那家")) \
                and not any(ch in BREAK for ch in part.replace("的", "")) \
                and not any(_CUE.search(part[:k]) for k in range(1, 5)):
            return part
    said = parts
    parts = [_after_place(p if p.startswith("做") else _OPENING_WORD.sub("", p)) for p in parts]
    if parts and len(parts[0]) >= 4 and _TRADE_END.search(parts[0]) and _named(parts[0], person) \
            and not _DESCRIBES.search(parts[0]) and not any(ch in BREAK for ch in parts[0]):
        return parts[0]                                # "北冰洋冷链 朋友介绍的": the note opens with it
    for k, part in enumerate(parts):
        nxt = k + 1
        described = _DESCRIBES.search(part) is not None or _DESCRIBES.search(said[k]) is not None \
            or (k == 0 and is_place(part)) or _at_place(part)
        while described and nxt < len(parts) and is_place(parts[nxt]):
            nxt += 1                                   # "新 宁波 顺发汽配": the place is not the name
        if described and nxt + 1 < len(parts) and len(parts[nxt]) <= 3 and len(parts[nxt + 1]) >= 4 \
                and _named(parts[nxt + 1], person) and not _DESCRIBES.search(parts[nxt + 1]):
            nxt += 1                                   # "新 象山 丰收渔业": a place not in the list
        if described and nxt < len(parts) and _named(parts[nxt], person) and not _DESCRIBES.search(parts[nxt]):
            return parts[nxt]
        if k + 1 < len(parts) and re.fullmatch(r"做.{1,10}的", parts[k + 1]):
            name = _after_cue(part)
            if _named(name, person) and not _DESCRIBES.search(name):
                return name                            # "见了海豚出海 做跨境电商的"
    return None


_PLACE_OF = re.compile(r"^([\u4e00-\u9fff]{2,8})的(?=[\u4e00-\u9fffA-Za-z]{2,10}$)")
_CONTACT_VERB = re.compile(r"^.*?(?:拜访了?|见了|见到了?|碰到了?|碰见了?|遇到了?|遇见了?|去了|到了|来到|约了|认识了)(?=[\u4e00-\u9fffA-Za-z]{2,10}$)")


def _after_place(part: str) -> str:
    """A part without the place it opens with: "松山湖的达力机器人" -> "达力机器人"."""
    m = _PLACE_OF.match(part)
    where = m.group(1) if m else ""
    return part[m.end():] if m and (is_place(where) or len(where) > 4 and is_place(where[:2])) else part


_AT = re.compile(r"^(?:刚刚|刚才|今天|上午|下午|早上|晚上|中午)?在([\u4e00-\u9fff]{2,6})$")


def _at_place(part: str) -> bool:
    """True for a part that says where the writer was: "刚刚在光谷 楚天智联 方总"."""
    m = _AT.match(part)
    return m is not None and is_place(m.group(1))


def _after_cue(part: str) -> str:
    """A part without the doings before the name it ends with: "下午去南山见了海豚出海" -> "海豚出海"."""
    m = _CONTACT_VERB.match(part)
    return part[m.end():] if m else part


def without_doings(name: str) -> str:
    """A name guessed from where a note opens, without what was done there first: "拜访了宏达" -> "宏达"."""
    bare = _after_cue(name)
    return bare if len(bare) >= 2 else name


# -- names glued to the words around them, as dictation writes them ---------------------------

_KIND = "(?:公司|工厂|厂|机构|店|品牌|连锁|集团|酒店|医院|律所|猎头|货代|供应商|商场|电商|代运营|仓储|钢贸|客户)"
_DESCRIBED = re.compile("(?:(?:一家|一个|有家|个)[\u4e00-\u9fffA-Za-z0-9]{0,10}?" + _KIND + "|做[\u4e00-\u9fffA-Za-z]{1,10}?的)"
                        "(?:叫做?|是)?")
# what follows a name: a role or a person, a doing, a pause
_NEXT = re.compile("(?:[\u4e00-\u9fff]{0,2}(?:总监|经理|主管|负责人|部长)|老板|老总|总经理|创始人|合伙人|联系人|董事长|CEO|CTO|COO|"
                   "HR|IT|采购|技术|运营|院长|校长|店长|主任|[" + "".join(sorted(ZH_SURNAMES)) + "](?:总|经理|工|老板)|"
                   "见了|电话|微信|邮件|打电话|打来|做|说|在|要|想|[,.!?;:，。！？；：、" r"\s]|$)")
_GLUED_NAME = re.compile("[\u4e00-\u9fffA-Za-z0-9&]{2,10}?")


def after_description(text: str, person: str | None) -> str | None:
    """A name right after what kind of company it is, glued on both sides as dictation writes it:
    "亦庄一家机器人公司小步机器人创始人杨总" -> 小步机器人, "厦门做咖啡的鹭岛咖啡老板…" -> 鹭岛咖啡."""
    for d in _DESCRIBED.finditer(text):
        at = d.end()
        for end in range(at + 2, min(len(text), at + 10) + 1):
            name = text[at:end]
            if not _GLUED_NAME.fullmatch(name):
                break
            if _NEXT.match(text, end) and _named(name, person) and not _DESCRIBES.search(name) \
                    and not is_place(name):
                return name
    return None
