"""Deal values in chat text: "$36k", "€45,000", "36万元", "1,8 млн руб", "500 тыс. рублей".

Counts ("40 units", "200吨", "12 насосов"), percentages ("5%") and terms ("net 60")
are not amounts: a number counts only with a currency, a multiplier (k, 万, млн)
or a money word right before it ("budget 45000").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from handlers.understanding.amount_words import find_word_amounts

_CUR = {
    "$": "USD", "us$": "USD", "usd": "USD", "dollar": "USD", "dollars": "USD", "bucks": "USD",
    "美元": "USD", "美金": "USD", "долл": "USD", "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR",
    "欧元": "EUR", "евро": "EUR", "£": "GBP", "gbp": "GBP", "pound": "GBP", "pounds": "GBP", "英镑": "GBP",
    "¥": "CNY", "cny": "CNY", "rmb": "CNY", "yuan": "CNY", "元": "CNY", "块": "CNY", "人民币": "CNY",
    "юаней": "CNY", "юань": "CNY", "₽": "RUB", "rub": "RUB", "руб": "RUB", "р": "RUB", "рублей": "RUB",
    "рубля": "RUB", "рубль": "RUB",
}
_MUL = {
    "k": 1000, "к": 1000, "thousand": 1000, "grand": 1000, "тыс": 1000, "тысяч": 1000, "тысячи": 1000,
    "тысяча": 1000, "千": 1000, "m": 10**6, "mm": 10**6, "mn": 10**6, "mln": 10**6, "million": 10**6,
    "млн": 10**6, "mil": 10**6, "mill": 10**6, "mio": 10**6, "миллион": 10**6, "миллиона": 10**6, "миллионов": 10**6, "лям": 10**6, "ляма": 10**6,
    "лямов": 10**6, "bn": 10**9, "billion": 10**9, "млрд": 10**9, "миллиард": 10**9, "миллиарда": 10**9,
    "миллиардов": 10**9, "万": 10**4, "w": 10**4, "亿": 10**8, "百万": 10**6, "千万": 10**7,
}
LOCAL_CURRENCY = {"zh": "CNY", "ru": "RUB", "en": None}

_PRE = r"(?P<pre>US\$|\$|€|£|¥|₽|(?:USD|EUR|GBP|CNY|RMB|RUB)(?=[\s\d]))?\s?"
_NUM = r"(?P<num>\d{1,3}(?:(?:,|[ \u202f])\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
_MULS = r"(?:(?P<short>k|m|w|к)|\s?(?P<mul>thousand|grand|million|billion|mln|mill|mil|mio|mm|mn|bn|тысяч[аи]?|тыс\.?|млн\.?|млрд\.?|миллиард(?:а|ов)?|миллион(?:а|ов)?|лям(?:а|ов)?|千万|百万|千|万|亿))?"
_POST = (r"(?P<post>USD|EUR|GBP|CNY|RMB|RUB|dollars?|bucks|euros?|pounds?|yuan|руб(?:лей|ля|ль)?\.?|р\.|₽|\$|€|£|"
         r"долл\w*\.?|евро|юан\w*|元|块钱?|人民币|美元|美金|欧元|英镑)?")
_AMOUNT = re.compile(r"(?<![A-Za-z0-9А-Яа-яЁё_./:-])(?<!\d,)" + _PRE + _NUM + _MULS + r"(?![A-Za-zА-Яа-яЁё])\s?" + _POST
                     + r"(?![A-Za-zА-Яа-яЁё])", re.I)
_RANGE_TAIL = re.compile(r"\s*(?:-|–|—|~|to|до|至|到)\s*[$€£₽¥]?\s?\d[\d.,]*" + _MULS.replace("(?P<short>", "(?P<short>")
                         + r"(?![A-Za-zА-Яа-яЁё])\s?" + _POST.replace("(?P<post>", "(?P<post>"), re.I)
_RANGE_BEFORE = re.compile(r"\d\s*(?:-|–|—|~|to|до|至|到)\s*[$€£₽¥]?\s?$", re.I)   # "30到40万": a range, not a change
_CHANGE_BEFORE = re.compile(r"(?:\bfrom|\bс|\bот|从|由)\s*[$€£₽¥]?\s?\d[\d.,]*\s?\w{0,4}\.?\s*"
                            r"(?:-|–|—|to|до|至|到)\s*[$€£₽¥]?\s?$", re.I)   # "from 30k to 40k": a change
_COUNT_AFTER = re.compile(r"\s*(?:%|процент|percent|x\b|units?|pcs|pieces|seats?|users?|licen[cs]es?|people|"
                          r"employees|tons?|kg|clinics?|sites?|stores?|laptops?|hours?|days?|weeks?|months?|"
                          r"years?|штук|шт\b|человек|тонн|лиценз|мест|吨|台|个|件|套|人|家|%)", re.I)
_MONEY_BEFORE = re.compile(r"(?:budget|deal|contract|price|priced|quote[d]?|worth|value|valued|total|amount|"
                           r"invoice|po|бюджет\w*|сумм\w*|стоимост\w*|цен\w*|счет\w*|金额|总价|预算|报价|价格|合同额|"
                           r"总额)\W{0,3}(?:(?:is|of|at|for|to|now|was|на|в|составляет|теперь|是|为|约|大概)\s+){0,2}$", re.I)
_TO_BEFORE = re.compile(r"(?:\bto|\bup\s+to|\bдо|\bтеперь|到|为|成)\s*$", re.I)
_DISCOUNT_AFTER = re.compile(r"\s*(?:discount|off\b|rebate|скидк|折扣|优惠)", re.I)
_PER_UNIT = re.compile(r"\s*(?:/\s*(?:unit|pc|piece|seat|user|license|month|mo|шт|ед|штуку|台|个|件|套)\b|"
                       r"(?:per|a|an|each)\s+(?:unit|piece|pc|seat|user|license|item)|each\b|apiece\b|"
                       r"за\s+(?:штуку|единицу|шт)|每(?:台|个|件|套|吨|人)|一(?:台|个|件|套))", re.I)
_DISCOUNT_BEFORE = re.compile(r"(?:discount\s+of|rebate\s+of|скидк\w*\s+(?:в\s+)?|折扣|优惠|降价?了?)\s*$", re.I)
_BARE_MONEY = re.compile(r"(?:[$€£₽¥](?!\s?\d))|\b(?:dollars|euros|рублей|долларов)\b|万元|美元", re.I)
_YEAR = re.compile(r"^(?:19|20)\d\d$")


@dataclass(frozen=True)
class Amount:
    """A money value found in the text, with its span and (maybe) its currency."""

    start: int
    end: int
    value: Decimal
    currency: str | None
    explicit: bool          # a currency sign or word was written


def _to_decimal(num: str, lang: str, has_mul: bool) -> Decimal | None:
    num = num.replace(" ", "").replace("\u202f", "")
    if "," in num and "." in num:
        if num.rfind(",") > num.rfind("."):
            num = num.replace(".", "").replace(",", ".")
        else:
            num = num.replace(",", "")
    elif "," in num:
        parts = num.split(",")
        thousands = all(len(p) == 3 for p in parts[1:]) and not (has_mul and len(parts) == 2 and lang == "ru")
        num = num.replace(",", "") if thousands else num.replace(",", ".", 1).replace(",", "")
    elif num.count(".") > 1 or (not has_mul and re.fullmatch(r"\d{1,3}\.\d{3}", num)):   # "12.000 €"
        num = num.replace(".", "")
    try:
        return Decimal(num)
    except InvalidOperation:
        return None


def _currency(token: str | None) -> str | None:
    if not token:
        return None
    key = token.strip().lower().rstrip(".")
    if key.startswith("долл"):
        key = "долл"
    elif key.startswith("юан"):
        key = "юань"
    elif key.startswith("块"):
        key = "块"
    return _CUR.get(key)


def find_amounts(text: str, lang: str) -> list[Amount]:
    """Every money value in the text, in order."""
    out: list[Amount] = []
    for m in _AMOUNT.finditer(text):
        pre, mul, post = m.group("pre"), (m.group("short") or m.group("mul") or "").lower().rstrip("."), m.group("post")
        num = m.group("num")
        ranged = _RANGE_TAIL.match(text, m.end()) if not mul else None
        if ranged:  # "$30-40k", "30–40 тыс", "30到40万": the multiplier of the range's end
            mul = (ranged.group("short") or ranged.group("mul") or "").lower().rstrip(".")
            post = post or ranged.group("post")
        if not (pre or mul or post):
            before = text[max(0, m.start() - 40):m.start()]
            if not _MONEY_BEFORE.search(before) or _YEAR.match(num) or len(num.replace(",", "")) < 4:
                continue
        if _COUNT_AFTER.match(text, m.end()) and not (pre or post):
            continue
        if mul == "m" and not (pre or post) and lang != "en":
            continue
        value = _to_decimal(num, lang, bool(mul))
        if value is None:
            continue
        value *= _MUL.get(mul, 1)
        if value <= 0 or value >= 10**15 or len(num) > 24:
            continue
        cur = _currency(pre) or _currency(post)
        explicit = cur is not None
        if cur is None and (mul in ("万", "亿", "千", "千万", "百万", "w") or lang in ("zh", "ru")):
            cur = LOCAL_CURRENCY.get(lang)
        if value == value.to_integral_value():
            value = value.quantize(Decimal(1))
        out.append(Amount(m.start(), m.end(), value, cur, explicit))
    return _with_words(text, lang, out)


def _with_words(text: str, lang: str, found: list[Amount]) -> list[Amount]:
    """Add the values written in words ("полтора миллиона", "两百万") that no digit value covers."""
    words = find_word_amounts(text, lang)
    if not words:
        return found
    for w in words:
        if any(a.start < w.end and w.start < a.end for a in found):
            continue
        cur = _currency(w.currency)
        if not w.counted and cur is None and not _MONEY_BEFORE.search(text[max(0, w.start - 40):w.start]):
            continue
        if cur is None and _COUNT_AFTER.match(text, w.end):
            continue
        value = w.value.quantize(Decimal(1)) if w.value == w.value.to_integral_value() else w.value
        found.append(Amount(w.start, w.end, value, cur or LOCAL_CURRENCY.get(lang), cur is not None))
    return sorted(found, key=lambda a: a.start)


def pick_amount(text: str, amounts: list[Amount]) -> Amount | None:
    """The deal value among several: the one a change goes "to", else the first that is no
    discount and no unit price ("$12 per unit", "за штуку", "每台") when a total is written too."""
    usable = [a for a in amounts
              if not _DISCOUNT_AFTER.match(text, a.end) and not _DISCOUNT_BEFORE.search(text[max(0, a.start - 16):a.start])]
    totals = [a for a in usable if not _PER_UNIT.match(text, a.end)]
    usable = totals or usable
    if not usable:
        return None
    for amount in reversed(usable):
        before = text[max(0, amount.start - 12):amount.start]
        change = _CHANGE_BEFORE.search(text[max(0, amount.start - 30):amount.start])
        if _TO_BEFORE.search(before) and len(usable) > 1 and (change or not _RANGE_BEFORE.search(before)):
            return amount
    return usable[0]


def mentions_money_without_number(text: str) -> bool:
    """True when a currency is written with no number next to it ("quote in $ next week")."""
    return _BARE_MONEY.search(text) is not None
