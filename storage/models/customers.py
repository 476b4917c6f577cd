"""Customers and what a team knows of them: aliases, contacts, deals with their stage history,
inquiries and complaints."""
from __future__ import annotations

from datetime import date, datetime
from typing import Any, Optional

from sqlalchemy import JSON, BigInteger, Column, Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from storage import clock


class Customer(SQLModel, table=True):
    """A company the team sells to."""

    __table_args__ = (Index("ix_customer_team_key", "team_id", "name_key"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id", index=True)
    name: str = Field(max_length=300)
    name_key: str = Field(max_length=300)
    source: Optional[str] = Field(default=None, max_length=100)
    segment: Optional[str] = Field(default=None, max_length=100)
    custom: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    owner_id: Optional[int] = Field(default=None, foreign_key="member.id")
    created_by: Optional[int] = Field(default=None, foreign_key="member.id")
    created_at: datetime = Field(default_factory=clock.now)


class CustomerAlias(SQLModel, table=True):
    """Another name a customer goes by: a short name, a translation, a typo seen before."""

    __table_args__ = (UniqueConstraint("team_id", "alias_key", "customer_id", name="uq_alias"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id", index=True)
    customer_id: int = Field(foreign_key="customer.id", index=True)
    alias: str = Field(max_length=300)
    alias_key: str = Field(max_length=300)


class Contact(SQLModel, table=True):
    """A person at a customer."""

    __table_args__ = (Index("ix_contact_birthday", "team_id", "birth_month", "birth_day"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id", index=True)
    customer_id: int = Field(foreign_key="customer.id", index=True)
    name: str = Field(max_length=200)
    role: Optional[str] = Field(default=None, max_length=200)
    phone: Optional[str] = Field(default=None, max_length=64)
    email: Optional[str] = Field(default=None, max_length=200)
    birth_month: Optional[int] = None
    birth_day: Optional[int] = None
    created_at: datetime = Field(default_factory=clock.now)


class Deal(SQLModel, table=True):
    """An opportunity at a customer, moving through the stages."""

    __table_args__ = (Index("ix_deal_team_stage_close", "team_id", "stage", "expected_close"),
                      Index("ix_deal_pipeline", "team_id", "stage", "expected_close", "currency",
                            "amount_minor", "probability", "owner_id"))
    id: Optional[int] = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id", index=True)
    customer_id: int = Field(foreign_key="customer.id", index=True)
    title: Optional[str] = Field(default=None, max_length=300)
    stage: str = Field(default="lead", max_length=16)
    amount_minor: Optional[int] = Field(default=None, sa_column=Column(BigInteger, nullable=True))
    currency: Optional[str] = Field(default=None, max_length=3)
    probability: Optional[int] = None
    expected_close: Optional[date] = None
    owner_id: Optional[int] = Field(default=None, foreign_key="member.id", index=True)
    lost_reason: Optional[str] = Field(default=None, max_length=500)
    created_at: datetime = Field(default_factory=clock.now)
    updated_at: datetime = Field(default_factory=clock.now)
    closed_at: Optional[datetime] = None


class StageChange(SQLModel, table=True):
    """One move of a deal between stages: the history funnels are built from."""

    id: Optional[int] = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id", index=True)
    deal_id: int = Field(foreign_key="deal.id", index=True)
    from_stage: Optional[str] = Field(default=None, max_length=16)
    to_stage: str = Field(max_length=16)
    at: datetime = Field(default_factory=clock.now)
    member_id: Optional[int] = Field(default=None, foreign_key="member.id")


class Inquiry(SQLModel, table=True):
    """An inquiry or complaint a customer raised (from a note), open until someone resolves it."""

    __table_args__ = (Index("ix_inquiry_team_status", "team_id", "status", "opened_at"),
                      Index("ix_inquiry_customer", "team_id", "customer_id", "status"),
                      Index("ix_inquiry_team_number", "team_id", "number", unique=True))
    id: Optional[int] = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id")
    customer_id: int = Field(foreign_key="customer.id")
    member_id: Optional[int] = Field(default=None, foreign_key="member.id")
    note_id: Optional[int] = Field(default=None, foreign_key="note.id")
    number: int  # the team's own numbering, shown as "#3": a team's first is #1 (`storage.inquiries.next_number`)
    kind: str = Field(default="inquiry", max_length=16)  # inquiry | complaint
    text: str = ""
    status: str = Field(default="open", max_length=16)  # open | resolved
    opened_at: datetime = Field(default_factory=clock.now)
    resolved_at: Optional[datetime] = None
    resolved_by: Optional[int] = Field(default=None, foreign_key="member.id")
