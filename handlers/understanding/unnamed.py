"""Does a note name a company the parse did not take? Two readings that keep a note off a
customer it does not name (DESIGN.md, invariant 8):

- `other_name`: the note names a known customer only in part and goes on with words of another
  company ("Northwind Foods" when Northwind Traders is known, "华彩集团" beside 华彩科技, "high
  desert dental labs" beside High Plains Grain Co-op): the name it writes instead, else None;
- `company_guess`: the parse found no customer, yet the note reads like it names one (an unknown
  capitalised or quoted name, "at/from/w X", "у/из X", "在X", a word of a company's trade or
  legal form, a name the note opens with before what happened there, handlers/understanding/opening.py):
  that name as written, else None;
- `caller`: a capitalised name opening a note as the one who got in touch ("Summit called") is a
  company's; `introduces_by_name`: the note introduces a company as new or by its name.

All read the text only, so they hold whether the rules or the model understood the note.
"""
from __future__ import annotations

import re
from functools import lru_cache

from handlers.understanding.cues import lexicon
from handlers.understanding.languages import cues, one_of
from handlers.understanding.languages import en as en_cues
from handlers.understanding.languages import ru as ru_cues
from handlers.understanding.languages import zh as zh_cues
from handlers.understanding import plain_firms, ru_firms, ru_firms_plain, zh_firms
from handlers.understanding.matching import match_known, name_tokens, norm_token
from handlers.understanding.opening import named_first
from handlers.understanding.same_name import honorific
from storage.vocabulary import Lang

_WORD = re.compile(r"[A-Za-zÀ-ɏА-Яа-яЁё][\w'’.-]*|&")
_ZH_FIRM = re.compile("[\u4e00-\u9fff]{2,6}?(?:" + "|".join(sorted(set(zh_cues.TRADES) | set(zh_cues.LEGAL),
                                                                     key=len, reverse=True)) + ")")
_ZH_LEAD = re.compile("^.*(?:" + "|".join(zh_cues.BEFORE_FIRM) + ")(?=[\u4e00-\u9fff]{2})")
_QUOTED = re.compile(r"[\"“«「『《‘]([^\"”»」』》’]{2,60})[\"”»」』》’]")
_RU_LEGAL = re.compile(ru_cues.LEGAL_PREFIX + r"\s+[«\"]?([А-ЯЁA-Z][^»\",.;:!?]{1,50})[»\"]?")
# a note that opens with what happened and then a lower-case name: "lost kestrel tooling. went w …"
_EN_OPENS = re.compile(r"^\W*(?:lost|won|signed(?:\s+w/?|\s+with)?|visited|called|met(?:\s+w/?|\s+with)?|emailed|texted|"
                       r"pinged|dropped\s+by|stopped\s+by|demo(?:\s+at|\s+w/?|\s+with)?)\s+"
                       r"((?:[a-z][\w'’&-]*\s*){1,3}?)(?=\s*(?:[.,;:!(]|\s-\s|$))")
# a name of capitalised parts joined by a hyphen, a name wherever it stands ("Норильск-Снаб отказ")
_COMPOUND = re.compile(r"[A-ZА-ЯЁ][a-zа-яё]+(?:-[A-ZА-ЯЁ][\w]*)+")
_SENTENCE_START = re.compile(r"(?:^|[.!?;:\n—–-]\s*|\(\s*)$")
_NOT_NAMES = frozenset(w.lower() for w in en_cues.NOT_NAMES | en_cues.FIRST_NAMES | en_cues.NOT_FIRMS_LOWER)
_RU_PEOPLE = frozenset(w.lower() for w in [*ru_cues.MALE_NAMES, *ru_cues.FEMALE_NAMES])


def _words_after(text: str, end: int, count: int = 2) -> list[str]:
    return [m.group(0) for m in _WORD.finditer(text[end:end + 60])][:count]


_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?://|www\.)\S+")


def other_name(text: str, lang: Lang, customer: str, known: list[str], aliases: dict[str, str]) -> str | None:
    """The other company the note writes where it names `customer` only in part, else None. An e-mail address
    or a web address names no company ("l.karpova@severnaya-verf.ru" beside Северная Верфь)."""
    text = _ADDRESS.sub(lambda found: " " * len(found.group()), text)
    match = match_known(text, known, aliases)
    if match.name != customer or match.start < 0:
        return None
    span = text[match.start:match.end]
    own = set(name_tokens(customer)) | {norm_token(w) for w in customer.split()}
    if any("\u4e00" <= ch <= "\u9fff" for ch in span):
        longer = _ZH_FIRM.match(text, match.start)
        if longer and longer.end() > match.end:
            tail = text[match.end:longer.end()]
            if tail not in customer:
                return longer.group(0)
        return None
    if not re.match(r"(?:\s+(?:&\s+)?|-)[^\W\d_]", text[match.end:]):
        return None  # the name ends at a punctuation mark or the end: "Twin Oaks: Marcus agreed"
    glued = _HYPHENED.match(text, match.end)
    if glued and norm_token(glued.group(1)) not in own and glued.group(1).lower() not in _PARTICLES \
            and text[match.start:glued.end()].casefold() not in customer.casefold():
        return text[match.start:glued.end()]  # "вектор-плюс" beside Вектор: one word, another name
    after = _words_after(text, match.end)
    if after and after[0] == "&":
        after = after[1:]
    if not after:
        return None
    head = after[0]
    word = norm_token(head.strip(".'’"))
    if _instead_of(word, customer, span, own, lang):
        return text[match.start:text.find(head, match.end) + len(head)].strip().rstrip(".")
    if word in own or word in _NOT_NAMES or word in cues(lang).LEGAL_FORMS or len(word) < 2 or honorific(word):
        return None         # "Harbourfront Dental Dr Tan": the name ends where a person's begins
    capitalised = head[0].isupper() and not head.isupper() and span[:1].isupper()
    firm = word in en_cues.FIRM_WORDS or any(norm_token(w) in en_cues.FIRM_WORDS for w in after[1:])
    if capitalised or (firm and word not in own):
        written = text[match.start:text.find(head, match.end) + len(head)]
        if len(after) > 1 and norm_token(after[1]) in en_cues.FIRM_WORDS:
            written = text[match.start:text.find(after[1], match.end) + len(after[1])]
        return written.strip()
    return None


_ZH_REGISTERED = re.compile("(?:[\u4e00-\u9fff]|[（(][\u4e00-\u9fff]{2,4}[）)]){2,24}?(?:" + "|".join(zh_cues.LEGAL[:5]) + ")")
_EN_REGISTERED = re.compile(r"(?<![\w&])((?:[A-Z][\w&'.-]*\s+|&\s+|of\s+){0,4}[A-Z][\w&'.-]*,?\s+"
                            + en_cues.LEGAL_SUFFIX + r")(?!\w)")


_HYPHENED = re.compile(r"-([^\W\d_]{2,})")
_PARTICLES = frozenset(("то", "ка", "де", "таки", "нибудь", "либо"))


def _instead_of(word: str, customer: str, span: str, own: set[str], lang: Lang) -> bool:
    """True when the note writes, right after the part of `customer` it shares, a company word the
    known name does not have where the known name goes on with a distinguishing word of its own
    ("acme corp" beside Acme Industries; "Globex Inc" beside Globex Corporation is the same)."""
    if word in own or not (word in cues(lang).LEGAL_FORMS or word in en_cues.FIRM_WORDS):
        return False
    written = set(name_tokens(span))
    return any(token not in written and token not in cues(lang).LEGAL_FORMS for token in name_tokens(customer))


def missing_word(written: str, customer: str, lang: Lang) -> bool:
    """True when the known `customer` has a distinguishing word the name as written lacks ("ООО
    Ромашка" beside ромашка-агро): the written name is another company's, not this one in full."""
    if customer.casefold().startswith(written.casefold()):
        return False        # "High Plains Grain Co" of "High Plains Grain Co-op": the name, cut by the reader
    have = set(name_tokens(written))
    return any(token not in have and token not in cues(lang).LEGAL_FORMS and len(token) >= 3
               for token in name_tokens(customer))


def strong_name(text: str, lang: Lang) -> str | None:
    """A company the note writes out in full, as registered (a legal form, quotes) or after the kind of
    business it is ("пекарня Булка"): "ООО «ВолгаМедСнаб»",
    "广州小蜜蜂家政服务有限公司", "Chicago Precision Gear Inc"."""
    if lang == Lang.ZH:
        found = _ZH_REGISTERED.search(text)
        return _ZH_LEAD.sub("", found.group(0)) if found else None
    if lang == Lang.RU:
        legal = _RU_LEGAL.search(text)
        return legal.group(0).strip() if legal else ru_firms.kind_then_name(text, None)   # "пекарня Булка"
    found = _EN_REGISTERED.search(text)
    return found.group(1).strip().rstrip(".") if found else None


def weakly_named(text: str, customer: str, known: list[str], aliases: dict[str, str]) -> bool:
    """True when the note names `customer` only by a number or by everyday words ("3 factories"
    for "3 sisters salon n spa", "front desk" for Front Range Roofing): not a name the note writes."""
    match = match_known(text, known, aliases)
    if match.name != customer or match.start < 0:
        return False
    span = text[match.start:match.end]
    if any("\u4e00" <= ch <= "\u9fff" for ch in span):
        return False
    words = [norm_token(w) for w in re.findall(r"[^\W_]+", span)]
    if not any(any(ch.isalpha() for ch in w) for w in words):
        return True
    return len(span) < len(customer) and all(w in _NOT_NAMES for w in words)


def company_guess(text: str, lang: Lang, contact: str | None = None) -> str | None:
    """The company a note seems to name though the parse took none, as written; else None: a
    registered name, a quoted one, the name a note opens with, a Chinese firm's or a Russian legal
    name, capitalised words that are no person, or (English) a firm word after its cue."""
    registered = strong_name(text, lang)
    if registered:
        return registered
    quoted = _QUOTED.search(text)
    if quoted and not quoted.group(1).strip().isdigit():
        return quoted.group(1).strip()
    first = named_first(text, lang, contact)
    if first:
        return zh_firms.without_doings(first) if lang == Lang.ZH else first
    if lang == Lang.ZH:
        found = _ZH_FIRM.search(text)
        return _ZH_LEAD.sub("", found.group(0)) if found else plain_firms.chinese(text)    # "和蓝海沟通了一下": 蓝海
    if lang == Lang.RU:
        legal = _RU_LEGAL.search(text)
        if legal:
            return legal.group(1).strip()
    capitalised = _capitalised(text, contact)
    if capitalised is not None:
        return capitalised
    if lang == Lang.RU:
        return ru_firms_plain.after_preposition(text, contact)     # "созвонилась с вектором": Вектор
    return (_english_firm(text) or plain_firms.english(text, contact)) if lang == Lang.EN else None


def _capitalised(text: str, contact: str | None) -> str | None:
    """The first run of capitalised words that is no person's name, no sentence's first word and
    no abbreviation (PO, NDA, CEO, КП)."""
    people = {norm_token(w) for w in (contact or "").split()}
    for found in re.finditer(r"(?:[A-ZА-ЯЁ][\w'’&-]*(?:\s+(?:&\s+)?[A-ZА-ЯЁ][\w'’&-]*)*)", text):
        words = found.group(0).split()
        first = norm_token(words[0])
        if _SENTENCE_START.search(text[:found.start()]) and not _COMPOUND.fullmatch(words[0]) and (
                first in _NOT_NAMES or first.endswith(("ed", "ing")) or len(words) == 1):
            words = words[1:]  # a capital that only opens a sentence ("Visited", "Lunch")
        words = [w for w in words if norm_token(w) not in people]
        if not words:
            continue
        lowered = [norm_token(w) for w in words]
        if all(w in _NOT_NAMES or w in _RU_PEOPLE or len(w) < 2 for w in lowered):
            continue
        if len(words) == 1 and (words[0].isupper() and len(words[0]) <= 4):
            continue  # PO, NDA, CEO, КП
        if len(words) == 1 and (lowered[0] in _RU_PEOPLE or lowered[0] in _NOT_NAMES):
            continue
        return " ".join(words)
    return None


def _english_firm(text: str) -> str | None:
    """An English note's company in lower case: the words it opens with, or a firm word after its cue."""
    opening = _EN_OPENS.match(text)
    if opening and all(norm_token(w) not in _NOT_NAMES and not w.isdigit() for w in opening.group(1).split()):
        return opening.group(1).strip()
    for found in re.finditer(r"\b" + one_of(en_cues.BEFORE_FIRM) + r"\s+((?:[a-z][\w'’&-]*\s+){0,3}?("
                             + "|".join(sorted(en_cues.FIRM_WORDS, key=len, reverse=True)) + r"))\b", text):
        phrase = found.group(1)
        first = norm_token(phrase.split()[0])
        if first not in _NOT_NAMES and first not in ("a", "the", "their", "his", "her", "our"):
            return phrase
    return None


def introduces_by_name(text: str, lang: str) -> bool:
    """True when a note introduces a company as new or by its name ("a new lead called …", "叫康瑞得",
    "под названием …"): what it writes there is the name, not a known one it looks like."""
    named_as = cues(lang).NAMED_AS
    return bool(lexicon(lang).new_company.search(text) or (named_as and re.search(one_of(named_as), text, re.I)))


@lru_cache(maxsize=None)
def _caller(lang: str) -> re.Pattern[str] | None:
    called = cues(lang).CALLED_IN
    return re.compile(r"^\W*(?P<name>[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,3})\s+" + one_of(called) + r"\b") \
        if called else None


def caller(text: str, lang: str, contact: str | None) -> str | None:
    """The company a note opens with as the one who called or wrote ("Summit called, want pricing",
    "Pinnacle Labs emailed back"), when the name is no person the note names (`contact`) and no
    word that names no company ("He called", "Procurement emailed")."""
    pattern = _caller(lang)
    found = pattern.match(text) if pattern is not None else None
    if found is None:
        return None
    name = found.group("name")
    words = {w.casefold() for w in name.split()}
    person = {w.casefold() for w in (contact or "").split()}
    if words & cues(lang).NOT_CALLERS or words & person:
        return None
    return name
