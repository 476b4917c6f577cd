"""A Russian name corrected on the fly, as reps dictate it, is read as corrected; a company introduced
by "называется" is its name as said (sentences written fresh)."""
import pytest

from handlers.understanding import understand
from handlers.understanding.ru_spoken import corrected

from understanding_data import NOW, RU


@pytest.mark.parametrize("said, read", [
    ("была в сибтехснаб нет сибтехсервис, просят прайс", "была в сибтехсервис, просят прайс"),
    ("звонил в ТрансЛес-Урал, нет, ТрансЛес без Урала", "звонил в ТрансЛес без Урала"),
    ("кп в агромир юг ой агромир юго-восток отправил", "кп в агромир юго-восток отправил"),
    ("звонил в Вектор, нет ответа", "звонил в Вектор, нет ответа"),
    ("Ромашка стоп это не они", "Ромашка стоп это не они"),
])
def test_a_respelt_name_stands_for_the_first_try(said, read):
    assert corrected(said) == read


@pytest.mark.parametrize("text, company", [
    ("новая фирма называется север логистик нет север лоджистик, возят лес", "север лоджистик"),
    ("зашла в магазин, называется эээ дом посуды там хозяйка марина", "дом посуды"),
    ("новый клиент под названием Три Сосны, звонили сами", "Три Сосны"),
])
def test_a_company_introduced_by_its_name(text, company):
    assert understand(text, NOW, RU).customer == company, text


def test_a_sum_said_again_stands_corrected():
    assert understand("Вектор говорит бюджет миллион двести ой миллион триста", NOW, RU).amount == 1300000
