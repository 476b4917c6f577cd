"""Deal values in chat text: "$36k", "€45,000", "36万元", "1,8 млн руб", "500 тыс. рублей".

Counts ("40 units", "200吨", "12 насосов"), percentages ("5%") and terms ("net 60")
are not amounts: a number counts only with a currency, a multiplier (k, 万, млн)
or a money word right before it ("budget 45000").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from datetime import date
from functools import lru_cache

from babel.core import Locale, UnknownLocaleError, get_global
from babel.numbers import get_territory_currencies

from handlers.understanding import first_chars
from handlers.understanding.amount_words import find_word_amounts
from handlers.understanding.languages import cues, registered
from handlers.understanding.model import Refusal, Refused

# currency signs and codes, the same in every language; the words are each language's (CURRENCIES)
_SIGNS = {"$": "USD", "us$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP", "¥": "CNY",
          "cny": "CNY", "rmb": "CNY", "₽": "RUB", "rub": "RUB", "₸": "KZT", "₹": "INR", "rs": "INR", "rs.": "INR", "hkd": "HKD", "hk$": "HKD", "jpy": "JPY",
          "nt$": "TWD"}
# other ISO 4217 codes a key-account note may quote ("DKK 750,000", "CHF 1.2m"), read only in capitals
_ISO = ("AUD", "CAD", "NZD", "CHF", "SEK", "NOK", "DKK", "PLN", "CZK", "HUF", "SGD", "INR", "AED", "SAR", "ZAR",
        "MXN", "BRL", "KRW", "ILS", "TWD", "THB", "MYR", "IDR", "PHP", "VND", "BYN", "UZS")
_SIGNS.update({code.lower(): code for code in _ISO})
_SIGNS.update({"a$": "AUD", "au$": "AUD", "c$": "CAD", "ca$": "CAD", "nz$": "NZD", "s$": "SGD"})
_ISO_CODE = "(?-i:" + "|".join(_ISO) + ")"
_PRE = r"(?P<pre>{words}US\$|HK\$|NT\$|AU?\$|CA?\$|NZ\$|S\$|\$|€|£|¥|₽|₸|₹|(?-i:Rs)\.?(?=\s?\d)|(?:USD|EUR|GBP|CNY|RMB|RUB|HKD|JPY|" + _ISO_CODE + \
    r")(?=[\s\d]))?\s?"
# Indian grouping ("4,20,000", "1,05,00,000") first, then thousands set apart, then a plain number
_NUM = r"(?P<num>\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?|\d{1,3}(?:(?:,|[ \u202f])\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
_DASH = r"-|–|—"
# a currency code written first, right after a sentence's end ("签了。HKD 5,200,000" is read "签了.HKD …");
# a value right after a Chinese word and a colon or full stop is one too ("预算：20万")
_CODE_FIRST = r"(?:USD|EUR|GBP|CNY|RMB|RUB|HKD|JPY)\s?\d"
_NEXT_PLACE = re.compile(r"([1-9])(?![\d.,%]|\s?[万千百亿kKwW]|\s?(?:个|台|件|套|人|家|天|月|号|点|年|周|次|%))")
_LETTER = r"[A-Za-zА-Яа-яЁё]"
# a currency code glued to a Chinese multiplier ("8万RMB", "12万USD"): a code, not a word after the number
_CODES_AFTER = r"(?<=[万千亿])(?:USD|EUR|GBP|CNY|RMB|HKD)(?![A-Za-z])"


def _pre(words: list[str]) -> str:
    """The currency before the number, with the languages' words for it ("新台币48万", "美元5万")."""
    return _PRE.replace("{words}", "|".join(words) + "|" if words else "")


class _Money:
    """The money cues of every registered language, compiled together: a note in English may
    still say "500 тыс руб", a Chinese one "$5k"."""

    def __init__(self) -> None:
        langs = registered()
        every = lambda slot: [p for lang in langs for p in getattr(lang, slot)]  # noqa: E731
        alt = lambda slot: "|".join(every(slot))  # noqa: E731
        self.signs = dict(_SIGNS)
        self.stems: dict[str, str] = {}
        self.short: dict[str, int] = {}
        for lang in langs:
            self.signs.update(lang.CURRENCIES)
            self.stems.update(lang.CURRENCY_STEMS)
            self.short.update(lang.SHORT_MULTIPLIERS)
        self.words = [(re.compile(phrase, re.I), factor) for lang in langs for phrase, factor in lang.MULTIPLIERS]
        self.loose = frozenset(m for lang in langs for m in lang.BARE_MULTIPLIERS)
        muls = (r"(?:(?P<short>" + "|".join(self.short) + r")|\s?(?P<mul>"
                + "|".join(phrase for phrase, _ in ((p, f) for lang in langs for p, f in lang.MULTIPLIERS)) + "))?")
        post = r"(?P<post>USD|EUR|GBP|CNY|RMB|RUB|HKD|JPY|" + _ISO_CODE + "|" + alt("CURRENCY_AFTER") + r"|₽|₸|\$|€|£)?"
        ranges = alt("RANGE_WORDS")
        self.amount = re.compile(r"(?:(?<![A-Za-z0-9А-Яа-яЁё_./:#№-])|(?<=[.:])(?=" + _CODE_FIRST + r")|(?<=[\u4e00-\u9fff][.:]))(?<!#\s)(?<!\d,)" + _pre(every("CURRENCY_BEFORE")) + _NUM + muls + r"(?!(?!" + _CODES_AFTER + r")" + _LETTER + r")\s?"
                                 + post + r"(?!" + _LETTER + r")", re.I)
        self.range_tail = re.compile(r"\s*(?:" + _DASH + "|~|" + ranges + r")\s*[$€£₽¥]?\s?\d[\d.,]*" + muls
                                     + r"(?!" + _LETTER + r")\s?" + post, re.I)
        self.range_before = re.compile(r"\d\s*(?:" + _DASH + "|~|" + ranges + r")\s*[$€£₽¥]?\s?$", re.I)   # "30到40万"
        self.change_before = re.compile(r"(?:" + alt("FROM_WORDS") + r")\s*[$€£₽¥]?\s?\d[\d.,]*\s?\w{0,4}\.?\s*"
                                        r"(?:" + _DASH + "|" + ranges + r")\s*[$€£₽¥]?\s?$", re.I)   # "from 30k to 40k"
        self.count_after = re.compile(r"\s*(?:%|" + alt("COUNT_WORDS") + r")", re.I)
        self.money_before = first_chars.compile(r"(?:" + alt("MONEY_WORDS") + r")\W{0,3}(?:(?:" + alt("MONEY_LINKS")
                                       + r")\s+){0,2}$", re.I)
        self.to_before = re.compile(r"(?:" + alt("TO_WORDS") + r")\s*$", re.I)
        self.discount_after = re.compile(r"\s*(?:" + alt("DISCOUNT_AFTER") + ")", re.I)
        self.per_unit = re.compile(r"\s*(?:" + alt("PER_UNIT") + ")", re.I)
        self.per_unit_before = re.compile(r"(?:" + alt("PER_UNIT") + r")\s*[:：]?\s*$", re.I)     # "单价€86,000"
        self.discount_before = re.compile(r"(?:" + alt("DISCOUNT_BEFORE") + r")\s*$", re.I)
        paid = alt("PAID_PART")
        self.paid_before = re.compile(r"(?:" + paid + r")", re.I) if paid else None
        self.paid_in = re.compile(r"(?:" + alt("PAID_IN") + r")", re.I)
        self.taken_back = re.compile(r"(?:" + alt("AMOUNT_NOT") + r")\s*(?:в\s+|на\s+)?(?:US\$|[$€£₽¥])?\s?$", re.I)
        self.added_before = re.compile(r"(?:" + alt("AMOUNT_ADDED_BEFORE") + r")\s*(?:US\$|[$€£₽¥])?\s?$", re.I)
        self.added_after = re.compile(r"\s*(?:" + alt("AMOUNT_ADDED_AFTER") + ")", re.I)
        self.hedge = re.compile(r"(?:" + alt("AMOUNT_HEDGE") + r")[^.;!?。；！？，\n]{0,30}$", re.I)
        not_deal = alt("NOT_DEAL_MONEY")
        self.not_deal = re.compile(r"(?:" + not_deal + r")[^.;!?。；！？\n]{0,30}$", re.I) if not_deal else None
        self.reference = re.compile(r"(?:" + alt("REFERENCE") + r")\s*(?:[#№]|no\.?)?\s*$", re.I)
        self.lot = re.compile(r"(?:" + alt("LOT") + r")\s*(?:[#№]|no\.?)?\s*\d{1,2}(?!\d)[^\d.;!?。；！？\n]{0,16}$", re.I)
        self.per_month = re.compile(r"\s*(?:" + alt("PER_MONTH") + ")", re.I)
        self.per_month_before = re.compile(r"(?:" + alt("PER_MONTH") + r")\s*[:：]?\s*$", re.I)
        self.terms = [re.compile(phrase, re.I) for phrase in every("TERM_MONTHS")]
        self.bare_money = first_chars.compile(r"(?:[$€£₽¥](?!\s?\d))|" + alt("BARE_MONEY"), re.I)

    def factor(self, mul: str) -> int:
        """What a multiplier as written multiplies by ("k" 1000, "млн" 10**6, "万" 10**4); 1 for none."""
        if not mul:
            return 1
        if mul in self.short:
            return self.short[mul]
        return next((factor for pattern, factor in self.words if pattern.fullmatch(mul)), 1)


@lru_cache(maxsize=1)
def _money() -> _Money:
    return _Money()


_YEAR = re.compile(r"^(?:19|20)\d\d$")
# a minus stuck to a number ("-$5000", "-5k", "报价-5万"), not a dash between words or digits
_MINUS = first_chars.compile(r"(?:(?<![\w-])|(?<=[\u4e00-\u9fff]))[-−](?=(?:US\$|\$|€|£|¥|₽)?\d)")
MAX_VALUE = 10**15

_SPACE_GROUPED = re.compile(r"\d{1,3}(?:[ \u202f]\d{3})+|\d{1,3}(?:,\d{3})+")
_PHONE_BEFORE = re.compile(r"[+\d(][\s)-]*$")
_PHONE_AFTER = re.compile(r"[\s(-]*\d")


def _grouped(text: str, m: re.Match) -> bool:
    """True for a sum written with its thousands set apart by spaces or commas ("214 500", "1 450 000",
    "27,350"): a value, unlike a count or a year, even with no currency; not part of a phone number."""
    num = m.group("num")
    return (_SPACE_GROUPED.fullmatch(num) is not None and not _PHONE_BEFORE.search(text, 0, m.start())
            and not _PHONE_AFTER.match(text, m.end()))


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
        indian = len(parts) > 2 and len(parts[-1]) == 3 and all(len(p) == 2 for p in parts[1:-1])   # "4,20,000"
        thousands = indian or all(len(p) == 3 for p in parts[1:]) and not (has_mul and len(parts) == 2 and lang == "ru")
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
    money = _money()
    stem = next((iso for stem, iso in money.stems.items() if key.startswith(stem)), None)
    return stem or money.signs.get(key)


_NUMBERED = re.compile(r"[#№]\s?$")
_BARE_DOLLAR = re.compile(r"(?<![A-Za-z$])\$|(?<=\d[kKmM])\$")      # "$12k", "12k$"; not "US$", "A$"


def bare_dollar(text: str, amount: Amount) -> bool:
    """True when the amount is written with a bare "$" ("$4,320", "4320$"), not "US$", "A$" or "usd"."""
    return _BARE_DOLLAR.search(text, amount.start, amount.end) is not None


@lru_cache(maxsize=64)
def local_dollar(zone: str | None, today: date) -> str | None:
    """The dollar a bare "$" means where the writer is (by the time zone's region): AUD in Australia,
    CAD in Canada, HKD in Hong Kong; None where it is the US dollar or the region has no dollar."""
    territory = get_global("zone_territories").get(zone or "")
    if not territory:
        return None
    currencies = get_territory_currencies(territory, start_date=today)
    if not currencies or currencies[0] == "USD":
        return None
    try:
        locale = Locale.parse(f"en_{territory}")
    except (UnknownLocaleError, ValueError):
        locale = Locale.parse("en")
    return currencies[0] if locale.currency_symbols.get(currencies[0], "").endswith("$") else None


def find_amounts(text: str, lang: str, refused: list[Refused] | None = None) -> list[Amount]:
    """Every money value in the text, in order; one too large to be a deal's goes to `refused`."""
    money = _money()
    out, at = [], 0
    while (m := money.amount.search(text, at)) is not None:
        amount = _amount_at(text, lang, m, money, refused)
        if amount is not None:
            out.append(amount)
        # a number read with no value ("lot 1 £40k") gives back the sign after it to the value it opens
        at = m.start("post") if amount is None and m.group("post") and m.start("post") > m.start() else max(m.end(), at + 1)
    out = _with_words(text, lang, out)
    return out or _shorthand(text, lang)


def _amount_at(text: str, lang: str, m: re.Match[str], money: _Money, refused: list[Refused] | None) -> Amount | None:
    """The money value number `m` writes, or None (no money, a document's number, a count, nothing)."""
    pre, mul, post = _written_with(text, m, money)
    num = m.group("num")
    if not _money_said(text, lang, m, money, (pre, mul, post)):
        return None
    value = _to_decimal(num, lang, bool(mul))
    if value is None:
        return None
    value *= money.factor(mul)
    end = m.end()
    tail = _NEXT_PLACE.match(text, end) if mul in ("万", "千") and not post and not m.group()[-1].isspace() else None
    if tail:                # "3万2" = 32000, "8千5" = 8500: one digit more is the next place down
        value += Decimal(tail.group(1)) * money.factor(mul) / 10
        end = tail.end()
    if value >= MAX_VALUE or len(num) > 24:
        if refused is not None and (pre or mul or post):
            refused.append(Refused(Refusal.AMOUNT_TOO_LARGE, m.group().strip()))
        return None
    if value <= 0:
        return None
    cur = _currency(pre) or _currency(post)
    explicit = cur is not None
    if cur is None:
        cur = cues(lang).LOCAL_CURRENCY
    if value == value.to_integral_value():
        value = value.quantize(Decimal(1))
    return Amount(m.start(), end, value, cur, explicit)


def _written_with(text: str, m: re.Match[str], money: _Money) -> tuple[str | None, str, str | None]:
    """The currency before the number, its multiplier and the currency after it; in a range ("$30-40k",
    "30–40 тыс", "30到40万") the multiplier and currency of the range's end."""
    pre, mul, post = m.group("pre"), (m.group("short") or m.group("mul") or "").lower().rstrip("."), m.group("post")
    ranged = money.range_tail.match(text, m.end()) if not mul else None
    if ranged:
        mul = (ranged.group("short") or ranged.group("mul") or "").lower().rstrip(".")
        post = post or ranged.group("post")
    return pre, mul, post


def _money_said(text: str, lang: str, m: re.Match[str], money: _Money,
                written: tuple[str | None, str, str | None]) -> bool:
    """True when the number is money: said with a currency or multiplier, or grouped in thousands
    or after a money word; never a document's number ("PO #4500012877", "договор №47"), a year, a count."""
    pre, mul, post = written
    num = m.group("num")
    if not (pre or mul or post) and _NUMBERED.search(text, max(0, m.start() - 3), m.start()):
        return False
    own = m.group("pre") or m.group("short") or m.group("mul")      # a sign after it may be the next value's: "lot 1 £40k"
    if not own and not _grouped(text, m) and money.reference.search(text, max(0, m.start() - 20), m.start()):
        return False            # "по лоту 1 — 7,45 млн", "lot 1 £40k", "订单号 3312": a reference, not money
    if not (pre or mul or post) and not _grouped(text, m):
        before = text[max(0, m.start() - 40):m.start()]
        if not money.money_before.search(before) or _YEAR.match(num) or len(num.replace(",", "")) < 4:
            return False
    counted = money.count_after.match(text, m.start("post")) if post else None
    if money.count_after.match(text, m.end()) and not (pre or post) \
            or counted is not None and counted.end() - counted.start() >= len((post or "").strip()):
        return False            # "500 万像素", "12 块 55 寸屏": a count, its "currency" a measure word ("8万人民币" is money)
    if mul in money.loose and not (pre or post) and mul not in cues(lang).BARE_MULTIPLIERS:
        # "5m" is five million in English, five metres in another language's note, unless a money word
        # stands before it ("报价1.2m", "合同1.2M", "бюджет 1.2m")
        return money.money_before.search(text[max(0, m.start() - 40):m.start()]) is not None
    return True


_SHORT_SUM = re.compile(r"(?P<num>\d{1,2}[.,]\d{1,2}|[1-9]\d{2})(?![\d.,%:/-]?\d|\s?%|[A-Za-zА-Яа-яЁё])")
_DAY_MONTH = re.compile(r"(?:[0-2]?\d|3[01])\.(?:0\d|1[0-2])")


@lru_cache(maxsize=None)
def _deal_word_before(lang: str) -> re.Pattern | None:
    """A deal word of `lang` (DEAL_SHORTHAND) ending right before a place, or None where it has none."""
    phrases = cues(lang).DEAL_SHORTHAND
    return re.compile(r"(?<![\w-])(?i:" + "|".join(phrases) + r")\W{0,3}$") if phrases else None


def _shorthand(text: str, lang: str) -> list[Amount]:
    """A deal's value written bare right after a deal word, as reps shorten it (DEAL_SHORTHAND): three
    digits are thousands ("кп 780 одобрили"), a number with a fraction is millions ("оплатили 1.4"); a
    day and month ("подписание 27.01") is no value."""
    before = _deal_word_before(lang)
    if before is None:
        return []
    for m in _SHORT_SUM.finditer(text):
        num = m.group("num")
        if not before.search(text, max(0, m.start() - 30), m.start()) or _DAY_MONTH.fullmatch(num):
            continue
        if m.start() and (text[m.start() - 1].isdigit() or text[m.start() - 1] in ".,") \
                or _money().count_after.match(text, m.end()):
            continue                      # part of a longer number; a count ("кп на 100 штук")
        fraction = "." in num or "," in num
        value = Decimal(num.replace(",", ".")) * (10**6 if fraction else 1000)
        return [Amount(m.start(), m.end(), value.quantize(Decimal(1)), cues(lang).LOCAL_CURRENCY, False)]
    return []


def _with_words(text: str, lang: str, found: list[Amount]) -> list[Amount]:
    """Add the values written in words ("полтора миллиона", "两百万") that no digit value covers."""
    words = find_word_amounts(text, lang)
    if not words:
        return found
    for w in words:
        inside = [a for a in found if w.start <= a.start and a.end <= w.end and a.end - a.start < w.end - w.start]
        if inside and len(inside) == sum(a.start < w.end and w.start < a.end for a in found):
            found = [a for a in found if a not in inside]      # "2 миллиона триста": the words say more
        elif any(a.start < w.end and w.start < a.end for a in found):
            continue
        cur = _currency(w.currency)
        if not w.counted and cur is None and not _money().money_before.search(text[max(0, w.start - 40):w.start]):
            continue
        if cur is None and _money().count_after.match(text, w.end):
            continue
        value = w.value.quantize(Decimal(1)) if w.value == w.value.to_integral_value() else w.value
        found.append(Amount(w.start, w.end, value, cur or cues(lang).LOCAL_CURRENCY, cur is not None))
    return sorted(found, key=lambda a: a.start)


_EQUALS = re.compile(r"[=＝]\s*(?:~|≈|approx\.?\s*)?[^\w\s]{0,2}\s*$")     # right before what a sum comes to
_COUNT = re.compile(r"(?<![\d.,])(\d{1,6})(?![\d.,])")


def _times_count(text: str, unit: Amount) -> Amount:
    """A unit price with no total: times the one count of units the note gives ("120 лицензий, ~40 тыс за
    место" is 4,800,000), else the unit price as said."""
    money = _money()
    monthly = _monthly(text, unit) is not None
    counts = [int(m.group(1)) for m in _COUNT.finditer(text)
              if not unit.start <= m.start() < unit.end and (said := money.count_after.match(text, m.end()))
              and not text[m.end():m.end() + 2].lstrip().startswith("%")
              and not (monthly and money.per_month.match(text, said.end()))]   # "3000 cups/month, £330/month": £330
    if len(counts) != 1 or counts[0] < 2:
        return unit
    return Amount(unit.start, unit.end, unit.value * counts[0], unit.currency, unit.explicit)


def _monthly(text: str, amount: Amount) -> Amount | None:
    """A price said by the month ("£330/month", "33 тыс в месяц", "每月3300"): times the term the note
    gives ("for 12 months", "на 2 года", "12个月"), else the monthly amount itself; None for no such price."""
    money = _money()
    if not money.per_month.match(text, amount.end) and not money.per_month_before.search(
            text, max(0, amount.start - 8), amount.start):
        return None
    for pattern in money.terms:
        term = pattern.search(text)
        if term is not None:
            said = term.groupdict()
            months = int(said["m"]) if said.get("m") else 12 * int(said.get("y") or 0)
            if months > 0:
                return Amount(amount.start, amount.end, amount.value * months, amount.currency, amount.explicit)
    return amount


def _lots(text: str, usable: list[Amount]) -> Amount | None:
    """The values of several lots of one tender ("по лоту 1 — 7,45 млн, по лоту 2 — 2,9 млн", "lot 1 £40k, lot 2
    £15k"): what they add up to is the bid, the deal's value; None unless every value is a lot's, in one currency."""
    lot = _money().lot
    if len(usable) < 2 or len({a.currency for a in usable}) > 1:
        return None
    if not all(lot.search(text, max(0, a.start - 30), a.start) for a in usable):
        return None
    total = sum((a.value for a in usable), Decimal(0))
    return Amount(usable[0].start, usable[-1].end, total, usable[0].currency, any(a.explicit for a in usable))


def pick_amount(text: str, amounts: list[Amount]) -> Amount | None:
    """The deal value among several: the one a change goes "to", else the first that is no
    discount and no unit price ("$12 per unit", "за штуку", "每台") when a total is written too."""
    money = _money()
    usable = [a for a in amounts if not money.discount_after.match(text, a.end)
              and not money.discount_before.search(text[max(0, a.start - 16):a.start])
              and not (money.paid_before is not None and money.paid_before.search(text[max(0, a.start - 16):a.start]))
              and not (money.not_deal is not None and money.not_deal.search(text, max(0, a.start - 50), a.start))]
    termed = {(a.start, a.end): m for a in usable if (m := _monthly(text, a)) is not None and m.value != a.value}
    usable = [termed.get((a.start, a.end), a) for a in usable]      # "£330/month for 12 months": £3,960
    totals = [a for a in usable if (a.start, a.end) in termed or not money.per_unit.match(text, a.end)
              and not money.per_unit_before.search(text, max(0, a.start - 12), a.start)]
    if usable and not totals:
        return _times_count(text, usable[0])
    usable = totals or usable
    if not usable:
        return None
    lots = _lots(text, usable)
    if lots is not None:
        return lots
    summed = [a for a in usable if _EQUALS.search(text, max(0, a.start - 4), a.start)]
    if summed:                  # "10 cases at £38 = £380", "30台×4200=12.6万": what it comes to is the deal
        return summed[-1]
    if len(usable) > 1:     # "not 50k, 45k", "не 2 млн, а 1,8", "45万，不是50万": the value taken back is not the amount
        usable = [a for a in usable if not money.taken_back.search(text, max(0, a.start - 16), a.start)] or usable
    for amount in reversed(usable):
        before = text[max(0, amount.start - 12):amount.start]
        change = money.change_before.search(text[max(0, amount.start - 30):amount.start])
        if money.to_before.search(before) and len(usable) > 1 and (change or not money.range_before.search(before)):
            return amount
    return usable[0]


def paid_part(text: str, amounts: list[Amount]) -> Amount | None:
    """The first amount written as a part paid ("首付款50万到账", "first payment of 500k came in", "пришла
    предоплата 500 тыс") when the note says the money came: a payment received, which `pick_amount`
    never takes for the deal's value."""
    money = _money()
    if money.paid_before is None or not money.paid_in.search(text):
        return None
    return next((a for a in amounts if money.paid_before.search(text[max(0, a.start - 16):a.start])), None)


def added(text: str, amount: Amount) -> bool:
    """True when the value is said as added to the deal's ("another 15k", "预算再加3万", "ещё 300 тыс",
    "+10k", "15k more"): the deal grows by it; it is not the deal's new amount."""
    money = _money()
    return money.added_before.search(text, max(0, amount.start - 30), amount.start) is not None \
        or money.added_after.match(text, amount.end) is not None


def hedged(text: str, amount: Amount) -> bool:
    """True when a change to the value is said as a maybe ("they might drop to 55k", "может, снизят до 1,1 млн",
    "可能会降到10万"): the words are kept, the deal's amount is not changed by it. A size guessed without a
    change ("maybe 5k", "可能有个50万的单子") is the deal's amount as before."""
    before = text[max(0, amount.start - 40):amount.start]
    before = re.split(r"[.;!?。；！？\n](?:\s|$)|[。；！？，]|,(?=\s?[\u4e00-\u9fff])", before)[-1]
    money = _money()
    return money.hedge.search(before) is not None and money.to_before.search(before) is not None


def mentions_money_without_number(text: str) -> bool:
    """True when a currency is written with no number next to it ("quote in $ next week")."""
    return _money().bare_money.search(text) is not None


_SIGN_ONLY = re.compile(r"\s?(?:US\$|\$|€|£|¥|₽)?\s?")


def negative_amounts(text: str, lang: str) -> list[tuple[Refused, tuple[int, int]]]:
    """Amounts written with a minus sign ("proposal -$5000", "сумма -50 тыс."): a deal is never
    worth less than nothing. Each as written, with its span."""
    out = []
    for minus in _MINUS.finditer(text):
        at = minus.start()
        positive = text[:at] + " " + text[at + 1:]
        amount = next((a for a in find_amounts(positive, lang)     # the minus's own number: "-$5000", not
                       if at <= a.start <= at + 5 and _SIGN_ONLY.fullmatch(text, at + 1, max(at + 1, a.start))), None)   # "-5%. 1,1 млн"
        if amount is not None:
            out.append((Refused(Refusal.NEGATIVE_AMOUNT, text[at:amount.end].strip()), (at, amount.end)))
    return out
