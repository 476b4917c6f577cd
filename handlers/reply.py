"""The shape every handler returns; adapters turn it into platform calls."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Choice:
    """A button: what it shows and the data it sends back when pressed."""

    label: str
    data: str


@dataclass
class Reply:
    """What the bot answers: text, optional buttons, optional picture, optional undo token."""

    text: str
    lang: str = "en"
    choices: list[Choice] = field(default_factory=list)
    image: bytes | None = None
    image_caption: str | None = None
    undo_token: str | None = None
    wrote: bool = False  # the reply confirms a write to the store

    def __contains__(self, needle: str) -> bool:
        """`"Globex" in reply` reads like chat in tests."""
        return needle in self.text

    def __str__(self) -> str:
        return self.text
