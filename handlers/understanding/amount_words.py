"""Deal values written in words: "полтора миллиона", "двести тысяч рублей", "两百万", "八千五百元",
"half a million", "fifty grand", "two hundred thousand dollars".

Only a number word followed by a multiplier (тысяч, миллион, 万, 千, million, grand) or by a
currency counts, so "два насоса", "三个人" and "one more thing" stay counts and words.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import NamedTuple

from handlers.understanding import first_chars
from handlers.understanding.languages import ru


class WordAmount(NamedTuple):
    """A value written in words: span, value, the currency word as written (or None), and
    whether the number itself was written (not a bare "миллион" / "a million")."""

    start: int
    end: int
    value: Decimal
    currency: str | None
    counted: bool


_RU_WORD = re.compile(r"[а-яё]+(?:-[а-яё]+)?|\d+(?:[.,]\d+)?", re.I)
_RU_SCALES = tuple((first_chars.compile(phrase, re.I), factor) for phrase, factor in ru.SPOKEN_SCALES)
_RU_HALF = re.compile(r"\s+" + ru.SPOKEN_HALF, re.I)
_RU_CUR = re.compile(r"\s*(?P<cur>" + ru.SPOKEN_CURRENCY + r")(?![\w])", re.I)
_THOUSAND, _MILLION = 1000, 10**6
_COUNTED_SCALE = ("иона", "ионов", "имона", "имонов", "ляма", "лямов", "тысяч", "тысячи")   # "миллиона четыре"


_EN_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}
_EN_WORD = "|".join(sorted(_EN_UNITS, key=len, reverse=True))
_EN = first_chars.compile(r"(?<![\w-])(?:(?P<num>(?:(?:" + _EN_WORD + r"|a)[\s-]+(?:and\s+)?){0,3}(?:" + _EN_WORD
                 + r")(?:\s+and\s+a\s+half)?|half\s+a|a\s+half|a\s+quarter(?:\s+of\s+a)?|quarter(?:\s+of\s+a)?|an?)\s+)"
                 r"(?P<mul>thousand|grand|million|billion)\b"
                 # the hundreds said after the thousands: "eight thousand four hundred (and fifty)"
                 r"(?P<rest>\s+(?:and\s+)?(?:(?:" + _EN_WORD + r")[\s-]+)?hundred\b(?:\s+(?:and\s+)?(?:" + _EN_WORD
                 + r")(?:[\s-]+(?:" + _EN_WORD + r"))?\b)?(?![\s-]+(?:thousand|grand|million)))?"
                 r"(?:\s+(?P<cur>dollars|bucks|euros|pounds|quid|usd|eur|gbp))?", re.I)
_EN_MUL = {"thousand": 1000, "grand": 1000, "million": 10**6, "billion": 10**9}

_ZH_DIGIT = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_ZH_UNIT = {"十": 10, "百": 100, "千": 1000}
_ZH_DATE_UNIT = frozenset("月号日点时个天周年岁")
_ZH = re.compile("(?P<num>[一二两三四五六七八九十](?:[零一二两三四五六七八九十百千万亿]|个(?=亿)|[来多余](?=[十百千万亿]))*)(?P<more>多)?"
                 "(?P<cur>元|块钱?|人民币|美元|美金|欧元|英镑)?")


class _Word(NamedTuple):
    word: str
    start: int
    end: int
    number: Decimal | None      # a number word's value (or a number in digits)
    scale: int | None           # a scale word's factor
    digits: bool = False


def _ru_words(text: str) -> list[_Word]:
    """The number words, numbers in digits and scale words of `text`, in order, "с половиной"
    read as a half; every other word as a gap (None, None)."""
    out: list[_Word] = []
    for m in _RU_WORD.finditer(text):
        word = m.group().lower().replace("ё", "е")
        if word[0].isdigit():
            out.append(_Word(word, m.start(), m.end(), Decimal(word.replace(",", ".")), None, True))
            continue
        if word == "с" and (half := _RU_HALF.match(text, m.start() - 1)) and out and out[-1].number is not None:
            out.append(_Word("с половиной", m.start(), half.end(), Decimal("0.5"), None))
            continue
        if out and out[-1].number == Decimal("0.5") and m.start() < out[-1].end:
            continue                                       # "половиной" inside "с половиной"
        value = ru.SPOKEN_NUMBERS.get(word)
        scale = next((factor for pattern, factor in _RU_SCALES if pattern.fullmatch(word)), None)
        out.append(_Word(word, m.start(), m.end(), None if value is None else Decimal(str(value)), scale))
    return out


def _ru_runs(words: list[_Word], text: str) -> list[list[_Word]]:
    """Runs of number and scale words next to each other (only spaces between)."""
    runs: list[list[_Word]] = []
    for w in words:
        if w.number is None and w.scale is None:
            continue
        if runs and text[runs[-1][-1].end:w.start].strip() == "" and not w.digits:
            runs[-1].append(w)
        else:
            runs.append([w])
    return runs


def _ru_value(run: list[_Word]) -> tuple[Decimal, int, bool] | None:
    """What a run of Russian number words is worth, the index of its last word read, and whether a
    number was said (not a bare "миллион"): "два миллиона триста сорок тысяч" = 2 340 000; a number
    left after a scale is its next lower part ("миллион двести" = 1 200 000, "сто тысяч пятьсот" =
    100 500); said the other way round, a small count after the scale multiplies it ("миллиона
    четыре с половиной" = 4 500 000). None without a scale word."""
    if run[0].scale is not None and run[0].word.endswith(_COUNTED_SCALE) and len(run) > 1 and all(w.number is not None and not w.digits for w in run[1:]) \
            and sum(w.number for w in run[1:] if w.number is not None) < 10:
        count = sum((w.number for w in run[1:] if w.number is not None), Decimal(0))
        return count * run[0].scale, len(run) - 1, True
    total, part, last_scale, said, end = Decimal(0), Decimal(0), 0, False, -1
    for i, w in enumerate(run):
        if w.scale is not None:
            if last_scale and w.scale >= last_scale:
                break                                      # "тысяч миллионов": two amounts, read the first
            total += (part or Decimal(1)) * w.scale
            part, last_scale, end = Decimal(0), w.scale, i
        elif w.number is not None:
            part += w.number
            said = True
    if not last_scale:
        return None
    if part and end < len(run) - 1 and part < _THOUSAND:
        total += part * (last_scale // _THOUSAND if last_scale >= _MILLION else 1)
        end = len(run) - 1
    return total, end, said


def _ru_amounts(text: str) -> list[WordAmount]:
    out = []
    for run in _ru_runs(_ru_words(text), text):
        read = _ru_value(run)
        if read is None or not read[0]:
            continue
        value, last, said = read
        end = run[last].end
        cur = _RU_CUR.match(text, end)
        out.append(WordAmount(run[0].start, cur.end() if cur else end, value, cur.group("cur") if cur else None,
                              said))
    return out


def _en_value(num: str, mul: str, rest: str | None = None) -> Decimal:
    if rest and mul.lower() != "grand":
        return _en_value(num, mul) + _en_value(rest.replace(" and ", " "), "one")
    words = num.lower().replace("-", " ").split()
    if words[:2] in (["half", "a"], ["a", "half"]):
        base = Decimal("0.5")
    elif "quarter" in words:
        base = Decimal("0.25")
    else:
        base, total = Decimal(0), Decimal(0)
        for w in words:
            if w == "hundred":
                total = (total or Decimal(1)) * 100
            elif w in _EN_UNITS:
                total += _EN_UNITS[w]
            elif w in ("a", "an") and not total:
                total = Decimal(1)
        base = total + (Decimal("0.5") if num.lower().endswith("and a half") else 0)
    return base * _EN_MUL.get(mul.lower(), 1)


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
        return _ru_amounts(text)
    if lang == "en":
        for m in _EN.finditer(text):
            counted = m.group("num").lower() not in ("a", "an")
            value = _en_value(m.group("num"), m.group("mul"), m.group("rest"))
            out.append(WordAmount(m.start(), m.end(), value, m.group("cur"),
                                  counted))
    elif lang == "zh":
        for m in _ZH.finditer(text):
            if not (m.group("cur") or any(c in m.group("num") for c in "千万亿")):
                continue
            num = m.group("num").replace("个", "")              # "两个亿"
            if num[-1] in _ZH_DIGIT and text[m.end():m.end() + 1] in _ZH_DATE_UNIT and not m.group("cur"):
                num = num[:-1]                                  # "五十万四月份出方案": 五十万, then 四月
            figure = zh_number(num)
            if figure:
                out.append(WordAmount(m.start(), m.end(), Decimal(figure), m.group("cur"), True))
    return out
