"""A new Russian company named in quotes or in the plural, put back in the nominative from the case the
sentence gives it (sentences written fresh, in the way reps type them)."""
import pytest

from handlers.understanding import understand

from understanding_data import NOW, RU


@pytest.mark.parametrize("text, company", [
    ("Встреча в «Северных Теплицах» прошла хорошо, агроном Павел доволен", "Северные Теплицы"),
    ("КП для «Северных Теплиц» отправила, 480 тыс", "Северные Теплицы"),
    ("по «Северным Теплицам»: прислали ТЗ на почту", "Северные Теплицы"),
    ("созвонилась с Мариной из «Техноблока», ждут каталог", "Техноблок"),
    ("был на складе «Техноблока», смотрели стеллажи", "Техноблок"),
    ("кто-то уже работал с «Лесопромом»? пишут нам", "Лесопром"),
    ("слышали про «Агрохолдинг Золотая Нива»? хотят встречу", "Агрохолдинг Золотая Нива"),
    ("заехал в Уральские Кровли, прораб Денис, хотят смету", "Уральские Кровли"),
    ("отправил КП в компанию «Ромашка»", "Ромашка"),
])
def test_a_declined_name_comes_back_in_the_nominative(text, company):
    assert understand(text, NOW, RU).customer == company, text


def test_plural_names_in_every_case():
    from handlers.understanding.ru_firms import nominative
    said = {("Новых Технологий", "gen"): "Новые Технологии", ("Торговых Сетей", "gen"): "Торговые Сети",
            ("Новыми Технологиями", "ins"): "Новые Технологии", ("Уральским Садам", "dat"): "Уральские Сады",
            ("Северной Звезды", "gen"): "Северная Звезда"}
    for (name, case), nominative_form in said.items():
        assert nominative(name, case) == nominative_form, name
