"""Who a note is about when a company's name ends in a word that is also a first name ("Harbor Lights
Marina", "Copper Creek Grace"), and how the rep met them when the note is written at our stand at a
show ("booth:", "стенд B7:", "展位"): a meeting, in each language. Sentences written fresh."""
import pytest

from handlers.understanding import understand

from understanding_data import EN, NOW, RU, ZH


@pytest.mark.parametrize("text, customer", [
    ("visited Harbor Lights Marina, owner wants a quote for the fuel dock", "Harbor Lights Marina"),
    ("Copper Creek Grace - stopped by, they want pricing on 40 units", "Copper Creek Grace"),
    ("cold call to Pinewood Bay Marina today, harbormaster interested", "Pinewood Bay Marina"),
    ("met Tina at Seven Oaks Rose, wants a demo", "Seven Oaks Rose"),
])
def test_a_first_name_that_ends_a_company_name_stays_in_it(text, customer):
    p = understand(text, NOW, EN)
    assert p.customer == customer
    assert p.contact != customer.split()[-1]


@pytest.mark.parametrize("text, customer, contact", [
    ("lunch w/ Valley Ridge Movers Kurt Olsen, their gm", "Valley Ridge Movers", "Kurt Olsen"),
    ("Sunnyside Dental Tina signed the renewal", "Sunnyside Dental", "Tina"),
])
def test_a_person_named_after_a_company_is_still_the_person(text, customer, contact):
    p = understand(text, NOW, EN)
    assert (p.customer, p.contact) == (customer, contact)


@pytest.mark.parametrize("text, known", [
    ("booth: Ravi from Tidewater Cold Storage wants a quote for 3 sites", EN),
    ("day 2 booth - guy from Ferris Labels, ops mgr, wants a sample pack", EN),
    ("стенд B7: Олег Панов, «Калужский Котлоагрегат», главный инженер, хочет каталог", RU),
    ("к нам на стенд подошёл Игорь из «Теплоснаба», просил прайс", RU),
    ("展位来了个客户 远山机电 采购经理姓郑 要样本", ZH),
    ("华翔机电的采购也来展台了 留了名片", ZH),
    ("摊位上碰到华翔机电的刘总 要报价", ZH),
])
def test_a_note_from_our_stand_at_a_show_is_a_meeting(text, known):
    p = understand(text, NOW, known)
    assert p.intent == "log" and p.channel == "meeting"


@pytest.mark.parametrize("text", [
    "Вектор — тестовый стенд поднят, версия 2.1 стабильна",
    "стенд поднят у Вектора, нагрузку держит",
])
def test_a_test_bench_is_no_stand_at_a_show(text):
    assert understand(text, NOW, RU).channel is None


@pytest.mark.parametrize("text, customer", [
    ("摊位上碰到华翔机电的刘总 要报价", "华翔机电"),
    ("昨天在商场遇到了青禾餐饮的老板 聊了聊会员系统", "青禾餐饮"),
])
def test_a_company_met_by_chance_starts_after_the_verb(text, customer):
    assert understand(text, NOW, ZH).customer == customer


@pytest.mark.parametrize("text, customer", [
    ("Met a new prospect at the chamber of commerce breakfast: Alder Creek Realty Partners, 30 buildings", "Alder Creek Realty Partners"),
    ("at the Rotary Club lunch met the owner of Tanager Signs, wants a quote", "Tanager Signs"),
])
def test_who_held_the_event_is_not_the_customer(text, customer):
    assert understand(text, NOW, EN).customer == customer


@pytest.mark.parametrize("text, customer", [
    ("my neighbour runs Blue Fern Hydraulics out in Joliet, intro'd us by email", "Blue Fern Hydraulics"),
    ("met Dana at the gym, she owns Crescent Bay Bakery, wants a demo", "Crescent Bay Bakery"),
])
def test_the_company_someone_runs_or_owns(text, customer):
    assert understand(text, NOW, EN).customer == customer


@pytest.mark.parametrize("text, customer", [
    ("второй день выставки. Теплоэнерго-Калуга — Рустам, хотят КП на 4 котла", "Теплоэнерго-Калуга"),
    ("Водоканал-Тула — Игорь, просят прайс", "Водоканал-Тула"),
])
def test_a_hyphenated_name_opening_a_sentence_is_the_company(text, customer):
    assert understand(text, NOW, RU).customer == customer


@pytest.mark.parametrize("text", [
    "Был в «Кедр-Строе». Бюджет согласовали, ждём ТЗ",
    "Заехал к Вектору. Отлично поговорили",
])
def test_a_plain_word_opening_a_sentence_is_no_company(text):
    assert understand(text, NOW, RU).customer not in ("Бюджет", "Отлично")
