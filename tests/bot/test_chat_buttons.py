"""Buttons carry what they point at (a note, a follow-up, a card, a customer) beside the message,
as typed fields: the right record is touched, a button of someone else's making is not obeyed."""
from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import select

from handlers.context import Pressed
from storage.models import Deal, FollowUp, Interaction, Note


async def test_an_undo_button_takes_back_its_own_note_not_the_latest(bot, store):
    first = await bot.say("Visited Initech, sent the quote for $10k")
    await bot.say("Called Globex Corporation, follow up Friday")
    reply = await bot.press(first.undo_token)
    assert "Initech" in reply and "Globex" not in reply
    # what is left is the second note's: its interaction, follow-up and Globex Corporation (a call opens no deal)
    assert store(FollowUp) == 1 and store(Interaction) == 1
    assert store.rows(select(Deal)) == []


async def test_a_snooze_button_moves_by_its_days_and_a_done_button_closes_its_follow_up(bot, store):
    await bot.say("Called Globex Corporation, follow up today")
    await bot.say("Emailed Initech, follow up tomorrow")
    globex, initech = store.rows(select(FollowUp).order_by(FollowUp.id))
    await bot.press(f"snooze:{initech.id}:3")
    assert "Globex" in await bot.press(f"done:{globex.id}")
    moved, = store.rows(select(FollowUp.due).where(FollowUp.id == initech.id))
    assert (moved - initech.due).days == 3
    assert store(FollowUp, FollowUp.done_at.is_not(None)) == 1


@pytest.mark.parametrize("data", ["undo:abc", "snooze:5", "snooze:x:1", "done:", "card:maybe", "open:-1", "zap:1"])
async def test_data_no_button_of_ours_sends_writes_nothing(bot, store, data):
    await bot.say("Visited Initech, sent the quote for $10k")
    reply = await bot.press(data)
    assert reply.text and not reply.wrote
    assert store(Deal) == 1 and store(Note, Note.undone_at.is_(None)) == 1


def test_what_a_button_carried_is_fixed_and_misspelt_names_are_errors():
    pressed = Pressed(followup_id=4, days=7)
    with pytest.raises(dataclasses.FrozenInstanceError):
        pressed.days = 1  # type: ignore[misc]  # dataclasses: assigning to a frozen field on purpose, it raises
    with pytest.raises(AttributeError):
        pressed.followup  # type: ignore[attr-defined]  # noqa: B018  # a misspelt field on purpose, it raises
