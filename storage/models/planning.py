"""What managers plan and convert with: targets, what a lead source cost, exchange rates."""
from __future__ import annotations

from datetime import date, datetime
from typing import Optional

from sqlalchemy import BigInteger, Column, UniqueConstraint
from sqlmodel import Field, SQLModel

from storage import clock


class Target(SQLModel, table=True):
    """A goal for a period: per rep (visits, calls, ... revenue) or for the team (member_id empty)."""

    __table_args__ = (UniqueConstraint("team_id", "member_id", "metric", "period_from", "period_to",
                                       name="uq_target"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id", index=True)
    member_id: Optional[int] = Field(default=None, foreign_key="member.id")
    metric: str = Field(max_length=16)  # visits | calls | meetings | emails | messages | revenue | ...
    period_from: date
    period_to: date
    value: int = Field(sa_column=Column(BigInteger, nullable=False))  # a count, or minor units for revenue
    currency: Optional[str] = Field(default=None, max_length=3)  # revenue targets only
    created_at: datetime = Field(default_factory=clock.now)


class SourceCost(SQLModel, table=True):
    """What the team spent on one lead source in a period (for revenue per unit of spend)."""

    __table_args__ = (UniqueConstraint("team_id", "source", "period_from", "period_to", "currency",
                                       name="uq_source_cost"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id", index=True)
    source: str = Field(max_length=100)
    period_from: date
    period_to: date
    amount_minor: int = Field(sa_column=Column(BigInteger, nullable=False))
    currency: str = Field(max_length=3)
    created_at: datetime = Field(default_factory=clock.now)


class FxRate(SQLModel, table=True):
    """One unit of `base` is `rate` units of `quote`, as the team decided (`crmbot fx set EUR USD 1.08`)."""

    __table_args__ = (UniqueConstraint("team_id", "base", "quote", name="uq_fx_rate"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id", index=True)
    base: str = Field(max_length=3)
    quote: str = Field(max_length=3)
    rate: str = Field(max_length=32)  # a decimal written out, so no float creeps in
    updated_at: datetime = Field(default_factory=clock.now)
