"""The person in a note, their role, phone and e-mail, and what was promised next."""
from datetime import date

import pytest

from handlers.understanding import understand

from understanding_data import EN, NOW, RU, ZH


def u(text, known=EN):
    return understand(text, NOW, known)


@pytest.mark.parametrize("text, known, contact, role", [
    ("Met Maria, their CFO.", EN, "Maria", "CFO"),
    ("talked to Maria", EN, "Maria", None),
    ("Met Maria", EN, "Maria", None),
    ("Maria from Globex called", EN, "Maria", None),
    ("Quick call with Priyanka from Initech", EN, "Priyanka", None),
    ("Met Zoltan Kovacs at the expo", EN, "Zoltan Kovacs", None),
    ("встретился с Анной, их финдиректором", RU, "Анна", "финдиректор"),
    ("созвонился с Олегом, наш главный инженер", RU, "Олег", "главный инженер"),
    ("见了他们的采购经理李强", ZH, "李强", "采购经理"),
    ("跟蓝天医疗的采购经理王丽通了电话", ZH, "王丽", "采购经理"),
    ("和销售总监陈静开了会", ZH, "陈静", "销售总监"),
])
def test_contact_and_role(text, known, contact, role):
    p = u(text, known)
    assert (p.contact, p.contact_role) == (contact, role)


def test_company_of_the_person_is_the_customer():
    p = u("Maria from Globex called")
    assert (p.customer, p.contact, p.channel) == ("Globex Industries", "Maria", "call")


def test_a_first_name_after_met_is_not_a_company():
    for text in ("Met Maria", "called Maria, no answer", "talked to Maria"):
        assert u(text, []).customer is None


@pytest.mark.parametrize("text, known, phone", [
    ("her number is +1 415 555 0100", EN, "+1 415 555 0100"),
    ("телефон +7 916 123-45-67", RU, "+7 916 123-45-67"),
    ("Анна Петрова, тел. 8 (916) 123-45-67", RU, "8 (916) 123-45-67"),
    # the Russian trunk 8 without brackets stays part of the number, or it cannot be dialled as stored
    ("Олег скинул мобильный 8-903-417-22-85", RU, "8-903-417-22-85"),
    ("сотовый Олега 8 903 417 22 85", RU, "8 903 417 22 85"),
    ("电话13812345678", ZH, "13812345678"),
    ("李强的电话13812345678", ZH, "13812345678"),
])
def test_phone_alone_is_a_contact_fact_to_log(text, known, phone):
    p = u(text, known)
    assert (p.intent, p.contact_phone, p.amount) == ("log", phone, None)


def test_email_and_phone_together():
    p = u("Maria Lopez, CFO at Initech, maria.lopez@initech.com, +44 20 7946 0958")
    assert (p.contact, p.contact_role, p.contact_email, p.contact_phone) == (
        "Maria Lopez", "CFO", "maria.lopez@initech.com", "+44 20 7946 0958")
    p = u("email maria@globex.com")
    assert (p.intent, p.contact_email) == ("log", "maria@globex.com")


def test_phone_is_not_an_amount():
    p = u("Called Initech, her cell 415-555-0100, quote 12k")
    assert (p.contact_phone, p.amount) == ("415-555-0100", 12000)


def test_followup_what():
    p = u("send the spec sheet tomorrow")
    assert (p.followup_on, p.followup_what) == (date(2026, 11, 26), "send the spec sheet")


@pytest.mark.parametrize("text, known, contact, role", [
    ("Заезжал в Добрый Хлеб, говорил с Сидоровой Мариной (начальник склада), ждут КП", RU, "Сидорова Марина",
     "начальник склада"),
    ("东方电气 见了刘总（采购总监），下周报价", ZH, "刘总", "采购总监"),
])
def test_a_title_in_brackets_after_the_name_is_the_contacts(text, known, contact, role):
    parse = understand(text, NOW, known)
    assert (parse.contact, parse.contact_role) == (contact, role), text


def test_a_company_in_brackets_is_no_title():
    parse = understand("встретился с Петровым (ГринЛайн) в Векторе", NOW, RU)
    assert parse.contact_role is None
