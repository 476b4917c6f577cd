"""A customer renamed from chat ("rename Globex to Globex Corp", "переименуй Вектор в Вектор-М",
"把星辰科技改名为星辰集团"): a manager or an admin may, a rep is told whom to ask; the old name stays an
alias (a later note with it is filed under the renamed customer); undo gives the old name back
exactly; the command is never logged as a note; a rename that cannot be done says why, writes nothing."""
from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlmodel import Session

from storage.models import Customer, Interaction
from tests.bot.conftest import Account, let_in
from tests.bot.records import business, difference


@pytest.fixture
def people(crm, engine):
    """Team default: Anna (rep), Mila (manager), Adam (admin); team teamb: Dora (manager)."""
    roster = {"anna": ("1001", "Anna", "rep", "default"), "mila": ("1003", "Mila", "manager", "default"),
              "adam": ("1005", "Adam", "admin", "default"), "dora": ("3004", "Dora", "manager", "teamb")}
    for account, name, role, team in roster.values():
        let_in(engine, "telegram", account, name, role, team=team)
    return {key: Account(crm, "telegram", account, name) for key, (account, name, _, _) in roster.items()}


def names(engine, team_id: int = 1) -> list[str]:
    with Session(engine) as s:
        return [c.name for c in s.execute(select(Customer).where(Customer.team_id == team_id)
                                          .order_by(Customer.id)).scalars()]


CASES = [  # (a note, the rename, the old name, the new name, a later note with the old name, undo)
    ("Visited Globex, sent quote 42k", "rename Globex to Globex Corp", "Globex", "Globex Corp",
     "called globex, they want a call back friday", "undo"),
    ("Был в Векторе, отправил КП на 300 тыс", "переименуй Вектор в Вектор-М", "Вектор", "Вектор-М",
     "звонил в Вектор, ждут договор", "отмена"),
    ("拜访了星辰科技，报价8万", "把星辰科技改名为星辰集团", "星辰科技", "星辰集团", "给星辰科技打了电话", "撤销"),
]


@pytest.mark.parametrize("who", ["mila", "adam"])
@pytest.mark.parametrize(("note", "rename", "old", "new", "later", "undo"), CASES)
async def test_a_manager_or_admin_renames_a_customer_and_the_old_name_still_finds_it(
        people, engine, who, note, rename, old, new, later, undo):
    rep, boss = people["anna"], people[who]
    assert (await rep.say(note)).wrote
    before = business(engine)
    done = await boss.say(rename)
    assert done.wrote and done.undo_token and old in done.text and new in done.text and "→" in done.text, done.text
    assert names(engine) == [new]
    with Session(engine) as s:
        assert len(s.execute(select(Interaction)).scalars().all()) == 1     # the command is no note
    again = await rep.say(later)
    assert again.wrote and new in again.text, again.text
    assert names(engine) == [new]
    await rep.say(undo)                                   # the rep's later note
    await boss.say(undo)                                  # the rename
    assert difference(before, business(engine)) == []
    assert names(engine) == [old]


@pytest.mark.parametrize(("rename", "said"), [("rename Globex to Globex Corp", "manager"),
                                              ("переименуй Globex в Глобекс", "руководитель"),
                                              ("把Globex改名为环球公司", "经理")])
async def test_a_rep_may_not_rename_and_nothing_changes(people, engine, rename, said):
    assert (await people["anna"].say("Visited Globex, sent quote 42k")).wrote
    before = business(engine)
    refused = await people["anna"].say(rename)
    assert not refused.wrote and said in refused.text, refused.text
    assert difference(before, business(engine)) == []


@pytest.mark.parametrize(("rename", "said"), [
    ("rename Initech to Initrode", "don't know"),            # no such customer
    ("rename Globex to Hooli", "merge Globex into Hooli"),     # another customer's name
    ("rename Globex to Globex", "already called"),
    ("переименуй Инитех в Инитрод", "Не знаю"),
    ("把Globex改名为Hooli", "合并"),
])
async def test_a_rename_that_cannot_be_done_says_why_and_writes_nothing(people, engine, rename, said):
    for note in ("Visited Globex, sent quote 42k", "Called Hooli, follow up Monday"):
        assert (await people["anna"].say(note)).wrote
    before = business(engine)
    reply = await people["adam"].say(rename)
    assert not reply.wrote and said in reply.text, reply.text
    assert difference(before, business(engine)) == []


async def test_a_manager_of_another_team_renames_nothing_of_ours(people, engine):
    assert (await people["anna"].say("Visited Globex, sent quote 42k")).wrote
    reply = await people["dora"].say("rename Globex to Globex Corp")
    assert not reply.wrote and "don't know" in reply.text, reply.text
    assert names(engine) == ["Globex"]


async def test_renaming_a_stage_is_still_a_setting_not_a_customer(people, engine):
    reply = await people["adam"].say("rename stage negotiation to contract review")
    assert "contract review" in reply.text and "customer" not in reply.text.lower(), reply.text
