"""Look-ups in chat, in English, Chinese and Russian: a contact by name or phone, customers by
segment, lead source, a tag or city in their fields, or a word of their name; a short list with a
button that opens each card. Only the sender's team; nothing is written."""
from __future__ import annotations

import pytest
from sqlmodel import Session

from bot.adapters.console import Console
from handlers.understanding import understand
from handlers.understanding.model import SearchKind
from handlers.understanding.search_words import search_asked
from storage.customers import name_key
from storage.members import add_user, get_team
from storage.models import AuditLog, Contact, Customer, Note
from storage.search import contacts_by_phone, contacts_named, customers_with
from tests.bot.conftest import Clock, bot, clock, crm, settings, store  # noqa: F401  (the chat fixtures)

CUSTOMERS = [  # name, segment, source, custom, contact (name, role, phone, email)
    ("Globex", "VIP", "linkedin", {"tags": ["vip", "chemicals"]},
     ("Maria Lopez", "CFO", "+1 555 010 2030", "maria@globex.com")),
    ("Hooli", "SMB", "trade show", {}, ("Maria Chen", None, None, "mchen@hooli.com")),
    ("上海宏图科技", None, "trade show", {}, ("王建国", "总经理", "13800001111", None)),
    ("Вектор", "VIP", "website", {"city": "Казань"}, ("Ольга Петрова", None, "+7 916 123-45-67", None)),
    ("Гранит", None, "referral", {"city": "Москва"}, ("Олег Смирнов", None, "+7 495 000-11-22", None)),
]


@pytest.fixture
async def book(bot, crm, engine) -> dict[str, Console]:
    """The team's customers and contacts, a rep beside the admin, and another team with its own Maria."""
    assert (await bot.say("help")).text
    with Session(engine) as s:
        team = get_team(s, "default")
        add_user(s, team, "console", "boris", "Boris", "rep")
        for name, segment, source, custom, (person, role, phone, email) in CUSTOMERS:
            customer = Customer(team_id=team.id, name=name, name_key=name_key(name), segment=segment, source=source,
                                custom=custom)
            s.add(customer)
            s.flush()
            s.add(Contact(team_id=team.id, customer_id=customer.id, name=person, role=role, phone=phone, email=email))
        north = get_team(s, "north")
        initech = Customer(team_id=north.id, name="Initech", name_key="initech", segment="VIP", source="trade show")
        s.add(initech)
        s.flush()
        s.add(Contact(team_id=north.id, customer_id=initech.id, name="Maria Rossi", phone="+39 02 1234 5678"))
        s.commit()
    return {"anna": bot, "boris": Console(crm, user="boris", name="Boris")}


def written(engine) -> int:
    with Session(engine) as s:
        return len(s.exec(Note.__table__.select()).all()) + len(s.exec(AuditLog.__table__.select()).all())


CONTACT_QUESTIONS = [
    ("what's Maria's number?", ["Maria Lopez (CFO) — Globex · 📞 +1 555 010 2030", "Maria Chen — Hooli"]),
    ("who is maria", ["Maria Lopez", "Maria Chen"]),
    ("whats marias number", ["Maria Lopez (CFO) — Globex · 📞 +1 555 010 2030"]),     # typed without apostrophes
    ("what is lopezs email", ["maria@globex.com"]),
    ("Maria Lopez's email", ["maria@globex.com"]),
    ("телефон Ольги", ["Ольга Петрова — Вектор · 📞 +7 916 123-45-67"]),
    ("какой номер у Олега", ["Олег Смирнов — Гранит"]),
    ("王总的电话", ["王建国 (总经理) — 上海宏图科技 · 📞 13800001111"]),
    ("王建国是谁", ["王建国"]),
    ("whose number is +7 916 123 45 67", ["Ольга Петрова"]),
    ("чей номер 8 916 123-45-67", ["Ольга Петрова"]),
]


@pytest.mark.parametrize("question, has", CONTACT_QUESTIONS, ids=[q for q, _ in CONTACT_QUESTIONS])
async def test_a_contact_by_name_or_phone(book, engine, question, has):
    before = written(engine)
    reply = await book["anna"].say(question)
    for part in has:
        assert part in reply.text, reply.text
    assert "Rossi" not in reply.text and "Initech" not in reply.text     # the other team's Maria stays theirs
    assert all(choice.data.startswith("open:") for choice in reply.choices) and reply.choices
    assert written(engine) == before and not reply.wrote


CUSTOMER_QUESTIONS = [
    ("VIP customers", ["Globex", "Вектор"], ["Hooli", "Initech"]),
    ("customers from the trade show", ["Hooli", "上海宏图科技"], ["Globex", "Initech"]),
    ("customers tagged chemicals", ["Globex"], ["Hooli"]),
    ("клиенты из Казани", ["Вектор"], ["Гранит"]),
    ("клиенты с выставки", ["Hooli", "上海宏图科技"], ["Вектор"]),
    ("上海的客户", ["上海宏图科技"], ["Globex"]),
    ("展会来的客户", ["Hooli", "上海宏图科技"], ["Вектор"]),
    ("VIP客户", ["Globex", "Вектор"], ["Hooli"]),
]


@pytest.mark.parametrize("question, has, lacks", CUSTOMER_QUESTIONS, ids=[q for q, _, _ in CUSTOMER_QUESTIONS])
async def test_customers_by_a_trait(book, engine, question, has, lacks):
    before = written(engine)
    reply = await book["boris"].say(question)                            # a rep may look customers up too
    for name in has:
        assert name in reply.text, reply.text
    for name in lacks:
        assert name not in reply.text, reply.text
    assert len(reply.choices) == len(has) and all(c.data.startswith("open:") for c in reply.choices)
    assert written(engine) == before and not reply.wrote


async def test_a_button_opens_the_card(book):
    reply = await book["anna"].say("клиенты из Казани")
    card = await book["anna"].press(reply.choices[0].data)
    assert "Вектор" in card.text and "Ольга Петрова" in card.text


async def test_nothing_found_says_so_in_the_askers_language(book):
    assert "No contact matching Zed" in (await book["anna"].say("who is Zed")).text
    assert "Клиентов по запросу «Новосибирска» нет" in (await book["anna"].say("клиенты из Новосибирска")).text
    assert "没有找到 赵总" in (await book["anna"].say("赵总的电话")).text


def test_another_team_finds_only_its_own(book, engine):
    with Session(engine) as s:
        north = get_team(s, "north").id
        assert [hit.customer for hit in contacts_named(s, north, ["maria"])] == ["Initech"]
        assert [hit.name for hit in customers_with(s, north, ["VIP"], [], 8)[0]] == ["Initech"]
        assert [hit.name for hit in contacts_by_phone(s, north, "79161234567")] == []


@pytest.mark.parametrize("text, kind, words", [
    ("what's Maria's number?", SearchKind.CONTACT, "Maria"),
    ("王总的电话", SearchKind.CONTACT, "王总"),
    ("телефон Ольги", SearchKind.CONTACT, "Ольги"),
    ("whose number is +7 916 123 45 67", SearchKind.PHONE, "79161234567"),
    ("customers in Shanghai", SearchKind.CUSTOMERS, "Shanghai"),
    ("клиенты из Казани", SearchKind.CUSTOMERS, "Казани"),
    ("上海的客户", SearchKind.CUSTOMERS, "上海"),
])
def test_what_a_look_up_asks_for(text, kind, words):
    lang = understand(text, clock_now(), []).lang
    found = search_asked(text, lang)
    assert found is not None and (found.kind, found.words) == (kind, words)


@pytest.mark.parametrize("text", ["top customers", "new customers this month", "Visited Globex, met Maria",
                                  "our biggest clients", "我的客户", "крупнейшие клиенты"])
def test_what_is_no_look_up(text):
    lang = understand(text, clock_now(), []).lang
    assert search_asked(text, lang) is None


def clock_now():
    from datetime import datetime
    return datetime(2026, 11, 25, 10, 0)


@pytest.mark.parametrize("text", [
    "Был в Кедровом Бору, телефон скину потом",
    "Кедровый Бор: прайс на почту сегодня утром отправил",
    "звонил в Кедровый Бор, телефон плюс семь девятьсот шестнадцать ноль ноль",
])
async def test_a_russian_note_mentioning_a_phone_or_mail_is_a_note_not_a_look_up(bot, text):
    reply = await bot.say(text)
    assert reply.wrote and "Кедров" in reply.text, reply.text
