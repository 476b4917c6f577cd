"""What keeps the bot running: the inbox of updates, the reminders already sent, the scheduler's
lock, and the LLM tokens spent."""
from __future__ import annotations

from datetime import date, datetime
from typing import Any, Optional

from sqlalchemy import JSON, BigInteger, Column, Index, UniqueConstraint
from sqlmodel import Field, SQLModel, col

from storage import clock


class Inbox(SQLModel, table=True):
    """Every update received, keyed by its platform id, stored before it is confirmed."""

    __table_args__ = (UniqueConstraint("platform", "update_key", name="uq_inbox_update"),
                      Index("ix_inbox_unanswered", "processed_at", "answered_at"))
    id: Optional[int] = Field(default=None, primary_key=True)
    team_id: Optional[int] = Field(default=None, foreign_key="team.id", index=True)
    platform: str = Field(max_length=16)
    update_key: str = Field(max_length=200)
    payload: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    received_at: datetime = Field(default_factory=clock.now)
    processed_at: Optional[datetime] = None
    reply: Optional[dict[str, Any]] = Field(default=None, sa_column=Column(JSON, nullable=True))
    answered_at: Optional[datetime] = None  # the platform has the reply


class NudgeLedger(SQLModel, table=True):
    """One row per nudge: written before sending, marked after, so each goes out once."""

    __table_args__ = (UniqueConstraint("kind", "subject", "local_day", "member_id", name="uq_nudge"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id", index=True)
    member_id: int = Field(foreign_key="member.id")
    kind: str = Field(max_length=32)
    subject: str = Field(max_length=64)
    local_day: date
    status: str = Field(default="pending", max_length=16)
    attempts: int = 0
    created_at: datetime = Field(default_factory=clock.now)
    sent_at: Optional[datetime] = None
    error: Optional[str] = Field(default=None, max_length=500)


class SchedulerLock(SQLModel, table=True):
    """Who ticks the scheduler: one row per lock name, held by `holder` until `expires_at` (a lease).

    PostgreSQL uses a session-level advisory lock instead; this row is SQLite's way.
    """

    name: str = Field(primary_key=True, max_length=64)
    holder: str = Field(max_length=128)
    expires_at: datetime
    acquired_at: datetime = Field(default_factory=clock.now)


# The scheduler reads a team's ledger rows of one local day on every tick.
Index("ix_nudgeledger_team_day", col(NudgeLedger.team_id), col(NudgeLedger.local_day))


class LlmUsage(SQLModel, table=True):
    """Tokens spent on the LLM: one row per (team, member, local day, kind), counters added up.

    `kind` is what the tokens were for: extract, transcribe, card, briefing; `budget_notice`
    marks that the member was told the team's daily budget is spent (so it is said once).
    """

    __table_args__ = (UniqueConstraint("team_id", "member_id", "day", "kind", name="uq_llm_usage"),
                      Index("ix_llmusage_team_day", "team_id", "day"))
    id: Optional[int] = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id")
    member_id: int = Field(foreign_key="member.id")
    day: date
    kind: str = Field(max_length=16)
    calls: int = 0
    prompt_tokens: int = Field(default=0, sa_column=Column(BigInteger, nullable=False, server_default="0"))
    completion_tokens: int = Field(default=0, sa_column=Column(BigInteger, nullable=False, server_default="0"))
    updated_at: datetime = Field(default_factory=clock.now)


# -- reports: inquiries and complaints, targets, spend per lead source, exchange rates -----------
