"""Handlers never reclassify text: only understanding (handlers/understanding/) reads a message's
words for meaning. No other module under handlers/ imports `re`, compiles a pattern or matches
one (`.search`, `.match`, `.fullmatch`, `.findall`, `.finditer`, `.sub`, `.subn`), except the few
modules below, which touch text for something that is not its meaning."""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HANDLERS = ROOT / "handlers"
UNDERSTANDING = HANDLERS / "understanding"
MATCHING = frozenset({"search", "match", "fullmatch", "findall", "finditer", "sub", "subn", "compile"})
ALLOWED = {
    # strips control and zero-width characters from any input before anything reads it: hygiene, not meaning
    "handlers/guard.py": "control characters",
    # lays out an amount the bot formats itself (babel's pattern, a non-breaking space by the symbol);
    # it never sees what the user wrote
    "handlers/money_text.py": "formatting money",
}


def _offences(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import) and any(a.name in ("re", "regex") for a in node.names):
            found.append(f"{node.lineno}: import re")
        elif isinstance(node, ast.ImportFrom) and node.module in ("re", "regex"):
            found.append(f"{node.lineno}: from re import")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in MATCHING:
            found.append(f"{node.lineno}: .{node.func.attr}(…)")
    return found


def test_no_handler_outside_understanding_reads_text_with_patterns():
    offenders = []
    for path in sorted(HANDLERS.rglob("*.py")):
        if UNDERSTANDING in path.parents:
            continue
        where = str(path.relative_to(ROOT))
        if where in ALLOWED:
            continue
        offenders += [f"{where}:{line}" for line in _offences(path)]
    assert offenders == []


def test_the_allow_list_names_only_modules_that_still_need_it():
    for where in ALLOWED:
        assert _offences(ROOT / where), f"{where} no longer matches text: take it off the allow-list"


def test_a_handler_that_matches_a_pattern_is_caught(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("from handlers.understanding.cues import lexicon\n"
                      "def f(ctx):\n    return lexicon('en').new_company.search(ctx.text)\n", encoding="utf-8")
    assert _offences(sample) == ["3: .search(…)"]
