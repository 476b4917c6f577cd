"""What erasing a customer's people means, row by row and word by word.

The words that identify them (`Terms`: the customer's names and aliases, its
contacts' phones, e-mails and names), how to find and scrub them in free text
and in JSON (`walk`), in SQL (`mentions`), which journalled columns hold
personal data (`PERSONAL`) and what they become (`erase_value`). Used by
`storage.privacy.forget`.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

from sqlalchemy import String, Text, cast, func, or_
from sqlalchemy.sql.elements import ColumnElement

from storage.customers import name_key

ERASED = "[erased]"
CHUNK = 500
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")

# Columns of a journalled row that hold personal data: scrubbed in the audit log's before/after.
PERSONAL = {
    "customer": ("name", "name_key", "custom"),
    "customeralias": ("alias", "alias_key"),
    "contact": ("name", "role", "phone", "email", "birth_month", "birth_day"),
    "interaction": ("text",),
    "followup": ("what",),
    "note": ("text",),
    "deal": ("title", "lost_reason"),
    "inquiry": ("text",),
}
# Columns of unknown tables (with a customer_id) that are erased as free text.
FREE_TEXT = ("text", "what", "note", "notes", "title", "name", "description", "body", "comment")


def erased_name(customer_id: int) -> str:
    """What a forgotten customer is called from then on."""
    return f"[erased customer #{customer_id}]"


@dataclass
class Terms:
    """The words that identify the customer's people, and how to find them in text."""

    strong: list[str] = field(default_factory=list)   # customer names, phones, e-mails, long contact names
    all: list[str] = field(default_factory=list)      # and every contact name, however short

    @staticmethod
    def _pattern(term: str) -> re.Pattern[str]:
        body = re.escape(term)
        if CJK.search(term):
            return re.compile(body, re.IGNORECASE)
        return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)

    def __post_init__(self) -> None:
        self.patterns = [self._pattern(t) for t in self.strong]

    def found(self, text: str) -> bool:
        return any(p.search(text) for p in self.patterns)

    def scrub(self, text: str) -> str:
        for pattern in self.patterns:
            text = pattern.sub(ERASED, text)
        return text

    def like_variants(self) -> list[str]:
        """Lower-cased forms to look for in stored text, raw and as JSON writes them."""
        out: set[str] = set()
        for term in self.strong:
            for form in {term, term.lower(), term.title(), term.upper()}:
                out.add(form.lower())
                escaped = json.dumps(form)[1:-1]
                if escaped != form:
                    out.add(escaped.lower())
        return sorted(out)


def usable_term(term: str | None) -> str | None:
    if not term:
        return None
    term = term.strip()
    if term in (ERASED, "?") or term.startswith("[erased"):
        return None
    minimum = 2 if CJK.search(term) else 3
    return term if len(term) >= minimum else None


def mentions(column: Any, variants: Sequence[str]) -> ColumnElement[bool]:
    text = func.lower(cast(column, Text))
    return or_(*(text.contains(v, autoescape=True) for v in variants))


def walk(value: Any, fix: Any) -> tuple[Any, bool]:
    """Apply `fix` to every string inside a JSON value; (new value, changed)."""
    if isinstance(value, str):
        new = fix(value)
        return new, new != value
    if isinstance(value, dict):
        changed = False
        out: dict[str, Any] = {}
        for key, item in value.items():
            out[key], hit = walk(item, fix)
            changed = changed or hit
        return out, changed
    if isinstance(value, list):
        changed = False
        items = []
        for item in value:
            new, hit = walk(item, fix)
            items.append(new)
            changed = changed or hit
        return items, changed
    return value, False


def erase_value(table: str, key: str, value: Any, customer_id: int) -> Any:
    if value is None:
        return None
    if table == "customer" and key == "name":
        return erased_name(customer_id)
    if table == "customer" and key == "name_key":
        return name_key(erased_name(customer_id))
    if key == "custom":
        return {}
    if isinstance(value, str):
        return ERASED
    return None


def chunks(items: Iterable[Any], size: int = CHUNK) -> Iterable[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def terms_for(names: Iterable[str | None], contacts: Iterable[Any]) -> Terms:
    """The terms that identify a customer's people: its names and aliases, its contacts' phones,
    e-mails and names (strong when long enough to find in text without false hits)."""
    strong: list[str] = []
    every: list[str] = []
    for term in names:
        if kept := usable_term(term):
            strong.append(kept)
    for contact in contacts:
        for term in (contact.phone, contact.email):
            if usable_term(term):
                strong.append(term.strip())
        if usable_term(contact.name):
            every.append(contact.name.strip())
            if len(contact.name.strip()) >= 4 or CJK.search(contact.name):
                strong.append(contact.name.strip())
    return Terms(strong=sorted(set(strong), key=len, reverse=True),
                 all=sorted(set(strong + every), key=len, reverse=True))


def text_columns(table: Any) -> list[Any]:
    """Free-text columns of a table (by name and string type)."""
    def is_text(kind: Any) -> bool:
        return isinstance(kind, String) or isinstance(getattr(kind, "impl", None), String) \
            or getattr(kind, "impl", None) is String
    return [c for c in table.c if c.name in FREE_TEXT and is_text(c.type)]


def is_key(value: str, payload: dict[str, Any]) -> bool:
    """Fields of an inbox update that identify it rather than say anything (kept for de-duplication)."""
    return value in {str(payload.get(k)) for k in ("platform", "account_id", "chat_id", "message_id",
                                                   "workspace_id", "lang_hint", "sent_at") if payload.get(k)}
