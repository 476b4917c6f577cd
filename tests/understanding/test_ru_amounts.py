"""Russian sums as reps write and dictate them: slang, spaces between thousands, numbers in words
(written fresh, not from the eval corpus)."""
from decimal import Decimal

import pytest

from handlers.understanding import understand
from handlers.understanding.amount_words import find_word_amounts

from understanding_data import NOW, RU


def u(text, known=RU):
    return understand(text, NOW, known)


@pytest.mark.parametrize("text, value", [
    ("вектор кп 450тыр отправил", 450000),
    ("уралсталь счет на 95 тыр выставила", 95000),
    ("добрый хлеб согласовали 640т.р., ждем договор", 640000),
    ("альфа-строй хотят 2,5 лимона, торгуются", 2500000),
    ("вектор подписали 7 лямов!!", 7000000),
    ("уралсталь бюджет есть ~ 300 к, тз пришлют", 300000),
    ("добрый хлеб оплатили 318 400 наконец", 318400),
    ("вектор договор подписан, 2 415 000 🎉", 2415000),
    ("уралсталь: было 900 000, со скидкой итого 855 000", 855000),
])
def test_sums_in_slang_and_with_spaces(text, value):
    p = u(text)
    assert (p.amount, p.currency) == (Decimal(value), "RUB"), text


@pytest.mark.parametrize("text", [
    "вектор, звонил Петру, тел 8 916 555 12 40",
    "уралсталь новый номер +7 912 100-200-3",
    "добрый хлеб заказали 1 200 штук коробок",
])
def test_phone_numbers_and_counts_are_no_sums(text):
    assert u(text).amount is None, text


@pytest.mark.parametrize("words, value", [
    ("около миллиона трехсот", 1_300_000),
    ("миллион двести", 1_200_000),
    ("три миллиона четыреста пятьдесят тысяч", 3_450_000),
    ("два миллиона сто", 2_100_000),
    ("миллиона три с половиной", 3_500_000),
    ("двести сорок тысяч", 240_000),
    ("пятьсот тыщ", 500_000),
    ("полутора миллионов", 1_500_000),
    ("шести миллионов", 6_000_000),
    ("два с половиной миллиона", 2_500_000),
    ("сто тысяч восемьсот", 100_800),
    ("7 миллионов триста", 7_300_000),
])
def test_numbers_said_in_words_add_up(words, value):
    found = find_word_amounts(words, "ru")
    assert [a.value for a in found] == [Decimal(value)], words


def test_a_dictated_note_reads_the_sum_in_words():
    p = u("так записываю уралсталь договорились на четыре миллиона семьсот подписываем в среду")
    assert (p.customer, p.amount, p.currency) == ("АО «Уралсталь»", Decimal(4_700_000), "RUB")
    p = u("вектор подтвердили бюджет около миллиона двухсот пятидесяти")
    assert p.amount == Decimal(1_250_000)


def test_counts_in_words_are_no_sums():
    assert find_word_amounts("две машины профлиста, пять процентов скидки", "ru") == []
    assert u("вектор хотят три станка, перезвоню").amount is None
