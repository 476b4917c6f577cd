"""A note that tells a question the customer asked ("gavin asked if we support SSO?", "Петров спросил,
есть ли у нас интеграция с 1С?", "王总问我们有没有SSO？") is recorded: the call and the follow-up are
kept, never answered with the customer's card. The writer's own question is still answered, and
writes nothing."""
from __future__ import annotations

import pytest
from sqlmodel import Session, select

from storage.models import FollowUp, Interaction
from tests.bot.conftest import Clock, bot, clock, crm, settings, store  # noqa: F401  (the chat fixtures)
from tests.bot.records import business, difference


def counts(engine) -> tuple[int, int]:
    with Session(engine) as s:
        return len(s.exec(select(Interaction)).all()), len(s.exec(select(FollowUp)).all())


@pytest.mark.parametrize("first, note, question", [
    ("Visited Calder Labs, met Ines", "called calder labs, ines asked if we support SSO? need to check w/ product. "
     "follow up fri", "what do we know about calder labs?"),
    ("Был в Техносвете, отправил КП", "звонил в Техносвет, Петров спросил, есть ли у нас интеграция с 1С? уточню у "
     "техподдержки, перезвоню в пятницу", "что по Техносвету?"),
    ("拜访了恒通物流", "给恒通物流打了电话，王总问我们有没有SSO？我得问一下产品，周五回复", "恒通物流怎么样了？"),
])
async def test_a_question_the_customer_asked_is_part_of_the_note(bot, engine, first, note, question):
    assert (await bot.say(first)).wrote
    calls, follow_ups = counts(engine)
    reply = await bot.say(note)
    assert reply.wrote, reply.text
    assert counts(engine) == (calls + 1, follow_ups + 1)
    snapshot = business(engine)
    answer = await bot.say(question)
    assert not answer.wrote
    assert difference(snapshot, business(engine)) == []
