"""The customer's person named after a title reps shorten ("their ops guy Luis Ortega", "IT dir Paula Kim", "their QS
Rory Flint", "staff pharmacist Dana Webb", "Oona Pike, site eng."; "с их коммерческим Лозовым", "зав.складом
Рябова", "гл. врач Орлова"), or heading a card's fields typed on one line ("Nora Diaz / Kestrel Foods / …", "周敏 /
青峰物流 / 采购", "孙磊｜远辰器械｜销售部") is the note's contact (names and sentences written fresh)."""
import pytest

from handlers.understanding import understand

from understanding_data import EN, NOW, RU, ZH


@pytest.mark.parametrize("text, known, contact", [
    ("acme tmrw 9am, plant tour w/ their ops guy Luis Ortega", EN, "Luis Ortega"),
    ("Initech - zoom w/ their IT dir Paula Kim, pilot for 10 seats approved", EN, "Paula Kim"),
    ("Globex – spoke w/ their QS Rory Flint about the fit-out package", EN, "Rory Flint"),
    ("Umbrella Health: met staff pharmacist Dana Webb, wants unit dose samples", EN, "Dana Webb"),
    ("Stark Realty - Oona Pike, site eng. wants a proposal by the 3rd", EN, "Oona Pike"),
    ("Northwind – call w/ director of nursing services Pam Reyes re the pilot", EN, "Pam Reyes"),
    ("Вектор — встреча с их коммерческим Лозовым в четверг", RU, ["Лозовым", "Лозовой"]),
    ("Уралсталь, был на складе, зав.складом Рябова, ждут спецификацию", RU, "Рябова"),
    ("Добрый Хлеб, гл. врач Орлова? нет, гл. технолог — шучу, гл. врач Орлова из их медпункта", RU, "Орлова"),
    ("周敏 / 青峰物流 / 采购 / zhoumin@qingfeng.cn / 冷库配件", ZH, "周敏"),
    ("展会：孙磊｜远辰器械｜销售部｜想要样品", ZH, "孙磊"),
])
def test_the_customers_person_is_the_contact(text, known, contact):
    p = understand(text, NOW, known)
    assert p.intent == "log", p
    assert p.contact in (contact if isinstance(contact, list) else [contact]), p


def test_a_card_on_one_line_is_no_recap_of_several_customers():
    p = understand("Nora Diaz / Kestrel Foods / nora@kestrelfoods.com / wants 40 cases", NOW, EN)
    assert p.contact == "Nora Diaz" and p.customer != "Nora Diaz", p
    p = understand("周敏 / 青峰物流 / 采购 / 冷库配件", NOW, ZH)
    assert p.contact == "周敏" and p.customer != "冷库配件", p


def test_an_offer_is_no_title():
    p = understand("Вектор — отправил коммерческое предложение Петрову, ждём ответа", NOW, RU)
    assert p.contact != "коммерческое", p


def test_a_heading_word_before_a_bar_is_no_person():
    p = understand("纪要｜拜访 青峰物流\n对方：采购经理 周敏\n下一步：下周报价", NOW, ZH)
    assert p.contact == "周敏", p
