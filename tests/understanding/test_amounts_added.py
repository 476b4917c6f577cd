"""An amount said as added to the deal's ("another 15k", "+$2,500", "up by 6k", "10k extra", "追加8万",
"再加3万", "ещё 150 тыс", "увеличили заказ на 200 тыс", "шестьсот тысяч сверху") is read as added:
the value is the part added, and the chat grows the deal by it. A value said plainly is not."""
from decimal import Decimal

import pytest

from handlers.understanding import understand

from understanding_data import EN, NOW, RU, ZH


@pytest.mark.parametrize("text, known, amount", [
    ("Blue Harbor rang, two more depots, another 12k", EN, 12_000),
    ("acme corp: onboarding add-on +$2,500", EN, 2_500),
    ("Initech bumped the order by 7k after the demo", EN, 7_000),
    ("northwind wants the premium tier, roughly 9k extra", EN, 9_000),
    ("东方电气要加一个车间 追加8万", ZH, 80_000),
    ("海天食品说预算再加5万 下周签补充协议", ZH, 50_000),
    ("Добрый Хлеб берёт ещё одну печь, ещё 150 тыс", RU, 150_000),
    ("Уралсталь увеличили заказ на 200 тыс", RU, 200_000),
    ("Вектор хочет вторую линию, 400 тысяч сверху", RU, 400_000),
])
def test_an_amount_said_as_added(text, known, amount):
    parse = understand(text, NOW, known)
    assert parse.amount == Decimal(amount), text
    assert parse.amount_added, text


@pytest.mark.parametrize("text, known", [
    ("Visited Acme, sent the quote for $18k", EN),
    ("Globex: revised quote sent, 21k, another call next week", EN),
    ("华润建设报价增加到50万", ZH),
    ("Вектор: отправил КП на 1,2 млн, ещё позвоню в пятницу", RU),
])
def test_an_amount_said_plainly_is_not_added(text, known):
    parse = understand(text, NOW, known)
    assert parse.amount is not None and not parse.amount_added, text
