"""Deal values written in words: "полтора миллиона", "двести тысяч рублей", "两百万", "八千五百元",
"half a million", "fifty grand", "two hundred thousand dollars".

Only a number word followed by a multiplier (тысяч, миллион, 万, 千, million, grand) or by a
currency counts, so "два насоса", "三个人" and "one more thing" stay counts and words.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import NamedTuple


class WordAmount(NamedTuple):
    """A value written in words: span, value, the currency word as written (or None), and
    whether the number itself was written (not a bare "миллион" / "a million")."""

    start: int
    end: int
    value: Decimal
    currency: str | None
    counted: bool


_RU_UNITS = {
    "один": 1, "одна": 1, "одну": 1, "одного": 1, "два": 2, "две": 2, "двух": 2, "три": 3, "трех": 3, "четыре": 4,
    "пять": 5, "шесть": 6, "семь": 7, "восемь": 8, "девять": 9, "десять": 10, "одиннадцать": 11,
    "двенадцать": 12, "тринадцать": 13, "четырнадцать": 14, "пятнадцать": 15, "шестнадцать": 16,
    "семнадцать": 17, "восемнадцать": 18, "девятнадцать": 19, "двадцать": 20, "тридцать": 30, "сорок": 40,
    "пятьдесят": 50, "шестьдесят": 60, "семьдесят": 70, "восемьдесят": 80, "девяносто": 90, "сто": 100,
    "двести": 200, "триста": 300, "четыреста": 400, "пятьсот": 500, "шестьсот": 600, "семьсот": 700,
    "восемьсот": 800, "девятьсот": 900, "полтора": 1.5, "полторы": 1.5, "пол": 0.5,
}
_RU_MUL = r"(?P<mul>тысяч[аиу]?|тыс\.?|миллион(?:а|ов)?|млн\.?|миллиард(?:а|ов)?|млрд\.?|лям(?:а|ов)?)"
_RU_CUR = r"(?:\s+(?P<cur>руб(?:лей|ля|ль)?\.?|р\.|₽|долл\w*|\$|евро|€|юан\w*))?"
_RU_WORD = "|".join(sorted(_RU_UNITS, key=len, reverse=True))
_RU = re.compile(r"(?<![\w-])(?:(?P<num>(?:(?:" + _RU_WORD + r")\s+){0,2}(?:" + _RU_WORD + r")(?:\s+с\s+половиной)?)\s*)?" + _RU_MUL
                 + r"(?![\w])" + _RU_CUR, re.I)

_EN_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}
_EN_WORD = "|".join(sorted(_EN_UNITS, key=len, reverse=True))
_EN = re.compile(r"(?<![\w-])(?:(?P<num>(?:(?:" + _EN_WORD + r"|a)[\s-]+(?:and\s+)?){0,3}(?:" + _EN_WORD
                 + r")(?:\s+and\s+a\s+half)?|half\s+a|a\s+half|a\s+quarter(?:\s+of\s+a)?|quarter(?:\s+of\s+a)?|an?)\s+)"
                 r"(?P<mul>thousand|grand|million|billion)\b(?:\s+(?P<cur>dollars|bucks|euros|pounds|usd|eur|gbp))?", re.I)
_EN_MUL = {"thousand": 1000, "grand": 1000, "million": 10**6, "billion": 10**9}

_ZH_DIGIT = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_ZH_UNIT = {"十": 10, "百": 100, "千": 1000}
_ZH = re.compile("(?P<num>[一二两三四五六七八九十](?:[零一二两三四五六七八九十百千万亿]|个(?=亿)|[来多余](?=[十百千万亿]))*)(?P<more>多)?"
                 "(?P<cur>元|块钱?|人民币|美元|美金|欧元|英镑)?")


def _ru_value(num: str | None, mul: str) -> Decimal:
    base = Decimal(1)
    if num:
        half = num.lower().endswith("половиной")
        words = num.split()[:-2] if half else num.split()
        base = sum((Decimal(str(_RU_UNITS[w.lower()])) for w in words), Decimal("0.5") if half else Decimal(0))
    mul = mul.lower()
    scale = 1000 if mul.startswith("тыс") else 10**9 if mul.startswith(("млрд", "миллиард")) else 10**6
    return base * scale


def _en_value(num: str, mul: str) -> Decimal:
    words = num.lower().replace("-", " ").split()
    if words[:2] in (["half", "a"], ["a", "half"]):
        base = Decimal("0.5")
    elif "quarter" in words:
        base = Decimal("0.25")
    else:
        base, total = Decimal(0), Decimal(0)
        for w in words:
            if w == "hundred":
                total = (total or 1) * 100
            elif w in _EN_UNITS:
                total += _EN_UNITS[w]
            elif w in ("a", "an") and not total:
                total = Decimal(1)
        base = total + (Decimal("0.5") if num.lower().endswith("and a half") else 0)
    return base * _EN_MUL[mul.lower()]


def zh_number(text: str) -> int | None:
    """"两百万" -> 2000000, "一百二十" -> 120, "一万五" -> 15000, "三千五" -> 3500; about so much:
    "五十来万" -> 500000, "二三十万" -> 200000 (the lower end); None when malformed."""
    total, section, digit, last_unit = 0, 0, None, 1
    for ch in text:
        if ch in "来多余":
            continue
        if ch in _ZH_DIGIT:
            if digit is not None and ch != "零":
                if _ZH_DIGIT[ch] == digit + 1:       # "二三十万": twenty or thirty
                    continue
                return None
            digit = _ZH_DIGIT[ch] if ch != "零" else None
        elif ch in _ZH_UNIT:
            section += (1 if digit is None else digit) * _ZH_UNIT[ch]
            digit, last_unit = None, _ZH_UNIT[ch]
        elif ch in "万亿":
            big = 10**4 if ch == "万" else 10**8
            total = (total + section + (digit or 0)) * big if ch == "亿" else total + (section + (digit or 0)) * big
            section, digit, last_unit = 0, None, big
        else:
            return None
    if digit is not None and last_unit >= 100 and section + total:    # "一万五" = 15000, "三千五" = 3500
        return total + section + digit * last_unit // 10
    return total + section + (digit or 0)


def find_word_amounts(text: str, lang: str) -> list[WordAmount]:
    """Values written in words in `text` (Russian, English or Chinese rules by `lang`)."""
    out: list[WordAmount] = []
    if lang == "ru":
        for m in _RU.finditer(text):
            out.append(WordAmount(m.start(), m.end(), _ru_value(m.group("num"), m.group("mul")), m.group("cur"),
                                  bool(m.group("num"))))
    elif lang == "en":
        for m in _EN.finditer(text):
            counted = m.group("num").lower() not in ("a", "an")
            out.append(WordAmount(m.start(), m.end(), _en_value(m.group("num"), m.group("mul")), m.group("cur"),
                                  counted))
    elif lang == "zh":
        for m in _ZH.finditer(text):
            if not (m.group("cur") or any(c in m.group("num") for c in "千万亿")):
                continue
            value = zh_number(m.group("num").replace("个", ""))     # "两个亿"
            if value:
                out.append(WordAmount(m.start(), m.end(), Decimal(value), m.group("cur"), True))
    return out
