"""The offline parse as the validator of the model's: each field the model proposes is kept only
where the message bears it out, and taken from the offline parse where it does not.

    fixed = reconcile(proposal, offline, text, today, offered, known, aliases)
    fixed.parse          # the model's parse, repaired field by field
    fixed.repaired       # {"amount": "not_in_text", ...}: what was taken from the offline parse, and why

A model reads meaning better than the rules (a stage said in other words, a company the rules
do not know, a question without a question word), but it can also make things up. What it makes
up can be checked against the words of the message, without understanding them:

- `lang`: the offline reading of the script wins (it is right for every message of the blind corpus);
- `customer`: a candidate the prompt offered, a known customer the message names, or a name
  written in the message; anything else (an invented company) gives the offline customer;
- `contact`: a person written in the message, else the offline contact;
- `amount`: a value the message writes: in digits (times a power of ten: "40k", "1,8 млн",
  "12万"), as a value the offline rules read, a scale with the next places after it ("5万2", "2 млн
  150"), a price times a count the message writes ("2 витрины по 90к"), or where the message spells
  numbers out ("thirty one thousand", "миллион двести"); else the offline amount and currency;
- `followup_on`, `birthday`: a day in a message that has a date or time word at all (a digit,
  a weekday, "tomorrow", "next week", "月底", "после праздников"...), a follow-up no earlier
  than today and within a year; else the offline ones;
- `period`: within two years of today, else the offline period.

Channel, stage and intent are meaning, not words: no check on the text can tell a right one
from a wrong one, so the model's are kept. What the model may never do (an intent it may not
propose, a shape outside the contract) was refused before this (`llm_schema.to_parse`), and the
repaired parse still passes the same `check` as an offline one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Mapping, Sequence

from handlers.understanding.amount_words import find_word_amounts
from handlers.understanding.amounts import find_amounts
from handlers.understanding.calendar import period_for, upcoming
from handlers.understanding.cues import lexicon
from handlers.understanding.dates import find_dates
from handlers.understanding.lang import clean
from handlers.understanding.languages import one_of, registered
from handlers.understanding.llm.schema import written_in
from handlers.understanding.model import Parse

FOLLOWUP_AHEAD = timedelta(days=400)       # a next step is promised within about a year
SAME_DAY = timedelta(days=1)               # "later today", "tonight": today, or tomorrow's first thing
NEAR_A_DATE = 10                           # days between a proposed follow-up and a date the message names
PERIOD_REACH = timedelta(days=2 * 366)     # a report's period lies within two years of today
AMOUNT_TOLERANCE = Decimal("0.005")        # as the scorer compares amounts
POWERS_OF_TEN = tuple(Decimal(10) ** k for k in range(10))   # "40k", "1,8 млн", "12万", "2 bn"
SCALE_SPAN = 1000                          # "thirty one thousand": 1,000 to 999,999
_NUMBER = re.compile(r"\d{1,3}(?:[ ,\u202f]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?")
_DIGIT = re.compile(r"\d")
_DAY_MONTH = re.compile(r"(?<![\d.,$€£¥₽])(\d{1,2})[./](\d{1,2})(?!\d|[.,]\d|\s?(?:k|m|w|млн|тыс|万|千|%))", re.I)
_NOT_AFTER_A_DIGIT = r"(?<!\d)(?<!\d\s)(?<![A-Za-zА-Яа-яЁё-])"   # "40 тысяч" is the digit rules' to read


@dataclass(frozen=True)
class _Words:
    """Every registered language's words about time and scale, compiled together."""

    later: re.Pattern         # a word that can put a next step on a later day
    same_day: re.Pattern      # a word of this very day
    scales: tuple[tuple[re.Pattern, int], ...]   # a scale word after spelled numbers, and its factor
    counted: tuple[tuple[re.Pattern, int], ...]  # digits then a scale word ("2 млн", "100 тыс"), and its factor


@lru_cache(maxsize=1)
def _words() -> _Words:
    langs = registered()
    later = [p for lang in langs for p in lang.LATER_WORDS]
    same_day = [p for lang in langs for p in lang.SAME_DAY_WORDS]
    scales = [(phrase, factor) for lang in langs for phrase, factor in lang.MULTIPLIERS]
    scales += [(letter, factor) for lang in langs for letter, factor in lang.SHORT_MULTIPLIERS.items()]
    return _Words(re.compile(one_of(later), re.I), re.compile(one_of(same_day), re.I),
                  tuple((re.compile(_NOT_AFTER_A_DIGIT + "(?:" + phrase + r")(?![A-Za-zА-Яа-яЁё-])", re.I), factor)
                        for phrase, factor in scales),
                  tuple((re.compile(r"(?<![\d.,])(\d{1,3}(?:[.,]\d+)?)\s?(?:" + phrase + r")(?![A-Za-zА-Яа-яЁё-])", re.I), factor)
                        for phrase, factor in scales if factor >= 1000))


@dataclass
class Reconciled:
    """The model's parse after the field checks, and which fields came from the offline parse."""

    parse: Parse
    repaired: dict[str, str] = field(default_factory=dict)


def reconcile(proposal: Parse, offline: Parse, text: str, today: date, offered: Sequence[str] = (),
              known: Sequence[str] = (), aliases: Mapping[str, str] | None = None) -> Reconciled:
    """`proposal` with every field the message does not bear out taken from `offline` (see the module doc)."""
    fixed = Reconciled(proposal)
    words = clean(text).replace("ё", "е").replace("Ё", "Е")
    if proposal.lang != offline.lang:
        proposal.lang = offline.lang
        fixed.repaired["lang"] = "script"
    lang = offline.lang
    if proposal.customer is not None:
        reason = _customer_unborne(proposal, offline, text, offered, known, aliases)
        if reason:
            proposal.customer, proposal.customer_known = offline.customer, offline.customer_known
            proposal.customer_candidates = list(offline.customer_candidates)
            fixed.repaired["customer"] = reason
    if proposal.contact is not None and not written_in(proposal.contact, text):
        proposal.contact, proposal.contact_role = offline.contact, offline.contact_role
        fixed.repaired["contact"] = "not_in_text"
    if proposal.amount is not None and not amount_written(proposal.amount, words, lang):
        proposal.amount, proposal.currency = offline.amount, offline.currency
        fixed.repaired["amount"] = "not_in_text"
    if proposal.followup_on is not None and proposal.followup_on != offline.followup_on:
        reason = _followup_unborne(proposal.followup_on, words, lang, today)
        if reason:
            proposal.followup_on, proposal.followup_what = offline.followup_on, offline.followup_what
            fixed.repaired["followup_on"] = reason
    if proposal.birthday is not None and not dated(words, lang, today):
        proposal.birthday = offline.birthday
        fixed.repaired["birthday"] = "no_date_words"
    if proposal.period is not None and not (today - PERIOD_REACH <= proposal.period[0]
                                            and proposal.period[1] <= today + PERIOD_REACH):
        proposal.period = offline.period if offline.intent == proposal.intent else None
        fixed.repaired["period"] = "out_of_reach"
    return fixed


def _customer_unborne(proposal: Parse, offline: Parse, text: str, offered: Sequence[str],
                      known: Sequence[str], aliases: Mapping[str, str] | None) -> str | None:
    """Why the proposed customer is not the message's (None when it is)."""
    name = proposal.customer or ""
    if proposal.customer_known:
        if name in offered or name == offline.customer or name in offline.customer_candidates:
            return None
        spellings = [name] + [alias for alias, canonical in (aliases or {}).items() if canonical == name]
        return None if any(written_in(s, text) for s in spellings) else "not_named"
    return None if written_in(name, text) else "not_in_text"


def amount_written(amount: Decimal, words: str, lang: str) -> bool:
    """True when the message writes `amount`: a value the rules read, a number in digits times a
    power of ten, a value in words; or numbers spelled out that the rules cannot add up, where
    the amount is in the range their scale word gives ("thirty one thousand two hundred",
    "миллион двести", "二三十万", "sixty six K", "forty four nine")."""
    if amount == 0:
        return True
    near = amount * AMOUNT_TOLERANCE

    def same(value: Decimal) -> bool:
        return abs(value - amount) <= near

    if any(same(a.value) for a in find_amounts(words, lang)):
        return True
    for number in _numbers(words):
        if number and any(same(number * power) for power in POWERS_OF_TEN):
            return True
    if any(same(w.value) for w in find_word_amounts(words, lang)):
        return True
    if any(same(total) for total in _compounds(words)) or any(same(total) for total in _trailing(words)):
        return True
    if any(same(total) for total in _counted_prices(words, lang)):
        return True
    return any(factor <= amount < factor * SCALE_SPAN for pattern, factor in _words().scales if pattern.search(words))


def _compounds(words: str) -> list[Decimal]:
    """Amounts written as a larger and a smaller scale in digits one after the other, which add up
    ("2 млн 100 тыс", "1 million 240 thousand"): the rules read only the first."""
    parts: dict[int, tuple[int, Decimal, int]] = {}
    for pattern, factor in _words().counted:
        for m in pattern.finditer(words):
            try:
                value = Decimal(m.group(1).replace(",", ".")) * factor
            except InvalidOperation:
                continue
            if m.start() not in parts or parts[m.start()][2] < factor:
                parts[m.start()] = (m.end(), value, factor)
    out = []
    for end, value, factor in parts.values():
        gap = _COMPOUND_GAP.match(words, end)
        after = parts.get(gap.end()) if gap else None
        if after is not None and after[2] < factor:
            out.append(value + after[1])
    return out


_COMPOUND_GAP = re.compile(r"\s*(?:и|and|零)?\s*")
_TRAILING = re.compile(r"\s*(\d{1,3})(?!\d|[.,]\d|\s?[A-Za-zА-Яа-яЁё\u4e00-\u9fff%])")
_COUNT = re.compile(r"(?<![\d.,])([1-9]\d{0,2})(?![\d.,%:/-])")
MAX_COUNT = 1000          # "2 витрины по 90к": a count of things at a price, not a price itself


def _trailing(words: str) -> list[Decimal]:
    """Amounts written as a scale in digits and the next places after it, with no scale word ("5万2" is
    52,000, "2 млн 150" is 2,150,000): the rules read only the first part."""
    out = []
    for pattern, factor in _words().counted:
        for m in pattern.finditer(words):
            after = _TRAILING.match(words, m.end())
            if after is None:
                continue
            digits = after.group(1)
            try:
                head = Decimal(m.group(1).replace(",", "."))
            except InvalidOperation:
                continue
            place = Decimal(factor) / Decimal(10) ** len(digits)
            if place >= 1:
                out.append(head * factor + Decimal(digits) * place)
    return out


def _counted_prices(words: str, lang: str) -> list[Decimal]:
    """A price the message writes times a count it writes ("2 витрины-холодильника по 90к", "3 units at
    $1,200 each", "两台 每台8万"): what the rep leaves the reader to multiply."""
    prices = [a.value for a in find_amounts(words, lang) if a.value]
    counts = {int(m.group(1)) for m in _COUNT.finditer(words)}
    return [price * count for price in prices for count in counts if 1 < count <= MAX_COUNT and count != price]


def _numbers(words: str) -> list[Decimal]:
    """Every number written in digits, read both ways where a separator is ambiguous ("1,200" / "1,8")."""
    out: list[Decimal] = []
    for match in _NUMBER.finditer(words):
        raw = match.group().replace(" ", "").replace("\u202f", "")
        for reading in {raw.replace(",", ""), raw.replace(",", ".")}:
            try:
                out.append(Decimal(reading))
            except InvalidOperation:
                continue
    return out


def dated(words: str, lang: str, today: date) -> bool:
    """True when the message has anything that places something in time: a digit, a date the
    rules read (even one they could not resolve), a period word, or a time word."""
    if _DIGIT.search(words) or find_dates(words, lang, today):
        return True
    return bool(_words().later.search(words) or _words().same_day.search(words)
                or any(p.search(words) for p, _ in lexicon(lang).periods))


def _followup_unborne(day: date, words: str, lang: str, today: date) -> str | None:
    """Why a proposed follow-up day is not the message's (None when it may be): before today or
    over a year ahead; later than tomorrow in a message with no word for a later day; more than
    `NEAR_A_DATE` days from every day the message names."""
    if not today <= day <= today + FOLLOWUP_AHEAD:
        return "out_of_range"
    hits = find_dates(words, lang, today)
    later = (any(hit.kind != "today" for hit in hits) or _words().later.search(words) or _DAY_MONTH.search(words)
             or any(p.search(words) for p, name in lexicon(lang).periods if name not in ("today", "yesterday")))
    if not later:
        near_today = day - today <= SAME_DAY and (_words().same_day.search(words) or hits)
        return None if near_today else "no_date_words"
    return _far_from_every_date(day, words, lang, today)


def _far_from_every_date(day: date, words: str, lang: str, today: date) -> str | None:
    """Where the rules read the follow-up themselves: "far_from_dates" when the proposed day is
    more than `NEAR_A_DATE` days from every day the message names (a date moved or made up).
    "Today" and "this morning" say when something happened, not when the next step is; a date
    in digits that reads both ways ("11/01") is taken both ways; the first of a month ("next
    month", "in March") stands for the whole month."""
    named: list[date] = []
    for hit in find_dates(words, lang, today):
        if hit.day is None or hit.kind == "today":
            continue
        named.append(hit.day)
        both = _DAY_MONTH.search(words, hit.start, hit.end)
        if both:
            a, b = int(both.group(1)), int(both.group(2))
            named += [d for d in (upcoming(today, a, b), upcoming(today, b, a)) if d is not None]
    for other in named:
        if abs((day - other).days) <= NEAR_A_DATE or (other.day == 1 and (day.year, day.month) == (other.year,
                                                                                                    other.month)):
            return None
    for start, end in _periods(words, lang, today):      # "this week", "next month", "в марте", "Q1"
        if start <= day <= end:
            return None
    return "far_from_dates" if named else None


def _periods(words: str, lang: str, today: date) -> list[tuple[date, date]]:
    """The periods the message names, as days (a follow-up "this week" is any day of it)."""
    spans = []
    for pattern, name in lexicon(lang).periods:
        if pattern.search(words):
            try:
                spans.append(period_for(name, today, ahead=True))
            except KeyError:
                continue
    return spans
