"""`crmbot forget customer`: by name, or by id only as `#2`; it erases the customer in the store and
in the spool of messages queued while the store was unreachable, and says what it erased where
(issue 13, cases 3 and 4)."""
from __future__ import annotations

from sqlalchemy import select
from sqlmodel import Session

from bot.erase import finish, forget_everywhere
from bot.spool import Spool
from storage.members import get_team
from storage.models import Contact, Customer, Inbox
from tests.bot.conftest import Account, let_in
from tests.bot.test_cli import crmbot

NOTE = "Visited Vandelay Industries, met Elaine Benes elaine@vandelay.com +1 555 0199, quote $37k"


def customers(engine) -> list[str]:
    with Session(engine) as s:
        return list(s.execute(select(Customer.name).order_by(Customer.id)).scalars())


def test_an_all_digit_name_is_a_name_and_an_id_is_written_with_a_hash(database_url, engine, store):
    store.add_customers("Initrode", "2", "1999")
    assert customers(engine) == ["Initrode", "2", "1999"]  # ids 1, 2, 3
    out = crmbot("forget", "customer", "2", "--yes", url=database_url)
    assert out.returncode == 0 and "Forgot 2:" in out.stdout, out.stderr
    assert customers(engine) == ["Initrode", "[erased customer #2]", "1999"]
    out = crmbot("forget", "customer", "1", "--yes", url=database_url)
    assert out.returncode == 2 and "no customer called '1'" in out.stderr
    out = crmbot("forget", "customer", "#1", "--yes", url=database_url)
    assert out.returncode == 0 and "Forgot Initrode" in out.stdout
    out = crmbot("forget", "customer", "#99", "--yes", url=database_url)
    assert out.returncode == 2 and "no customer #99 in this team" in out.stderr
    assert customers(engine)[2] == "1999"


async def test_forget_erases_the_spool_and_the_drain_brings_nothing_back(crm, engine, database_url, settings,
                                                                         clock):
    let_in(engine, "telegram", "1001", "Anna", "admin")
    anna = Account(crm, "telegram", "1001", "Anna")
    await anna.say(NOTE)
    queued = anna.incoming("Vandelay Industries called back: Elaine wants the quote by e-mail, elaine@vandelay.com")
    other = anna.incoming("Visited Hooli, quote $12k")
    crm.spool.put(queued)  # received while the store was unreachable
    crm.spool.put(other)
    out = crmbot("forget", "customer", "Vandelay Industries", "--yes", url=database_url,
                 CRM_SPOOL_PATH=str(crm.spool.path))
    assert out.returncode == 0, out.stderr
    assert f"spool {crm.spool.path}: 1 queued message(s) erased" in out.stdout
    assert "store " in out.stdout and "contacts 1" in out.stdout
    spooled = crm.spool.path.read_text(encoding="utf-8")
    assert "vandelay" not in spooled.lower() and "elaine" not in spooled.lower() and "Hooli" in spooled
    await crm.drain()
    assert customers(engine) == ["[erased customer #1]", "Hooli"]
    with Session(engine) as s:
        assert [c.name for c in s.execute(select(Contact)).scalars()] == ["[erased]"]


async def test_a_drain_that_read_the_spool_just_before_still_leaves_the_erased_update(crm, engine, clock):
    let_in(engine, "telegram", "1001", "Anna", "admin")
    anna = Account(crm, "telegram", "1001", "Anna")
    await anna.say(NOTE)
    crm.spool.put(anna.incoming("Met Elaine Benes again, she signed"))
    read_by_drain = crm.spool.waiting()  # the drain has these in hand when forget runs
    with Session(engine) as s:
        team = get_team(s, "default")
        target = s.execute(select(Customer)).scalars().one()
        erased = forget_everywhere(s, team, target, crm.spool)
        s.commit()
    assert finish(erased, crm.spool).spooled == 1 and len(crm.spool) == 0
    for incoming in read_by_drain:
        assert await crm.handle(incoming) is None  # marked processed by the erasure: never applied
    assert customers(engine) == ["[erased customer #1]"]
    with Session(engine) as s:
        assert "Elaine" not in str([row.payload for row in s.execute(select(Inbox)).scalars()])


async def test_a_queued_note_of_another_team_naming_the_same_company_is_kept(crm, engine, clock):
    let_in(engine, "telegram", "1001", "Anna", "admin")
    let_in(engine, "telegram", "3003", "Carl", "rep", team="teamb")
    await Account(crm, "telegram", "1001", "Anna").say(NOTE)
    carl = Account(crm, "telegram", "3003", "Carl")
    crm.spool.put(carl.incoming("Visited Vandelay Industries, quote $9k"))
    with Session(engine) as s:
        erased = forget_everywhere(s, get_team(s, "default"), s.execute(select(Customer)).scalars().one(), crm.spool)
        s.commit()
    assert finish(erased, crm.spool).spooled == 0 and len(crm.spool) == 1
    await crm.drain()
    assert customers(engine) == ["[erased customer #1]", "Vandelay Industries"]  # Carl's, in team B


def test_the_spool_keeps_what_arrives_while_it_is_drained(tmp_path):
    from bot.incoming import Incoming

    spool = Spool(tmp_path / "spool.jsonl")
    first = [Incoming(platform="telegram", account_id="1", chat_id="1", message_id=str(i), text=f"note {i}")
             for i in range(3)]
    for incoming in first:
        spool.put(incoming)
    in_hand = spool.waiting()
    spool.erase(lambda payload: payload["message_id"] == "1")  # a forget in between
    spool.put(Incoming(platform="telegram", account_id="1", chat_id="1", message_id="9", text="late"))
    spool.drop(in_hand)
    assert [i.message_id for i in spool.waiting()] == ["9"]
