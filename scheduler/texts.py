"""What the scheduler says: its texts live with every other reply text, one module a language
(handlers/texts/<code>.py, under "nudge."); money and days are written as the handlers write them."""
from __future__ import annotations

from handlers.texts import clock, count, day, money  # noqa: F401  (re-exported for the rules)
from handlers.texts import t as handler_t

say = handler_t     # a reply text that is not a reminder's own ("amount_after")

def t(lang: str, key: str, **values: object) -> str:
    """A reminder's text `key` in `lang` (handlers/texts/<code>.py, under "nudge."), filled with `values`."""
    return handler_t(lang, f"nudge.{key}", **values)


def short(text: str | None, limit: int = 100) -> str:
    """A one-line excerpt of `text`."""
    line = " ".join((text or "").split())
    return line if len(line) <= limit else line[: limit - 1] + "…"
