"""Money in a note that is not the deal's: a competitor's price and a bid security we pay are no deal amount and
move no stage, in three languages; our own price beside them still is."""
from __future__ import annotations

import pytest

from handlers.understanding import understand

from understanding_data import NOW


@pytest.mark.parametrize("text", [
    "Harlow Clinic says a competitor quoted them $0.12 a unit",
    "по Кварцу: конкуренты предложили 3,4 млн",
    "внесли обеспечение заявки 180 тыс по тендеру Кварца",
    "华彩说竞争对手报了每台2600",
    "交了投标保证金3万",
])
def test_a_rivals_price_or_a_bid_security_is_no_deal_amount_and_no_stage(text):
    parse = understand(text, NOW, ["Harlow Clinic", "Кварц", "华彩"])
    assert (parse.amount, parse.stage) == (None, None), parse


@pytest.mark.parametrize("text, amount", [
    ("Harlow Clinic: sent our quote $14,500, a competitor is at $16k", 14500),
    ("Кварц: отправил КП на 2,9 млн, у конкурентов 3,1", 2900000),
])
def test_our_own_price_beside_a_rivals_is_the_deal(text, amount):
    parse = understand(text, NOW, ["Harlow Clinic", "Кварц"])
    assert (parse.amount, parse.stage) == (amount, "proposal"), parse
