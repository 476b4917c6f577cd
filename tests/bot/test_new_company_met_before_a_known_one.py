"""A Russian note about a company met, written first as a name, that also names a known customer (whose kit
they saw, who sent them) never lands on the known customer nor on the last one: it goes to the new company,
and undo gives the store back as it was."""
from __future__ import annotations

from sqlalchemy import select

from storage.models import Customer, Note
from tests.bot.records import business, difference


def _notes_of(store, name: str) -> int:
    return store(Note, Note.customer_id == select(Customer.id).where(Customer.name == name).scalar_subquery(),
                 Note.undone_at.is_(None))


async def test_the_company_met_gets_the_note(bot, store, engine):
    store.add_customers("ООО «Ладья»", "ООО «Бюро переводов Слово-Про»")
    await bot.say("Встреча в Ладье, подписали договор на 400 тыс")
    snapshot = business(engine)
    reply = await bot.say("созвон с Байкал-Рыбпром, главный механик Ильин, показал им как наши работают у ладьи")
    assert _notes_of(store, "ООО «Ладья»") == 1
    assert "Ладья" not in reply.text.splitlines()[0]
    if not reply.wrote:                         # asked whether it is a new customer: yes
        reply = await bot.say("Байкал-Рыбпром")
    assert _notes_of(store, "Байкал-Рыбпром") == 1
    assert (await bot.say("отмена")).wrote
    assert difference(snapshot, business(engine)) == []
    await bot.say("входящий: бюро переводов Глосса-Текст, вышли на нас через Слово-Про, хотят 3 места")
    assert _notes_of(store, "ООО «Бюро переводов Слово-Про»") == 0 and _notes_of(store, "ООО «Ладья»") == 1
