"""A `Reply` as Telegram sees it: escaped HTML text in ≤ 4,096-character pieces, an inline keyboard."""
from __future__ import annotations

import html
import logging

from telegram import BotCommand, InlineKeyboardButton, InlineKeyboardMarkup

from handlers.reply import Choice
from handlers.texts import CODES, t

log = logging.getLogger("crmbot.telegram")

MAX_TEXT = 4096          # characters of one message, after entity parsing (UTF-16 code units)
MAX_CAPTION = 1024       # characters of a photo caption
MAX_CALLBACK_BYTES = 64  # bytes of a button's callback_data
_ROW_CHARS = 30          # labels beyond this many characters start a new row
_ROW_BUTTONS = 3

# The command menu, per language (the default menu is English); the descriptions are reply texts ("menu.<name>").
MENU = ("today", "pipeline", "undo", "help", "start")
COMMANDS: dict[str, list[tuple[str, str]]] = {str(code): [(name, t(code, f"menu.{name}")) for name in MENU]
                                              for code in CODES}


def bot_commands(lang: str) -> list[BotCommand]:
    """The command menu in one language."""
    return [BotCommand(name, description) for name, description in COMMANDS[lang]]


def escape(text: str) -> str:
    """Plain text made safe for parse_mode HTML: it shows exactly as written."""
    return html.escape(text, quote=False)


def units(text: str) -> int:
    """Length as Telegram counts it: UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


def _cut_long_line(line: str, limit: int) -> list[str]:
    """A single line longer than the limit, cut at spaces where possible, else anywhere."""
    pieces: list[str] = []
    rest = line
    while units(rest) > limit:
        size, end = 0, 0
        for index, char in enumerate(rest):  # the longest prefix that fits
            size += 2 if ord(char) > 0xFFFF else 1
            if size > limit:
                break
            end = index + 1
        space = rest.rfind(" ", 0, end + 1)
        cut = space if space > end // 2 else end
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip(" ")
    if rest:
        pieces.append(rest)
    return pieces


def split_text(text: str, limit: int = MAX_TEXT) -> list[str]:
    """Plain text in pieces of at most `limit` units, cut at line boundaries; blank pieces dropped."""
    if not text or not text.strip():
        return []
    chunks: list[str] = []
    current: list[str] = []
    size = 0
    for line in text.split("\n"):
        for piece in (_cut_long_line(line, limit) if units(line) > limit else [line]):
            extra = units(piece) + (1 if current else 0)
            if current and size + extra > limit:
                chunks.append("\n".join(current))
                current, size = [], 0
                extra = units(piece)
            current.append(piece)
            size += extra
    if current:
        chunks.append("\n".join(current))
    return [chunk.strip("\n") for chunk in chunks if chunk.strip()]


def keyboard(choices: list[Choice]) -> InlineKeyboardMarkup | None:
    """Choices as an inline keyboard: short labels share a row, long ones get their own."""
    rows: list[list[InlineKeyboardButton]] = []
    width = 0
    for choice in choices:
        if len(choice.data.encode("utf-8")) > MAX_CALLBACK_BYTES or not choice.data:
            log.warning("button %r dropped: callback data must be 1-64 bytes", choice.label)
            continue
        button = InlineKeyboardButton(choice.label[:64] or "·", callback_data=choice.data)
        if not rows or len(rows[-1]) >= _ROW_BUTTONS or width + len(choice.label) > _ROW_CHARS:
            rows.append([])
            width = 0
        rows[-1].append(button)
        width += len(choice.label)
    return InlineKeyboardMarkup(rows) if rows else None


def without(markup: InlineKeyboardMarkup | None, data: str) -> InlineKeyboardMarkup | None:
    """The keyboard with the button carrying `data` taken out (None when nothing remains)."""
    if markup is None:
        return None
    rows = [[b for b in row if b.callback_data != data] for row in markup.inline_keyboard]
    rows = [row for row in rows if row]
    return InlineKeyboardMarkup(rows) if rows else None
