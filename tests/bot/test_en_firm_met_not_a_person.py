"""A company met at a show, written as two capitalised words with no trade word ("Met Corbin Quarries"),
is never taken for a person of the last note's customer: the note is not filed there, and the company is
recorded or offered."""
from __future__ import annotations

from sqlalchemy import select

from storage.models import Contact, Customer, Note


def _notes_of(store, name: str) -> int:
    return store(Note, Note.customer_id == select(Customer.id).where(Customer.name == name).scalar_subquery(),
                 Note.undone_at.is_(None))


async def test_a_firm_met_is_not_the_last_customers_contact(bot, store):
    store.add_customers("Ashby Tool & Die")
    await bot.say("visited ashby tool, sent quote 12k")
    reply = await bot.say("Met Corbin Quarries at the home show, they run 3 sites. office mgr is tina")
    assert _notes_of(store, "Ashby Tool & Die") == 1
    assert store(Contact, Contact.name == "Corbin Quarries") == 0
    assert "Corbin Quarries" in reply.text
