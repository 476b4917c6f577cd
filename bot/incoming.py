"""The one shape every platform's message becomes."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass
class Incoming:
    """A message (or button press) from a chat platform, translated by its adapter."""

    platform: str                      # "telegram" | "slack" | "console"
    account_id: str                    # the sender's id on that platform
    chat_id: str                       # where to answer
    message_id: str | None = None      # the platform's own id, for de-duplication
    text: str = ""
    audio: bytes | str | None = None   # voice note: bytes or a file reference
    image: bytes | str | None = None
    sent_at: datetime | None = None    # aware; None means now
    lang_hint: str | None = None       # the platform's language code ("en", "zh-hans", "ru")
    mentioned: bool = True             # addressed to the bot (always true in private chats)
    callback: str | None = None        # data of a pressed button
    display_name: str | None = None
    workspace_id: str | None = None    # Slack team id
    workspace_trusted: bool = False    # the adapter checked it is the configured workspace
