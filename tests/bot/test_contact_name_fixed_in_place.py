"""A contact's name put right after the note that made it ("its Marie not Maria", "not Maria, Marie",
"её зовут Мария, а не Марина", "не Марина, а Марина Петровна", "不是王总，是汪总") changes that contact in
place: only the word taken back is replaced, the reply shows before → after, and undo restores it."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models import Contact, Customer
from tests.bot.records import business, difference

CASES = [
    ("met Katrin Weber at Dunmore Mills", "its Katrine not Katrin", "Katrin Weber", "Katrine Weber", "undo"),
    ("call with Jon Pearce from Dunmore Mills", "not Jon, John", "Jon Pearce", "John Pearce", "undo"),
    ("call with Jon Pearce from Dunmore Mills", "his name's John, not Jon", "Jon Pearce", "John Pearce", "undo"),
    ("встреча с Алёной Крюковой в Гидромаше", "её зовут Алина, а не Алёна", "Алёна Крюкова", "Алина Крюкова", "отмена"),
    ("встреча с Ольгой Зуевой в Гидромаше", "не Ольга, а Ольга Сергеевна", "Ольга Зуева", "Ольга Сергеевна Зуева",
     "отмена"),
    ("见了恒泰电子的张总", "不是张总，是章总", "张总", "章总", "撤销"),
]


@pytest.mark.parametrize(("note", "fix", "old", "new", "undo"), CASES)
async def test_the_contacts_name_is_put_right_in_place(bot, store, engine, note, fix, old, new, undo):
    assert (await bot.say(note)).wrote
    customers = [c.name for c in store.rows(select(Customer))]
    [made] = store.rows(select(Contact))
    assert made.name == old
    before = business(engine)
    reply = await bot.say(fix)
    assert reply.wrote and f"{old} → {new}" in reply.text, reply.text
    [contact] = store.rows(select(Contact))
    assert (contact.id, contact.name) == (made.id, new)
    assert [c.name for c in store.rows(select(Customer))] == customers     # no customer moved or made
    await bot.say(undo)
    assert difference(before, business(engine)) == []


async def test_it_was_another_customer_still_moves_the_note(bot, store):
    await bot.say("met Katrin Weber at Dunmore Mills")
    await bot.say("Visited Initech")
    reply = await bot.say("it's Dunmore Mills, not Initech")
    assert reply.wrote and "Initech → Dunmore Mills" in reply.text, reply.text
