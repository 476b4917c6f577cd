"""A Russian deal value written bare right after a deal word, as reps shorten it: three digits are
thousands, a number with a fraction is millions; a day and month, a count or a part of a longer
number is no value (sentences written fresh)."""
import pytest

from handlers.understanding import understand

from understanding_data import NOW, RU


@pytest.mark.parametrize("text, amount", [
    ("лотос кп 640 отправил, ждём ответ", 640000),
    ("Вектор подписали 950, ура", 950000),
    ("торгсервис подписал. 410", 410000),
    ("уралсталь оплатили 2.6 вчера", 2600000),
    ("кп 1,35 ушло в Лотос", 1350000),
    ("Вектор заказ на 380 подтвердили", 380000),
])
def test_a_bare_sum_after_a_deal_word(text, amount):
    assert understand(text, NOW, RU).amount == amount, text


@pytest.mark.parametrize("text", [
    "Лотос подписание 14.02, всё согласовали",
    "Вектор кп на 300 штук отправил",
    "уралсталь подписали 2 договора",
    "Лотос оплатили 2024 году ещё",
])
def test_a_date_a_count_or_a_year_is_no_sum(text):
    assert understand(text, NOW, RU).amount is None, text
