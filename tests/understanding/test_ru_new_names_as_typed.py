"""A new Russian company the way reps type it: after its legal form without quotes, before it, or
opening the note in lower case before what happened (sentences written fresh)."""
import pytest

from handlers.understanding import understand

from understanding_data import NOW, RU


@pytest.mark.parametrize("text, company", [
    ("Новый лид: ООО Ладога, стеклопакеты, Тверь. ЛПР — Смирнов Павел", "Ладога"),
    ("заехал в ооо северный мрамор там завхоз говорит нужна плитка", "северный мрамор"),
    ("ооо тверьпласт. директор Белов. встреча на объекте", "тверьпласт"),
    ("новый лид ИП Сорокин (автомойка на Садовой) хочет пылесосы", "ИП Сорокин"),
    ("ао кранмаш договор будет подписан на след неделе", "кранмаш"),
    ("Пришла заявка с сайта от ООО Бистро на Арбате, хотят посуду", "Бистро на Арбате"),
    ("омск-тара ооо, коробки, вышли через тендер", "омск-тара"),
    ("стройдеталь кп отправила 640к, ждём", "стройдеталь"),
    ("северные окна - ольга сказала берут", "северные окна"),
    ("бийский хлеб. был. чт перезвон", "бийский хлеб"),
    ("ооо уральские кровли, новый, прораб денис", "уральские кровли"),
])
def test_a_new_company_as_reps_type_it(text, company):
    assert understand(text, NOW, RU).customer == company, text


@pytest.mark.parametrize("text", [
    "так значит кп отправила, ждём",
    "вчера звонил, не взяли",
    "сегодня был на объекте, всё ок",
])
def test_fillers_and_verbs_opening_a_note_are_no_company(text):
    assert understand(text, NOW, RU).customer is None, text
