"""The person a note is about: name as written (Russian put back in the nominative),
role, phone and e-mail. One extractor per language."""
from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass

from handlers.understanding import first_chars
from handlers.understanding import en_people, ru_people
from handlers.understanding.languages import en, ru, zh
from handlers.understanding.languages.protocol import one_of
from handlers.understanding.zh_names import is_place


@dataclass
class Person:
    """A contact found in a note."""

    name: str | None = None
    role: str | None = None
    phone: str | None = None
    email: str | None = None
    alias: str | None = None         # a nickname in brackets after the name: "张总（老张）", "Андрей (Дрон)"


_ZH_ROLES = one_of(zh.ROLES)
_ZH_TITLES = "|".join(zh.TITLES)
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_THOUSANDS = re.compile(r"\d{1,3}(?:[ \u00a0]\d{3})+")
# a document's number, not a phone: glued to letters or after a number sign ("PO#HY-2026-118", "INV-2291-07",
# "№ 418-22-10", "No. 4471 2210", "订单号 2026 1188 77")
_DOCUMENT_NUMBER = re.compile(r"(?:[A-Za-z]{1,12}[#-]|#|№|\bNo\.?|\bnr\.?|编号|单号)\s*(?:[A-Za-z]{1,12}[-/])?\s*$", re.I)
# a phone number: international or local, grouped by spaces or dashes ("+7 912 000-11-22", "(495) 123-45-67",
# "07700 900123": a five-digit group only after a trunk 0), or ten to thirteen digits in a row
_PHONE = first_chars.compile(r"(?<![\w.])(?:(?:\+\d{1,3}|8(?=[\s-]?\(\d)|8(?=[\s-]?\d{3}[\s-]?\d{3}[\s-]?\d{2}[\s-]?\d{2}(?!\d)))[\s-]?)?(?:\(\d{2,5}\)[\s-]?)?(?:0\d{4}|\d{2,4})(?:[\s-]\d{2,6}){1,4}(?!\w|\.\d)|(?<!\d)\+?\d{10,13}(?!\d)")


def english(text: str, taken: tuple[int, int]) -> Person:
    """Contact in an English note (see en_people.py); `taken` is the customer's span (not a person)."""
    name, role = en_people.find(text, taken)
    return Person(name, role)


_ZH_SUR = "".join(sorted(zh.SURNAMES))
_ZH_COMPOUND = "|".join(zh.COMPOUND_SURNAMES)
_ZH_RARE = "".join(sorted(zh.RARE_SURNAMES - zh.SURNAMES))
# a surname with its title: "王总", "小刘", a two-character surname ("欧阳总", "司马经理"), a rare one ("乌主任")
_ZH_TITLED = re.compile("(?:[小老][" + _ZH_SUR + "]|(?:" + _ZH_COMPOUND + "|[" + _ZH_SUR + _ZH_RARE + "])(?:" + _ZH_TITLES + "))")
_ZH_CONTEXT = re.compile("(?:对接人|联系人|负责人|接口人|窗口|对口人|经办人)(?:是|叫|为|:|：)?\\s*|(?:[\u4e00-\u9fff]{1,4}?[部处科组室])的?|(?:和|跟|与|同|见了|见到|找了|约了|联系了|问了|给|叫|是|换成了?|改成了?)")
# a title, then the full name, also across a space ("采购经理李强", "他们 CTO 孟涛 说")
_ZH_ROLE_NAME = re.compile("(" + _ZH_ROLES + ")(?:是|叫|为)?[ \t]?(?=" + _ZH_COMPOUND + "|[" + _ZH_SUR + "])")
# a full name before its title ("白磊科长"); "工", "姐", "哥" follow a surname alone ("宋工"), so
# "江淮精工" is a company, not 江淮精
_ZH_FULL_TITLES = "|".join(t for t in zh.TITLES if t not in ("工", "姐", "哥"))
_ZH_NAME_THEN_TITLE = re.compile("([" + _ZH_SUR + "][\u4e00-\u9fff]{1,2}?)(?:" + _ZH_FULL_TITLES + ")(?=[^\u4e00-\u9fff]|$|["
                                 + re.escape("".join(sorted(zh.NAME_STOP))) + "])")
_ZH_DEPT = re.compile("([\u4e00-\u9fff]{2}[部处科组室]|[\u4e00-\u9fff]{2}中心)的$")


_ZH_TIME_WORD = re.compile("明年|明天|今年|今天|下周|下个|上周|后天|昨天|前天|刚才|刚刚|早上|上午|下午|晚上|中午|年后|年前|月底|"
                           "如约|按时|准时|亲自|专门|特意|特地|一起|已经")   # a time or a manner word after the name
_ZH_JUDGED = re.compile("人[挺很真蛮还不特超]")
_ZH_FIRM_CALLED = re.compile("(?:客户|公司|一家|一个|厂|店|品牌|企业|机构)[\u4e00-\u9fff]{0,6}?\\s*叫做?\\s*$")


def _zh_boundary(text: str, i: int) -> bool:
    """The end of the text, punctuation, a space or a joining word at `i`."""
    return i >= len(text) or not ("\u4e00" <= text[i] <= "\u9fff") or text[i] in "和跟与及、"


def _zh_word_at(text: str, i: int, name: str) -> bool:
    """True when a titled name at `i` is the start of a common word: "施工" (not 施工程师), "小程序"."""
    return name in zh.NOT_NAMES or text[i:i + 3] in zh.NOT_NAMES


_ZH_COUNTED = re.compile(r"[0-9０-９一二三四五六七八九十两几百千][\s.]*$")


def _zh_name_at(text: str, i: int) -> str | None:
    if i < len(text) and text[i] in "万千百亿" and _ZH_COUNTED.search(text, max(0, i - 3), i):
        return None                  # "28.8 万含税", "150 万左右": a number's unit, not 万先生
    m = _ZH_TITLED.match(text, i)
    if m:
        return None if _zh_word_at(text, i, m.group()) else m.group()
    compound = text[i:i + 2] in zh.COMPOUND_SURNAMES       # "欧阳娜", "诸葛明": a two-character surname
    if i >= len(text) or (text[i] not in zh.SURNAMES and not compound):
        return None
    titled_after = _ZH_NAME_THEN_TITLE.match(text, i)       # "白磊科长": the name before its title
    if titled_after and not compound:
        return titled_after.group(1)
    if compound:
        i += 1                       # the given name after it, one or two characters
    j = i + 1
    while j < len(text) and j - i < 3 and "\u4e00" <= text[j] <= "\u9fff" and text[j] not in zh.NAME_STOP:
        j += 1
    if j == i + 1 and j < len(text) and text[j] in zh.NAME_STOP and _zh_boundary(text, j + 1):
        j += 1                       # "赵刚": a stop word as the last character of a name, then a boundary
    if j - i == 3 and _ZH_TIME_WORD.match(text, j - 1):
        j -= 1                       # "总监孙婷明年要办…": 孙婷, then 明年
    if compound:
        return text[i - 1:j] if j > i + 1 else None
    name = text[i:j]
    if len(name) < 2 or name in zh.NOT_NAMES or name[:2] in zh.NOT_NAMES:
        return None
    if is_place(name) and text.startswith(("那边", "这边", "的", "那", "市", "人"), j):
        return None                  # "是苏州那边的…": a place, not 苏先生
    if name[1] in "一二三四五六日天末" and name[0] == "周":
        return None
    return name


_ZH_SURNAMED = re.compile("姓([" + _ZH_SUR + "])")
_ZH_LATIN = re.compile(r"(?<![A-Za-z])([A-Z][a-z]+)(?:\s((?:(?:de|van|der|von|da|di|du|le|la)\s){0,2}[A-Z][a-z]+)"
                       r"(?![A-Za-z0-9&]| [A-Z])|([" + _ZH_SUR + r"])(?![\u4e00-\u9fff]))?")
# a title written before a Latin name or a Chinese surname: "Mr. Braun", "Dr. Markus Weber", "Mr. 梁"
_ZH_HONORIFIC = re.compile(r"(?<![A-Za-z])(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s?(?:[A-Z][a-z]+(?:\s[A-Z][a-z]+(?![A-Za-z0-9&]| [A-Z]))?"
                           r"|[" + _ZH_SUR + r"](?![\u4e00-\u9fff]))")
_ZH_LATIN_ROLE = re.compile(r"(?:总监|经理|主管|负责人|联系人|对接人|合伙人|创始人|采购|老板|CEO|CTO|CFO|COO|GM|VP|HR"
                            r"|[Ff]ounder|[Mm]anager|[Dd]irector|[Bb]oss|[Hh]ead)\s?[：:]?\s?$")


# a title right after a name, up to a pause: "王丽 采购经理，…", "李明，技术总监"
_ZH_ROLE_AFTER = re.compile(r"[ \t、,，]*(" + _ZH_ROLES + r")(?=[\s,，。.!！;；、]|$)")
# after a role: a nickname ("IT主管阿强", "联系人叫小美") or a name with 先生/女士 ("总务铃木先生", "负责人朴先生")
_ZH_AFTER_ROLE = re.compile("(?:" + _ZH_ROLES + "|联系人|对接人|负责人|总务|代表)(?:是|叫|係)?\\s?"
                            "([阿小老][\u4e00-\u9fff](?=[^\u4e00-\u9fff]|$|[" + re.escape("".join(sorted(zh.NAME_STOP))) + "])"
                            "|[\u4e00-\u9fff]{1,2}?(?:先生|女士|小姐))")
# a name taken back: "王总 哦不是王总是汪总", "李经理 不对 是黎经理"
_ZH_TAKEN_BACK = re.compile(r"\s*[，,]?\s*(?:哦|噢|啊)?\s*(?:不是|不对|说错了|哦不)[^，。,.!?！？]{0,6}?是?\s*")


# a colleague the writer took along ("带着技术小吴去了…"): ours, not the customer's
_ZH_OURS = re.compile(r"(?:带着|带了|陪着|同事|我们的?)\S{0,3}$|不是\s*$"      # or a name taken back: "不是易联 是云栖"
                      "|(?:^|[\\s，,。：:])(?:" + one_of(zh.COLLEAGUE_BEFORE) + ")$")   # "帮老周记一下": one of ours
_ZH_OURS_AFTER = re.compile(one_of(zh.COLLEAGUE_AFTER))              # "老周下礼拜去催": one of ours at work


def chinese(text: str, taken: tuple[int, int]) -> Person:
    """Contact in a Chinese note: 刘经理, 王总, 李娜, 对接人是陈静, 老板姓吴, 销售总监Kevin."""
    person = _chinese(text, taken)
    said = text[taken[0]:taken[1]] if 0 <= taken[0] < taken[1] else ""
    if person.name is None and _ZH_TITLED.fullmatch(said) and _ZH_SAID_AFTER.match(text, taken[1]):
        return Person(said)          # "李姐打电话来" of 温江李姐建材: the shop is called after the person who speaks
    at = text.find(person.name) if person.name else -1
    if person.name and at >= 0 and (_ZH_OURS.search(text, max(0, at - 6), at)
                                    or _ZH_OURS_AFTER.match(text, at + len(person.name))):
        person = _chinese(text[:at] + "某" * len(person.name) + text[at + len(person.name):], taken)
    if person.name:
        at = text.find(person.name)
        back = _ZH_TAKEN_BACK.match(text, at + len(person.name)) if at >= 0 else None
        fixed = [m.group() for m in _ZH_TITLED.finditer(text, back.end(), back.end() + 10)] if back else []
        fixed = [name for name in fixed if name != person.name]
        if fixed:
            return Person(fixed[0], person.role)
    return person


def _chinese(text: str, taken: tuple[int, int]) -> Person:
    found = _chinese_written(text, taken)
    for m in _ZH_AFTER_ROLE.finditer(text):
        if not (taken[0] <= m.start(1) < taken[1]) and (found is None or m.start(1) < found[0]):
            found = (m.start(1), Person(m.group(1)))
            break
    at = found[0] if found else len(text)
    other = [(m.start(), Person(_full_name(text, m))) for m in _ZH_SURNAMED.finditer(text)][:1]   # "老板姓吴": 吴
    for m in _ZH_HONORIFIC.finditer(text):
        if not taken[0] <= m.start() < taken[1]:
            other.append((m.start(), Person(m.group())))
            break
    for m in _ZH_LATIN.finditer(text):                  # "跟Michael开了个zoom", "运营总监Vivian", "Kevin赵"
        if taken[0] <= m.start() < taken[1] or _ZH_HONORIFIC.match(text, max(0, m.start() - 4)) \
                or re.match(r"\s?&", text[m.end():]):              # "Rose & Thorn": a firm's name
            continue
        if m.group(1).lower() in en.FIRST_NAMES or _ZH_LATIN_ROLE.search(text, 0, m.start()):
            second = m.group(2) if m.group(2) and m.group(2).split()[-1].lower() not in en.FIRM_WORDS else None
            name = m.group(1) + (" " + second if second else m.group(3) or "")
            other.append((m.start(), Person(name)))
            break
    best = min(other, key=lambda c: c[0], default=None)
    if best is not None and best[0] < at:
        return best[1]
    return found[1] if found else Person()


def _full_name(text: str, m: re.Match) -> str:
    """The surname after 姓, or the full name said right after it: "姓吴 叫吴建国" -> 吴建国."""
    full = _CALLED.match(m.group(1) + text[m.end():])     # the surname first, for the pattern to repeat
    return full.group(2) if full else m.group(1)


# the surname (one character), then "叫" within three characters and a full name starting with it
_CALLED = re.compile(r"([\s\S])\S{0,3}?叫(\1[\u4e00-\u9fff]{1,2}?)(?=[^\u4e00-\u9fff]|然后|说|$)")


_ZH_SAID_AFTER = re.compile("说|表示|反馈|回复|签|同意|确认|来电|打来|讲|答应|觉得|认为|提到|告诉|的|生日|,|，"
                            "|回[消电邮微话]|发[了邮微消]|打[了电]|微信|邮件|电话")


# a company's name by its trade word, then "的": a person of that company may follow
_ZH_FIRM_OF = re.compile("(?:" + "|".join(sorted(set(zh.TRADES) | set(zh.NAME_TAIL), key=len, reverse=True)) + ")(?:那边)?的")


def _name_starts(text: str, taken: tuple[int, int]) -> list[int]:
    """Where a person's name may start: right after the customer's name ("美佳的黄姐", "蓝湾孙浩"), after
    a contact word or a verb of meeting, after punctuation or a space."""
    starts: list[int] = []
    if taken[1] > 0:
        k = taken[1]
        while k < len(text) and text[k] in "公司那边方个":
            k += 1
        starts.append(k + 1 if text.startswith("的", k) else k)
    starts += [m.end() for m in _ZH_CONTEXT.finditer(text)]
    starts += [m.end() for m in _ZH_FIRM_OF.finditer(text)]     # "华信电子的欧阳娜": a company's person
    starts += [m.end() for m in re.finditer(r"(?:^|[,.!?;:，。！？；\s])", text)]
    return sorted(set(starts))


# a card's fields typed on one line after a name: "陈静 / 海南椰岛建工 / 采购", "刘芳｜杭州…", "王涛 wangtao@…"
_ZH_CARD_NEXT = re.compile(r"\s*[/｜|]|\s+[A-Za-z0-9._%+-]+@|\s*1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?!\d)")


def _reads_as_person(text: str, i: int, name: str) -> bool:
    """True when a name found at `i` is a person's: titled, or followed by what a person does or a pause,
    and not a place or a word opening the sentence."""
    titled = _ZH_TITLED.fullmatch(name) is not None or _ZH_NAME_THEN_TITLE.match(text, i) is not None
    if titled or _ZH_CARD_NEXT.match(text, i + len(name)):
        return True                     # "王丽 / 采购": a card's fields follow the name
    after = text[i + len(name):i + len(name) + 2]
    judged = _ZH_JUDGED.match(after) is not None            # "刘德华人挺好"
    if after and after[0] not in zh.NAME_STOP and not after.startswith(("说", "生日")) and not judged:
        return False
    if is_place(name):
        return False                    # "新，宁波，顺发汽配": a place between commas, not 宁先生
    opening = text[max(0, i - 1):i] in ("", ",", ".", " ", "，", "、", "。")
    return not opening or judged or _ZH_SAID_AFTER.match(after) is not None


def _first_written(text: str, taken: tuple[int, int]) -> tuple[int, str] | None:
    """The first person's name at a place a name may start, and then any titled name written earlier."""
    best: tuple[int, str] | None = None
    for i in _name_starts(text, taken):
        if taken[0] <= i < taken[1] or _ZH_FIRM_CALLED.search(text, max(0, i - 12), i):
            continue                    # "有个新客户叫安泰": the name of a company, not 安先生
        name = _zh_name_at(text, i)
        if name and (_reads_as_person(text, i, name) or _ZH_ROLE_AFTER.match(text, i + len(name))):  # "王丽 采购经理"
            best = (i, name)
            break
    for m in _ZH_TITLED.finditer(text):
        if _zh_word_at(text, m.start(), m.group()):
            continue
        if not (taken[0] <= m.start() < taken[1]) and (best is None or m.start() < best[0]):
            return m.start(), m.group()
    return best


def _chinese_written(text: str, taken: tuple[int, int]) -> tuple[int, Person] | None:
    """A Chinese name or surname with a title, where it is written, and its role."""
    best = _first_written(text, taken)
    for m in _ZH_ROLE_NAME.finditer(text):          # "采购经理李强": a title, then the full name
        name = _zh_name_at(text, m.end())
        if name and _ZH_TITLED.fullmatch(name) is None and not (taken[0] <= m.end() < taken[1]) \
                and (best is None or m.end() <= best[0]):
            return m.end(), Person(name, m.group(1))
    if best is None:
        return None
    titled_after = _ZH_ROLE_AFTER.match(text, best[0] + len(best[1]))   # "王总 采购经理", "王丽 采购经理"
    role = titled_after.group(1) if titled_after else None
    dept = _ZH_DEPT.search(text[max(0, best[0] - 8):best[0]])
    return best[0], Person(best[1], role or (dept.group(1) if dept else None))


def russian(text: str, taken: tuple[int, int]) -> Person:
    """Contact in a Russian note (see ru_people.py), in the nominative where it can be rebuilt."""
    name, role = ru_people.find(text, taken)
    return Person(name, role)


_ISO_DAY = re.compile(r"\d{4}-\d{1,2}-\d{1,2}")  # "9999-12-31" is a date (maybe refused), never a phone


# a title in brackets right after a name, in any language: "Ивановой Ольгой Петровной (главбух)", "王总（总经理）",
# "Dana Reyes (Head of Facilities)"
_BRACKETED = re.compile(r"[(（]\s*([^()（）\d@,，;；]{2,40}?)\s*[)）]")


def _role_in_brackets(text: str, name: str) -> str | None:
    """The words in brackets right after the contact's name as written (any case form: the first four
    letters of one of its words end the text before the bracket), as the contact's title."""
    stems = {word[:4].casefold() for word in name.split() if len(word) >= 2} | {name.casefold()}
    for m in _BRACKETED.finditer(text):
        before = text[max(0, m.start() - 40):m.start()].rstrip()
        last = re.split(r"[\s,，、:：]+", before)[-1].casefold() if before else ""
        said = m.group(1).strip()
        if last and (last[:4] in stems or any(last.endswith(stem) for stem in stems if len(stem) > 1)) \
                and title_words().search(said) and "«" not in said:
            return said
    return None


# a nickname: "老张", "小王", "张哥"; one word ("Дрон", "Sasha"); or any words after "aka", "он же", "外号"
_NICKNAME = re.compile(r"(?:aka|a\.k\.a\.?|он\s+же|она\s+же|外号|人称|也叫)\s*[\"'“«]?(?P<said>[^\"'”»]{1,20})[\"'”»]?"
                       r"|[\"'“«](?P<quoted>[^\"'”»]{1,20})[\"'”»]|(?P<zh>[老小][\u4e00-\u9fff]|[\u4e00-\u9fff][哥姐总])"
                       r"|(?P<word>(?-i:[A-ZА-ЯЁ][a-zа-яё]{1,14}))", re.I)


def _alias_in_brackets(text: str, name: str) -> str | None:
    """A nickname in brackets right after the contact's name ("张总（老张）", "Андрей (Дрон)", "Tony Russo (aka Big T)")."""
    stems = {word[:4].casefold() for word in name.split() if len(word) >= 2} | {name.casefold()}
    for m in _BRACKETED.finditer(text):
        before = text[max(0, m.start() - 40):m.start()].rstrip()
        last = re.split(r"[\s,，、:：]+", before)[-1].casefold() if before else ""
        said = m.group(1).strip()
        if not last or not (last[:4] in stems or any(last.endswith(stem) for stem in stems if len(stem) > 1)):
            continue
        nick = _NICKNAME.fullmatch(said)
        if nick and not title_words().search(said):
            return next(g for g in nick.groups() if g).strip()
    return None


@lru_cache(maxsize=1)
def title_words() -> re.Pattern[str]:
    """A title's words in any language ("главбух", "зам по закупкам", "总经理", "CEO"): a bracket that holds
    none names a company or says something else ("(ГринЛайн)", "(мебель на заказ)")."""
    return re.compile("|".join([*(r"\b(?:" + role + r")\b" for role in en.ROLES), *ru.ROLES,
                                r"(?<![\w-])зам\.?(?![\w-])", *zh.TITLES, *zh.ROLE_WORDS, r"(?-i:\b[A-Z]{2,4}\b)"]), re.I)


def extract(text: str, lang: str, taken: tuple[int, int] = (-1, -1)) -> Person:
    """The contact of a note in `lang`, plus any phone number and e-mail written in it."""
    person = {"zh": chinese, "ru": russian}.get(lang, english)(text, taken)
    if person.name and person.role is None:
        person.role = _role_in_brackets(text, person.name)
    if person.name and person.role is None:
        person.alias = _alias_in_brackets(text, person.name)
    for kind, value, _ in details(text):
        if kind == "email" and person.email is None:
            person.email = value
        elif kind == "phone" and person.phone is None:
            person.phone = value
    return person


def details(text: str) -> list[tuple[str, str, int]]:
    """Every e-mail address and phone number written in `text`: ("email" or "phone", as written, where), in order."""
    found = [("email", m.group(), m.start()) for m in _EMAIL.finditer(text)]
    scrubbed = _EMAIL.sub(lambda m: " " * len(m.group()), text)
    for m in _PHONE.finditer(scrubbed):
        digits = re.sub(r"\D", "", m.group())
        if _THOUSANDS.fullmatch(m.group().strip()):
            continue        # "30 000 000": an amount grouped by thousands, not a phone
        if _DOCUMENT_NUMBER.search(scrubbed, max(0, m.start() - 20), m.start()):
            continue        # "PO#HY-2026-118": an order's or an invoice's number
        if 7 <= len(digits) <= 15 and not re.fullmatch(r"(?:19|20)\d\d", digits) and not _ISO_DAY.fullmatch(m.group().strip()):
            found.append(("phone", m.group().strip(), m.start() + len(m.group()) - len(m.group().lstrip())))
    return sorted(found, key=lambda d: d[2])
