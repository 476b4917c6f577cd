"""An English yes/no question about a customer or a person ("did karen ever pay the invoice"), a
request to be reminded of what was said ("remind me who the CFO at hooli is") and a look-up of
customers by name or place ("clients named acme") ask; they never write, not even on the last
note's customer. Notes that open with "did" ("did a demo for hooli") stay notes."""
from __future__ import annotations

import pytest

from sqlalchemy import select

from storage.models import Deal, Interaction, Note


@pytest.mark.parametrize("question", [
    "did karen ever pay the invoice",
    "has northwind already signed",
    "did gavin sign the order form",
    "has raj replied to the proposal",
    "remind me who the CFO at hooli is",
    "remind me what northwind asked for",
    "clients named acme",
    "customers in leeds",
])
async def test_a_question_after_a_note_writes_nothing(bot, store, question):
    await bot.say("visited Northwind Foods, met karen (cfo), proposal 30k, follow up fri")
    before = (store(Note), store(Interaction), [d.stage for d in store.rows(select(Deal))])
    reply = await bot.say(question)
    assert not reply.wrote, reply.text
    assert (store(Note), store(Interaction), [d.stage for d in store.rows(select(Deal))]) == before


@pytest.mark.parametrize("note", ["did a demo for northwind foods, they loved it",
                                  "did the walkthrough with northwind foods today"])
async def test_a_note_that_opens_with_did_is_still_a_note(bot, store, note):
    await bot.say("visited Northwind Foods, met karen (cfo)")
    reply = await bot.say(note)
    assert reply.wrote and "Northwind" in reply.text
