"""A rep pastes a customer's e-mail or chat message into a note ('fwd: "… can you send info?"'): the
question inside the quote is the customer's, not the rep's, so the note is recorded (and can be
undone); a short quote that names something ("is 'acme' the same as Acme Corp?") still asks."""
from __future__ import annotations

from storage.models import Customer, Interaction, Note


async def test_a_pasted_email_with_a_question_in_it_is_recorded(bot, store):
    reply = await bot.say('fwd: "Hi, this is Tess from Larchmont Bakery, we have 6 stores, can you send pricing?" '
                          "→ sending the deck tomorrow")
    if not reply.wrote:                      # asked which customer: the note is kept and the answer applies it
        reply = await bot.say("Larchmont Bakery")
    assert reply.wrote and "Larchmont Bakery" in reply
    assert store(Customer, Customer.name == "Larchmont Bakery") == 1 and store(Interaction) == 1
    await bot.say("undo")
    assert store(Customer) == 0 and store(Interaction) == 0


async def test_a_short_quote_still_asks_and_writes_nothing(bot, store):
    await bot.say("Visited Globex, sent quote 42k")
    notes = store(Note)
    reply = await bot.say("is 'globex' the same as Globex Industries?")
    assert not reply.wrote and store(Note) == notes
