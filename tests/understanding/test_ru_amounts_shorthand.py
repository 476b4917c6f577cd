"""Russian sums in reps' shorthand, and a minus that belongs to a percent, not to the sum after it
(sentences written fresh)."""
import pytest

from handlers.understanding import understand

from understanding_data import NOW, RU


@pytest.mark.parametrize("text, amount", [
    ("вектор кп 450т отправил", 450000),
    ("уралсталь подписали доп соглашение на 270т", 270000),
    ("Добрый Хлеб — торг. Просят -7%, даём -3%. 2,3 млн.", 2300000),
])
def test_shorthand_sums(text, amount):
    p = understand(text, NOW, RU)
    assert (p.amount, p.refused) == (amount, []), text


def test_a_sum_written_with_a_minus_is_still_refused():
    p = understand("вектор, сумма -80 тыс.", NOW, RU)
    assert p.amount is None and [r.text for r in p.refused] == ["-80 тыс."]
