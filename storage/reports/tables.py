"""The tables reports read, as SQLAlchemy Core `Table`s (SQLModel does not type `__table__`)."""
from __future__ import annotations

from storage.models import (Customer, Deal, FollowUp, FxRate, Inquiry, Interaction, Member, SourceCost, StageChange,
                            Target, Team, table_of)

CUSTOMER = table_of(Customer)
DEAL = table_of(Deal)
FOLLOWUP = table_of(FollowUp)
FX_RATE = table_of(FxRate)
INQUIRY = table_of(Inquiry)
INTERACTION = table_of(Interaction)
MEMBER = table_of(Member)
SOURCE_COST = table_of(SourceCost)
STAGE_CHANGE = table_of(StageChange)
TARGET = table_of(Target)
TEAM = table_of(Team)
