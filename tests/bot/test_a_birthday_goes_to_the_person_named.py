"""A birthday named with its person ("Omar's bday", "у Марины Викторовны день рождения", "张工生日") is that
person's, even when the note's other facts are another contact's; a full name the team knows ("Omar Haddad's
birthday", "Dr" or not) goes to that contact at their customer, never to a new namesake at the last note's.
Undo takes the birthday back exactly."""
from __future__ import annotations

import pytest
from sqlmodel import select

from storage.models import Contact, Customer
from tests.bot.records import business, difference

TWO_PEOPLE = [
    ("Visited Larkfield Surgery, met Dr Omar Haddad (practice lead) and Jess Kerr from admin, they want a fridge",
     "jess's mobile is 07700 111222, and Omar's bday is 2 april", "Jess Kerr", "Dr Omar Haddad", 4, 2, "undo"),
    ("Был в Теплоград, главбух Марина Викторовна и снабженец Олег Петров, хотят утеплитель",
     "у Олега телефон 89120000000, у Марины Викторовны день рождения 3 марта", "Олег Петров", "Марина Викторовна",
     3, 3, "отмена"),
    ("拜访了华美建材，见了王总和张工，要瓷砖胶", "王总手机13700001111，张工生日是5月6号", "王总", "张工", 5, 6, "撤销"),
]


@pytest.mark.parametrize(("first", "text", "reached", "born", "month", "day", "undo"), TWO_PEOPLE)
async def test_a_birthday_named_with_its_person_is_theirs_not_the_other_contacts(bot, store, engine, first, text,
                                                                                  reached, born, month, day, undo):
    await bot.say(first)
    before = business(engine)
    reply = await bot.say(text)
    people = {c.name: c for c in store.rows(select(Contact))}
    assert set(people) == {reached, born}, reply.text                     # no new contact
    assert people[reached].phone and people[reached].birth_month is None, reply.text
    assert (people[born].birth_month, people[born].birth_day) == (month, day), reply.text
    await bot.say(undo)
    assert difference(before, business(engine)) == []


FULL_NAMES = [
    ("Visited Larkfield Surgery, met Dr Omar Haddad (practice lead), they want a fridge",
     "BioNova Labs - Dr Hannah Moss, lab director, proposal sent today",
     "Omar Haddad's birthday is 2 april", "Dr Omar Haddad", "Larkfield Surgery", "undo"),
    ("Был в Теплоград, главбух Марина Викторовна Соколова, хотят утеплитель",
     "Был в Стройторг Плюс, прораб Сергей хочет газобетон",
     "у Марины Соколовой день рождения 3 марта", "Марина Викторовна Соколова", "Теплоград", "отмена"),
]


@pytest.mark.parametrize(("first", "second", "text", "person", "customer", "undo"), FULL_NAMES)
async def test_a_known_full_name_gets_the_birthday_at_their_customer_not_the_last_notes(bot, store, engine, first,
                                                                                          second, text, person,
                                                                                          customer, undo):
    await bot.say(first)
    await bot.say(second)
    before = business(engine)
    reply = await bot.say(text)
    people = store.rows(select(Contact))
    assert [p.name for p in people].count(person) == 1 and len({p.name for p in people}) == len(people), reply.text
    [theirs] = [p for p in people if p.name == person]
    [where] = [c for c in store.rows(select(Customer)) if c.id == theirs.customer_id]
    assert where.name == customer and theirs.birth_month is not None, reply.text
    await bot.say(undo)
    assert difference(before, business(engine)) == []
