"""Bad input never raises: it comes back as "unknown" with a problem code."""
import os

import pytest

from handlers.understanding import understand

from understanding_data import EN, NOW


@pytest.mark.parametrize("text, problem", [
    ("", "empty"), ("   \n\t  ", "empty"), (None, "empty"), ("a" * 20_000, "too_long"),
    ("😀🎉🔥", "no_text"), ("???!!!", "no_text"), ("\x00\x01\x02\x03\x04\x05\x06\x07\x08", "no_text"),
    (os.urandom(400).decode("latin-1"), "no_text"),
])
def test_bad_input_is_unknown_with_a_problem(text, problem):
    p = understand(text, NOW, EN)
    assert p.intent == "unknown" and problem in p.problems and p.confidence < 0.5


@pytest.mark.parametrize("text", [
    "'; DROP TABLE customers; --", "<script>alert('x')</script>", "{{7*7}} ${jndi:ldap://x}",
    "\u202e\u200b hello", "哈哈哈 今天好冷啊", "ну такое", "$$$ 100000000000000000000000000000k",
    "follow up in 99999999 days", "9999-99-99", "Feb 30",
])
def test_odd_text_never_raises(text):
    p = understand(text, NOW, EN)
    assert "internal_error" not in p.problems
    p.to_json()


def test_help_stays_help_even_with_noise():
    assert understand("help!!! 😅", NOW, EN).intent == "help"


def test_amount_without_number():
    p = understand("sent Acme the quote in $, numbers tbd", NOW, EN)
    assert p.amount is None and "amount_without_number" in p.problems
