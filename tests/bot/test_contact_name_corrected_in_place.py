"""A contact's name put right just after the note that made the contact renames it in place, never adds a
second contact: "sorry not Tom, it was Dr Ben Hardy", "it was Ben Hardy, not Tom", "the foreman's name is
Ben Hardy and not Tom", "не Ольга, а Олеся", "不是王工，是汪工". The reply says before → after; undo gives back
the store as it was before the correction. A customer put right the same way ("it was Kestrel Foods, not
Wattle Creek") still moves the note."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models import Contact, Customer
from tests.bot.records import business, difference

CASES = [  # (note, correction, old name, new name, undo)
    ("Wattle Creek - visited, met Tom the foreman, clutch kit quoted 4500", "sorry not Tom, it was Dr Ben Hardy",
     "Tom", "Dr Ben Hardy", "undo"),
    ("Wattle Creek - visited, met Tom the foreman, clutch kit quoted 4500", "it was Ben Hardy, not Tom",
     "Tom", "Ben Hardy", "undo"),
    ("Visited Wattle Creek, met the foreman Mr. Tom Gill, clutch kit quoted 4500",
     "Sorry, my mistake, the foreman's name is Tom Grewal and not Gill.", "Gill", "Tom Grewal", "undo"),
    ("Кварц - встреча с Ольгой, закупщик, КП на 2 млн", "ой, не Ольга, а Олеся", "Ольга", "Олеся", "отмена"),
    ("拜访了蓝桥科技，见了王工，报价 12万", "不是王工，是汪工", "王工", "汪工", "撤销"),
]


@pytest.mark.parametrize(("note", "fix", "old", "new", "undo"), CASES)
async def test_the_contact_is_renamed_in_place(bot, store, engine, note, fix, old, new, undo):
    store.add_customers("Wattle Creek", "Кварц", "蓝桥科技")
    await bot.say(note)
    assert store(Contact) == 1
    before = business(engine)
    reply = await bot.say(fix)
    assert store(Contact) == 1 and store(Customer) == 3, reply.text
    names = list(store.rows(select(Contact.name)))
    assert names == [new], reply.text
    assert old in reply.text and new in reply.text
    await bot.say(undo)
    assert difference(before, business(engine)) == []


async def test_a_customer_put_right_still_moves_the_note(bot, store):
    store.add_customers("Wattle Creek", "Kestrel Foods")
    await bot.say("Wattle Creek - visited, met Tom the foreman, clutch kit quoted 4500")
    reply = await bot.say("it was Kestrel Foods, not Wattle Creek")
    assert "Kestrel Foods" in reply.text and store(Customer) == 2, reply.text
