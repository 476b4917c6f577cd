"""How the store commits: a message's own writes need not wait for the disk, the inbox does."""
from __future__ import annotations

import pytest
from sqlalchemy import text

from storage.engine import autocommit, relaxed
from tests.conftest import PG_URL


@pytest.mark.skipif(not PG_URL, reason="PostgreSQL's synchronous_commit (set TEST_DATABASE_URL)")
def test_only_writes_the_inbox_can_redo_skip_the_wait_for_the_disk(engine):
    def setting(of) -> tuple[str, str]:
        """The connection's synchronous_commit, and who set it ("client": the bot)."""
        with of.connect() as connection:
            value, source = connection.execute(text(
                "SELECT setting, source FROM pg_settings WHERE name = 'synchronous_commit'")).one()
            return str(value), str(source)

    for acknowledged in (engine, autocommit(engine)):  # the server's own setting (a test cluster may relax it)
        assert setting(acknowledged)[1] != "client"
    assert setting(relaxed(engine)) == ("off", "client") and setting(autocommit(relaxed(engine))) == ("off", "client")
    assert relaxed(engine) is relaxed(engine)  # one pool per process


@pytest.mark.skipif(bool(PG_URL), reason="SQLite's store")
def test_sqlite_commits_one_way(engine):
    assert relaxed(engine) is engine  # WAL with synchronous=NORMAL already


def test_a_lost_race_is_worth_a_retry_and_nothing_else_is():
    from storage.engine import is_busy

    for lost in ("database is locked", "deadlock detected\nDETAIL: Process 12 waits for ShareLock",
                 "could not serialize access due to concurrent update"):
        assert is_busy(Exception(lost))
    assert not is_busy(Exception('relation "customer" does not exist'))
