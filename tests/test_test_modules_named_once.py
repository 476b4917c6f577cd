"""Test modules live in folders without __init__.py, so pytest imports each by its file name: two
test files of one name in different folders stop the whole run at collection. Each name is used once."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def test_no_two_test_modules_share_a_file_name():
    names = Counter(path.name for path in TESTS.rglob("test_*.py"))
    assert [name for name, count in names.items() if count > 1] == []
