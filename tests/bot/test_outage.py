"""The store goes away during a burst: reps are told their notes are queued; each lands once later."""
from __future__ import annotations

import time

import pytest
from sqlalchemy import text

from bot.incoming import Incoming
from storage.engine import make_engine
from storage.models import Interaction, Note
from tests.conftest import PG_URL


def note(i: int) -> Incoming:
    return Incoming(platform="telegram", account_id="42", chat_id="42", message_id=f"42:{i}",
                    text=f"Called Customer{i} Ltd, follow up Friday", lang_hint="en")


async def test_notes_are_queued_while_the_store_is_down_and_applied_once_after(crm, engine, store, let_in_42):
    working = crm.inbox.engine
    crm.inbox.engine = make_engine("postgresql://nobody@127.0.0.1:1/none")  # the store goes away
    replies = [await crm.handle(note(i)) for i in range(5)]
    assert all("queued" in r.text for r in replies)
    assert not await crm.accept(note(5))  # the adapter's early store also falls back to the spool
    assert len(crm.spool) == 6
    assert await crm.drain() == []  # still down: nothing lost, nothing applied
    assert len(crm.spool) == 6
    crm.inbox.engine = working  # the store is back
    done = await crm.drain()
    assert len(done) == 6 and all("Customer" in reply.text for _, reply in done)
    assert len(crm.spool) == 0
    assert store(Interaction) == 6 and store(Note) == 6
    assert await crm.handle(note(3)) is None  # a late redelivery is recognised
    assert store(Interaction) == 6


async def test_a_queued_reply_speaks_the_writers_language(crm, let_in_42):
    crm.inbox.engine = make_engine("postgresql://nobody@127.0.0.1:1/none")
    reply = await crm.handle(Incoming(platform="telegram", account_id="42", chat_id="42", message_id="x",
                                      text="Был у Вектора, созвонимся в пятницу"))
    assert "очеред" in reply.text


async def test_what_arrives_during_a_drain_waits_for_the_next_one(crm, engine, store, let_in_42):
    working = crm.inbox.engine
    crm.inbox.engine = make_engine("postgresql://nobody@127.0.0.1:1/none")
    for i in range(3):
        await crm.handle(note(i))
    crm.inbox.engine = working
    original = crm._once

    async def slow_handle(incoming):  # a message lands in the spool while the drain is busy
        if incoming.message_id == "42:0":
            crm.spool.put(note(9))
        return await original(incoming)

    crm._once = slow_handle
    assert len(await crm.drain()) == 3
    assert [i.message_id for i in crm.spool.waiting()] == ["42:9"]
    crm._once = original
    assert len(await crm.drain()) == 1 and store(Interaction) == 4


def drop_the_bots_sessions(engine) -> None:
    """The server drops every other session, as a restart would; the bot's pool does not know yet."""
    outside = make_engine(str(engine.url.render_as_string(hide_password=False)))
    others = "FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
    with outside.connect() as admin:
        admin.execute(text("SELECT pg_terminate_backend(pid) " + others))
        for _ in range(100):        # termination is asynchronous: wait until they are gone, on a busy machine too
            admin.commit()          # a transaction sees one snapshot of pg_stat_activity: a new one each time
            if not admin.execute(text("SELECT count(*) " + others)).scalar():
                break
            time.sleep(0.05)
    outside.dispose()


@pytest.mark.skipif(not PG_URL, reason="PostgreSQL only: set TEST_DATABASE_URL")
async def test_a_server_restart_between_notes_costs_the_rep_nothing(crm, engine, store, let_in_42):
    first = Incoming(platform="telegram", account_id="42", chat_id="42", message_id="42:1",
                     text="Called Initech, follow up Friday")
    assert "Initech" in (await crm.handle(first)).text  # the pool now holds live connections
    await crm.delivered(first)
    drop_the_bots_sessions(engine)
    assert await crm.accept(note(2))  # stored on a fresh connection, not spooled
    drop_the_bots_sessions(engine)
    reply = await crm.handle(note(2))  # applied on a fresh connection, not queued
    assert "Customer2" in reply.text and "queued" not in reply.text, reply.text
    drop_the_bots_sessions(engine)
    await crm.delivered(note(2))
    engine.dispose()  # the checks below read through the bot's other pool, still holding dropped sessions
    assert len(crm.spool) == 0 and store(Note) == 2
    assert await crm.replay() == []  # the reply was marked sent despite the dropped connection
