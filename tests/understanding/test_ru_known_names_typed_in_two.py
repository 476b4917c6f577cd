"""A known Russian name written as one word, typed as two ("строй мастер" for СтройМастер, "агро снаб"
for «АгроСнаб-Юг»), is that customer, as a Latin one is ("sun field" for Sunfield). Sentences written
fresh."""
import pytest

from handlers.understanding import understand

from understanding_data import NOW         # Wednesday 25 November 2026

KNOWN = ["ООО «СтройМастер»", "ООО «АгроСнаб-Юг»", "АО «Уралсталь»", "ООО «Вектор»"]


@pytest.mark.parametrize("text, name", [
    ("строй мастер прислали заявку на 40 позиций", "ООО «СтройМастер»"),
    ("агро снаб просят скидку 5%, думаем", "ООО «АгроСнаб-Юг»"),
    ("заехал в строй мастер, прораб Олег хочет КП", "ООО «СтройМастер»"),
])
def test_a_known_name_typed_in_two_words(text, name):
    assert understand(text, NOW, KNOWN).customer == name


def test_two_words_that_make_no_known_name_stay_apart():
    assert understand("строй тех прислали заявку", NOW, KNOWN).customer != "ООО «СтройМастер»"
