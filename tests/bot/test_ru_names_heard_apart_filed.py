"""A known Russian name dictated word by word ("юж урал строй сервис") is filed under that customer in
the chat, after a note on another one, and never makes a new customer of its words."""
from __future__ import annotations

from sqlalchemy import select

from storage.models import Customer, Note


def _notes_of(store, name: str) -> int:
    return store(Note, Note.customer_id == select(Customer.id).where(Customer.name == name).scalar_subquery(),
                 Note.undone_at.is_(None))


async def test_a_name_heard_apart_files_under_the_known_one(bot, store):
    store.add_customers("ООО «Южуралстройсервис»", "ООО «Ладога»")
    await bot.say("Встреча в Ладоге, договорились о поставке, 400 тыс")
    reply = await bot.say("созвонился с юж урал строй сервис запятая ждут кп до пятницы")
    assert _notes_of(store, "ООО «Южуралстройсервис»") == 1 and _notes_of(store, "ООО «Ладога»") == 1
    assert store(Customer) == 2
    assert "Южуралстройсервис" in reply.text
