"""A person got through to, got hold of or reached ("finally got thru to rafe kingsley (COO)", "reached Tom Park",
"дозвонился до Павла Орлова (коммерческий директор)", "终于打通了赵总（总经理）的电话") is a call, logged with the
whole name and the title in brackets; undo takes the call and the contact back. "reached out" and
"reached an agreement" are no call."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models import Contact, Interaction
from storage.vocabulary import Channel
from tests.bot.records import business, difference

CASES = [
    ("brixton tools: finally got thru to rafe kingsley (COO), wants pricing", "rafe kingsley", "COO", "undo"),
    ("got hold of Nadia Petrova at Brixton Tools, she is keen", "Nadia Petrova", None, "undo"),
    ("reached Tom Park at Brixton Tools, he wants a demo", "Tom Park", None, "undo"),
    ("Кварц: наконец дозвонился до Павла Орлова (коммерческий директор), хочет КП", "Павел Орлов",
     "коммерческий директор", "отмена"),
    ("终于打通了蓝桥科技赵总（总经理）的电话，他要报价", "赵总", "总经理", "撤销"),
]


@pytest.mark.parametrize(("text", "name", "role", "undo"), CASES)
async def test_got_through_is_a_call_with_the_whole_name(bot, store, engine, text, name, role, undo):
    store.add_customers("Brixton Tools", "Кварц", "蓝桥科技")
    before = business(engine)
    reply = await bot.say(text)
    assert reply.wrote, reply.text
    [call] = store.rows(select(Interaction))
    [contact] = store.rows(select(Contact))
    assert (call.channel, contact.name, contact.role) == (Channel.CALL, name, role), reply.text
    await bot.say(undo)
    assert difference(before, business(engine)) == []


@pytest.mark.parametrize("text", ["brixton tools reached out to us via linkedin",
                                  "we reached an agreement with brixton tools on price"])
async def test_reached_out_or_an_agreement_is_no_call(bot, store, text):
    store.add_customers("Brixton Tools")
    await bot.say(text)
    assert all(i.channel != Channel.CALL for i in store.rows(select(Interaction)))
