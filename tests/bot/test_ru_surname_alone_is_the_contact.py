"""A Russian contact named by the surname alone: met with in the instrumental ("встретилась с Мельниковой",
"созвонились с Зайцевым") is that person in the nominative, and a surname with its job after a dash
("Гусев — главный инженер, тел …") is the contact with that title and phone, not a bare note. A
company after "с" stays a company ("встреча с Уральским Заводом")."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import Session, select

from handlers.understanding import understand
from storage.models import Contact
from tests.bot.test_followup_by_day import known

NOW = datetime(2026, 12, 14, 11, 0, tzinfo=ZoneInfo("Europe/Moscow"))
KNOWN = ["Берёзка-Маркет", "Уральский Завод"]

MET = [
    ("встретилась с Мельниковой из Берёзки-Маркет", "Мельникова"),
    ("созвонились с Зайцевым по Берёзке-Маркет, ждут КП", "Зайцев"),
    ("Берёзка-Маркет: обедали с Сорокиным, обсудили объёмы", "Сорокин"),
]


@pytest.mark.parametrize("text, name", MET, ids=[t for t, _ in MET])
def test_a_surname_met_with_is_the_contact_in_the_nominative(text, name):
    assert understand(text, NOW, KNOWN).contact == name


def test_a_company_met_with_is_no_contact():
    parse = understand("встреча с Уральским Заводом по поставкам", NOW, KNOWN)
    assert parse.contact is None and parse.customer == "Уральский Завод"


async def test_a_surname_with_a_title_and_phone_is_recorded_as_a_contact(bot, engine):
    known(engine, "Берёзка-Маркет")
    reply = (await bot.say("Берёзка-Маркет: Гусев — главный инженер, тел 8 (343) 222-33-44")).text
    with Session(engine) as s:
        contacts = [(c.name, c.role, c.phone) for c in s.exec(select(Contact))]
    assert len(contacts) == 1, reply
    name, title, phone = contacts[0]
    assert name == "Гусев" and title and "инженер" in title and phone and "222-33-44" in phone, (contacts, reply)
