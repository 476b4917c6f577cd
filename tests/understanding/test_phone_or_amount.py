"""A phone is read however a country groups its digits; an amount grouped by thousands is money,
never a phone."""
from __future__ import annotations

import pytest

from handlers.understanding import understand
from understanding_data import NOW


@pytest.mark.parametrize("text, phone", [
    ("Tom at Ridgeway Tiles, his mobile is +44 7700 900456", "+44 7700 900456"),
    ("ridgeway tiles office 020 7946 0321", "020 7946 0321"),
])
def test_a_phone_grouped_any_way_is_read(text, phone):
    assert understand(text, NOW, ["Ridgeway Tiles"]).contact_phone == phone


@pytest.mark.parametrize("text, amount", [
    ("sent Ridgeway Tiles the quote, 45 000 000 rub", 45_000_000),
    ("Отправил КП в Ладогу на 12 500 000 руб", 12_500_000),
])
def test_an_amount_grouped_by_thousands_is_no_phone(text, amount):
    parse = understand(text, NOW, ["Ridgeway Tiles", "Ладога"])
    assert parse.amount == amount and parse.contact_phone is None, parse
