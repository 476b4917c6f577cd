"""Builders for the scheduler's tests: rows written straight into the real store, and a fake sender."""
from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import Any, Callable, Optional

import pytest
from sqlalchemy import select
from sqlalchemy.engine import Engine

from handlers.reply import Reply
from storage.engine import session
from storage.models import (Contact, Customer, Deal, FollowUp, Identity, Interaction, Member, NudgeLedger,
                            Team, stored_id)

UTC = timezone.utc


def at(text: str) -> datetime:
    """An aware UTC instant from "2026-12-01 09:00"."""
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


@dataclass
class Person:
    """A member as the tests need one: id, name, chat id."""

    id: int
    name: str
    chat: str


class World:
    """A team in the test's store, and quick ways to add rows to it."""

    def __init__(self, engine: Engine, timezone: str = "UTC", settings: dict[str, Any] | None = None):
        self.engine = engine
        self._chat = 1000
        self.team = self._add(Team(name="acme-sales", timezone=timezone, settings=settings or {}))

    def _add(self, row: Any) -> Any:
        with session(self.engine) as s:
            s.add(row)
            s.commit()
            s.refresh(row)
        return row

    def member(self, name: str = "Ann Lee", role: str = "rep", tz: Optional[str] = None,
               lang: Optional[str] = None, platform: str = "telegram", chat: Optional[str] = None,
               reachable: bool = True) -> Person:
        member = self._add(Member(team_id=self.team.id, name=name, role=role, timezone=tz, language=lang))
        self._chat += 1
        chat = chat or str(self._chat)
        self._add(Identity(team_id=self.team.id, member_id=member.id, platform=platform,
                           external_id=f"ext-{chat}", chat_id=chat, reachable=reachable))
        return Person(stored_id(member), name, chat)

    def customer(self, name: str = "Globex", owner: Optional[Person] = None, **custom: Any) -> Customer:
        return self._add(Customer(team_id=self.team.id, name=name, name_key=name.lower(),
                                  owner_id=owner.id if owner else None, custom=custom,
                                  created_at=at("2025-01-01 00:00")))

    def followup(self, customer: Customer, member: Person, due: date, what: str = "send the quote",
                 done: bool = False) -> FollowUp:
        return self._add(FollowUp(team_id=self.team.id, customer_id=customer.id, member_id=member.id, due=due,
                                  what=what, done_at=at("2026-01-01 00:00") if done else None))

    def contact(self, customer: Customer, name: str, birthday: Optional[tuple[int, int]] = None) -> Contact:
        month, day = birthday or (None, None)
        return self._add(Contact(team_id=self.team.id, customer_id=customer.id, name=name,
                                 birth_month=month, birth_day=day))

    def deal(self, customer: Customer, owner: Optional[Person], stage: str = "proposal",
             amount: Optional[int] = 4_000_000, created_at: str = "2026-01-01 00:00",
             closed_at: Optional[str] = None, title: str = "licenses", currency: str = "USD") -> Deal:
        return self._add(Deal(team_id=self.team.id, customer_id=customer.id, stage=stage, amount_minor=amount,
                              currency=currency, owner_id=owner.id if owner else None, title=title,
                              created_at=at(created_at), updated_at=at(created_at),
                              closed_at=at(closed_at) if closed_at else None))

    def interaction(self, customer: Customer, member: Optional[Person], when: str,
                    text: str = "called them") -> Interaction:
        return self._add(Interaction(team_id=self.team.id, customer_id=customer.id,
                                     member_id=member.id if member else None, text=text, at=at(when)))

    def ledger(self) -> list[NudgeLedger]:
        with session(self.engine) as s:
            return list(s.execute(select(NudgeLedger).order_by(NudgeLedger.id)).scalars())

    def identity(self, member: Person) -> Identity:
        with session(self.engine) as s:
            return s.execute(select(Identity).where(Identity.member_id == member.id)).scalars().one()


@dataclass
class Sent:
    platform: str
    chat_id: str
    reply: Reply


class Failure(Exception):
    """What a platform answers instead of delivering."""

    def __init__(self, status: int, retry_after: Optional[float] = None):
        super().__init__(f"HTTP {status}")
        self.status = status
        self.retry_after = retry_after


@dataclass
class FakeSender:
    """Records every message; `fail(chat)` returns exceptions to raise, one per call, before succeeding."""

    sent: list[Sent] = field(default_factory=list)
    calls: int = 0
    failures: dict[str, list[BaseException]] = field(default_factory=dict)
    hook: Optional[Callable[[str], Any]] = None
    delay: float = 0.0

    async def send(self, platform: str, chat_id: str, reply: Reply) -> None:
        self.calls += 1
        if self.delay:
            await asyncio.sleep(self.delay)
        queue = self.failures.get(chat_id)
        if queue:
            raise queue.pop(0)
        if self.hook is not None:
            self.hook(chat_id)
        self.sent.append(Sent(platform, chat_id, reply))

    def texts(self) -> list[str]:
        return [s.reply.text for s in self.sent]


@pytest.fixture
def world(engine) -> World:
    return World(engine)


@pytest.fixture
def sender() -> FakeSender:
    return FakeSender()
