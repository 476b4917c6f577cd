"""Russian notes name people the ways pasted mail and mixed-language reps do: by initials and surname
("С уважением, Н. Краснова", "Ким С.В. подтвердил"), in Latin letters as the one who acted ("Ivan
Petrov ответил"), surname first with the patronymic after a role ("директор Ланге Виктор Карлович");
"контакт из Челябинска" names no one; an English role before a company ("CEO Brightway Solutions")."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from handlers.understanding import understand

NOW = datetime(2026, 12, 2, 11, 0, tzinfo=ZoneInfo("Asia/Novosibirsk"))
KNOWN = ["ООО «Сибпромкомплект»", "ООО «Алтай-Агро»"]


def test_a_signature_by_initials():
    parse = understand("fwd: «Добрый день! Счёт оплатим до пятницы. С уважением, Т. Белозёрова, Алтай-Агро»",
                       NOW, KNOWN)
    assert parse.contact == "Т. Белозёрова"
    parse = understand("Сибпромкомплект: Орлов А.Н. подтвердил объём на второй квартал", NOW, KNOWN)
    assert parse.contact == "Орлов А.Н."


def test_a_person_in_latin_letters_who_acted():
    parse = understand("Алтай-Агро — Maria Kovacs ответила, готовы к пилоту в январе", NOW, KNOWN)
    assert parse.contact == "Maria Kovacs"


def test_a_whole_name_in_latin_letters_beside_its_details():
    """A known first name and a surname in Latin letters is a person wherever it stands in a Russian note,
    so the e-mail said next to it is that person's; a Latin company name is not."""
    parse = understand("набрал Алтай-Агро, Helen Moss, helen.moss@altai.ru, просят прайс", NOW, KNOWN)
    assert (parse.customer, parse.contact) == ("ООО «Алтай-Агро»", "Helen Moss")
    parse = understand("созвонились с Сибпромкомплектом, на связи был David Kerr (закупки)", NOW, KNOWN)
    assert parse.contact == "David Kerr"
    parse = understand("заехал в Nordic Steel, смотрели склад", NOW, KNOWN)
    assert parse.contact is None


def test_surname_first_with_patronymic_after_a_role():
    parse = understand("был в Сибпромкомплекте, главный инженер Штайн Игорь Павлович, просят смету", NOW, KNOWN)
    assert parse.contact == "Штайн Игорь Павлович"


def test_a_contact_from_a_town_is_no_one():
    parse = understand("передали контакт из Барнаула — ООО ЛесТрейд, звоню им завтра", NOW, KNOWN)
    assert parse.contact is None and parse.customer == "ЛесТрейд"


def test_an_english_role_before_a_new_company():
    parse = understand("написала CEO Northfield Robotics в LinkedIn, Tom Reyes ответил — ждут демо", NOW, KNOWN)
    assert parse.customer == "Northfield Robotics" and parse.contact == "Tom Reyes" and parse.channel == "message"


def test_a_surname_of_another_shape_before_the_first_name():
    parse = understand("были в новой компании Агро-Лидер, у них главный инженер Ткаченко Олег, ждут КП", NOW, KNOWN)
    assert parse.contact == "Ткаченко Олег" and parse.customer != "Ткаченко"


def test_a_car_word_alone_is_no_known_customer():
    parse = understand("нск авто петя позвонил, берут подъёмник", NOW, KNOWN + ["Авто Про Сервис"])
    assert parse.customer != "Авто Про Сервис"
