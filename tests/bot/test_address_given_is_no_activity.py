"""A contact's e-mail address or messenger handle given in chat, in every language, is saved on the contact and
counts as no e-mail or message: the team's activity is not inflated. Undo takes the detail back exactly."""
from __future__ import annotations

import pytest
from sqlmodel import select

from storage.models import Contact, Interaction
from tests.bot.records import business, difference

CASES = [
    ("Globex: Priya's email is priya.n@globex.io", "Priya", "priya.n@globex.io", "undo"),
    ("Вектор: у Светланы новая почта svetlana@vektor.ru", "Светлан", "svetlana@vektor.ru", "отмена"),
    ("远航物流 张经理的邮箱是 zhang@yuanhang.cn", "张经理", "zhang@yuanhang.cn", "撤销"),
]


@pytest.mark.parametrize(("text", "person", "email", "undo"), CASES)
async def test_an_address_given_is_saved_and_counts_as_no_email(bot, store, engine, text, person, email, undo):
    store.add_customers("Globex", "Вектор", "远航物流")
    before = business(engine)
    reply = await bot.say(text)
    assert store(Interaction) == 0, reply.text
    people = store.rows(select(Contact))
    assert [(p.name.startswith(person), p.email) for p in people] == [(True, email)], reply.text
    await bot.say(undo)
    assert difference(before, business(engine)) == []
