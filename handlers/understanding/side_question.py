"""A note with a question to the bot said on the side ("sent globex the renewal quote for 2027, 25k. btw when is
their contract end date again?", "отправил Вектору КП, 300 тыс. кстати, когда у них кончается договор?",
"给宏达机械发了报价 25万。顺便问下 他们合同什么时候到期？"): the note is recorded, and the reply says the
question was not answered (ask it on its own), instead of answering the card and dropping the note.
The question is the last clause, opened by each language's `SIDE_QUESTION` words ("…, and also, is the tender
still open?", "…, и сколько у них в работе?", "…，另外标书几时截止？"), or the last sentence when it asks on its
own after a note that asks nothing ("called Kestrel, sent the quote. did we ever send the brochure?",
"напомни позвонить Вектору в пн. а сколько у них в работе?")."""
from __future__ import annotations

import re
from functools import lru_cache

from handlers.understanding.asking import asks
from handlers.understanding.languages import cues, one_of

_MIN_NOTE = 12       # characters of note before the side question, at least
_LAST_SENTENCE = re.compile(r"(?:^|[.!;\n。！；])\s*(?P<q>[^.!;\n。！；?？]+[?？]+)\s*$")


@lru_cache(maxsize=None)
def _pattern(lang: str) -> re.Pattern[str] | None:
    words = getattr(cues(lang), "SIDE_QUESTION", [])
    if not words:
        return None
    return re.compile(r"(?:^|[.!;,\n。！；，]\s*|\s)(?P<q>(?:" + one_of(words) + r")[^.!;\n。！；]*[?？]+)\s*$", re.I)


def split(text: str, lang: str) -> tuple[str, str] | None:
    """The note's words and the side question, or None when the message has no such question at its end."""
    pattern = _pattern(lang)
    found = pattern.search(text) if pattern is not None else None
    if found is None:
        found = _LAST_SENTENCE.search(text)
        if found is None or found.start("q") == 0 or not asks(found.group("q"), lang):
            return None
    note = text[:found.start("q")].rstrip(" ,.;。，；")
    if len(note) < _MIN_NOTE or "?" in note or "？" in note:
        return None
    return note, found.group("q").strip()
