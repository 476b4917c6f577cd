"""Prompt templates: versioned text files beside this module, one loader.

    load("extract")            # the newest version: extract.v2.txt over extract.v1.txt
    load("extract", 1).render(today="2026-11-26", message="...")

A file is `NAME.vN.txt`; placeholders are `{{name}}`. Every placeholder must be
given and nothing else: a typo fails loudly instead of sending a half prompt.
Literal braces (JSON examples) need no escaping.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
_FILE = re.compile(r"^(?P<name>[a-z0-9_]+)\.v(?P<version>\d+)\.txt$")
_SLOT = re.compile(r"\{\{\s*([a-z_][a-z0-9_]*)\s*\}\}")


class PromptError(LookupError):
    """No such prompt, or a render with missing or unexpected values."""


@dataclass(frozen=True)
class Template:
    """One version of one prompt."""

    name: str
    version: int
    text: str

    @property
    def slots(self) -> frozenset[str]:
        """The placeholder names the template expects."""
        return frozenset(_SLOT.findall(self.text))

    @property
    def id(self) -> str:
        """`extract.v1`: what usage records and logs name."""
        return f"{self.name}.v{self.version}"

    def render(self, **values: object) -> str:
        """The text with every `{{slot}}` replaced by `str(value)`."""
        missing = self.slots - values.keys()
        extra = values.keys() - self.slots
        if missing or extra:
            raise PromptError(f"{self.id}: missing {sorted(missing)}, unexpected {sorted(extra)}")
        return _SLOT.sub(lambda m: str(values[m.group(1)]), self.text)


def versions(name: str, folder: Path = HERE) -> list[int]:
    """The versions of `name` on disk, oldest first."""
    found = []
    for path in folder.glob(f"{name}.v*.txt"):
        m = _FILE.match(path.name)
        if m and m.group("name") == name:
            found.append(int(m.group("version")))
    return sorted(found)


@lru_cache(maxsize=64)
def load(name: str, version: int | None = None) -> Template:
    """The template `name` at `version` (default: the newest one)."""
    if version is None:
        known = versions(name)
        if not known:
            raise PromptError(f"no prompt named {name!r} in {HERE}")
        version = known[-1]
    path = HERE / f"{name}.v{version}.txt"
    if not path.is_file():
        raise PromptError(f"no prompt {name}.v{version}")
    return Template(name, version, path.read_text(encoding="utf-8").strip() + "\n")
