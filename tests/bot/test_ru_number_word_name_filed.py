"""A note naming a known Russian customer by its number word in another case ("из трех китов") is filed under
it, never under the last customer, and undo gives the store back as it was."""
from __future__ import annotations

from sqlalchemy import select

from storage.models import Customer, Note
from tests.bot.records import business, difference


def _notes_of(store, name: str) -> int:
    return store(Note, Note.customer_id == select(Customer.id).where(Customer.name == name).scalar_subquery(),
                 Note.undone_at.is_(None))


async def test_filed_under_the_number_word_name(bot, store, engine):
    store.add_customers("ООО «Три Кита»", "ООО «Ладья»")
    await bot.say("Встреча в Ладье, подписали договор на 400 тыс")
    snapshot = business(engine)
    await bot.say("осипов из трех китов перезвонил, берут 4 стеллажа")
    assert _notes_of(store, "ООО «Три Кита»") == 1 and _notes_of(store, "ООО «Ладья»") == 1
    assert (await bot.say("отмена")).wrote
    assert difference(snapshot, business(engine)) == []
