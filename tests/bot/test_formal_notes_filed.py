"""A note opened formally ("I would like to record that…", "Хотел бы зафиксировать, что…", "特此记录：…")
is filed under the company it names, never under the last note's customer."""
from __future__ import annotations

from sqlalchemy import select

from storage.models import Customer, Note


def _notes_of(store, name: str) -> int:
    return store(Note, Note.customer_id == select(Customer.id).where(Customer.name == name).scalar_subquery(),
                 Note.undone_at.is_(None))


async def test_an_english_formal_note_names_its_new_customer(bot, store):
    store.add_customers("Wollemi Pharmacy Group")
    await bot.say("visited wollemi pharmacy, sent quote $4k")
    await bot.say("I would like to record that Tarrawood Cabins contacted us by email this afternoon.")
    assert _notes_of(store, "Wollemi Pharmacy Group") == 1
    assert _notes_of(store, "Tarrawood Cabins") == 1


async def test_a_russian_formal_note_names_its_known_customer(bot, store):
    store.add_customers("ООО «Агроснаб»", "ООО «Ладога»")
    await bot.say("Встреча в Ладоге, договорились о поставке, 400 тыс")
    await bot.say("Хотел бы зафиксировать, что Агроснаб подписал договор.")
    assert _notes_of(store, "ООО «Агроснаб»") == 1 and _notes_of(store, "ООО «Ладога»") == 1


async def test_a_chinese_formal_note_names_its_known_customer(bot, store):
    store.add_customers("苏州瑞泰电子有限公司", "杭州云栖科技")
    await bot.say("拜访了云栖科技，报价8万")
    await bot.say("特此记录：瑞泰电子的王经理来电，想要一份报价。")
    assert _notes_of(store, "苏州瑞泰电子有限公司") == 1 and _notes_of(store, "杭州云栖科技") == 1
