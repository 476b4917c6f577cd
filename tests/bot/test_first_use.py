"""Parallel first use: several `crmbot say` at once on a store that does not exist yet, or whose schema
is behind, all succeed; schema creation and migration take turns between processes (a lock file
beside a SQLite file, an advisory lock on PostgreSQL). Issue 13, case 5."""
from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from storage.engine import make_engine, migrate

PG_URL = os.environ.get("TEST_DATABASE_URL")


def say_at_once(url: str, tmp_path: Path, texts: list[str], users: list[str]) -> list[subprocess.CompletedProcess]:
    """Start one `crmbot say` per text, all at once, and wait for every one."""
    env = {**os.environ, "DATABASE_URL": url, "CRM_TIMEZONE": "Europe/London"}
    running = [subprocess.Popen([sys.executable, "-m", "bot", "say", "--user", user, "--now", "2026-11-25T10:00",
                                 note], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                env={**env, "CRM_SPOOL_PATH": str(tmp_path / f"spool-{i}.jsonl")})
               for i, (note, user) in enumerate(zip(texts, users))]
    done = []
    for process in running:
        out, err = process.communicate(timeout=240)
        done.append(subprocess.CompletedProcess(process.args, process.returncode, out, err))
    return done


def notes(count: int) -> list[str]:
    return [f"Visited Firm{i} Ltd, sent the quote for ${i + 1}k" for i in range(count)]


def counts(url: str) -> tuple[int, int, list[str]]:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            interactions = connection.execute(text("SELECT count(*) FROM interaction")).scalar_one()
            members = connection.execute(text("SELECT count(*) FROM member")).scalar_one()
            versions = list(connection.execute(text("SELECT version_num FROM alembic_version")).scalars())
    finally:
        engine.dispose()
    return interactions, members, versions


def all_recorded(results: list[subprocess.CompletedProcess]) -> None:
    for result in results:
        assert result.returncode == 0 and "Recorded" in result.stdout, result.stdout + result.stderr[-1500:]
        assert "locked" not in result.stderr and "Traceback" not in result.stderr


def head() -> str:
    folder = Path(__file__).resolve().parents[2] / "storage" / "migrations" / "versions"
    return max(p.stem.split("_")[0] for p in folder.glob("[0-9]*.py"))


@pytest.fixture
def fresh_pg() -> Iterator[str]:
    """An empty database of its own on the test PostgreSQL server, dropped afterwards."""
    if not PG_URL:
        pytest.skip("PostgreSQL only (TEST_DATABASE_URL)")
    name = f"crm_first_use_{uuid.uuid4().hex[:10]}"
    server = make_engine(make_url(PG_URL).set(database="postgres")).execution_options(isolation_level="AUTOCOMMIT")
    with server.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with server.connect() as connection:
            connection.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :n"),
                               {"n": name})
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        server.dispose()


@pytest.fixture
def fresh_sqlite(tmp_path: Path) -> str:
    if PG_URL:
        pytest.skip("the SQLite run covers a new SQLite file")
    return f"sqlite:///{tmp_path / 'new.db'}"


@pytest.mark.parametrize("store,count", [("fresh_sqlite", 5), ("fresh_pg", 10)])
def test_notes_at_once_on_a_store_that_does_not_exist_yet_all_land(request, tmp_path, store, count):
    url = request.getfixturevalue(store)
    all_recorded(say_at_once(url, tmp_path, notes(count), ["anna"] * count))
    assert counts(url) == (count, 1, [head()])  # one member: the first console account, its admin


@pytest.mark.parametrize("store,count", [("fresh_sqlite", 5), ("fresh_pg", 10)])
def test_notes_at_once_on_a_schema_that_is_behind_all_land(request, tmp_path, store, count):
    url = request.getfixturevalue(store)
    engine = make_engine(url)
    migrate(engine, "0007")  # as an older release left it
    engine.dispose()
    all_recorded(say_at_once(url, tmp_path, notes(count), ["anna"] * count))
    assert counts(url) == (count, 1, [head()])


@pytest.mark.parametrize("store", ["fresh_sqlite", "fresh_pg"])
def test_different_first_accounts_at_once_make_exactly_one_admin(request, tmp_path, store):
    url = request.getfixturevalue(store)
    users = [f"first{i}" for i in range(5)]
    results = say_at_once(url, tmp_path, notes(5), users)
    recorded = [r for r in results if "Recorded" in r.stdout]
    refused = [r for r in results if "crmbot user add --platform console" in r.stdout]
    assert len(recorded) == 1 and len(refused) == 4, [r.stdout for r in results]
    assert all(r.returncode == 0 and "Traceback" not in r.stderr for r in results)
    assert counts(url)[:2] == (1, 1)
