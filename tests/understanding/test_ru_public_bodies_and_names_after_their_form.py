"""A new Russian customer written after its form without quotes is read whole: a public body's form is kept
before its name ("ГКУ Дорожный фонд", "ГБОУ Гимназия №12"), a name of several words and a number after "ООО"
is the name even after "новая компания:", and what the tender is for or a sum in digit groups is not part of
it (sentences written fresh)."""
import pytest

from handlers.understanding import understand

from understanding_data import NOW, RU


@pytest.mark.parametrize("text, customer", [
    ("Звонил Пётр из ГКУ Дорожный фонд, просят КП на знаки", "ГКУ Дорожный фонд"),
    ("проиграли аукцион МБОУ Гимназия №12 на парты, демпинг", "МБОУ Гимназия №12"),
    ("внеси новую компанию: ООО Уральский Мясокомбинат 3, контакт Белова", "Уральский Мясокомбинат 3"),
    ("создай сделку ООО Тихая Гавань 780 000 этап переговоры", "Тихая Гавань"),
])
def test_a_name_after_its_form_is_read_whole(text, customer):
    assert understand(text, NOW, RU).customer == customer, text
