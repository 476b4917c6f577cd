"""Dictated text tidied before it is read: fillers dropped ("um", "uh"), words said twice
kept once ("Bell Rock uh Bell Rock Pediatric Therapy"), and a name corrected on the fly
replaced by its correction ("Superstition Ridge HOA no it's Superstition Springs HOA",
"Kim Oduya - no, sorry, Kim Odum").

Punctuation said aloud is read as the mark in every language by one rule ("…gary comma he wants…",
"…通了电话逗号他们说…", "…в Гранит запятая Ольга…"), from the language's SPOKEN_MARKS, except where
its SPOKEN_MARK_NOUN says the word is a noun ("the trial period", "новая строка в прайсе").

The cues come from the language's module (FILLERS, CORRECTION, SPOKEN_*); a language without them
is left as written. The note's own text (its summary) is never changed, only what is read.
"""
from __future__ import annotations

import re
from functools import lru_cache, partial

from datetime import date

from handlers.understanding import first_chars, pattern_cache
from handlers.understanding import ru_spoken, zh_spoken
from handlers.understanding.amounts import find_amounts
from handlers.understanding.cues import lexicon
from handlers.understanding.dates import find_dates
from handlers.understanding.languages import cues

_NAME_WORD = r"(?:[A-Z][\w'&.-]*|&|and|of|the|n)"
_RUN_END = re.compile(r"[A-Z][\w'&.-]*(?:\s+" + _NAME_WORD + r"){0,6}$")
_RUN_START = re.compile(r"[A-Z][\w'&.-]*(?:\s+" + _NAME_WORD + r"){0,6}")
_SAID_TWICE = re.compile(r"(?<![\w'])((?:[^\W\d_][\w'&.-]*\s+){0,4}[^\W\d_][\w'&.-]*)\s+\1(?![\w'])", re.I)


@lru_cache(maxsize=None)
def _patterns(lang: str) -> tuple[re.Pattern | None, re.Pattern | None]:
    mod = cues(lang)
    fillers = getattr(mod, "FILLERS", ())
    marks = getattr(mod, "CORRECTION", ())
    filler = re.compile(r"(?<![\w'-])(?:" + "|".join(fillers) + r")(?![\w'-])[,.]*\s*") if fillers else None
    mark = re.compile(r"\s*(?:[,—–-]\s*)?(?<![\w'])(?:" + "|".join(marks) + r")[,.]?\s+", re.I) if marks else None
    return filler, mark


def _once(text: str) -> str:
    """Words said twice in a row kept once: "the the" -> "the", "Bell Rock Bell Rock" -> "Bell Rock"."""
    return _SAID_TWICE.sub(lambda m: m.group(1), text) if " " in text else text


def _corrected(text: str, mark: re.Pattern) -> str:
    """A capitalised name followed by a correction marker and another capitalised name: the second
    stands, keeping the words of the first that come before the corrected part ("Scottsdale Airpark
    Jet Center no Airpark Aviation Services" -> "Scottsdale Airpark Aviation Services")."""
    for _ in range(3):
        for m in mark.finditer(text):
            before = _RUN_END.search(text, 0, m.start())
            after = _RUN_START.match(text, m.end())
            if not before or not after or before.end() != m.start():
                continue
            old, new = before.group().split(), after.group().split()
            keep = old[:old.index(new[0])] if new[0] in old else []
            text = text[:before.start()] + " ".join(keep + [after.group()]) + text[after.end():]
            break
        else:
            return text
    return text


# between a value and the one that corrects it: the retraction, then at most two short words ("nope the 10th",
# "no wait — next tuesday", "no sorry 45k", "вернее 2 млн")
_LEFT_AFTER_RETRACT = re.compile(r"[\W_]*(?:[^\W\d_]{1,4}[\W_]+){0,2}", re.S)
_ANY_DAY = date(2000, 1, 1)      # only where dates are written is read here, not which day they are


@lru_cache(maxsize=None)
def _retraction(lang: str) -> re.Pattern | None:
    """Any of the language's retraction words, anywhere: most notes take nothing back and are left at once."""
    words = getattr(cues(lang), "RETRACT", ())
    return re.compile("|".join(words), re.I) if words else None


def _values_corrected(text: str, lang: str) -> str:
    """A day or an amount taken back at once by another of its kind: the first is dropped, the second
    stands ("demo on the 9th. nope the 10th" -> "demo on the 10th", "quote 42k, no sorry 45k" -> "quote 45k",
    "next thursday. no wait — next tuesday")."""
    retract = lexicon(lang).retract
    anywhere = _retraction(lang)
    if retract is None or anywhere is None or not anywhere.search(text):
        return text
    for spans in ([(h.start, h.end) for h in find_dates(text, lang, _ANY_DAY)],
                  [(a.start, a.end) for a in find_amounts(text, lang)]):
        for (start, end), (nxt, _) in reversed(list(zip(spans, spans[1:]))):
            gap = text[end:nxt]
            said = retract.match(gap)
            if said and said.end() > 0 and _LEFT_AFTER_RETRACT.fullmatch(gap, said.end()):
                text = text[:start] + text[nxt:]
    return text


# a word for a mark is said after a space, and no letter (nor a digit, an apostrophe, a hyphen) follows it;
# a Chinese one stands anywhere, between characters ("通了电话逗号他们说")
_HAN = "\u3400-\u9fff"
_ALONE_BEFORE = rf"(?:(?<=\s)|(?=[{_HAN}]))"
_ALONE_AFTER = rf"(?:(?<=[{_HAN}])|(?![A-Za-zÀ-ÖØ-öø-ÿА-Яа-яЁё0-9'-]))"


@lru_cache(maxsize=None)
def _said_aloud(lang: str) -> tuple[re.Pattern | None, tuple[tuple[str, re.Pattern], ...], re.Pattern | None,
                                   tuple[re.Pattern, ...], re.Pattern | None]:
    """Whether anything is said aloud at all, the language's punctuation said aloud (each mark with its
    words, taking the space and a comma said before it), where those words are nouns, addresses said
    aloud, and letters spelt out."""
    mod = cues(lang)
    marks = mod.SPOKEN_MARKS
    words = "|".join(w for said in marks.values() for w in said)
    said = tuple((mark, pattern_cache.compile(r"(?:\s*,)?\s*" + _ALONE_BEFORE + "(?:" + "|".join(ws) + ")" + _ALONE_AFTER
                                   + r"[,.]?", re.I)) for mark, ws in marks.items() if ws)
    nouns = mod.SPOKEN_MARK_NOUN
    noun = pattern_cache.compile("|".join(n.replace("_", "(?P<w%d>" % i + words + ")") for i, n in enumerate(nouns)), re.I) \
        if nouns and words else None
    address = mod.SPOKEN_ADDRESS
    letters = mod.SPOKEN_LETTERS
    unnamed = [re.sub(r"\(\?P<\w+>", "(?:", a) for a in address]       # one pattern for all: groups unnamed
    anything = "|".join([w for ws in marks.values() for w in ws] + unnamed + list(letters))
    return (first_chars.compile(anything, re.I) if anything else None, said, noun, tuple(re.compile(a, re.I) for a in address),
            re.compile("|".join(letters), re.I) if letters else None)


def _address(m: re.Match) -> str:
    user = m.groupdict().get("user")
    return (user + "@" if user else "") + "".join(m.group("domain").split()) + "." + m.group("tld")


def _noun_spans(text: str, noun: re.Pattern | None) -> set[tuple[int, int]]:
    """Where a word for a mark is a noun ("the trial period")."""
    if noun is None:
        return set()
    return {m.span(k) for m in noun.finditer(text) for k, v in m.groupdict().items() if v}


def _span_of_word(m: re.Match) -> tuple[int, int]:
    """The span of the word for a mark inside its match (which takes the space and a comma before it)."""
    word = m.group().strip(" ,.")
    at = m.start() + m.group().find(word)
    return at, at + len(word)


def _mark_or_word(mark: str, nouns: set[tuple[int, int]], m: re.Match) -> str:
    """The mark a word said aloud stands for, or the word itself where it is a noun."""
    return m.group() if _span_of_word(m) in nouns else mark


def _punctuated(text: str, lang: str) -> str:
    """Dictated punctuation written as the marks it stands for: "quill paper period talked to gary comma
    he wants" -> "quill paper. talked to gary, he wants"; "the trial period" and "a period of" stay words.
    An address said aloud is written as one ("becky at desert paws dot com" -> becky@desertpaws.com),
    and letters spelt out as one word ("P O came in" -> "PO came in")."""
    anything, said, noun, address, letters = _said_aloud(lang)
    if anything is None or not anything.search(text):
        return text
    if letters is not None:
        text = letters.sub(lambda m: "".join(m.group().split()), text)
    for spoken_address in address:
        text = spoken_address.sub(_address, text)
    for mark, pattern in said:
        text = pattern.sub(partial(_mark_or_word, mark, _noun_spans(text, noun)), text)
    return text


@lru_cache(maxsize=None)
def _record_opener(lang: str) -> re.Pattern | None:
    openers = getattr(cues(lang), "RECORD_OPENERS", ())
    if not openers:
        return None
    return re.compile(r"(?:^|(?<=[.!?。！？]))(\s*)(?:" + "|".join(openers) + r")(?![\w'-])(?:\s*[,:：，—–-])?\s*", re.I)


def _plainly(text: str, lang: str) -> str:
    """The note without a formal opener that says only that a note follows ("I would like to record that",
    "Please note that", "Хотел бы зафиксировать, что", "特此记录："), at its start or a sentence's: what
    follows is read as if said plainly; an opener alone is left as written."""
    opener = _record_opener(lang)
    if opener is None:
        return text
    plain = opener.sub(lambda m: m.group(1), text)
    return plain if re.search(r"\w", plain) else text


def tidy(text: str, lang: str) -> str:
    """The text as it is read: a formal opener, fillers, repeats and corrected names taken out, and a value
    said again right after a retraction read as the second one."""
    text = _plainly(text, lang)
    text = _values_corrected(_punctuated(text, lang), lang)
    if lang == "ru":
        return ru_spoken.corrected(text)
    if lang == "zh":
        text = zh_spoken.corrected(text)
    filler, mark = _patterns(lang)
    if filler is None and mark is None:
        return text
    if filler is not None:
        text = filler.sub("", text).strip()
    text = _once(text)
    if mark is not None:
        corrected = _corrected(text, mark)
        if corrected != text:
            text = _once(corrected)
    return text
