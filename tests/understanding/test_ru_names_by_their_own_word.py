"""A known Russian customer named by the one word that sets it apart, in any case and in lower case after a
preposition: the adjective before the kind it ends with ("с турбинным" for "Уральский Турбинный Завод"), its
own word after the abbreviations of the body it is ("по онкодиспансеру" for "ГАУЗ СО «Областной
онкодиспансер»"), a hyphenated name typed as two words; and orders that create a deal are notes, while
asking the bot to write a letter for the rep is not (sentences written fresh)."""
import pytest

from handlers.understanding import understand

from understanding_data import NOW

KNOWN = ["АО «Уральский Турбинный Завод»", "ГАУЗ СО «Областной онкодиспансер»", "ООО «Пекарня Сдоба-Люкс»",
         "АО «Столичные Кабельные Системы»", "ООО «Вектор»"]


@pytest.mark.parametrize("text, customer", [
    ("созвонился с турбинным, ждут КП до пятницы", "АО «Уральский Турбинный Завод»"),
    ("по турбинному: договор у юристов", "АО «Уральский Турбинный Завод»"),
    ("Турбинный — отправил спецификацию на 4 позиции", "АО «Уральский Турбинный Завод»"),
    ("онкодиспансер: документы на тендер подали", "ГАУЗ СО «Областной онкодиспансер»"),
    ("был у онкодиспансера, закупка у них в марте", "ГАУЗ СО «Областной онкодиспансер»"),
    ("сдоба-люкс: звонил главбуху, счёт оплатят в среду", "ООО «Пекарня Сдоба-Люкс»"),
])
def test_the_word_that_sets_a_name_apart_names_it(text, customer):
    assert understand(text, NOW, KNOWN).customer == customer, text


@pytest.mark.parametrize("text", [
    "в системе уже есть такой клиент? вносила его вчера",     # an everyday noun of a name is no name
    "осмотрели завод, цех большой, но оборудование старое",    # the kind a name ends with is no name
])
def test_plain_words_of_a_name_name_no_customer(text):
    assert understand(text, NOW, KNOWN).customer not in KNOWN, text


def test_an_order_to_create_a_deal_is_a_note_with_its_sum():
    parsed = understand("создай сделку ООО Синий Мост 450 000 стадия переговоры", NOW, KNOWN)
    assert (parsed.intent.value, parsed.customer, parsed.amount) == ("log", "Синий Мост", 450000)


@pytest.mark.parametrize("text", [
    "напиши за меня письмо в турбинный что поставка сдвигается",
    "составь от моего имени ответ Вектору про сроки",
])
def test_writing_for_the_rep_is_not_something_the_bot_does(text):
    assert understand(text, NOW, KNOWN).intent.value == "unknown", text
