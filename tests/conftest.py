"""Fixtures shared by every room: a fresh store per test (SQLite, or PostgreSQL in CI)."""
from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path
from typing import Iterator

import pytest
from hypothesis import settings as hypothesis_settings
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlmodel import SQLModel

import storage.models  # noqa: F401  (the tables, for the fixtures below, whatever a test imports)
from storage.engine import get_engine, make_engine

PG_URL = os.environ.get("TEST_DATABASE_URL")

# Property tests check what the code does, never how fast: no per-example deadline, which a busy
# machine (or one under faketime) would miss. Timings live in bench/.
hypothesis_settings.register_profile("crmbot", deadline=None)
hypothesis_settings.load_profile("crmbot")


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory) -> Path:
    """A migrated SQLite file, made once and copied for each test."""
    path = tmp_path_factory.mktemp("store") / "template.db"
    engine = get_engine(f"sqlite:///{path}")
    engine.dispose()
    return path


@pytest.fixture
def database_url(tmp_path, request) -> Iterator[str]:
    """The URL of an empty, migrated store for one test."""
    if PG_URL:
        engine = get_engine(PG_URL)
        tables = ", ".join(f'"{t.name}"' for t in SQLModel.metadata.sorted_tables)
        with engine.begin() as connection:
            # a session an earlier test left open would hold its locks (and TRUNCATE would wait)
            connection.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                    "WHERE datname = current_database() AND pid <> pg_backend_pid() "
                                    "AND state LIKE 'idle in transaction%'"))
            connection.execute(text("SET LOCAL lock_timeout = '20s'"))
            connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
        yield PG_URL
        return
    template = request.getfixturevalue("_sqlite_template")
    path = tmp_path / f"crm-{uuid.uuid4().hex[:8]}.db"
    shutil.copy(template, path)
    yield f"sqlite:///{path}"


@pytest.fixture
def engine(database_url) -> Iterator[Engine]:
    """An engine on the test's store."""
    engine = get_engine(database_url) if PG_URL else make_engine(database_url)
    yield engine
    if not PG_URL:
        engine.dispose()
