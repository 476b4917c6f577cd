"""A Russian company's name heading a note before a dash or a colon is the note's customer, as
written, whatever its words: lower-case ones ("Ангарская теплосетевая —"), "и" ("Кузнецова и
сыновья —"), three capitalised words after "новые ребята —", a name after "новый:". A first name, a
clause or a word that heads notes ("Итоги:", "Поправка:") names no company. Sentences written fresh."""
import pytest

from handlers.understanding import understand

from understanding_data import NOW, RU         # Wednesday 25 November 2026


@pytest.mark.parametrize("text, name", [
    ("Кузнецова и сыновья — встретились на ярмарке, хотят каталог", "Кузнецова и сыновья"),
    ("Ангарская теплосетевая — демо прошло, просят КП на 40 точек", "Ангарская теплосетевая"),
    ("новый: Приморский Зерновой — был на элеваторе, гл. инженер Лосев", "Приморский Зерновой"),
    ("новые ребята — Сибирские Кедры Трейд 🌲 мебель, хотят интеграцию", "Сибирские Кедры Трейд"),
])
def test_a_name_heading_the_note_is_its_customer(text, name):
    p = understand(text, NOW, [])
    assert (p.intent, p.customer) == ("log", name)


@pytest.mark.parametrize("text", [
    "Итоги: за день пусто, все думают",
    "Поправка: кп отправлю не в среду, а в пятницу",
    "Иван Петрович — перезвонить в пятницу",
    "Петров звонил — просит скидку",
])
def test_a_heading_that_names_no_company(text):
    assert understand(text, NOW, []).customer is None


def test_a_known_customer_heading_the_note_is_still_the_known_one():
    assert understand("Добрый Хлеб — отправила КП на 200 тыс", NOW, RU).customer == "ООО «Добрый Хлеб»"
