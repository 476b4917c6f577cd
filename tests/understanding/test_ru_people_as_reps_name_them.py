"""Russian contacts the way reps name them in a hurry: a surname as the one who spoke or acted, a
surname reached in the dative, a surname or a folk patronymic right after a short role, and a man's
surname put back in the nominative with his first name (sentences written fresh)."""
import pytest

from handlers.understanding import understand

from understanding_data import NOW, RU


@pytest.mark.parametrize("text, contact", [
    # a surname, then what the person said or did
    ("Гранд Отель: Соловьев обещал решение до пятницы", "Соловьев"),
    ("торгсервис кп отправила. белова хочет рассрочку", "белова"),
    ("Вектор — Тарасенко ок по срокам, ждём договор", "Тарасенко"),
    ("был в Лотосе, Кудрявцева сказала берут две партии", "Кудрявцева"),
    # a surname reached in the dative
    ("звонил Воробьеву по счёту, обещал оплатить", "Воробьеву"),
    ("отправила прайс зиновьевой на почту", "зиновьевой"),
    ("позвонил марченко, он в отпуске до понедельника", "марченко"),
    # right after a short role
    ("Стройтех. дир Ермолаев. хотят скидку", "Ермолаев"),
    ("Нефтемаш. Ген.дир Баранов. Бюджет есть", "Баранов"),
    ("Агрострой. Гл. мех. Савельев. нужен ремонт", "Савельев"),
    ("отправил кп технологу самойловой", "самойловой"),
    ("заехал на склад Вектора, там завхоз петрович ругается", "Петрович"),
    # a first name and his surname, both in the case the sentence gives them
    ("обедал с Романом Шевчуком из Лотоса", "Роман Шевчук"),
    ("договорились с Игорем Петровичем Гончаром о встрече", "Игорь Петрович Гончар"),
])
def test_a_contact_as_reps_name_them(text, contact):
    assert understand(text, NOW, RU).contact == contact, text


@pytest.mark.parametrize("text", [
    "Вектор: бюджет 5 лимонов подтвердили",
    "зашёл в магазин открыли вчера",
    "Лотос готов подписать на следующей неделе",
])
def test_plain_words_shaped_like_surnames_are_no_one(text):
    assert understand(text, NOW, RU).contact is None, text
