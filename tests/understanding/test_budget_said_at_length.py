"""A budget approved or named with words between ("approved the fleet tracking budget", "budget is
"mid 300s"") qualifies the deal, as "approved the budget" does (written fresh)."""
import pytest

from handlers.understanding import understand

from understanding_data import EN, NOW, RU, ZH


@pytest.mark.parametrize("text, known", [
    ("Globex finally approved the fleet tracking budget, 72k", EN),
    ("initech: their budget is \"mid 300s\", signed off for next year", EN),
    ("acme - budget's in the low 50s", EN),
    ("远航物流 预算批下来了 大概三十万", ZH),
    ("Вектор: бюджет согласовали, около 2 млн", RU),
])
def test_a_budget_qualifies_the_deal(text, known):
    assert understand(text, NOW, known).stage == "qualified"
