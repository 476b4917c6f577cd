"""A company the team does not know yet, as written: "宏远物流", "ООО «Лотос»", "Acme Corp"."""
from __future__ import annotations

import re
from datetime import date

from handlers.understanding.languages import en, ru
from handlers.understanding.lex_names import COMMON_WORDS
from handlers.understanding import en_firms, ru_firms, ru_firms_headed, ru_firms_lower, zh_firms, zh_firms_said, zh_names
from handlers.understanding.languages import zh as zh_cues
from handlers.understanding.ru_names import lookup_first
from handlers.understanding.dates import find_dates

_EN_QUERY = re.compile(r"\b(?:about|with|on|for|at)\s+([\w&'. -]{2,60}?)\s*[?.!]*$", re.I)
# "globex history", "card initech": the customer a card or history question names, known or not
_NOT_A_CARD_NAME = frozenset("what what's whats the my our your their his her its this that full whole entire team deal "
                             "deals show me give send".split())
_EN_CARD_OF = re.compile(r"^\W*(?:(?:customer\s+|client\s+)?(?:card|history|profile)\s+(?:of\s+|for\s+)?([\w&'. -]{2,60}?)|"
                         r"([\w&'. -]{2,60}?)(?:'s|’s)?\s+(?:card|history|profile))\s*[?.!]*$", re.I)

_ZH_NAMED = re.compile(r"(?:叫做|名叫|叫|名为|名字是|新客户(?:是|叫)?|客户是|公司是|一家(?:公司|企业)叫?)"
                       r"(?:什么(?:来着)?[\s,，嗯呃啊]*(?:叫做?)?)?[:：\s]*(?:叫做|叫|是)?(?!什么)([\u4e00-\u9fffA-Za-z0-9]{2,14}?)"
                       r"(?=[,.!?;，。！？；\s]|的|$|他们|她们|我们|打电话|打来|那边|这边|老板|老总|总经理|联系人|负责人|合伙人|创始人|"
                       r"董事长|总监|经理|主管|采购|技术|运营|市场部|销售|财务|行政|CEO|CTO|HR|IT|进去|说|做|在|是|要|想|约|见)")
_ZH_QUERY = re.compile(r"(?:查一下|查查|查询|看看|介绍一下|说说)([\u4e00-\u9fffA-Za-z0-9]{2,14})|^([\u4e00-\u9fffA-Za-z0-9]{2,14}?)(?:的|那边|现在)?(?:情况|进展|最新|怎么样)")

_RU_LEGAL = re.compile(ru.LEGAL_PREFIX + r"\s*[«\"“]([^»\"”]{1,60})[»\"”]")
_RU_QUOTED = re.compile(r"[«\"“]([^»\"”]{2,60})[»\"”]")
_PASTED_QUOTE = re.compile(r"«[^«»]*(?:[,!?]|\.\s)[^«»]*»")
_PASTED = re.compile(r"[,!?]|\.\s|(?:\S+\s+){5}\S")
_RU_FIRM = re.compile(r"\b(?i:компани\w+|клиент\w*|фирм\w+|организаци\w+|заказчик\w*|сеть|сети|дистрибьютор\w*|дилер\w*|"
                      r"партн[её]р\w*|интегратор\w*|реселлер\w*|стартап\w*|застройщик\w*|контор\w+)"
                      r"\s*[—:-]?\s*([А-ЯЁA-Z][\w-]+(?:\s+[А-ЯЁA-Z][\w-]+)?)")
# an event or a place met at, named in quotes right after these, is where the rep was, not a customer (a café
# visited is a customer: "заходила в кафе «Добрый Двор»")
_RU_VENUE = re.compile(r"(?i:форум\w*|выставк\w*|конференци\w*|обед\w*\s+в|ужин\w*\s+в|"
                       r"бц|тц|бизнес-центр\w*|торгов\w+\s+центр\w*)\s*$")
_RU_NOT = frozenset("""ватсап whatsapp телеграм telegram вайбер москв петербург питер сбер понедельник вторник среду четверг пятницу
субботу воскресенье январе феврале марте апреле мае июне июле августе сентябре октябре ноябре декабре""".split())


def _shop_of(words: list[str]) -> bool:
    """"Lily's Bakery", "Joe's Diner": a shop named after its owner, not the owner."""
    return len(words) >= 2 and words[0].endswith(("'s", "’s"))


def _personal(words: list[str]) -> bool:
    """True for "Maria", "Maria Lopez": a first name, alone or before a surname that is no trade word."""
    if _shop_of(words):
        return False
    first = words[0].lower().rstrip(".,'s")
    if first.endswith("ly") or first in ("dr", "mr", "mrs", "ms", "prof"):
        return True
    return len(words) <= 2 and first in en.FIRST_NAMES and (en_firms.trade_surname(" ".join(words)) or not any(
        w.lower() in en.FIRM_WORDS or w.lower() in COMMON_WORDS for w in words[1:]))


_EN_NUMBERED = re.compile(r"\s+(\d{1,4})(?![\w.:/%-]|,\d|\s*(?i:k|m|mm|bn|x|units?|pcs|pieces|items|days?|weeks?|"
                          r"months?|years?|hours?|mins?|minutes?|times|people|seats|users|licen[cs]es|boxes|cases|"
                          r"tons?|kg|am|pm|locations?|stores?|shops?|sites?|branch(?:es)?|outlets?|restaurants?|"
                          r"clinics?|offices?|trucks?|vans?|vehicles?|employees|staff|beds|rooms|venues?)\b)")


def _numbered(text: str, name: str | None) -> str | None:
    """The name with the number written right after it ("Store 24", "Vector 2"), unless the number
    is a quantity or a time ("Acme 2 times", "Initech 50 units", "Globex 10:30")."""
    if not name or name[-1:].isdigit():
        return name
    at = text.find(name)
    while at >= 0:                  # every place the name is written, first to last
        m = _EN_NUMBERED.match(text, at + len(name))
        if m:
            return f"{name} {m.group(1)}"
        at = text.find(name, at + 1)
    return name


# a Chinese company's name in a Russian or English note ("Была в 华彩集团, отправила КП", "visited 星辰科技"):
# one run of Han characters, not a person with a title ("王总", "李经理")
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]{2,12}")
_HAN_ADDRESS_WORD = re.compile("|".join(zh_cues.ADDRESS_WORD), re.I)
_HAN_PERSON = re.compile(r"(?:" + "|".join(zh_cues.TITLES) + r")$")


def _han_name(text: str, person: str | None) -> str | None:
    runs = _HAN_RUN.findall(text)
    if len(runs) != 1 or len(runs[0]) > 12 or (person and (runs[0] in person or person in runs[0])):
        return None
    if _HAN_PERSON.search(runs[0]) and len(runs[0]) <= 4 or find_dates(runs[0], "zh", date(2000, 1, 3)) \
            or _HAN_ADDRESS_WORD.fullmatch(runs[0]):
        return None             # "王总"; "下个礼拜一": a day, not a name; "電話 2101 8888": a phone's label
    return runs[0]


def english(text: str, person: str | None, query: bool) -> str | None:
    """A company named in an English note (see en_firms.py); a question's object when nothing else is."""
    name = en_firms.find(text, person, query) or _han_name(text, person)
    name = _before_its_town(text, name, person) if name else name
    if name is None and query:
        m = _EN_QUERY.search(text)
        name = m.group(1).strip() or None if m else None
        if name:        # "did Orla at brackenfield ever get back to us?": the name ends at a word no name holds
            words = name.split()
            cut = next((i for i, w in enumerate(words) if i and w.lower() in en_firms.STOP), len(words))
            name = " ".join(words[:cut])
        card = _EN_CARD_OF.search(text) if name is None else None
        said = (card.group(1) or card.group(2)).strip() if card else ""
        if said and not _NOT_A_CARD_NAME & set(said.lower().split()):
            name = said
    return _numbered(text, name)


_WORD_BEFORE = re.compile(r"(?:^|(?<=\s))([\w'’&.-]+)\s*$")
_OPENING_VERBS = frozenset("""called visited met emailed rang phoned saw texted pinged messaged dropped stopped popped
went spoke talked chatted lunch coffee demo call visit meeting mtg at with from for to by""".split())


def _before_its_town(text: str, name: str, person: str | None) -> str:
    """The business a one-word name is the town of ("Gino's gelato in Seaford", "Hotel du Lac in Annecy",
    "Grind & Co in Brixton"): the words before "in" back to the note's start or a verb, when they hold a
    capitalised word; else the name itself."""
    at = re.search(r"\sin\s+" + re.escape(name) + r"\b", text)
    if " " in name or at is None:
        return name
    words: list[str] = []
    before = text[:at.start()]
    while (m := _WORD_BEFORE.search(before)) is not None and len(words) < 5:
        word = m.group(1)
        low = word.lower().strip(".,")
        if low in _OPENING_VERBS or en_firms.verbish(low) or word.endswith((",", ":", ";")):
            break
        words.insert(0, word)
        before = before[:m.start()].rstrip()
        if before.endswith((",", ".", ":", ";", "!", "?", "(", "-")):
            break
    if words and words[0].lower() in ("a", "an", "our"):      # "a bakery in Leeds": no name; "the Grand" keeps it
        words = words[1:]
    firm = " ".join(words).strip()
    if not firm or not any(w[:1].isupper() for w in words) or (person and firm.casefold() == person.casefold()) \
            or en_firms._personal(firm) or en_firms._personal(" ".join(words[:2])):   # "Jess in Leeds", "met Maria Lopez
        # and Tom Hardy in Leeds": people, not the business
        return name
    return firm


# a Latin name's words: capitalised, "&", and the small words inside Dutch, German or French names
_LATIN_RUN = r"(?:(?:van|von|de|der|den|du|da|di|le|la)\s){0,2}[A-ZÀ-Þ][A-Za-zÀ-ÿ0-9&'.-]*(?:\s(?:(?:van|der|den|de|von|du|da|di|la|le|of|the|and)\s){0,2}(?:&|[A-ZÀ-Þ][A-Za-zÀ-ÿ0-9&'.-]*)){0,4}"
_ZH_LATIN = re.compile(r"(?:(?<=公司)|(?<=公司叫)|(?<=叫)|(?<![A-Za-z]))\s*(" + _LATIN_RUN + ")"
                       r"(?=\s*(?:的|（|\(|分公司|\S{2}分公司|\s做))")
# a Latin name of two words or more introduced by name ("叫 Bloom & Co 花店连锁", "公司：Aurora Dental"), or
# opening the note before its Chinese ("Van der Berg太仓仓库拜访完毕", "Pacific Crest 那单 谁负责")
_ZH_LATIN_CALLED = re.compile(r"(?:叫做?|名叫|名为|公司[:：]|客户[:：])\s*(" + _LATIN_RUN + r")(?![A-Za-z])")
_ZH_LATIN_OPENING = re.compile(r"^\W*(" + _LATIN_RUN + r")(?=\s?[\u4e00-\u9fff])")
# a Latin name of two words or more right after a visit ("去了 Golden Dragon Restaurant 见 manager", "拜访了 Harbour Grand
# Hotel，…"; Cantonese "去咗" is read as "去了")
_ZH_LATIN_VISITED = re.compile(r"(?:去了|拜访了?|到了|见了|来到)\s*(" + _LATIN_RUN + r")(?![A-Za-z])")


def _latin_in_chinese(text: str, person: str | None) -> str | None:
    """A company with a Latin name in a Chinese note: "Sunrise Trading HK的Peter", "法国公司Maison Verte 做…"."""
    for m in _ZH_LATIN.finditer(text):
        name = m.group(1).strip()
        words = name.split()
        if person and (name in person or person in name):
            continue
        if len(words) >= 2 and not _personal(words) or text[max(0, m.start(1) - 3):m.start(1)].strip().endswith(("公司", "叫")):
            return name
    for pattern in (_ZH_LATIN_CALLED, _ZH_LATIN_OPENING, _ZH_LATIN_VISITED):
        called = pattern.search(text)
        name = called.group(1) if called else ""
        words = name.split()
        if len(words) >= 2 and not _personal(words) and not (person and (person in name or name in person)
                                                               and not _shop_of(words)) \
                and words[0].lower() not in zh_cues.NOT_PINYIN:
            return name
    return None


_ZH_ASKED = re.compile("|".join(zh_cues.QUESTION) + r"|[?？]")


_ZH_BRACKETED_TAIL = re.compile(r"[（(][\u4e00-\u9fff]{2,6}[）)](?:" + "|".join(zh_cues.LEGAL) + ")")


_ZH_FILLER_BEFORE = re.compile(r"^(?:[嗯呃啊哦额]+|那个|这个|就是)+")


def chinese(text: str, person: str | None, query: bool) -> str | None:
    """A company named in a Chinese note, with the place in brackets and the legal form that follow
    it as registered ("永利达海运（澳门）有限公司")."""
    found = _chinese(text, person, query)
    if found and found.lower() in zh_cues.NOT_PINYIN:
        return None                                   # "客户 WhatsApp：…": where the message came from, no customer
    if found and _ZH_FILLER_BEFORE.match(found) and len(_ZH_FILLER_BEFORE.sub("", found)) >= 2:
        found = _ZH_FILLER_BEFORE.sub("", found)      # "叫那个莫干山民宿联盟": the name without the filler said before it
    at = text.find(found) if found else -1
    tail = _ZH_BRACKETED_TAIL.match(text, at + len(found)) if found and at >= 0 else None
    if not found or not tail:
        return found
    return found + tail.group().replace("(", "（").replace(")", "）")      # registered with full-width brackets


# the customer a partner brings, named after "终端": "拜访了终端客户瑞丰纺织", "终端是华盛制药"
_ZH_END_CUSTOMER = re.compile(r"终端(?:客户|用户)?(?:是|叫)?\s*(?:(" + _LATIN_RUN + r")(?![A-Za-z])|([\u4e00-\u9fffA-Za-z0-9]{2,14}?)"
                              r"(?=[,.!?;，。！？；\s]|的|$|他们|她们|要|想|在))")
_ZH_PARTNER_WORD = re.compile(r"^(?:" + "|".join(zh_cues.PARTNER_KINDS) + r")(?=..)")


def _chinese(text: str, person: str | None, query: bool) -> str | None:
    found = _chinese_named(text, person, query)
    end = _ZH_END_CUSTOMER.search(text)
    if end and end.group(1):
        return end.group(1)                         # "有个终端 Sunrise Dental Group": the end customer, in Latin
    said = zh_firms.trimmed(end.group(2)) if end else ""
    if said and said != found and zh_firms.trade_end(said) and not re.search("一家|一个|某", said) \
            and zh_firms.named(said, person, people=False):
        return said                                 # the partner's end customer is whom the deal is with
    if found and _ZH_PARTNER_WORD.match(found):
        return _ZH_PARTNER_WORD.sub("", found)      # "分销商利达医疗供应链": the partner's name, without its kind
    return found


def _chinese_named(text: str, person: str | None, query: bool) -> str | None:
    found = zh_firms.quoted(text, person) or _latin_in_chinese(text, person) or zh_firms.before_brackets(text, person) \
        or zh_firms_said.registered(text, person)
    if found:
        return found
    for m in _ZH_NAMED.finditer(text):      # "叫啥来着 对 叫云图科技": the first that is a name
        if text.startswith("的", m.end(1)) and any(zh_names.is_place(m.group(1)[:k]) for k in (2, 3)) \
                and not zh_firms.trade_end(m.group(1)):
            continue                        # "新客户 北京三里屯的云朵咖啡": where it is, then its name
        if m.group(1) != person and not zh_names.is_place(m.group(1)) \
                and zh_firms.named(zh_firms.trimmed(m.group(1)), person, people=False):
            return zh_firms.trimmed(m.group(1))
    if query:
        asked_for = _ZH_QUERY.search(text)
        if asked_for and zh_firms.named((asked_for.group(1) or asked_for.group(2)).strip(), person):
            return (asked_for.group(1) or asked_for.group(2)).strip()
    asked = _ZH_ASKED.search(text) is not None
    return zh_firms.by_parts(text, person) or zh_firms.after_description(text, person) \
        or zh_firms.by_ending(text, person) or zh_firms.owner_of(text, person) \
        or zh_firms_said.of_role(text, person) or zh_firms_said.partner(text, person) \
        or zh_firms.leading(text, person) or zh_firms.deal_of(text, person) or zh_firms.asked_about(text, person, asked)


def russian(text: str, person: str | None, query: bool) -> str | None:
    """A company named in a Russian note: with its legal form or quotes as written,
    otherwise in the nominative ("у Вектора" -> "Вектор")."""
    text = _PASTED_QUOTE.sub(lambda q: " " * len(q.group()), text)    # the words of a pasted message are not the rep's
    m = _RU_LEGAL.search(text)
    if m:
        return m.group(0)
    for pattern in (_RU_QUOTED, _RU_FIRM):
        for m in pattern.finditer(text):
            name = m.group(1).strip()
            if not name:
                continue            # quotes around nothing but spaces: a name blanked out before
            first = name.split()[0]
            if lookup_first(first) or first.lower() in _RU_NOT or (person and first in person) \
                    or pattern is _RU_FIRM and ru_firms.opens_with_form(name):
                continue            # "новую компанию: ООО Новосибирский Хладокомбинат 2": the name after its form
            if pattern is _RU_QUOTED and _PASTED.search(name):
                continue            # "fwd: «Hi Alexey, can we talk?»": a message pasted in quotes, no name
            if pattern is _RU_QUOTED and _RU_VENUE.search(text, 0, m.start()):
                continue            # "на форуме «Енисей-Промэкспо»", "Обед в «Пушкине»": where, not whom
            return ru_firms.quoted(text, m.start(), name) if pattern is _RU_QUOTED else name
    return ru_firms.after_legal_form(text, person) or ru_firms.called(text, person) or ru_firms.kind_then_name(text, person) \
        or ru_firms.after_firm_word(text, person) \
        or ru_firms_headed.headed(text, person) or ru_firms.find(text, person) \
        or ru_firms_lower.lower_subject(text, person) or ru_firms_lower.lower_trade(text, person) or ru_firms_lower.lower_went(text, person) or (_ru_asked(text, person) if query or "?" in text else None) \
        or _han_name(text, person)


# the company a Russian question asks about: "кто такие сибстальинвест?", "Кто ведёт ТольяттиПромСнаб?",
# "а Полярная Звезда Ресурс кому передали?"
_RU_WHO_ARE = re.compile(r"\b(?i:кто\s+так(?:ие|ой|ая)|что\s+за)\s+(?P<name>[\w-]+(?:\s+[\w-]+){0,2}?)\s*(?=[?,.!]|$)")
_RU_CAPITALISED = re.compile(r"(?<![\w«\"-])(?P<name>[А-ЯЁA-Z][\w-]+(?:\s+[А-ЯЁA-Z][\w-]+){0,2})")
_RU_ASKING = frozenset("""кто что как где когда куда сколько какой какая какие каких почему зачем чей чья чьи подскажите
подскажи скажите а и или но по у с в на коллеги ребята друзья всем я мы вы мне нам вам меня нас они он она
их им это этот эта эти""".split())


def _ru_asked(text: str, person: str | None) -> str | None:
    """The company a Russian question names, as written: after "кто такие", or a capitalised name that
    is not the question's first word, a person or a place."""
    m = _RU_WHO_ARE.search(text)
    if m and m.group("name").split()[0].lower() not in _RU_ASKING:
        return m.group("name")
    for m in _RU_CAPITALISED.finditer(text):
        name = m.group("name")
        words = name.split()
        if words[0].lower() in _RU_ASKING:
            if len(words) == 1:
                continue
            name, words = " ".join(words[1:]), words[1:]
        elif not text[:m.start()].strip() or text[:m.start()].rstrip()[-1] in ".!?…":
            continue                          # a sentence's own first word
        if lookup_first(words[0]) or (person and words[0] in person) or words[0].lower() in _RU_NOT:
            continue
        return name
    return None


def extract(text: str, lang: str, person: str | None = None, query: bool = False) -> str | None:
    """A customer name that is not among the known ones, as written, or None."""
    return {"zh": chinese, "ru": russian}.get(lang, english)(text, person, query)
