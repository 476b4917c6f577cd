"""A value taken back in the same note ("не, на 450", "no wait", "不对，是…") is replaced by the one said
after it, and a bare amount said again keeps the currency said with the first: "КП на 500 тыс евро, не,
на 450 тыс" is 450 000 €, "quote £80k no wait 75k" is £75,000, "报价二十万美元，不对，是十八万" is $180,000."""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from handlers.understanding import understand

NOW = datetime(2026, 12, 14, 11, 0, tzinfo=ZoneInfo("Europe/Moscow"))       # a Monday
KNOWN = ["ООО «Кедр»", "Birchwood Mills", "远航物流"]

TAKEN_BACK = [
    ("Кедр: КП на 500 тыс евро, не, на 450 тыс", 450_000, "EUR"),
    ("отправил Кедру предложение на 2 млн, не, 1,8 млн", 1_800_000, "RUB"),
    ("Кедр бюджет 120 тыс долларов — не, 110 тыс", 110_000, "USD"),
    ("Кедр: счёт на 300 тыс, нет, 350 тыс", 350_000, "RUB"),
    ("Birchwood Mills quote £80k no wait 75k", 75_000, "GBP"),
    ("sent Birchwood Mills a proposal for 40k euros, no sorry 42k", 42_000, "EUR"),
    ("远航物流报价二十万美元，不对，是十八万", 180_000, "USD"),
]


@pytest.mark.parametrize("text, amount, currency", TAKEN_BACK, ids=[t for t, *_ in TAKEN_BACK])
def test_the_amount_said_again_stands_in_the_currency_said_first(text, amount, currency):
    parse = understand(text, NOW, KNOWN)
    assert (parse.amount, parse.currency) == (Decimal(amount), currency)


def test_a_plain_no_takes_nothing_back_and_two_currencies_stay_apart():
    assert understand("Кедр: не, не звонил им ещё", NOW, KNOWN).amount is None
    parse = understand("Birchwood Mills: 40k euros, no wait, $45k", NOW, KNOWN)
    assert (parse.amount, parse.currency) == (Decimal(45_000), "USD")
    parse = understand("Кедр: КП на 500 тыс, не, на 450 тыс евро", NOW, KNOWN)
    assert (parse.amount, parse.currency) == (Decimal(450_000), "EUR")
