"""Cleaning raw chat text and telling which of en / zh / ru it is written in."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from storage.vocabulary import Lang

MAX_CHARS = 4000          # longer notes are refused as "too_long"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff\ufffd]")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_CYR = re.compile(r"[\u0400-\u04ff]")
_LAT = re.compile(r"[A-Za-z]")
_WORDY = re.compile(r"[0-9A-Za-z\u0400-\u04ff\u3400-\u4dbf\u4e00-\u9fff]")
# NFKC would turn "½" into "1⁄2" and "™" into "TM": only fold what chat text really uses.
_FULLWIDTH = {i: i - 0xFEE0 for i in range(0xFF01, 0xFF5F)}
_FULLWIDTH.update({0x3000: 0x20, 0x3001: ord(","), 0x3002: ord("."), 0xFF5E: ord("~"),
                   0x2014: ord("—"), 0x2013: ord("-"), 0x2010: ord("-"), 0x2011: ord("-"),
                   0x201C: ord('"'), 0x201D: ord('"'), 0x2018: ord("'"), 0x2019: ord("'"),
                   0x00AB: 0x00AB, 0x00BB: 0x00BB})


def clean(text: object) -> str:
    """Chat text made safe to parse: a str, control characters dropped, width folded,
    runs of spaces collapsed. Never raises, whatever it is given."""
    if text is None:
        return ""
    if isinstance(text, (bytes, bytearray)):
        text = bytes(text).decode("utf-8", "replace")
    elif not isinstance(text, str):
        text = str(text)
    try:
        text = text.encode("utf-8", "replace").decode("utf-8", "replace")
    except Exception:  # pragma: no cover - lone surrogates and the like
        text = "".join(ch for ch in text if not 0xD800 <= ord(ch) <= 0xDFFF)
    text = _CONTROL.sub(" ", text).translate(_FULLWIDTH)
    text = _SPACES.sub(" ", text)
    text = re.sub(r" *\n[\n ]*", "\n", text)
    return text.strip()


def has_words(text: str) -> bool:
    """True when the text holds at least one letter or digit (not only emoji or symbols)."""
    return _WORDY.search(text) is not None


# a pasted quote: «…», “…”, „…“, 「…」, 『…』, "…", or '…' holding a Han or Cyrillic message (an English
# rep's "wechat msg: '李主任同意了配置…' so sent the quote" is answered in English)
_GUILLEMETS = re.compile(r"«[^«»]*»|“[^“”]*”|„[^„“”]*[“”]|「[^「」]*」|『[^『』]*』|\"[^\"\n]*\"|"
                         r"'(?=[\u0400-\u04ff\u4e00-\u9fff])[^'\n]*'")
_LETTERS = re.compile(r"[^\W\d_]{2}")
_QUOTE_WEIGHT = 1 / 3           # a letter inside a pasted quote counts a third of one of the rep's own


def detect(text: str, hint: str | None = None, fallback: Lang = Lang.EN) -> Lang:
    """The language a text is written in, the one place that tells: "zh" when Han characters
    dominate, "ru" for Cyrillic, else English. `hint` (a platform's language code) breaks ties for
    text with no letters. `fallback` is what Latin letters alone (or no letters) stand for: English
    when reading a note; the member's own language when answering what is not a note in any
    language (a command, a code, a file that is not text)."""
    quoted = "".join(_GUILLEMETS.findall(text))
    weight = 1.0
    if quoted:                  # "Переведи письмо: «您好…»": the rep's own words around a pasted quote tell more
        unquoted = _GUILLEMETS.sub(" ", text)
        if _LETTERS.search(unquoted):
            text, weight = unquoted, _QUOTE_WEIGHT
    cjk = len(_CJK.findall(text)) + weight * len(_CJK.findall(quoted)) * (weight < 1)
    cyr = len(_CYR.findall(text)) + weight * len(_CYR.findall(quoted)) * (weight < 1)
    lat = len(_LAT.findall(text)) + weight * len(_LAT.findall(quoted)) * (weight < 1)
    own = _grammar(text)
    if own is not None and not quoted and sum(1 for n in (cjk, cyr, lat) if n) > 1 and _only_names_besides(text, own):
        return fallback if own == Lang.EN else own  # "merge Xingchen Tech into 星辰科技": the name is no language
    if cjk == 0 and cyr == 0 and lat == 0:
        if hint and hint[:2] in (Lang.ZH, Lang.RU):
            return Lang(hint[:2])
        return fallback
    if cjk and cyr and _a_name_among(text, _CYR_WORD):
        return Lang.RU          # "星辰科技: сумма 200 тыс": one Han name in a Russian sentence
    # one Han character counts about as much as a two-letter word
    if cjk * 3 >= max(cyr, lat) and cjk > 0:
        return Lang.ZH
    if cyr > 0 and cyr * 2 >= lat:
        return Lang.RU
    if cjk > 0 and cjk * 3 >= lat / 2:
        return Lang.ZH
    if lat and not cjk and not cyr and _latin_russian(text):
        return Lang.RU          # "byl u Vektora, kp otpravil": Russian, typed in Latin letters
    return fallback


_LATIN_RUSSIAN_SHARE = 0.4      # of a note's Latin words, Russian ones that no English sentence has
_LATIN_RUSSIAN_LEAST = 2


@lru_cache(maxsize=1)
def _latin_russian_words() -> re.Pattern[str]:
    from handlers.understanding.languages import ru     # the cue module reads dates, which read this module

    return re.compile(r"(?:" + "|".join(ru.LATIN_WORDS) + r")", re.I)


def _latin_russian(text: str) -> bool:
    """Russian typed in Latin letters: enough of its words are Russian ones ("zvonil", "zavtra", "kp", "ne")."""
    words = re.findall(r"[A-Za-z]+", text)
    if not words:
        return False
    pattern = _latin_russian_words()
    russian = sum(1 for w in words if pattern.fullmatch(w))
    distinct = {w.lower() for w in words if pattern.fullmatch(w) and len(w) > 2}
    return russian >= _LATIN_RUSSIAN_SHARE * len(words) and len(distinct) >= _LATIN_RUSSIAN_LEAST


# the little words only a sentence of that language has (never a company's name): when a message mixes
# scripts and only one language's grammar is there, the names in the other script do not switch it
_EN_GRAMMAR = re.compile(r"(?<![^\W\d_])(?:the|a|an|to|into|in|on|at|of|for|with|from|and|is|was|are|were|has|have|"
                         r"had|did|does|not|what|who|how|when|where|which|about|merge|rename|delete|remove|find|"
                         r"search|show|we|they|our|their|it|please)"
                         r"(?![^\W\d_])", re.I)
_RU_GRAMMAR = re.compile(r"(?<![^\W\d_])(?:в|во|на|и|с|со|по|из|у|к|о|об|за|для|от|до|не|что|как|кто|был|была|"
                         r"были|это|объедини|переименуй|удали|найди|покажи|звонил|встретился|отправил)(?![^\W\d_])",
                         re.I)
_ZH_GRAMMAR = re.compile(r"[了的是在把给跟吗呢吧们这那说就也都还很去过找删改并]")


def _grammar(text: str) -> Lang | None:
    """The one language whose grammar words the text holds, or None (none, or several)."""
    found = [lang for lang, words in ((Lang.EN, _EN_GRAMMAR), (Lang.RU, _RU_GRAMMAR), (Lang.ZH, _ZH_GRAMMAR))
             if words.search(text)]
    return found[0] if len(found) == 1 else None


_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_CYR_WORD = re.compile(r"[\u0400-\u04ff][\u0400-\u04ff-]*")
_LAT_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


def _a_name_among(text: str, words: re.Pattern[str]) -> bool:
    """Whether the Han characters of `text` are one short run (a company's or a person's name) among at
    least two words of the other script: the sentence is in that script."""
    runs = _CJK_RUN.findall(text)
    return len(runs) == 1 and len(runs[0]) <= 8 and len(words.findall(text)) >= 2
NAME_RUNS = 2             # names in another script a message may hold (a merge names two)
NAME_CHARS = 10           # the longest Han name run read as a name, not a sentence


def _only_names_besides(text: str, own: Lang) -> bool:
    """True when the scripts other than `own`'s hold only what reads as names: at most two Han runs of
    a name's length, or capitalised Cyrillic or Latin words."""
    if own != Lang.ZH:
        runs = _CJK_RUN.findall(text)
        if len(runs) > NAME_RUNS or any(len(run) > NAME_CHARS for run in runs):
            return False
    if own != Lang.RU and any(word[0].islower() for word in _CYR_WORD.findall(text)):
        return False
    if own != Lang.EN and any(word[0].islower() for word in _LAT_WORD.findall(text)):
        return False
    return True


def is_cjk(ch: str) -> bool:
    """True for a Han character."""
    return _CJK.match(ch) is not None


def casefold(text: str) -> str:
    """Lower-cased for matching, with Russian "ё" read as "е"."""
    return text.casefold().replace("ё", "е")


def fold_accents(text: str) -> str:
    """Latin letters without accents ("Café" -> "Cafe"); other scripts untouched."""
    if text.isascii():
        return text
    out: list[str] = []
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.category(ch) == "Mn" and out and out[-1].isascii():
            continue
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


_BAD = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd]")
_LATIN1 = re.compile(r"[\u00a0-\u00ff]")


def garbled(raw: object) -> bool:
    """True for binary noise: control characters, replacement marks or a soup of
    Latin-1 symbols make up a large share of what was received."""
    if isinstance(raw, (bytes, bytearray)):
        raw = bytes(raw).decode("utf-8", "replace")
    if not isinstance(raw, str) or len(raw) < 8:
        return False
    sample = raw[:2000]
    bad = len(_BAD.findall(sample))
    latin1 = len(_LATIN1.findall(sample))
    return bad > 0.1 * len(sample) or latin1 > 0.3 * len(sample)
