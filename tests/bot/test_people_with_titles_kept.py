"""Everyone a note names with a title is a contact of its customer, with that title: two people joined in one
sentence ("Tess Walker the owner and Gus the yard foreman"), or one in a sentence of their own ("GM Pete wants a
demo", "главбух Айгерим +7 …", "採購經理李娜 電話 …"); a phone or an e-mail said beside a named person is that
person's, never the last note's contact's. (Trial 13: Kev the workshop foreman, Sharon Kelly (accounts), Айгерим,
阿強 dropped; Leanne's e-mail written on another contact.) Undo leaves the store as it was."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models import Contact
from tests.bot.records import business, difference


def _people(store) -> list[tuple[str, str | None, str | None, str | None]]:
    return sorted((c.name, c.role, c.phone, c.email) for c in store.rows(select(Contact)))


@pytest.mark.parametrize("note, people, undo", [
    ("Morgan Flats - met Tess Walker the owner and Gus the yard foreman, they want 2 balers",
     [("Gus", "yard foreman", None, None), ("Tess Walker", "owner", None, None)], "undo"),
    ("Kestrel Farm - Sharon Kelly accounts, overdue invoice. GM Pete wants a seeder demo next wk",
     [("Pete", "GM", None, None), ("Sharon Kelly", "accounts", None, None)], "undo"),
    ("Жетысу Агро: был у Ерлана (гл. инженер) и главбуха Айгерим, просят КП на сушилку",
     [("Айгерим", "главбух", None, None), ("Ерлан", "гл. инженер", None, None)], "отмена"),
    ("Жетысу Агро: встреча с Ерланом. главбух Айгерим +7 701 555 1234, просит счёт",
     [("Айгерим", "главбух", "+7 701 555 1234", None), ("Ерлан", None, None, None)], "отмена"),
    ("星辰科技：见了王总。采购经理李娜 电话 13912345678",
     [("李娜", "采购经理", "13912345678", None), ("王总", None, None, None)], "撤销"),
])
async def test_everyone_named_with_a_title_is_a_contact(bot, engine, store, note, people, undo):
    before = business(engine)
    reply = await bot.say(note)
    if not reply.wrote:                          # a name the bot has not seen may be asked about: offered as new
        reply = await bot.say("1")
    assert reply.wrote, reply.text
    assert _people(store) == people, reply.text
    await bot.say(undo)
    assert difference(before, business(engine)) == []


@pytest.mark.parametrize("first, detail, who, undo", [
    ("Murray Flats - met Bill Hutchins the owner, quoted 86k for the header",
     "Leanne Hutchins does the books at murray flats, leanne@murrayflats.com.au",
     ("Leanne Hutchins", "leanne@murrayflats.com.au"), "undo"),
    ("Жетысу Агро: встреча с Ерланом (гл. инженер), КП на сушилку",
     "главбух Айгерим из Жетысу Агро, тел +7 701 555 1234", ("Айгерим", "+7 701 555 1234"), "отмена"),
    ("翠華餐廳：見咗陳生（老闆），報價 HK$16萬",
     "翠華 workshop 師傅 阿強 話舊 oven 壞咗，電話 9123 4567", ("阿強", "9123 4567"), "撤销"),
])
async def test_a_detail_said_beside_a_named_person_is_theirs(bot, engine, store, first, detail, who, undo):
    reply = await bot.say(first)
    if not reply.wrote:
        await bot.say("1")
    first_people = _people(store)
    before = business(engine)
    reply = await bot.say(detail)
    assert reply.wrote, reply.text
    people = _people(store)
    assert all(p in people for p in first_people), reply.text          # nobody else's detail was overwritten
    assert any(p[0] == who[0] and who[1] in (p[2], p[3]) for p in people), reply.text
    await bot.say(undo)
    assert difference(before, business(engine)) == []
