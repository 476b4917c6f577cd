"""A company the team does not know yet, as written: "宏远物流", "ООО «Лотос»", "Acme Corp"."""
from __future__ import annotations

import re

from handlers.understanding.lex_names import EN_NOT_NAMES, LEGAL_PREFIX_RU, LEGAL_SUFFIX_EN
from handlers.understanding.ru_names import lookup_first

_EN_WORD = r"[A-Z][\w&'.-]*"
_EN_LEGAL = re.compile(r"\b((?:" + _EN_WORD + r"\s+){0,3}" + _EN_WORD + r",?\s+" + LEGAL_SUFFIX_EN + r")(?![\w])")
_EN_NEW = re.compile(r"\bnew\s+(?:lead|prospect|customer|client|company|account)\s*(?:[,:—-]|called|named|is)?\s*(" + _EN_WORD + r"(?:\s+(?:&\s+)?" + _EN_WORD + r"){0,3})")
_EN_TYPED = re.compile(r"\b(?i:visited|called|met\s+with|emailed|texted|from|at|with)\s+([^,\n]{1,60}?\s" + LEGAL_SUFFIX_EN + r")(?=\W|$)")
_EN_PREP = re.compile(r"\b(?i:from|at|visited|called|with|for|to|about|on|emailed|texted|met\s+with)\s+(" + _EN_WORD + r"(?:\s+(?:&\s+)?" + _EN_WORD + r"){0,3})")
_EN_QUERY = re.compile(r"\b(?:about|with|on|for|at)\s+([\w&'. -]{2,60}?)\s*[?.!]*$", re.I)
_EN_LEAD = re.compile(r"^(" + _EN_WORD + r"(?:\s+(?:&\s+)?" + _EN_WORD + r"){0,3})(?=\s+(?:signed|lost|went|called|wants|bumped|is|deal|confirmed|agreed|declined|moved|:))")

_ZH_NAMED = re.compile(r"(?:叫|名叫|叫做|名为|名字是|新客户(?:是|叫)?|客户是|公司是|一家(?:公司|企业)叫?)([\u4e00-\u9fffA-Za-z0-9]{2,14}?)(?=[,.!?;，。！？；\s]|的|$)")
_ZH_FIRM = re.compile(r"([\u4e00-\u9fff]{2,12}?(?:股份有限公司|有限公司|集团|公司|工厂|厂))")
_ZH_LEAD_VERBS = re.compile(r"^(?:.*?(?:拜访了?|去了|到了|给|和|跟|与|联系了?|见了|约了|认识了|一家|查一下|查查|看看|关于))")
_ZH_BEFORE_DE = re.compile(r"(?:^|[,.!?;:，。！？；\s]|跟|和|与|给|见了|拜访了?|联系了?)([\u4e00-\u9fff]{2,10}?)(?:那边|公司)?的")
_ZH_QUERY = re.compile(r"(?:查一下|查查|查询|看看|介绍一下|说说)([\u4e00-\u9fffA-Za-z0-9]{2,14})|^([\u4e00-\u9fffA-Za-z0-9]{2,14}?)(?:的|那边|现在)?(?:情况|进展|最新|怎么样)")

_RU_LEGAL = re.compile(LEGAL_PREFIX_RU + r"\s*[«\"“]([^»\"”]{1,60})[»\"”]")
_RU_QUOTED = re.compile(r"[«\"“]([^»\"”]{2,60})[»\"”]")
_RU_FIRM = re.compile(r"\b(?:компани\w+|клиент\w*|фирм\w+|организаци\w+|заказчик\w*)\s*[—:-]?\s*([А-ЯЁA-Z][\w-]+(?:\s+[А-ЯЁA-Z][\w-]+)?)")
_RU_PREP = re.compile(r"\b(?:из|в|во|у|к|с|со|от|для|о|об|про)\s+([А-ЯЁA-Z][\w-]+(?:\s+[А-ЯЁA-Z][\w-]+)?)")
_RU_NOT = frozenset("""ватсап whatsapp телеграм telegram вайбер москв петербург питер сбер понедельник вторник среду четверг пятницу
субботу воскресенье январе феврале марте апреле мае июне июле августе сентябре октябре ноябре декабре""".split())


def _ok_en(name: str, person: str | None) -> str | None:
    words = name.split()
    while words and (words[0].lower() in EN_NOT_NAMES or words[0].lower() in ("the", "a")):
        words = words[1:]
    while words and words[-1].lower() in EN_NOT_NAMES:
        words = words[:-1]
    if not words:
        return None
    name = " ".join(words).strip(" ,.")
    if person and (name in person or person in name):
        return None
    return name or None


def english(text: str, person: str | None, query: bool) -> str | None:
    """A company named in an English note."""
    for pattern in (_EN_TYPED, _EN_LEGAL, _EN_NEW):
        m = pattern.search(text)
        if m and (name := _ok_en(m.group(1), person)):
            return name
    if query:
        m = _EN_QUERY.search(text)
        if m:
            return m.group(1).strip() or None
    for m in _EN_PREP.finditer(text):
        if (name := _ok_en(m.group(1), person)):
            return name
    m = _EN_LEAD.search(text)
    if m:
        return _ok_en(m.group(1), person)
    return None


def chinese(text: str, person: str | None, query: bool) -> str | None:
    """A company named in a Chinese note."""
    m = _ZH_NAMED.search(text)
    if m and m.group(1) != person:
        return m.group(1)
    if query:
        m = _ZH_QUERY.search(text)
        if m:
            return (m.group(1) or m.group(2)).strip()
    m = _ZH_FIRM.search(text)
    if m:
        name = _ZH_LEAD_VERBS.sub("", m.group(1))
        if len(name) >= 2 and not name.startswith(("我们", "他们", "她们", "这家", "那家", "一家", "贵")):
            return name
    if person:
        for m in _ZH_BEFORE_DE.finditer(text):
            name = m.group(1)
            if text.find(person, m.end()) == m.end() and not name.endswith(("部", "处", "科")):
                return name
    return None


def russian(text: str, person: str | None, query: bool) -> str | None:
    """A company named in a Russian note, with its legal form when written."""
    m = _RU_LEGAL.search(text)
    if m:
        return m.group(0)
    for pattern in (_RU_QUOTED, _RU_FIRM, _RU_PREP):
        for m in pattern.finditer(text):
            name = m.group(1).strip()
            first = name.split()[0]
            if lookup_first(first) or first.lower() in _RU_NOT or (person and first in person):
                continue
            return name
    return None


def extract(text: str, lang: str, person: str | None = None, query: bool = False) -> str | None:
    """A customer name that is not among the known ones, as written, or None."""
    return {"zh": chinese, "ru": russian}.get(lang, english)(text, person, query)
