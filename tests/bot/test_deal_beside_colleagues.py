"""Two reps sell to one customer (issue 12, point 5): a rep's own new order or quote there opens her own
deal and leaves her colleague's as it is; a note that would move the colleague's deal records the rest of
it (the call, the contact, the follow-up) and says the deal was not changed; one undo takes it back."""
from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlmodel import Session

from storage.members import identity_of
from storage.models import Deal, FollowUp, Interaction, stored_id
from tests.bot.conftest import Account, let_in
from tests.bot.records import business, difference


@pytest.fixture
def team(crm, engine):
    """Anna and Boris (reps), Mila (manager), one team."""
    roster = {"anna": ("2001", "Anna", "rep"), "boris": ("2002", "Boris", "rep"), "mila": ("2003", "Mila", "manager")}
    for account, name, role in roster.values():
        let_in(engine, "telegram", account, name, role)
    return {key: Account(crm, "telegram", account, name) for key, (account, name, _) in roster.items()}


def deals(engine) -> list[Deal]:
    with Session(engine) as s:
        return list(s.execute(select(Deal).order_by(Deal.id)).scalars())


def member(engine, account: str) -> int:
    with Session(engine) as s:
        identity = identity_of(s, "telegram", account)
        assert identity is not None
        return stored_id(identity)


FIRST = {
    "en": "Visited Harbor Bakery, met Tom Reyes, quoted $12k for the deck oven, follow up Friday",
    "zh": "拜访了金禾食品，见了采购李经理，冷库报价12万",
    "ru": "Был в Агроторге, встреча с закупщиком Ильёй, КП на 900 тыс на холодильные камеры",
}
OWN = [
    ("en", "Called Harbor Bakery, new order: two proofing cabinets, $6,500, call back Tuesday", 650_000),
    ("en", "Spoke with Harbor Bakery about a dough mixer, quoted them $3,800", 380_000),
    ("zh", "金禾食品又下了一单，冷柜三台，金额3万", 3_000_000),
    ("ru", "Агроторг: новый заказ, 2 витрины, 400 тыс, перезвонить в пн", 40_000_000),
]


@pytest.mark.parametrize(("lang", "text", "minor"), OWN)
async def test_a_reps_own_order_at_a_colleagues_customer_opens_her_own_deal(team, engine, clock, lang, text,
                                                                               minor):
    await team["anna"].say(FIRST[lang])
    [annas] = deals(engine)
    before = business(engine)
    reply = await team["boris"].say(text)
    assert reply.wrote, reply.text
    assert "Anna" in reply.text, reply.text        # the reply says Anna's deal was left as it is
    still, boris = deals(engine)
    assert (still.stage, still.amount_minor, still.owner_id) == (annas.stage, annas.amount_minor, annas.owner_id)
    assert (boris.owner_id, boris.amount_minor, boris.customer_id) == (member(engine, "2002"), minor,
                                                                      annas.customer_id)
    await team["boris"].say({"en": "undo", "zh": "撤销", "ru": "отмена"}[lang])
    assert difference(before, business(engine)) == []


MOVES = [
    ("en", "Called Harbor Bakery, they signed! call Tom back on Monday about delivery", "Anna's"),
    ("zh", "给金禾食品打了电话，他们签约了，周五再联系", "Anna"),
    ("ru", "Созвонился с Агроторгом, они подписали договор, перезвонить в пятницу", "Anna"),
]


@pytest.mark.parametrize(("lang", "text", "owner"), MOVES)
async def test_a_move_of_a_colleagues_deal_is_left_out_and_the_rest_recorded(team, engine, clock, lang, text,
                                                                              owner):
    await team["anna"].say(FIRST[lang])
    [annas] = deals(engine)
    before = business(engine)
    reply = await team["boris"].say(text)
    assert reply.wrote and owner in reply.text, reply.text
    [still] = deals(engine)
    assert (still.stage, still.amount_minor) == (annas.stage, annas.amount_minor)
    with Session(engine) as s:
        calls = list(s.execute(select(Interaction).where(Interaction.member_id == member(engine, "2002"))).scalars())
        follow = list(s.execute(select(FollowUp).where(FollowUp.member_id == member(engine, "2002"))).scalars())
    assert calls and follow, reply.text
    await team["boris"].say({"en": "undo", "zh": "撤销", "ru": "отмена"}[lang])
    assert difference(before, business(engine)) == []


async def test_her_next_note_moves_her_own_deal_not_the_colleagues(team, engine, clock):
    await team["anna"].say(FIRST["en"])
    await team["boris"].say("Harbor Bakery - new order for a slicer, $2,400")
    reply = await team["boris"].say("Harbor Bakery: the slicer is in negotiation now")
    assert "→ negotiation" in reply.text, reply.text
    annas, boris = deals(engine)
    assert (annas.stage, boris.stage) == ("proposal", "negotiation")


async def test_a_manager_moves_the_reps_deal_which_stays_the_reps(team, engine, clock):
    await team["anna"].say(FIRST["en"])
    reply = await team["mila"].say("Harbor Bakery signed the deck oven, $12,500")
    assert "→ won" in reply.text, reply.text
    [deal] = deals(engine)
    assert (deal.stage, deal.amount_minor, deal.owner_id) == ("won", 1_250_000, member(engine, "2001"))
