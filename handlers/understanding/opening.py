"""Does a note name, by how it opens, a company the parse did not take? The last note's customer
is taken only when a note names no other company (DESIGN.md, invariant 8), and reps write a new
company's name first, or right before what they did there, however they spell it:

- "阿里巴巴 拜访 陈总 …", "阿里云也去了，…", "给华为打电话了，…", "蓝鲸 两个人来问伺服";
- "Газпром нефть звонил, …", "Лукойл, встретился с Петровым";
- "visited wayne corp, …", "wayne corp - met …".

`named_first` returns that phrase as written, or None when the phrase is a person, a pronoun, a
time or a word of the note itself. It reads the text only, so it holds whether the rules or the
model understood the note.
"""
from __future__ import annotations

import re

from handlers.understanding.languages import en as en_cues
from handlers.understanding.languages import ru as ru_cues
from handlers.understanding.languages import zh as zh_cues
from handlers.understanding.matching import norm_token
from storage.vocabulary import Lang

# -- Chinese: a name first, then the visit or call; or 给/跟/和 + name + a call or meeting --
_ZH_DID = r"(?:也|又|今天|刚刚|刚才|上午|下午|那边)?(?:拜访|去了|去过|来了|来电|打来|打电话|打了电话|开会|开了会|见了|见面|签了|报价)"
_ZH_OPENING = re.compile(r"^\W*([\u4e00-\u9fff]{2,8}?|[A-Za-z][\w&.-]*(?:\s[A-Z][\w&.-]*){0,2})(?:\s+|[，,、]\s*)?" + _ZH_DID)
_ZH_TO = re.compile(r"(?:^|[，,。；;\s]|了)(?:给|跟|和|与)([\u4e00-\u9fff]{2,6}?)(?:的人|那边)?"
                    r"(?:打了?电话|通了?电话|开了?会|聊了|谈了|发了|开视频)")
# a short name set apart by a space before the rest of the note ("蓝鲸 两个人来问伺服"): Chinese has no
# spaces between words, so what stands apart first is the note's topic; a word of grammar makes it a phrase
_ZH_SPACED = re.compile(r"^\W*([\u4e00-\u9fff]{2,6})\s+(?=[\u4e00-\u9fff])")
_ZH_GRAMMAR = re.compile(r"[了的吗呢吧啊呀过着是在有没不就都很太要会去来说想跟给和把被让]")
_ZH_NOT = frozenset("""
    今天 昨天 明天 前天 上午 下午 晚上 早上 中午 刚才 刚刚 上周 本周 这周 下周 周一 周二 周三 周四 周五 周六 周日
    客户 他们 她们 对方 我们 我 他 她 老板 那家 这家 那边 这边 对面 领导 同事 采购 财务 老客户 新客户 这个客户 那个客户
    终于 已经 刚 又 也 还 再 早上又 我也 我又 今天又 昨天又 上次 这次
    又回 回到 退回 退到 倒回 打回 重新
""".split())
_ZH_PERSON = re.compile("^(?:[小老][" + "".join(sorted(zh_cues.SURNAMES)) + "]|[" + "".join(sorted(zh_cues.SURNAMES))
                        + "](?:" + "|".join(sorted(zh_cues.TITLES, key=len, reverse=True)) + ")|.*(?:"
                        + "|".join(sorted(zh_cues.TITLES, key=len, reverse=True)) + "))$")

# -- Russian: a capitalised name first, then (after a comma or dash) what happened there --
_RU_DID = (r"(?:звонил\w*|позвонил\w*|перезвонил\w*|встретил\w*|был[аио]?|приезжал\w*|заезжал\w*|написал\w*|"
           r"прислал\w*|отправил\w*|хотят|хочет|просят|просит|отказал\w*|подписал\w*|согласовал\w*|ждут|берут|"
           r"созвонил\w*|съездил\w*|заказал\w*|оплатил\w*)\b")
_RU_OPENING = re.compile(r"^\W*([А-ЯЁA-Z][\w-]*(?:\s+[а-яёa-z][\w-]*)?)\s*(?:[,:—–-]\s*)?(?:сегодня\s+|вчера\s+|опять\s+|снова\s+)?"
                         + _RU_DID, re.I)
_RU_NOT = frozenset("""
    был была были сегодня вчера завтра утром днем днём вечером клиент клиенты они он она мы я директор
    снова опять потом звонил звонила позвонил позвонила встретился встретилась встреча отправил отправила
    созвонился созвонились написал написала приезжал заезжал новый новая сам сама все всё
""".split())
_RU_PEOPLE = frozenset(w.lower().replace("ё", "е") for w in [*ru_cues.MALE_NAMES, *ru_cues.FEMALE_NAMES])
_RU_SURNAME = re.compile(r"\w+(?:ов|ев|ёв|ин|ын|ова|ева|ина|ына|ский|ская|цкий|цкая)$", re.I)

# -- English: a lower-case phrase that ends with a company word ("wayne corp", "pinecrest dental") --
_EN_FIRMISH = "|".join(sorted(en_cues.FIRM_WORDS | en_cues.LEGAL_FORMS, key=len, reverse=True))
_EN_OPENING = re.compile(r"^\W*(?:(?:visited|called|met\s+(?:w/?|with)|emailed|stopped\s+by|dropped\s+by|demo\s+(?:at|w/?|with))\s+)?"
                         r"((?:[a-z][\w&'’-]*\s+){1,3}(?:" + _EN_FIRMISH + r"))\.?(?=\s*(?:[,;:!(]|\s-\s|$|\s+(?:visit|call|meeting|demo)\b))")


def named_first(text: str, lang: Lang, contact: str | None = None) -> str | None:
    """The company-like phrase a note opens with, or names right before what happened there; else None."""
    if lang == Lang.ZH:
        return _zh(text, contact)
    if lang == Lang.RU:
        return _ru(text, contact)
    return _en(text, contact)


def _zh(text: str, contact: str | None) -> str | None:
    spaced = _ZH_SPACED.match(text)
    if spaced is not None and _ZH_GRAMMAR.search(spaced.group(1)):
        spaced = None
    for found in (_ZH_OPENING.match(text), _ZH_TO.search(text), spaced):
        if found is None:
            continue
        name = re.sub("^[给跟和与去到在从]", "", found.group(1).strip())
        if len(name) < 2 or name in _ZH_NOT or name[:2] in _ZH_NOT or _ZH_PERSON.match(name) or (contact and contact in name):
            continue
        if len(name) > 6 and re.fullmatch(r"[\u4e00-\u9fff]+", name):
            continue        # a whole clause, not a name
        return name
    return None


def _ru(text: str, contact: str | None) -> str | None:
    found = _RU_OPENING.match(text)
    if found is None:
        return None
    name = found.group(1).strip(" -")
    words = name.split()
    first = words[0].lower().replace("ё", "е")
    people = {norm_token(w) for w in (contact or "").split()}
    if first in _RU_NOT or first in _RU_PEOPLE or norm_token(words[0]) in people:
        return None
    if not words[0][0].isupper():
        return None
    if len(words) == 1 and _RU_SURNAME.match(words[0]) and not words[0].isupper():
        return None         # "Петров звонил": a person
    if len(words) > 1 and words[1].lower() in _RU_NOT:
        name = words[0]
    return name


def _en(text: str, contact: str | None) -> str | None:
    found = _EN_OPENING.match(text)
    if found is None:
        return None
    phrase = found.group(1).strip()
    words = [norm_token(w) for w in phrase.split()]
    if words[0] in ("a", "the", "their", "his", "her", "our", "my", "new", "with", "w", "at"):
        return None
    if all(w in en_cues.FIRM_WORDS or w in en_cues.LEGAL_FORMS for w in words):
        return None         # "the dental clinic", "medical group": a kind of business, no name
    return phrase
