"""What a message writes: the note, its interaction and follow-up, the audit trail undo replays,
and each member's chat state (the customer in focus, a pending question)."""
from __future__ import annotations

from datetime import date, datetime
from typing import Any, Optional

from sqlalchemy import JSON, Column, Index
from sqlmodel import Field, SQLModel

from storage import clock


class Note(SQLModel, table=True):
    """One message that wrote to the store: the unit of undo."""

    id: Optional[int] = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id", index=True)
    member_id: int = Field(foreign_key="member.id", index=True)
    customer_id: Optional[int] = Field(default=None, foreign_key="customer.id")
    platform: str = Field(default="console", max_length=16)
    message_id: Optional[str] = Field(default=None, max_length=128)
    text: str = ""
    at: datetime = Field(default_factory=clock.now)
    undone_at: Optional[datetime] = None


class Interaction(SQLModel, table=True):
    """A visit, call, meeting, email or message with a customer."""

    __table_args__ = (Index("ix_interaction_customer_at", "team_id", "customer_id", "at"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id", index=True)
    customer_id: int = Field(foreign_key="customer.id")
    contact_id: Optional[int] = Field(default=None, foreign_key="contact.id")
    member_id: Optional[int] = Field(default=None, foreign_key="member.id", index=True)
    note_id: Optional[int] = Field(default=None, foreign_key="note.id", index=True)
    channel: str = Field(default="message", max_length=16)
    text: str = ""
    at: datetime = Field(default_factory=clock.now, index=True)


class FollowUp(SQLModel, table=True):
    """A next step a member committed to, due on a local day."""

    __table_args__ = (Index("ix_followup_due", "team_id", "done_at", "due"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id", index=True)
    customer_id: int = Field(foreign_key="customer.id", index=True)
    member_id: int = Field(foreign_key="member.id", index=True)
    note_id: Optional[int] = Field(default=None, foreign_key="note.id")
    due: date
    what: str = ""
    done_at: Optional[datetime] = None
    created_at: datetime = Field(default_factory=clock.now)
    # a timed reminder ("tomorrow at 3pm"): the instant that local time falls on, sent by the scheduler
    remind_at: Optional[datetime] = None


class AuditLog(SQLModel, table=True):
    """Every change: who, when, what, from which note. Undo replays it backwards."""

    id: Optional[int] = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id", index=True)
    member_id: Optional[int] = Field(default=None, foreign_key="member.id")
    note_id: Optional[int] = Field(default=None, foreign_key="note.id", index=True)
    at: datetime = Field(default_factory=clock.now)
    action: str = Field(max_length=16)  # create | update | undo | admin
    table_name: str = Field(max_length=32)
    row_id: Optional[int] = None
    before: Optional[dict[str, Any]] = Field(default=None, sa_column=Column(JSON, nullable=True))
    after: Optional[dict[str, Any]] = Field(default=None, sa_column=Column(JSON, nullable=True))


class ChatState(SQLModel, table=True):
    """What a member's conversation remembers: the customer in focus and a pending question."""

    member_id: int = Field(foreign_key="member.id", primary_key=True)
    team_id: int = Field(foreign_key="team.id", index=True)
    customer_id: Optional[int] = Field(default=None, foreign_key="customer.id")
    customer_at: Optional[datetime] = None
    contact_id: Optional[int] = Field(default=None, foreign_key="contact.id")
    pending: Optional[dict[str, Any]] = Field(default=None, sa_column=Column(JSON, nullable=True))
    listed: Optional[list[int]] = Field(default=None, sa_column=Column(JSON, nullable=True))
