"""What a short reply to the bot's "which customer?" says, from its words alone.

A reply that agrees ("yes", "ok", "да", "是的", "对") picks the only choice the question offered;
one that says "new customer" (or "yes, new customer") with no name picks the new name offered; a
reply with the words of a sentence (a pronoun, a verb, a correction: "sorry he is actually the
chairman", "поменяй должность", "他其实是总经理") is no company's name, so it is handled as a
message of its own and the question lapses. A number picks a choice, a cancel word drops the
kept note, and a short name typed is a customer's (handlers/ask.py reads what these say).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from typing import Mapping, Sequence

from handlers.understanding.intents import command
from handlers.understanding.languages import CODES, cues, one_of
from handlers.understanding.matching import match_known
from storage.vocabulary import Intent, Lang


class Agreement(Enum):
    """A reply that picks without naming: the only choice, or the new customer offered."""

    ONLY = "only"
    NEW = "new"


@lru_cache(maxsize=None)
def _agreement(code: str) -> re.Pattern[str] | None:
    language = cues(code)
    if not language.ANSWER_YES:
        return None
    yes = one_of(language.ANSWER_YES)
    new = one_of(language.ANSWER_NEW) if language.ANSWER_NEW else r"(?!)"
    return re.compile(rf"\W*(?:(?P<yes>{yes})(?:[\s,.!:;，、-]*(?P<new1>{new}))?|(?P<new2>{new}))[\s.!。！~～]*",
                      re.I)


def agreement(text: str, lang: str) -> Agreement | None:
    """ONLY for a whole reply that agrees, NEW for one that picks the new customer without a
    name; None for anything else (in `lang`, or any language the bot reads)."""
    for code in dict.fromkeys((lang, *CODES)):
        pattern = _agreement(code)
        found = pattern.fullmatch(text.strip()) if pattern else None
        if found:
            return Agreement.NEW if found.group("new1") or found.group("new2") else Agreement.ONLY
    return None


@lru_cache(maxsize=None)
def _sentence_words() -> re.Pattern[str]:
    phrases = [phrase for code in CODES for phrase in cues(code).NOT_A_NAME]
    return re.compile(one_of(phrases), re.I)


def reads_as_sentence(text: str) -> bool:
    """True when a typed reply has the words of a sentence rather than of a company's name."""
    return _sentence_words().search(text) is not None


_NUMBER = re.compile(r"^\s*#?(\d{1,2})\s*[.)]?\s*$")
_WORDY = re.compile(r"[^\W_]")
_NUMBERED_NAME = re.compile(r"[^\W\d_][^\d]*?\s*(?:№|#|No\.?)\s*\d{1,4}")    # "Самарский хлебозавод №5", "Store #24"
_CLOSING = " .!\"'“”«»"


@dataclass(frozen=True)
class TypedName:
    """A name typed as the answer, with what opened it taken off ("it's", "это"): `new` when the
    reply said it is a new customer ("new customer Umbrela")."""

    name: str
    new: bool = False


def picked_number(text: str) -> str:
    """The choice's number a whole reply gives ("2", "#2", "2."), as written; "" for anything else."""
    number = _NUMBER.match(text)
    return number.group(1) if number else ""


def undoes(text: str) -> bool:
    """True for an undo command ("undo", "отмена", "撤销"): said while a question is pending, it takes
    back what is in the making (the question and the note it keeps), never an earlier finished note."""
    found = command(text)
    return found is not None and found[0] == Intent.UNDO


def cancels(text: str, lang: str) -> bool:
    """True for a whole reply that is a cancel word (an undo command is read by `undoes`)."""
    return command(text) is None and _cancel_phrase(text, lang)


def cancel_word(text: str) -> bool:
    """True for an undo command said with a word that also dismisses a list or a question ("cancel",
    "отмена", "取消"), in any registered language; False for "undo", "撤销", "откати"."""
    found = command(text)
    return found is not None and found[0] == Intent.UNDO and any(_cancel_phrase(text, code) for code in CODES)


def _cancel_phrase(text: str, lang: str) -> bool:
    """The whole message is one of `lang`'s cancel words."""
    phrases = cues(lang).ANSWER_CANCEL
    return bool(phrases) and re.fullmatch(r"\W*(?:" + one_of(phrases) + r")\W*", text.strip(), flags=re.I) is not None


def _without_lead(text: str, lang: str) -> str:
    lead = cues(lang).ANSWER_LEAD
    return re.sub(r"^(?:" + one_of(lead) + r")(?:\s*[:,-]\s*|\s+)", "", text, flags=re.I) if lead else text


def whose_name(text: str, lang: str) -> str | None:
    """The person a reply to "whose birthday?" names ("Maria", "это Ольга"); None when it is no
    short name (a number, a question, a sentence)."""
    name = _without_lead(text.strip(), lang).strip(_CLOSING)
    if not name or len(name.split()) > 4 or len(name) > 80 or any(ch.isdigit() or ch in "?？" for ch in name) \
            or reads_as_sentence(name):
        return None
    return name


def typed_name(text: str, lang: str, longest: int) -> TypedName | None:
    """The customer's name a reply to "which customer?" types, if it is short enough (`longest`
    words, 80 characters) and asks nothing."""
    stripped = _without_lead(text.strip(), lang)
    said_new = cues(lang).ANSWER_NEW
    new = re.match(r"^(?:" + one_of(said_new) + r")(?:\s*[:,-]\s*|\s+)(.+)$", stripped, flags=re.I) \
        if said_new else None
    name = (new.group(1) if new else stripped).strip(_CLOSING)
    if not name or "?" in name or "？" in name or len(name.split()) > longest or len(name) > 80:
        return None
    return TypedName(name=name, new=new is not None)


def only_the_name(name: str, start: int, end: int) -> bool:
    """True when nothing but signs is left of a reply once the known name found at start:end is
    taken out."""
    rest = name[:start] + name[end:] if start >= 0 else name
    return not _WORDY.search(rest)


def numbers_say_more(name: str) -> bool:
    """True when a typed name holds digits that are no shop or plant number ("Store #24", "№5"):
    a sum or a day, so the reply is a message, not a name."""
    return any(ch.isdigit() for ch in name) and not _NUMBERED_NAME.fullmatch(name)


def offered_name(name: str, lang: str) -> str:
    """A new customer's name as offered: a note's verb of contact it opens with ("Visited", "Met",
    "Звонил в", "拜访了") and the little words after it are no part of it."""
    code = Lang(lang) if lang in Lang.__members__.values() else Lang.EN
    language = cues(code)
    if not language.LOG_VERBS:
        return name
    space = r"\s*" if code == Lang.ZH else r"\s+"
    lead = re.compile(r"^\W*(?:" + one_of(language.LOG_VERBS) + r")" + space + one_of(language.AFTER_LOG_VERB), re.I)
    bare = lead.sub("", name, count=1).strip()
    return bare if bare and bare != name and re.search(r"[^\W\d_]", bare) else name


def asks_about(text: str, customer: str | None, names: Sequence[str], aliases: Mapping[str, str]) -> bool:
    """True when a message read as a question about a customer has words beside the customer's name
    ("what about Initech", "как там Интеграл", "蓝海科技的情况"): a question, not a name typed as an answer."""
    match = match_known(text, names, aliases)
    if match.name and match.start >= 0:
        rest = text[:match.start] + text[match.end:]
    elif customer and customer in text:
        rest = text.replace(customer, " ")
    else:
        rest = text
    return re.search(r"[^\W\d_]", rest) is not None
