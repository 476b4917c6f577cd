"""The contact of a Russian note the way reps type it on a phone: a name in lower case after its role
or as the subject of what happened, a surname after a role, and never the writer naming themselves
(sentences written fresh)."""
import pytest

from handlers.understanding import understand

from understanding_data import NOW, RU


@pytest.mark.parametrize("text, contact", [
    ("заехал в вектор, там прораб олег, нужна арматура", "Олег"),
    ("говорил с прорабом андреем, им нужно 20 поддонов", "Андрей"),
    ("уралсталь, главбух наталья сергеевна, просит акт сверки", "Наталья Сергеевна"),
    ("добрый хлеб, снабженец Кузнецов, хочет скидку 3%", "Кузнецов"),
    ("вектор расчет отправил, инженер Соколов Д.А.", "Соколов Д.А."),
    ("альфа-строй. зам директора Елена Павловна Орлова, ждут КП", "Елена Павловна Орлова"),
    ("вектор: денис звонил сам, готовы брать", "Денис"),
    ("уралсталь кп отправил, ольга тянет, говорит после праздников", "Ольга"),
    ("поймал наконец добрый хлеб. игорь (зам по закупкам), ждут прайс", "Игорь"),
])
def test_a_contact_as_reps_type_it(text, contact):
    assert understand(text, NOW, RU).contact == contact, text


@pytest.mark.parametrize("text", [
    "так это Марина значит вектор звонила три раза, не берут",
    "вектор: секретарь сказала, ЛПР в отпуске до 15.12",
    "уралсталь вера в успех есть, ждём ответа",
])
def test_the_writer_a_role_alone_or_a_plain_word_is_no_contact(text):
    assert understand(text, NOW, RU).contact is None, text
