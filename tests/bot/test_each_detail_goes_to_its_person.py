"""A phone or e-mail goes to the person it is said next to or whose name it carries, never onto another
contact ("met Ann Kay and Bo Lee (IT), bo's email …": Bo Lee's); a person named right before a detail is a
contact of their own ("nelson bighetti cto email nelson@…"); a contact introduced by their role ("the buyer is
Alice Wong, alice.wong@…", "их закупщик — Ольга Ким, o.kim@…", "对接人是李娜，电话139…") is one with that
detail. Undo takes back every contact the note made."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models import Contact
from tests.bot.records import business, difference

SPLIT = [
    ("lunch at Pinecrest Labs with Carla Diaz (ops) and Dev Patel (IT), dev's email dpatel@pinecrest.io",
     {"Carla Diaz": (None, None), "Dev Patel": ("dpatel@pinecrest.io", None)}, "undo"),
    ("demo at Pinecrest Labs w/ Carla Diaz + her assistant marco (marco@pinecrest.io)",
     {"Carla Diaz": (None, None), "marco": ("marco@pinecrest.io", None)}, "undo"),
    ("встретился в Пинкресте с Ириной Соколовой и её замом Олегом Беловым, его почта o.belov@pinkrest.ru",
     {"Ирина Соколова": (None, None), "Олег Белов": ("o.belov@pinkrest.ru", None)}, "отмена"),
    ("拜访了松岭科技，见了王总和采购李娜，李娜电话13812345678",
     {"王总": (None, None), "李娜": (None, "13812345678")}, "撤销"),
    # a person written in Latin letters in a Russian note is a person too, and the address beside it theirs
    ("позвонил в Пинкрест, Karen Hall, karen.hall@pinkrest.ru, просят прайс на следующий год",
     {"Karen Hall": ("karen.hall@pinkrest.ru", None)}, "отмена"),
]


@pytest.mark.parametrize(("text", "people", "undo"), SPLIT)
async def test_a_detail_goes_to_the_person_it_is_said_with(bot, store, engine, text, people, undo):
    store.add_customers("Pinecrest Labs", "Пинкрест", "松岭科技")
    before = business(engine)
    reply = await bot.say(text)
    assert reply.wrote, reply.text
    got = {c.name: (c.email, c.phone) for c in store.rows(select(Contact))}
    assert got == people, (got, reply.text)
    await bot.say(undo)
    assert difference(before, business(engine)) == []


async def test_a_new_persons_address_never_replaces_a_contacts(bot, store, engine):
    store.add_customers("Pinecrest Labs")
    await bot.say("met Carla Diaz at Pinecrest Labs, carla@pinecrest.io")
    before = business(engine)
    reply = await bot.say("pinecrest labs: carla wants 5% off for 2yr. rohan mehta cfo email rohan@pinecrest.io")
    got = {c.name: (c.role, c.email) for c in store.rows(select(Contact))}
    assert got == {"Carla Diaz": (None, "carla@pinecrest.io"), "rohan mehta": ("cfo", "rohan@pinecrest.io")}, got
    assert "→" not in reply.text, reply.text
    await bot.say("undo")
    assert difference(before, business(engine)) == []


async def test_an_address_in_another_persons_name_is_said_not_kept(bot, store):
    store.add_customers("Pinecrest Labs")
    await bot.say("met Carla Diaz at Pinecrest Labs, carla@pinecrest.io")
    reply = await bot.say("pinecrest labs: carla called, all fine. invoices go to marco@pinecrest.io")
    assert "whose e-mail" in reply.text, reply.text
    [carla] = store.rows(select(Contact))
    assert carla.email == "carla@pinecrest.io"


INTRODUCED = [
    ("pinecrest labs: spoke to reception, the buyer is Nora Blake, nora.blake@pinecrest.io, she'll call back",
     "Nora Blake", "buyer", "nora.blake@pinecrest.io", "undo"),
    ("pinecrest labs: the decision maker is Tom Reyes, 555-201-7788", "Tom Reyes", "decision maker",
     "555-201-7788", "undo"),
    ("Пинкрест: их закупщик — Ольга Ким, o.kim@pinkrest.ru", "Ольга Ким", "закупщик", "o.kim@pinkrest.ru", "отмена"),
    ("松岭科技 对接人是李娜，电话13912345678", "李娜", None, "13912345678", "撤销"),
]


@pytest.mark.parametrize(("text", "name", "role", "detail", "undo"), INTRODUCED)
async def test_a_contact_introduced_by_their_role(bot, store, engine, text, name, role, detail, undo):
    store.add_customers("Pinecrest Labs", "Пинкрест", "松岭科技")
    before = business(engine)
    reply = await bot.say(text)
    [contact] = store.rows(select(Contact))
    assert (contact.name, contact.role, detail in (contact.email, contact.phone)) == (name, role, True), reply.text
    await bot.say(undo)
    assert difference(before, business(engine)) == []
