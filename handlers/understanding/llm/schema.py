"""What the LLM may answer, and the checks every parse passes (offline or LLM) before a handler sees it.

The model gets `PARSE_SCHEMA` as a strict JSON-schema response format. Its answer is
only a proposal: `to_parse` rejects anything that is not exactly the contract's
shape (unknown intent, channel or stage, a date that is not ISO, an amount that is
not a number) and spells a known customer as the store does; `reconcile.py` then
checks each field against the message and the offline parse, and `check` is the same
validation the offline parse passes (tests hold both to it).
"""
from __future__ import annotations

import math
import re
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any, Mapping, Sequence, TypeVar

from handlers.understanding.lang import casefold, is_cjk
from handlers.understanding.matching import WORD, han_core, match_known, name_tokens, norm_token, tokens_match
from handlers.understanding.model import Parse
from storage.vocabulary import CONTRACT_INTENTS, PERIOD_INTENTS, SPOKEN_CHANNELS, Channel, Intent, Lang, Stage

E = TypeVar("E", bound=StrEnum)
LANGS: tuple[Lang, ...] = tuple(Lang)
# What a model may propose: the contract's intents. "undo" and "done" are chat commands
# the offline rules recognise; a model can never trigger them.
LLM_INTENTS = CONTRACT_INTENTS
CHANNELS: tuple[Channel, ...] = SPOKEN_CHANNELS
STAGES: tuple[Stage, ...] = tuple(Stage)
LOG_ONLY = ("contact", "contact_role", "channel", "stage", "amount", "currency", "followup_on",
            "followup_what", "birthday")
MAX_NAME = 200
MAX_AMOUNT = Decimal("1e13")
WHOLE_NAME = 0.8          # a known name matched over this share of what the model wrote is that customer
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH_DAY = re.compile(r"^(\d{2})-(\d{2})$")
_CURRENCY = re.compile(r"^[A-Z]{3}$")
_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _nullable(kind: str, enum: Sequence[str] | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"type": [kind, "null"]}
    if enum is not None:
        out["enum"] = [*enum, None]
    return out


PARSE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "lang": {"type": "string", "enum": list(LANGS)},
        "intent": {"type": "string", "enum": list(LLM_INTENTS)},
        "customer": _nullable("string"),
        "contact": _nullable("string"),
        "channel": _nullable("string", CHANNELS),
        "stage": _nullable("string", STAGES),
        "amount": _nullable("number"),
        "currency": _nullable("string"),
        "followup_on": _nullable("string"),
        "birthday": _nullable("string"),
        "period": {"anyOf": [{"type": "null"}, {
            "type": "object", "additionalProperties": False, "required": ["from", "to"],
            "properties": {"from": {"type": "string"}, "to": {"type": "string"}}}]},
    },
}
PARSE_SCHEMA["required"] = list(PARSE_SCHEMA["properties"])

CARD_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {name: _nullable("string") for name in ("company", "name", "role", "phone", "email", "website")}
    | {"lang": {"type": "string", "enum": list(LANGS)}},
}
CARD_SCHEMA["required"] = list(CARD_SCHEMA["properties"])


class Rejected(ValueError):
    """The model's answer is not a valid parse; `reason` says why (for logs and tests)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


# -- the checks every parse passes -------------------------------------------------

def written_in(name: str, text: str) -> bool:
    """True when `name` is written in `text`: as is, in another case form, or with a small typo."""
    wanted, said = casefold(name).strip(), casefold(text)
    if not wanted:
        return False
    if wanted in said:
        return True
    han = han_core(name) or "".join(ch for ch in name if is_cjk(ch))
    if han and han not in said:
        return False
    words = [w for w in name_tokens(name) if len(w) >= 2] or [norm_token(w) for w in WORD.findall(name)]
    if not words:
        return bool(han)
    text_words = {norm_token(w) for w in WORD.findall(text)}
    return all(w in text_words or any(tokens_match(t, w) for t in text_words) for w in words)


def _valid_month_day(value: str) -> bool:
    m = _MONTH_DAY.match(value)
    return m is not None and 1 <= int(m.group(1)) <= 12 and 1 <= int(m.group(2)) <= _DAYS_IN_MONTH[int(m.group(1)) - 1]


def check(parse: Parse, text: str, known: Sequence[str] = (), aliases: Mapping[str, str] | None = None) -> list[str]:
    """What is wrong with a parse of `text` (empty when it may go to a handler)."""
    wrong = []
    if parse.lang not in LANGS:
        wrong.append("lang")
    if parse.intent not in tuple(Intent):
        wrong.append("intent")
    if parse.channel is not None and parse.channel not in CHANNELS:
        wrong.append("channel")
    if parse.stage is not None and parse.stage not in STAGES:
        wrong.append("stage")
    if parse.amount is not None and (not isinstance(parse.amount, Decimal) or not parse.amount.is_finite()
                                     or parse.amount < 0 or parse.amount >= MAX_AMOUNT):
        wrong.append("amount")
    if parse.currency is not None and (parse.amount is None or not _CURRENCY.match(str(parse.currency))):
        wrong.append("currency")
    if parse.followup_on is not None and not isinstance(parse.followup_on, date):
        wrong.append("followup_on")
    if parse.birthday is not None and not (isinstance(parse.birthday, str) and _valid_month_day(parse.birthday)):
        wrong.append("birthday")
    if parse.period is not None and not (isinstance(parse.period, tuple) and len(parse.period) == 2
                                         and all(isinstance(d, date) for d in parse.period)
                                         and parse.period[0] <= parse.period[1]):
        wrong.append("period")
    if parse.customer is not None and not (parse.customer in known or parse.customer in (aliases or {}).values()
                                           or written_in(parse.customer, text)):
        wrong.append("customer")
    if parse.contact is not None and not written_in(parse.contact, text):
        wrong.append("contact")
    return wrong


# -- the model's answer as a Parse --------------------------------------------------

def _text(data: Mapping[str, Any], key: str, limit: int = MAX_NAME) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise Rejected(f"{key}_type")
    value = " ".join(value.split())
    if len(value) > limit:
        raise Rejected(f"{key}_too_long")
    return value or None


def _enum(data: Mapping[str, Any], key: str, allowed: Sequence[E]) -> E | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or value not in allowed:
        raise Rejected(f"{key}_value")
    return next(member for member in allowed if member == value)


def _required(data: Mapping[str, Any], key: str, allowed: Sequence[E]) -> E:
    value = _enum(data, key, allowed)
    if value is None:
        raise Rejected(f"{key}_value")
    return value


def _day(value: Any, key: str) -> date | None:
    if value is None:
        return None
    if not isinstance(value, str) or not _ISO_DAY.match(value):
        raise Rejected(f"{key}_format")
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise Rejected(f"{key}_format") from exc


def _amount(value: Any) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise Rejected("amount_type")
    amount = Decimal(str(value))
    if amount < 0 or amount >= MAX_AMOUNT:
        raise Rejected("amount_range")
    return amount.normalize() if amount != amount.to_integral_value() else Decimal(int(amount))


def _customer(name: str | None, candidates: Sequence[str], known: Sequence[str],
              aliases: Mapping[str, str] | None) -> tuple[str | None, bool]:
    """The customer as the store spells it when the model means a known one (a candidate, a known
    name or alias in any case, or a shorter spelling of one), else as the model wrote it."""
    if name is None:
        return None, False
    folded = casefold(name)
    for candidate in candidates:
        if casefold(candidate) == folded:
            return candidate, True
    for spelling, canonical in [*((k, k) for k in known), *(aliases or {}).items()]:
        if casefold(spelling) == folded:
            return canonical, True
    match = match_known(name, known, aliases)
    if match.name and match.end - match.start >= WHOLE_NAME * len(name.strip()):
        return match.name, True
    return name, False


def to_parse(data: Any, candidates: Sequence[str], known: Sequence[str] = (),
             aliases: Mapping[str, str] | None = None) -> Parse:
    """The model's JSON object as a Parse, or `Rejected` when its shape is off."""
    if not isinstance(data, dict):
        raise Rejected("not_an_object")
    parse = Parse(lang=_required(data, "lang", LANGS), intent=_required(data, "intent", LLM_INTENTS))
    parse.customer, parse.customer_known = _customer(_text(data, "customer"), candidates, known, aliases)
    parse.contact = _text(data, "contact")
    parse.contact_role = _text(data, "contact_role")
    parse.channel = _enum(data, "channel", CHANNELS)
    parse.stage = _enum(data, "stage", STAGES)
    parse.amount = _amount(data.get("amount"))
    currency = data.get("currency")
    if currency is not None and (not isinstance(currency, str) or not _CURRENCY.match(currency.upper())):
        raise Rejected("currency_value")
    parse.currency = currency.upper() if currency and parse.amount is not None else None
    parse.followup_on = _day(data.get("followup_on"), "followup_on")
    parse.followup_what = _text(data, "followup_what", 300)
    birthday = data.get("birthday")
    if birthday is not None and not (isinstance(birthday, str) and _valid_month_day(birthday)):
        raise Rejected("birthday_format")
    parse.birthday = birthday
    period = data.get("period")
    if period is not None:
        if not isinstance(period, dict):
            raise Rejected("period_type")
        start, end = _day(period.get("from"), "period"), _day(period.get("to"), "period")
        if start is None or end is None or start > end:
            raise Rejected("period_range")
        parse.period = (start, end)
    if parse.intent != Intent.LOG:
        for name in LOG_ONLY:
            setattr(parse, name, None)
        if parse.intent != Intent.QUERY_CUSTOMER:
            parse.customer, parse.customer_known = None, False
    if parse.intent not in PERIOD_INTENTS:
        parse.period = None
    return parse
