"""How the store commits: a message's own writes need not wait for the disk, the inbox does."""
from __future__ import annotations

import pytest
from sqlalchemy import text

from storage.engine import autocommit, relaxed
from tests.conftest import PG_URL


@pytest.mark.skipif(not PG_URL, reason="PostgreSQL's synchronous_commit (set TEST_DATABASE_URL)")
def test_only_writes_the_inbox_can_redo_skip_the_wait_for_the_disk(engine):
    def setting(of) -> str:
        with of.connect() as connection:
            return connection.execute(text("SHOW synchronous_commit")).scalar_one()

    assert setting(engine) == "on" and setting(autocommit(engine)) == "on"  # what is acknowledged
    assert setting(relaxed(engine)) == "off" and setting(autocommit(relaxed(engine))) == "off"
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
