"""The one shape every platform's message becomes."""
from __future__ import annotations

import uuid
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any


@dataclass
class Incoming:
    """A message (or button press) from a chat platform, translated by its adapter."""

    platform: str                      # "telegram" | "slack" | "console"
    account_id: str                    # the sender's id on that platform
    chat_id: str                       # where to answer
    message_id: str | None = None      # the platform's own id, for de-duplication (none: a fresh one)
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

    def __post_init__(self) -> None:
        """A message the platform gave no id gets one now, once: the inbox, the spool and the
        note all know it by the same key."""
        if self.message_id is None:
            self.message_id = uuid.uuid4().hex

    @property
    def key(self) -> str:
        """The update's identity on its platform, for de-duplication."""
        key = f"{self.chat_id}:{self.message_id}"
        return f"{key}:{self.callback}" if self.callback else key

    def to_payload(self) -> dict[str, Any]:
        """A JSON-safe copy for the inbox (audio/image kept only as file references)."""
        data = dict(vars(self))  # every field is a plain value: no deep copy needed
        for name in ("audio", "image"):
            if isinstance(data[name], bytes):
                data[name] = None
        data["sent_at"] = self.sent_at.isoformat() if self.sent_at else None
        return data

    @classmethod
    def from_payload(cls, data: dict[str, Any]) -> "Incoming":
        """The update back from its inbox copy."""
        names = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in names}
        if values.get("sent_at"):
            values["sent_at"] = datetime.fromisoformat(values["sent_at"])
        return cls(**values)
