"""A call told in passing is a call: "— call done, quote sent", "finally picked up — spoke to …",
"• phone w Nora Blake"; a call still to make ("call Tom friday") is none. Sentences written fresh."""
import pytest

from handlers.understanding import understand

from understanding_data import EN, NOW


@pytest.mark.parametrize("text", [
    "Priya Shah from Kestrel Bakes — call done, quote sent £9,400 for the boxes",
    "Northwind finally picked up — spoke to Ana (ops). Want a proposal for 12 scanners",
    "• Acme Corp\n• phone w Nora Blake\n• quote sent $7k",
    "Initech: call complete, they want the revised terms",
])
def test_a_call_told_in_passing_is_a_call(text):
    assert understand(text, NOW, EN).channel == "call"


@pytest.mark.parametrize("text", ["call Tom at Acme friday", "Acme - call Nora tomorrow about the quote"])
def test_a_call_still_to_make_is_none(text):
    assert understand(text, NOW, EN).channel is None
