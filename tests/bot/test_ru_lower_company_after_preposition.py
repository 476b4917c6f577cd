"""A Russian company typed in lower case after "с/у/в/к/от/для/из" where a company stands ("созвонился с
интегралом", "была у промснаба") is a company, whatever the last note's customer: a known one is filed
under in any case form, an unknown one is asked about with buttons in its base form ("Интеграл"); an
ordinary word there ("с клиентом", "у врача", "с ними") names none, and the note goes on the last customer."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from handlers.ask import NEW, PICK
from storage.models import Customer, Interaction
from tests.bot.records import business, difference

FIRST = "Был в Стройдоме, отправил КП на 300 тыс"


@pytest.mark.parametrize(("note", "name"), [
    ("созвонился с интегралом, просят образцы", "Интеграл"),
    ("заехала к гидропрому, показала каталог", "Гидропром"),
    ("звонок от меридиана, хотят скидку", "Меридиан"),
    ("отправила прайс для термоснаба", "Термоснаб"),
])
async def test_an_unknown_lower_case_company_is_asked_about_in_its_base_form(bot, store, engine, note, name):
    assert (await bot.say(FIRST)).wrote
    before = business(engine)
    reply = await bot.say(note)
    assert not reply.wrote, reply.text
    labels = [c.label for c in reply.choices]
    assert any(f"новый клиент {name}" in label for label in labels), labels
    assert f"{PICK}:cancel" in [c.data for c in reply.choices]
    assert difference(before, business(engine)) == []            # nothing written while asked
    reply = await bot.press(f"{PICK}:{NEW}")
    assert reply.wrote and name in reply.text, reply.text
    [first] = store.rows(select(Customer).where(Customer.name == "Стройдом"))
    assert len(store.rows(select(Customer).where(Customer.name == name))) == 1
    assert store(Interaction, Interaction.customer_id == first.id) == 1      # nothing more on the last customer
    assert (await bot.say("отмена")).text
    assert difference(before, business(engine)) == []            # undo gives the store back as it was


async def test_a_known_company_in_lower_case_is_filed_under_it_in_any_case_form(bot, store):
    assert (await bot.say("Была у Интеграла, обсудили поставку")).wrote
    assert (await bot.say(FIRST)).wrote
    for note in ("созвонилась с интегралом, хотят демо", "заехал в интеграл, отдал образцы"):
        reply = await bot.say(note)
        assert reply.wrote and "Интеграл" in reply.text and "прошлой записи" not in reply.text, reply.text
    [known] = store.rows(select(Customer).where(Customer.name == "Интеграл"))
    assert store(Interaction, Interaction.customer_id == known.id) == 3


@pytest.mark.parametrize("note", ["созвонился с клиентом, хотят демо", "была у врача, потом звонила им",
                                  "созвонились с ними, обсудили сроки", "встретился с ольгой, отдал образцы"])
async def test_an_ordinary_word_after_the_preposition_names_no_company(bot, store, note):
    assert (await bot.say(FIRST)).wrote
    reply = await bot.say(note)
    assert reply.wrote and "Стройдом" in reply.text, reply.text
    assert [c.name for c in store.rows(select(Customer))] == ["Стройдом"]
