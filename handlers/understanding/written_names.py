"""How a name is written in a note, read for the handlers (which never read text with patterns themselves):
whether a name is written whole in a text, a name's words, and the capitalised words a note holds."""
from __future__ import annotations

import re

_CAPITALISED = re.compile(r"(?<![\w-])[A-ZА-ЯЁ][a-zа-яё]{3,}(?![\w-])")


def written_in(name: str, text: str) -> bool:
    """True when `name` is written whole in `text` ("Spice Garden" in "Spice Garden in Hove - new …")."""
    return re.search(r"(?<![\w&])" + re.escape(name) + r"(?![\w&])", text, re.I) is not None


def name_words(name: str) -> list[str]:
    """A name's words, or a Chinese name's characters two by two ("星辰科技": 星辰, 辰科, 科技)."""
    words = re.findall(r"[^\W\d_]+", name.casefold())
    if not re.search("[\u4e00-\u9fff]", name):
        return words
    return [w[i:i + 2] for w in words for i in range(max(1, len(w) - 1))]


def capitalised_words(text: str, most: int = 12) -> list[str]:
    """The first `most` capitalised words of four letters or more ("Гаврилову", "Колей", "Whitlock")."""
    return [m.group() for m in _CAPITALISED.finditer(text)][:most]
