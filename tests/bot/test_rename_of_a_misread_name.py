"""A manager's rename that fixes a name the bot misread ("Lewes: Cosy Corner tea room …" made a customer "Lewes")
keeps no alias of the wrong name: a later note about another shop in that town is never filed there (trial: after
"rename Hove to Spice Garden", every note "in Hove" landed at Spice Garden). A real rename keeps its alias, and
undo gives the old name back exactly."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models import Customer, CustomerAlias
from tests.bot.conftest import Account, let_in
from tests.bot.records import business, difference


@pytest.fixture
def people(crm, engine):
    let_in(engine, "telegram", "11", "Rita", "rep")
    let_in(engine, "telegram", "12", "Mona", "manager")
    return Account(crm, "telegram", "11", "Rita"), Account(crm, "telegram", "12", "Mona")


CASES = [  # (the note, an answer typed to "which customer?" or None, the wrong name, the rename, a later note)
    ("Lewes: Cosy Corner tea room, owner Meg wants 500 napkins, quote £120", None, "Lewes",
     "rename Lewes to Cosy Corner", "Lewes: Harbour Deli, owner Sam asked for the cup price list", "undo"),
    ("去了万达广场 茶颜小馆 李老板 报价3000", "万达广场", "万达广场",
     "把万达广场改名为茶颜小馆", "去了万达广场 鲜果时光 王老板 要了报价 5000", "撤销"),
    ("Заехал на Центральный рынок, павильон Фермер, хозяйка Ольга хочет прайс", "Центральный рынок",
     "Центральный рынок", "переименуй Центральный рынок в Фермер",
     "Заехал на Центральный рынок, павильон Мясной двор, хозяин Арам просит прайс", "отмена"),
]


@pytest.mark.parametrize(("note", "answer", "wrong", "rename", "later", "undo"), CASES)
async def test_the_misread_name_is_no_alias(people, engine, store, clock, note, answer, wrong, rename, later, undo):
    rep, boss = people
    reply = await rep.say(note)
    if answer is not None and not reply.wrote:
        reply = await rep.say(answer)
    assert reply.wrote and [c.name for c in store.rows(select(Customer))] == [wrong], reply.text
    before = business(engine)
    done = await boss.say(rename)
    assert done.wrote and store(CustomerAlias) == 0, done.text
    assert wrong in done.text and done.text.count(wrong) >= 2, done.text      # says the old name is not kept
    await boss.say(undo)
    assert difference(before, business(engine)) == []
    assert (await boss.say(rename)).wrote
    renamed = store.rows(select(Customer))[0]
    clock.advance(hours=3)                             # the last note's customer is no longer the one in focus
    reply = await rep.say(later)
    if reply.wrote:                                    # asking which customer writes nothing; a write is never there
        assert len(store.rows(select(Customer))) == 2 and renamed.name not in reply.text, reply.text


async def test_a_real_rename_keeps_the_old_name(people, store):
    rep, boss = people
    assert (await rep.say("Visited Halden Foods, sent quote 8k")).wrote
    assert (await boss.say("rename Halden Foods to Norvik Foods Group")).wrote
    assert [a.alias for a in store.rows(select(CustomerAlias))] == ["Halden Foods"]
