"""Slack's formats: a `Reply` as Block Kit (escaped mrkdwn sections, table-like lines as fields,
buttons), and Slack's wire format read back (text as typed, `ts` instants, shared files' URLs).

Nothing else in the code knows Block Kit or Slack's markup; the adapter posts what `blocks()`
returns and reads events through `slack_to_plain`, `instant` and `shared_file`.
"""
from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Any

from handlers.reply import Choice, Reply

SECTION_LIMIT = 3000      # characters of a section's text
FIELD_LIMIT = 2000        # characters of one field
FIELDS_PER_SECTION = 10
BUTTONS_PER_BLOCK = 25
MAX_BLOCKS = 50
FALLBACK_LIMIT = 3900     # the notification / fallback `text`
ACTION_PREFIX = "crm_choice_"

_CELL = " · "
_BULLET = re.compile(r"^\s*[•\-*]\s+")
_LINK = re.compile(r"<([^<>|]*)(?:\|([^<>]*))?>")


def escape(text: str) -> str:
    """Slack's three control characters, so `<b>&` shows as typed (and `<!channel>` pings no one)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _is_row(line: str) -> bool:
    """A line that reads as a table row: "• Label: a · b · c"."""
    return _CELL in line and bool(_BULLET.match(line) or ": " in line)


def _field(line: str) -> dict[str, str]:
    """One table row as a two-line field: the label in bold above its cells."""
    body = _BULLET.sub("", line).strip()
    label, sep, rest = body.partition(": ")
    if not sep:
        label, _, rest = body.partition(_CELL)
    label = escape(label.strip()).replace("*", "")
    text = f"*{label}*\n{escape(rest.strip())}" if label else escape(rest.strip())
    return {"type": "mrkdwn", "text": text[:FIELD_LIMIT]}


def _sections(text: str) -> list[dict[str, Any]]:
    """Plain text as sections: runs of two or more table rows become fields, the rest mrkdwn."""
    blocks: list[dict[str, Any]] = []
    lines = text.split("\n")
    prose: list[str] = []

    def flush() -> None:
        chunk = ""
        for line in prose:
            piece = escape(line)
            while len(piece) > SECTION_LIMIT:  # one very long line: hard-wrap it
                if chunk:
                    blocks.append(_mrkdwn(chunk))
                    chunk = ""
                cut = piece.rfind(" ", 0, SECTION_LIMIT)
                cut = cut if cut > SECTION_LIMIT // 2 else SECTION_LIMIT
                amp = piece.rfind("&", cut - 5, cut)
                if amp != -1 and piece.find(";", amp) >= cut:
                    cut = amp  # never split an entity such as &amp;
                blocks.append(_mrkdwn(piece[:cut]))
                piece = piece[cut:].lstrip(" ")
            if chunk and len(chunk) + 1 + len(piece) > SECTION_LIMIT:
                blocks.append(_mrkdwn(chunk))
                chunk = ""
            chunk = f"{chunk}\n{piece}" if chunk else piece
        if chunk.strip():
            blocks.append(_mrkdwn(chunk))
        prose.clear()

    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and _is_row(lines[j]):
            j += 1
        if j - i >= 2:
            flush()
            rows = [_field(line) for line in lines[i:j]]
            for k in range(0, len(rows), FIELDS_PER_SECTION):
                blocks.append({"type": "section", "fields": rows[k:k + FIELDS_PER_SECTION]})
            i = j
        else:
            prose.append(lines[i])
            i += 1
    flush()
    return blocks


def _mrkdwn(text: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text, "verbatim": True}}


def _buttons(choices: list[Choice]) -> list[dict[str, Any]]:
    blocks: list[dict[str, Any]] = []
    for start in range(0, len(choices), BUTTONS_PER_BLOCK):
        elements = []
        for n, choice in enumerate(choices[start:start + BUTTONS_PER_BLOCK], start):
            button: dict[str, Any] = {"type": "button", "action_id": f"{ACTION_PREFIX}{n}",
                                      "text": {"type": "plain_text", "text": choice.label[:75] or "…",
                                               "emoji": True},
                                      "value": choice.data[:2000]}
            if choice.data.startswith("undo:"):
                button["style"] = "danger"
            elements.append(button)
        blocks.append({"type": "actions", "block_id": f"crm_choices_{start}", "elements": elements})
    return blocks


def blocks(reply: Reply) -> list[dict[str, Any]]:
    """The Block Kit blocks of a reply (at most 50; the choices are always kept)."""
    buttons = _buttons(reply.choices)
    body = _sections(reply.text or "")
    room = MAX_BLOCKS - len(buttons)
    if len(body) > room:
        body = body[:room - 1] + [_mrkdwn("…")]
    return body + buttons


def fallback_text(reply: Reply) -> str:
    """The plain `text` sent beside the blocks: notifications and clients without Block Kit."""
    text = escape(reply.text or "")
    return text if len(text) <= FALLBACK_LIMIT else text[:FALLBACK_LIMIT - 1] + "…"


def message(reply: Reply) -> dict[str, Any]:
    """Keyword arguments for chat.postMessage / respond: `text` and `blocks`."""
    return {"text": fallback_text(reply), "blocks": blocks(reply)}


# -- Slack's wire format read back --------------------------------------------------------------


def slack_to_plain(text: str, bot_user_id: str | None = None) -> str:
    """Slack's wire format as the text the person typed: mentions of the bot dropped, links
    shown by their label, `&amp;`/`&lt;`/`&gt;` decoded."""
    def link(m: re.Match[str]) -> str:
        target, label = m.group(1), m.group(2)
        if bot_user_id and target == f"@{bot_user_id}":
            return ""
        if target.startswith(("@", "#")):
            return target[0] + label if label else target
        if target.startswith("!"):
            return "@" + (label or target[1:].split("^")[0])
        return label or target.removeprefix("mailto:")
    plain = _LINK.sub(link, text or "")
    plain = plain.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return re.sub(r"[ \t]{2,}", " ", plain).strip()


def instant(ts: str | None) -> datetime | None:
    """A Slack `ts` ("1712345678.000100") as an aware UTC instant; None when absent or unreadable."""
    try:
        return datetime.fromtimestamp(float(ts), timezone.utc) if ts else None
    except ValueError:
        return None


def shared_file(files: list[dict], kind: str) -> str | None:
    """The download URL of the first shared file whose type starts with `kind`."""
    return next((f.get("url_private_download") or f.get("url_private") for f in files
                 if str(f.get("mimetype", "")).startswith(kind)), None)
