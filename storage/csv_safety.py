"""Spreadsheet formulas in CSV cells: neutralized on the way out, flagged on the way in.

A cell that starts with `=`, `+`, `-` or `@` (or a tab or carriage return, which some spreadsheets
skip before reading the rest) is run as a formula when the file is opened in Excel, LibreOffice or
Google Sheets: `=cmd|' /C calc'!A0`, `+HYPERLINK(…)`, `@SUM(…)`. Exports write such a cell with a
leading apostrophe, which spreadsheets show as text and never run; plain numbers (`-1200`,
`+15550100`) are left as they are. Imports refuse formulas (see `storage.import_rows`), but a phone
number such as `+1 555 0100` or `-` alone is an ordinary value.
"""
from __future__ import annotations

import re
from typing import Any

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")
_PHONE = re.compile(r"^\+?[\d\s().\-/]{3,}$")


def neutralize(value: Any) -> Any:
    """The value as it may go into an exported CSV cell: a formula becomes inert text."""
    if not isinstance(value, str) or not value.startswith(TRIGGERS) or _NUMBER.match(value):
        return value
    return "'" + value


def formula_like(value: str) -> bool:
    """Whether an imported cell would run as a formula in a spreadsheet (a phone number, a negative
    number, a dash alone or a dashed list item does not)."""
    text = value.lstrip(" ")
    if not text.startswith(TRIGGERS) or _NUMBER.match(text) or _PHONE.match(text):
        return False
    if text.startswith("-") and (len(text) == 1 or text[1] in " -"):
        return False  # "-", "- item", "--" are text to any spreadsheet
    return True


def restored(value: str) -> str:
    """An imported cell as it was before `neutralize`: a phone number exported as "'+1 555 0100"
    comes back as "+1 555 0100". A neutralized formula keeps its apostrophe (and stays inert)."""
    if value.startswith("'") and value[1:].startswith(TRIGGERS) and not formula_like(value[1:]):
        return value[1:]
    return value
