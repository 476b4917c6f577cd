"""A chat with the bot through the console adapter, on a fresh store, with a clock the test moves."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any, Iterator

import pytest
from sqlalchemy import func, select
from sqlmodel import Session

from bot.adapters.console import Console
from bot.pipeline import Bot
from bot.settings import Settings
from storage import clock as store_clock
from storage.models import Customer
from storage.customers import name_key
from storage.members import get_team


@dataclass
class Clock:
    """The instant the bot believes it is; tests move it."""

    now: datetime

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: Any) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock() -> Iterator[Clock]:
    """Wednesday 25 November 2026, 10:00 in London: the bot's and the store's one clock."""
    fake = Clock(datetime(2026, 11, 25, 10, 0, tzinfo=timezone.utc))
    with store_clock.using(fake):
        yield fake


@pytest.fixture
def settings(database_url: str, tmp_path) -> Settings:
    return Settings(DATABASE_URL=database_url, CRM_TIMEZONE="Europe/London",
                    CRM_SPOOL_PATH=str(tmp_path / "spool.jsonl"))


@pytest.fixture
def crm(settings: Settings, engine, clock: Clock) -> Bot:
    return Bot(settings, engine, clock=clock)


@pytest.fixture
def bot(crm: Bot) -> Console:
    """The rep "anna" chatting with the bot in the terminal."""
    return Console(crm, user="anna", name="Anna")


@pytest.fixture
def colleague(crm: Bot) -> Console:
    return Console(crm, user="boris", name="Boris")


@pytest.fixture
def store(engine):
    """A function that counts rows of a table: `store(Deal)`, or runs a query with `store.q(...)`."""
    class Store:
        def __call__(self, table, *where) -> int:
            with Session(engine) as s:
                return s.execute(select(func.count()).select_from(table).where(*where)).scalar_one()

        def rows(self, query):
            with Session(engine) as s:
                return s.execute(query).scalars().all()

        def add_customers(self, *names: str) -> None:
            with Session(engine) as s:
                team = get_team(s, "default")
                for name in names:
                    s.add(Customer(team_id=team.id, name=name, name_key=name_key(name)))
                s.commit()
    return Store()


@pytest.fixture
def let_in_42(engine) -> None:
    """Telegram account 42 is a rep of the default team."""
    from storage.members import add_user

    with Session(engine) as s:
        add_user(s, get_team(s, "default"), "telegram", "42", "Anna")
        s.commit()
