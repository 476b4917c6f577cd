"""An amount said as a price times a count and what it comes to: the sum is the deal, in three languages."""
from __future__ import annotations

import pytest

from handlers.understanding import understand

from understanding_data import NOW


@pytest.mark.parametrize("text, amount", [
    ("Harbour Hotel wants 12 crates at £45 = £540, invoice tomorrow", 540),
    ("24 куртки по 3 200 = 76 800, счёт завтра", 76800),
    ("订了15箱 每箱260 = 3900元", 3900),
])
def test_the_sum_a_price_times_a_count_comes_to_is_the_deal(text, amount):
    """"N at £X = £Y": what it comes to is the deal's value, never the unit price (trial: a £380 order read as £38)."""
    assert understand(text, NOW, []).amount == amount
