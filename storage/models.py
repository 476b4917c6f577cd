"""The tables. Every row belongs to a team; every query filters by it.

Times are aware datetimes stored in UTC; follow-up days and
birthdays are local dates. Money is exact: integer minor units (1/100 of the
currency unit) beside an ISO 4217 code, never a float.

A row id is given once, never again after the row is deleted (an undo removes a note's rows): on
PostgreSQL by its sequences, on SQLite by AUTOINCREMENT (migration 0011; a table added later is
created with `sqlite_autoincrement=True`).
"""
from __future__ import annotations

from datetime import date, datetime
from typing import Any, Optional, Protocol

from sqlalchemy import JSON, BigInteger, Column, Index, Integer, Table, UniqueConstraint
from sqlmodel import Field, SQLModel, col

from storage import clock


def table_of(model: type[SQLModel]) -> Table:
    """A table model's SQLAlchemy Core `Table`, for statements that work on columns (bulk inserts,
    upserts, updates by key). SQLModel sets `__table__` on every `table=True` class without
    declaring it to type checkers."""
    return model.__table__  # type: ignore[attr-defined]  # SQLModel sets it without declaring it


class _Stored(Protocol):
    @property
    def id(self) -> Optional[int]: ...


def stored_id(row: _Stored) -> int:
    """The id of a row read from or flushed to the store. The models type `id` optional (a row has
    none until it is stored); code that holds a stored row reads it here, and a row that was never
    stored is a bug that raises instead of travelling on as None."""
    if row.id is None:
        raise LookupError(f"a {type(row).__name__.lower()} that was never stored")
    return row.id


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


class Inquiry(SQLModel, table=True):
    """An inquiry or complaint a customer raised (from a note), open until someone resolves it."""

    __table_args__ = (Index("ix_inquiry_team_status", "team_id", "status", "opened_at"),
                      Index("ix_inquiry_customer", "team_id", "customer_id", "status"))
    id: Optional[int] = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id")
    customer_id: int = Field(foreign_key="customer.id")
    member_id: Optional[int] = Field(default=None, foreign_key="member.id")
    note_id: Optional[int] = Field(default=None, foreign_key="note.id")
    kind: str = Field(default="inquiry", max_length=16)  # inquiry | complaint
    text: str = ""
    status: str = Field(default="open", max_length=16)  # open | resolved
    opened_at: datetime = Field(default_factory=clock.now)
    resolved_at: Optional[datetime] = None
    resolved_by: Optional[int] = Field(default=None, foreign_key="member.id")


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


# Reports: the funnel's cohort and stage history, activity per rep, won revenue, quiet deals.
Index("ix_stagechange_team_at", col(StageChange.team_id), col(StageChange.at), col(StageChange.deal_id),
      col(StageChange.from_stage), col(StageChange.to_stage), col(StageChange.member_id))
Index("ix_stagechange_deal_to", col(StageChange.deal_id), col(StageChange.to_stage), col(StageChange.at),
      col(StageChange.from_stage))
Index("ix_interaction_team_at", col(Interaction.team_id), col(Interaction.at), col(Interaction.member_id),
      col(Interaction.channel), col(Interaction.customer_id))
Index("ix_deal_team_closed", col(Deal.team_id), col(Deal.stage), col(Deal.closed_at), col(Deal.customer_id),
      col(Deal.currency), col(Deal.amount_minor), col(Deal.owner_id))
Index("ix_deal_team_created", col(Deal.team_id), col(Deal.created_at), col(Deal.stage), col(Deal.lost_reason))
Index("ix_deal_team_quiet", col(Deal.team_id), col(Deal.stage), col(Deal.updated_at), col(Deal.customer_id),
      col(Deal.currency), col(Deal.amount_minor))
Index("ix_customer_team_created", col(Customer.team_id), col(Customer.created_at), col(Customer.source),
      col(Customer.created_by))
Index("ix_followup_team_member_due", col(FollowUp.team_id), col(FollowUp.member_id), col(FollowUp.done_at),
      col(FollowUp.due))
Index("ix_followup_remind", col(FollowUp.team_id), col(FollowUp.remind_at))
