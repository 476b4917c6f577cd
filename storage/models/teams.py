"""A team and who is let in: members, their chat identities, Slack workspaces, invites, and
the strangers refused."""
from __future__ import annotations

from datetime import datetime
from typing import Any, Optional

from sqlalchemy import JSON, Column, Integer, UniqueConstraint
from sqlmodel import Field, SQLModel

from storage import clock


class Team(SQLModel, table=True):
    """A company's sales team: the unit that owns every other row."""

    id: Optional[int] = Field(default=None, primary_key=True)
    name: str = Field(max_length=200, unique=True)
    timezone: str = Field(default="UTC", max_length=64)
    currency: str = Field(default="USD", max_length=3)
    settings: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    created_at: datetime = Field(default_factory=clock.now)
    # bumped by the database (triggers, migration 0008) whenever a customer or alias of the team
    # is added, renamed or removed: a process's cached names are current while it holds
    names_version: int = Field(default=0, sa_column=Column(Integer, nullable=False, server_default="0"))


class Member(SQLModel, table=True):
    """A person on the team: rep, manager or admin."""

    id: Optional[int] = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id", index=True)
    name: str = Field(max_length=200)
    role: str = Field(default="rep", max_length=16)
    timezone: Optional[str] = Field(default=None, max_length=64)
    language: Optional[str] = Field(default=None, max_length=8)
    created_at: datetime = Field(default_factory=clock.now)


class Identity(SQLModel, table=True):
    """An account on a chat platform, mapped to a member."""

    __table_args__ = (UniqueConstraint("platform", "external_id", name="uq_identity_account"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id", index=True)
    member_id: int = Field(foreign_key="member.id", index=True)
    platform: str = Field(max_length=16)
    external_id: str = Field(max_length=128)
    chat_id: Optional[str] = Field(default=None, max_length=128)
    reachable: bool = True
    created_at: datetime = Field(default_factory=clock.now)


class Workspace(SQLModel, table=True):
    """A Slack workspace whose people belong to a team (`crmbot workspace map`): a message from it
    acts in that team, and a newcomer from it joins that team as a rep."""

    __table_args__ = (UniqueConstraint("platform", "external_id", name="uq_workspace_account"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id", index=True)
    platform: str = Field(default="slack", max_length=16)
    external_id: str = Field(max_length=64)
    created_at: datetime = Field(default_factory=clock.now)


class Invite(SQLModel, table=True):
    """A one-time code: an invite into the team, or a link of another platform to a member."""

    id: Optional[int] = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id", index=True)
    code: str = Field(max_length=32, unique=True)
    kind: str = Field(default="invite", max_length=16)  # invite | link
    role: str = Field(default="rep", max_length=16)
    member_id: Optional[int] = Field(default=None, foreign_key="member.id")  # for links
    expires_at: datetime
    used_at: Optional[datetime] = None
    used_by: Optional[int] = Field(default=None, foreign_key="member.id")
    created_at: datetime = Field(default_factory=clock.now)


class Stranger(SQLModel, table=True):
    """An account that was refused once; it gets nothing more."""

    __table_args__ = (UniqueConstraint("platform", "external_id", name="uq_stranger"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    platform: str = Field(max_length=16)
    external_id: str = Field(max_length=128)
    refused_at: datetime = Field(default_factory=clock.now)
