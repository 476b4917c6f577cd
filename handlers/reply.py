"""The shape every handler returns; adapters turn it into platform calls."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


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

    def to_payload(self) -> dict[str, Any]:
        """A JSON-safe copy, kept until the platform has it (a picture is not kept)."""
        return {"text": self.text, "lang": self.lang, "undo_token": self.undo_token, "wrote": self.wrote,
                "choices": [[c.label, c.data] for c in self.choices]}

    @classmethod
    def from_payload(cls, data: dict[str, Any]) -> "Reply":
        """The reply back from its stored copy."""
        choices = [Choice(label, value) for label, value in data.get("choices", [])]
        return cls(text=data.get("text", ""), lang=data.get("lang", "en"), undo_token=data.get("undo_token"),
                   wrote=bool(data.get("wrote")), choices=choices)
