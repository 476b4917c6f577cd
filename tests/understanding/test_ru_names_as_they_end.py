"""A new Russian company's name ends where it ends: three words kept whole, a name the rep left
undeclined after a preposition kept as written, adjectives and their noun put back in the
nominative, a compound name's last part kept whole, words said before the name left out, and a
name that opens the note before what happened to it (sentences written fresh, in reps' phone style)."""
import pytest

from handlers.understanding import understand
from handlers.understanding.ru_names import is_patronymic

from understanding_data import NOW, RU


@pytest.mark.parametrize("text, company", [
    # three words, the rep left them undeclined after the preposition
    ("заехал в Тихая Гавань Отель, оставил буклеты на ресепшене", "Тихая Гавань Отель"),
    ("созвонилась с Волга Агро Снаб, просят прайс", "Волга Агро Снаб"),
    ("пообедали с Нева Кейтеринг Групп, шеф хочет посуду", "Нева Кейтеринг Групп"),
    ("отправил КП в Пекарня Золотой Колос", "Пекарня Золотой Колос"),
    # declined: the adjectives and their noun go back to the nominative, what follows the noun stays
    ("встречался с Тульской Оружейной Компанией, интерес есть", "Тульская Оружейная Компания"),
    ("звонил в Омский Завод Упаковки, главный инженер в отпуске", "Омский Завод Упаковки"),
    ("у Бета Климата опять задержка с оплатой", "Бета Климат"),
    # a compound name's last part keeps its vowel; a soft-sign name in the dative
    ("созвонились с ТрансНефтеПром, ждут договор", "ТрансНефтеПром"),
    ("по ЭкоСибири отправила КП", "ЭкоСибирь"),
    # a generic word before the name is no part of it
    ("Фирма Белые Ночи отказалась, дорого", "Белые Ночи"),
])
def test_a_new_company_name_ends_where_it_ends(text, company):
    assert understand(text, NOW, RU).customer == company, text


@pytest.mark.parametrize("text, company", [
    ("Калуга-Текстиль отказ, ушли к конкурентам", "Калуга-Текстиль"),
    ("вечером ТвериПласт Маркет подписали, 450 тыс", "ТвериПласт Маркет"),
    ("Кстати, Онега-Лес ответили на письмо", "Онега-Лес"),
    ("Коллеги, ТД Полярный Круг подписали годовой!", "ТД Полярный Круг"),
    ("Смоленск-Агро. звонок входящий, просят прайс", "Смоленск-Агро"),
    ("вологдамолторг звонил. хотят холодильники", "вологдамолторг"),
])
def test_a_company_opening_the_note_before_what_happened(text, company):
    assert understand(text, NOW, RU).customer == company, text


def test_a_plain_word_before_a_stop_is_no_company():
    parse = understand("Отлично. Завтра наберу", NOW, RU)
    assert parse.customer is None and parse.contact is None


@pytest.mark.parametrize("word, patronymic", [
    ("Петровна", True), ("Ивановичем", True), ("Ильиничной", True), ("Сергеевны", True),
    ("Отлично", False), ("Гончаров", False), ("Пичугин", False),
])
def test_a_patronymic_is_told_by_its_ending(word, patronymic):
    assert is_patronymic(word) is patronymic


@pytest.mark.parametrize("text, company", [
    # an event or a meeting place in quotes is where the rep was; the company is the other name
    ("На выставке «Агропром-2026» познакомилась с ребятами из Кедровый Бор Агро", "Кедровый Бор Агро"),
    ("Ужин в «Гусятнике» с директором компании «Сибирский Мёд»", "Сибирский Мёд"),
    # a café visited is the customer
    ("заходил в кафе «Синяя Птица», хозяйка хочет кофемашину", "Синяя Птица"),
    # a sole trader is his surname, whatever he does
    ("ип носков шиномонтаж на окружной, берут масла", "ИП носков"),
    # a kind of business with its adjective, in lower case
    ("заехал в тамбовский хлебозавод, технолог ольга", "тамбовский хлебозавод"),
    ("созвонилась с курской птицефабрикой, нужны поилки", "курская птицефабрика"),
    ("познакомился с мужиком, он директор алтайского молокозавода", "алтайский молокозавод"),
])
def test_where_the_rep_was_and_who_the_company_is(text, company):
    assert understand(text, NOW, RU).customer == company, text


@pytest.mark.parametrize("text, company", [
    ("КП Стройбазе отправлено, ждём", "Стройбаза"),
    ("счёт Агротехникам выставила вчера", "Агротехники"),
])
def test_a_company_a_quote_or_an_invoice_went_to(text, company):
    assert understand(text, NOW, RU).customer == company, text


@pytest.mark.parametrize("text, company", [
    # a compound built on a town's name is a company, not the town
    ("тула-металл тендер выиграли!", "тула-металл"),
    ("омск-агро дозвонился наконец, интерес есть", "омск-агро"),
    # a lower-case name, where it is, then a dash
    ("ремстрой в подольске - просят рассрочку", "ремстрой"),
    # the kind of business, then its name as written
    ("заходил в кофейню Зёрна, бариста хочет новый гриндер", "Зёрна"),
    ("салон Бархат на ленина, хозяйка берёт 3 кресла", "Бархат"),
    ("была в новом фитнесе Пульс, управляющий Игорь", "Пульс"),
])
def test_a_lower_case_or_kind_named_company(text, company):
    assert understand(text, NOW, RU).customer == company, text


def test_a_kind_word_inside_a_capitalised_name_is_part_of_it():
    assert understand("заезжал в Северный Отель Групп, оставил каталог", NOW, RU).customer == "Северный Отель Групп"


@pytest.mark.parametrize("text", [
    "КП отправил вчера, ждём ответ",
    "ТЗ пришло, смотрю",
    "ЛПР в отпуске до понедельника",
])
def test_everyday_capitals_are_no_known_customers_initials(text):
    known = ["ООО «Клининг Профи»", "АО «Торговый Завод»", "ООО «Лесные Промыслы Регион»"]
    assert understand(text, NOW, known).customer is None, text
