"""The tables. Every row belongs to a team; every query filters by it.

Times are aware datetimes stored in UTC; follow-up days and
birthdays are local dates. Money is exact: integer minor units (1/100 of the
currency unit) beside an ISO 4217 code, never a float.

A row id is given once, never again after the row is deleted (an undo removes a note's rows): on
PostgreSQL by its sequences, on SQLite by AUTOINCREMENT (migration 0011; a table added later is
created with `sqlite_autoincrement=True`).

The tables by meaning: teams.py (a team and who is let in), customers.py (customers, contacts,
deals, inquiries), notes.py (what a message writes, the audit trail, chat state), running.py (inbox,
reminders sent, scheduler lock, LLM use), planning.py (targets, source costs, exchange rates).
"""
from __future__ import annotations

from typing import Optional, Protocol

from sqlalchemy import Table
from sqlmodel import SQLModel

from storage.models.teams import Team, Member, Identity, Workspace, Invite, Stranger
from storage.models.customers import Customer, CustomerAlias, Contact, Deal, StageChange, Inquiry
from storage.models.notes import Note, Interaction, FollowUp, AuditLog, ChatState
from storage.models.running import Inbox, NudgeLedger, SchedulerLock, LlmUsage
from storage.models.planning import Target, SourceCost, FxRate
from storage.models import report_indexes  # noqa: F401  (the reports' indexes, declared on the tables)


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


__all__ = ["table_of", "stored_id", "Team", "Member", "Identity", "Workspace", "Invite", "Stranger",
           "Customer", "CustomerAlias", "Contact", "Deal", "StageChange", "Inquiry", "Note", "Interaction",
           "FollowUp", "AuditLog", "ChatState", "Inbox", "NudgeLedger", "SchedulerLock", "LlmUsage", "Target",
           "SourceCost", "FxRate"]
