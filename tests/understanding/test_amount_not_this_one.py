"""A value the note itself takes back for another ("45k not 50k", "not 50k, 45k", "бюджет не 2 млн, а 1,8
млн", "金额45万，不是50万") is never the amount; a value said after a retraction with a pause ("报价45万，
不是，50万", "quote 42k, no sorry 45k") still replaces the first."""
from decimal import Decimal

import pytest

from handlers.understanding import understand

from understanding_data import EN, NOW, RU, ZH


@pytest.mark.parametrize("text, known, amount", [
    ("Stark Realty: the PO is for 38k not 40k", EN, 38_000),
    ("acme - not 12k, they approved 11.5k", EN, 11_500),
    ("Вектор: сумма договора не 900 тыс, а 870 тыс", RU, 870_000),
    ("Добрый Хлеб подтвердили 2,4 млн вместо 2,6 млн", RU, 2_400_000),
    ("海天食品合同金额38万，不是40万", ZH, 380_000),
    ("东方电气不是30万，是28万", ZH, 280_000),
    ("远航物流报价26万，不是，28万", ZH, 280_000),
    ("sent Initech the quote for 42k, no sorry 45k", EN, 45_000),
])
def test_the_value_taken_back_is_not_the_amount(text, known, amount):
    assert understand(text, NOW, known).amount == Decimal(amount), text


@pytest.mark.parametrize("text, amount, currency", [
    ("远航物流报价6万人民币", 60_000, "CNY"),
    ("海天食品 合同 12万RMB", 120_000, "CNY"),
    ("东方电气 报价 3万USD", 30_000, "USD"),
])
def test_a_currency_written_after_a_chinese_multiplier(text, amount, currency):
    parse = understand(text, NOW, ZH)
    assert (parse.amount, parse.currency) == (Decimal(amount), currency), text


@pytest.mark.parametrize("text", ["海天食品的新工厂500万像素的摄像头", "东方电气服务8万人的园区"])
def test_a_count_after_a_multiplier_is_no_amount(text):
    assert understand(text, NOW, ZH).amount is None, text
