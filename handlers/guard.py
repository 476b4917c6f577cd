"""Bad input, caught before understanding: empty, binary, control characters, too long."""
from __future__ import annotations

import re
import unicodedata

from handlers.reply import Reply
from handlers.texts import t
from handlers.understanding.lang import detect
from storage.vocabulary import Lang, lang_of

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")
SAMPLE = 2000  # characters a long text's language is told from


def hint_lang(code: str | None) -> Lang | None:
    """A platform language code ("zh-hans", "ru-RU") as one of ours, or None."""
    return lang_of(code)


def clean(text: str) -> str:
    """Text with control and invisible characters removed and Unicode normalised."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n"))
    return _CONTROL.sub("", text).strip()


def check(raw: str, lang: Lang, limit: int) -> tuple[str, Reply | None]:
    """The cleaned text, and a reply when the message cannot be taken as it is."""
    if "\x00" in raw or _looks_binary(raw):
        return "", Reply(text=t(lang, "binary"), lang=lang)
    text = clean(raw)
    if len(text) > limit:
        said = detect(text[:SAMPLE], fallback=lang)
        return "", Reply(text=t(said, "too_long", size=len(text), limit=limit), lang=said)
    if not text:
        return "", Reply(text=t(lang, "empty"), lang=lang)
    return text, None


def _looks_binary(raw: str) -> bool:
    if not raw:
        return False
    sample = raw[:2000]
    odd = sum(1 for c in sample if unicodedata.category(c) in ("Cc", "Co", "Cs", "Cn") and c not in "\n\t\r")
    return odd > max(8, len(sample) // 10)
