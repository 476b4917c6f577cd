"""A chat with the bot through the console adapter, on a fresh store, with a clock the test moves."""
from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any, Iterator

import pytest
from sqlalchemy import func, select
from sqlmodel import Session

from bot.adapters.console import Console
from bot.incoming import Incoming
from bot.pipeline import Bot
from bot.settings import Settings
from handlers.reply import Reply
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


def let_in(engine, platform: str, account: str, name: str, role: str = "rep", team: str = "default") -> None:
    """Add the account as a member of `team` (as `crmbot user add` does)."""
    from storage.members import add_user

    with Session(engine) as s:
        add_user(s, get_team(s, team), platform, account, name, role)
        s.commit()


@pytest.fixture
def colleague(crm: Bot, engine) -> Console:
    """Boris, a rep on Anna's team (Anna, the team's first console account, is its admin)."""
    let_in(engine, "console", "anna", "Anna", "admin")
    let_in(engine, "console", "boris", "Boris", "rep")
    return Console(crm, user="boris", name="Boris")


@pytest.fixture
def store(engine):
    """A function that counts rows of a table: `store(Deal)`, or runs a query with `store.q(...)`."""
    class Store:
        db = engine      # the engine itself, for the undo checks' snapshots (tests/bot/records.py)

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
    let_in(engine, "telegram", "42", "Anna")


class Account:
    """One chat account (any platform) talking to the bot through the pipeline."""

    _ids = itertools.count(1)

    def __init__(self, crm: Bot, platform: str, account: str, name: str, chat: str | None = None,
                 workspace: str | None = None, trusted: bool = False):
        self.crm, self.platform, self.account, self.name = crm, platform, account, name
        self.chat, self.workspace, self.trusted = chat or account, workspace, trusted

    def incoming(self, text: str = "", callback: str | None = None) -> Incoming:
        return Incoming(platform=self.platform, account_id=self.account, chat_id=self.chat,
                        message_id=f"m{next(self._ids)}", text=text, callback=callback, display_name=self.name,
                        workspace_id=self.workspace, workspace_trusted=self.trusted)

    async def say(self, text: str) -> Reply:
        return await self.crm.handle(self.incoming(text)) or Reply(text="")

    async def press(self, data: str) -> Reply:
        return await self.crm.handle(self.incoming(callback=data)) or Reply(text="")
