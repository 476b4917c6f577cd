"""A contact's title corrected by name, whichever customer they are at and however the name is typed
("change maria's title to CEO", "bob is actually head of procurement", "王总是总经理", "петров не
инженер а технический директор", "поменяй должность Козлова на гендиректор"): that contact's title
changes, with undo; two contacts of that name at two customers are asked about with a button each."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from handlers.ask import PICK
from storage.models import Contact
from tests.bot.records import business, difference

SETUP = ["Visited Globex, met Maria Lopez, sent quote 42k", "Visited Umbrella Corp, met Dana Fox",
         "拜访了星辰科技，见了王总", "Был у Вектора, встретился с Петровым, инженер",
         "Был у Альтаира, встретился с Иваном Козловым", "Called Initech, sent quote 5k"]
CASES = [("change maria's title to CEO", "Maria Lopez", "CEO", "undo"),
         ("dana is actually head of procurement", "Dana Fox", "head of procurement", "undo"),
         ("王总是总经理", "王总", "总经理", "撤销"),
         ("петров не инженер а технический директор", "Петров", "технический директор", "отмена"),
         ("поменяй должность Козлова на гендиректор", "Иван Козлов", "гендиректор", "отмена"),
         # "actually" / "其实" / "на самом деле" before the title: the contact's title, never the customer
         ("王总其实是总经理", "王总", "总经理", "撤销"),
         ("Петров на самом деле финдиректор", "Петров", "финдиректор", "отмена"),
         ("Иван Козлов теперь коммерческий директор", "Иван Козлов", "коммерческий директор", "отмена"),
         ("maria is actually the CFO", "Maria Lopez", "CFO", "undo")]


@pytest.mark.parametrize(("text", "who", "title", "undo"), CASES)
async def test_a_contacts_title_is_corrected_by_name_at_any_customer(bot, store, engine, text, who, title, undo):
    for note in SETUP:
        assert (await bot.say(note)).wrote, note
    before = business(engine)
    fixed = await bot.say(text)
    assert fixed.wrote and fixed.undo_token and title in fixed.text and "→" in fixed.text, fixed.text
    [person] = store.rows(select(Contact).where(Contact.name == who))
    assert person.role == title
    await bot.say(undo)
    assert difference(before, business(engine)) == []


async def test_two_contacts_of_that_name_are_asked_about_with_buttons(bot, store):
    for note in ("Visited Globex, met Maria Lopez", "Visited Hooli Labs, met Maria Chen (buyer)",
                 "Called Initech, sent quote 5k"):
        assert (await bot.say(note)).wrote
    asked = await bot.say("change maria's title to CFO")
    assert not asked.wrote and "Globex" in asked.text and "Hooli Labs" in asked.text, asked.text
    picks = [c.data for c in asked.choices if c.data.startswith(f"{PICK}:") and c.data[-1].isdigit()]
    assert len(picks) == 2
    done = await bot.press(picks[1])
    assert done.wrote and "CFO" in done.text, done.text
    roles = {c.name: c.role for c in store.rows(select(Contact))}
    assert roles == {"Maria Lopez": None, "Maria Chen": "CFO"}
