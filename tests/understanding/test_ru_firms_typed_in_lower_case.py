"""Russian companies however the rep's phone typed them: a new company in lower case after the word for a
company ("фирма вест логистик"), after a trading-house or transport-company form kept with the name ("тд
донской", "тк байкал-транзит"), in quotes and declined ("в «уральских садах»"); a known name whose short
first word is typed in lower case ("тк меридиан"); and the words a note opens with ("короче", "слушай")
read past, so the company that opens the note is still its subject (sentences written fresh)."""
import pytest

from handlers.understanding import understand

from understanding_data import NOW, RU


def _norm(name: str | None) -> str:
    return (name or "").lower().replace("«", "").replace("»", "")


@pytest.mark.parametrize("text, customer", [
    ("короче фирма зеленый берег подписали договор на 400 тыс", "зеленый берег"),
    ("была в компании теплый дом (окна), встречалась с управляющей", "теплый дом"),
    ("созвонилась с компанией порт восток сервис, прислали тз", "порт восток сервис"),
    ("пришла заявка от компании агропакт, нужна пленка", "агропакт"),
    ("днём ездил в тд приволжский, никого не было", "ТД приволжский"),
    ("тк байкал-логистик написали на почту, просят прайс", "ТК байкал-логистик"),
    ("встреча в «северных садах» прошла отлично, хотят кп", "северные сады"),
    ("созвонилась с «медтехкомплектом», есть потребность", "медтехкомплект"),
])
def test_a_new_company_in_lower_case(text, customer):
    assert _norm(understand(text, NOW, RU).customer) == customer.lower(), text


@pytest.mark.parametrize("text", [
    "компания крупная, хотят сразу три линии, звонил сегодня",
    "тк они заняты до понедельника, перезвоню",
    "фирма наша работает с ними давно",
])
def test_how_a_firm_is_or_a_short_word_names_none(text):
    assert understand(text, NOW, RU).customer is None, text


def test_a_known_name_with_its_short_first_word_in_lower_case():
    known = [*RU, "ООО «ТК Меридиан»"]
    assert understand("тк меридиан звонили, просят счёт", NOW, known).customer == "ООО «ТК Меридиан»"
    assert understand("по тк меридиан кп отправил", NOW, known).customer == "ООО «ТК Меридиан»"


@pytest.mark.parametrize("text, customer, contact", [
    ("короче альфа-строй - кп отправила, ждем", "ООО «Альфа-Строй»", None),
    ("слушай уралсталь отказались, дорого", "АО «Уралсталь»", None),
    ("в общем кедрострой — визит. директор Мухин. интерес есть", "кедрострой", "Мухин"),
    ("кароч гранитмаркет оплатил 120к", "гранитмаркет", None),
])
def test_the_words_a_note_opens_with_are_read_past(text, customer, contact):
    parse = understand(text, NOW, RU)
    assert (_norm(parse.customer), parse.contact) == (_norm(customer), contact), text


@pytest.mark.parametrize("text", ["ну что по вектору?", "короче что у меня на завтра?", "слушай привет"])
def test_a_question_or_a_greeting_after_an_opener_writes_nothing(text):
    assert understand(text, NOW, RU).intent.value != "log", text
