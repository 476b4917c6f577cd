"""A known Russian customer named by its own word, without the kind of business its name opens with
("Аптека", "Фабрика", "Торговый Дом", "Аптечная сеть"): "Ромашка" is ООО «Аптека Ромашка", "у Берёзки" is
ООО «Торговый Дом Берёзка"; a kind's word alone or a short word names nobody (names and sentences written fresh)."""
import pytest

from handlers.understanding import understand

from understanding_data import NOW

KNOWN = ["ООО «Аптека Ромашка»", "ООО «Торговый Дом Берёзка»", "ООО «Аптечная сеть Медуница»",
         "ООО «Фабрика Снегирь»", "ООО «Стоматология Улыбка Плюс»", "ООО «Клиника Лес»", "ООО «Вектор»"]


@pytest.mark.parametrize("text, customer", [
    ("Ромашка: заведующая просит прайс на витамины, перезвоню в пятницу", "ООО «Аптека Ромашка»"),
    ("был у Берёзки, обсудили отсрочку 30 дней", "ООО «Торговый Дом Берёзка»"),
    ("Медуница подписала спецификацию на 1,2 млн", "ООО «Аптечная сеть Медуница»"),
    ("снегирь — директор в отпуске до среды", "ООО «Фабрика Снегирь»"),
    ("Улыбка Плюс: главврач хочет два кресла", "ООО «Стоматология Улыбка Плюс»"),
])
def test_a_customer_named_by_its_own_word_is_the_known_one(text, customer):
    assert understand(text, NOW, KNOWN).customer == customer, text


@pytest.mark.parametrize("text", [
    "зашёл в аптеку по дороге, купил воды",      # the kind alone names no customer
    "Лес рубят — щепки летят, ничего нового",     # a word under four letters after the kind is no name alone
    "дом сдали, переезжаем в новый офис",         # "Дом" of "Торговый Дом" is a kind, not the name
])
def test_a_kind_or_a_short_word_names_no_known_customer(text):
    assert understand(text, NOW, KNOWN).customer not in KNOWN, text


def test_the_name_still_matches_whole_and_with_its_kind():
    assert understand("в Аптеке Ромашка приняли заказ", NOW, KNOWN).customer == "ООО «Аптека Ромашка»"
    assert understand("ТД Берёзка оплатили счёт", NOW, KNOWN).customer == "ООО «Торговый Дом Берёзка»"
