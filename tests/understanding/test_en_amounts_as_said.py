"""English sums as reps say and type them: the hundreds said after the thousands ("eight thousand
four hundred"), and a sum with its thousands set apart by commas and no currency ("quote sent 27,350")
(sentences written fresh)."""
import pytest

from handlers.understanding import understand

from understanding_data import EN, NOW


@pytest.mark.parametrize("text, amount", [
    ("um Acme signed the renewal uh twelve thousand six hundred for the year", 12600),
    ("sent Globex the pricing, nine thousand two hundred and fifty dollars all in", 9250),
    ("Northwind - quote snt 14,750. Pat reviewing", 14750),
    ("PO in from Blue Harbor!! 112,400 🎉", 112400),
])
def test_a_sum_as_said_or_typed(text, amount):
    assert understand(text, NOW, EN).amount == amount


@pytest.mark.parametrize("text", [
    "Acme has 1,200 employees across 3 sites, called their HR lead",
    "called Globex, their main line is 555-1,234",
])
def test_a_count_or_a_number_is_no_sum(text):
    assert understand(text, NOW, EN).amount is None
