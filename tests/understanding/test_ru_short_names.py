"""A known Russian customer named the short ways reps type it: by initials, by the words after an
adjective or an abbreviation, or run together (names and sentences written fresh)."""
import pytest

from handlers.understanding import understand

from understanding_data import NOW

KNOWN = ["ООО «ПермьНефтеСервис»", "АО «Северный Кабельный Завод»", "ООО «ТД Магистраль»", "ООО «Камская Верфь»",
         "ООО «Дон-Агро»", "АО «Уральский Бетон Трейд»", "ООО «Вектор»"]


@pytest.mark.parametrize("text, customer", [
    ("ПНС подписали, 1,2 млн", "ООО «ПермьНефтеСервис»"),
    ("пнс оплатили счет наконец", "ООО «ПермьНефтеСервис»"),
    ("СКЗ: отправил КП на кабель", "АО «Северный Кабельный Завод»"),
    ("по КВ: ждут договор", "ООО «Камская Верфь»"),
    ("магистраль звонил, хотят скидку 5%", "ООО «ТД Магистраль»"),
    ("Что по Верфи? КП же отправляли", "ООО «Камская Верфь»"),
    ("значит кабельный завод подписали договор", "АО «Северный Кабельный Завод»"),
    ("был в уралбетоне, смотрели склад", "АО «Уральский Бетон Трейд»"),
    ("пермьнефть кп отправил 900к", "ООО «ПермьНефтеСервис»"),
])
def test_a_short_form_names_the_known_customer(text, customer):
    assert understand(text, NOW, KNOWN).customer == customer, text


@pytest.mark.parametrize("text", [
    "бетон привезли, всё ок",            # a word of a name alone, in lower case, mid-sentence: no name
    "как там дела, что нового",           # short words are no initials
    "да, ждут договор",                   # "да" is a word, not the initials of Дон-Агро
])
def test_plain_words_name_no_known_customer(text):
    assert understand(text, NOW, KNOWN).customer not in KNOWN, text
