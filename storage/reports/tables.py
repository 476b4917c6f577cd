"""The tables reports read, as SQLAlchemy Core `Table`s (SQLModel does not type `__table__`)."""
from __future__ import annotations

from typing import cast

from sqlalchemy import Table

from storage.models import (Customer, Deal, FollowUp, FxRate, Inquiry, Interaction, Member, SourceCost, StageChange,
                            Target, Team)

CUSTOMER = cast(Table, Customer.__table__)  # type: ignore[attr-defined]
DEAL = cast(Table, Deal.__table__)  # type: ignore[attr-defined]
FOLLOWUP = cast(Table, FollowUp.__table__)  # type: ignore[attr-defined]
FX_RATE = cast(Table, FxRate.__table__)  # type: ignore[attr-defined]
INQUIRY = cast(Table, Inquiry.__table__)  # type: ignore[attr-defined]
INTERACTION = cast(Table, Interaction.__table__)  # type: ignore[attr-defined]
MEMBER = cast(Table, Member.__table__)  # type: ignore[attr-defined]
SOURCE_COST = cast(Table, SourceCost.__table__)  # type: ignore[attr-defined]
STAGE_CHANGE = cast(Table, StageChange.__table__)  # type: ignore[attr-defined]
TARGET = cast(Table, Target.__table__)  # type: ignore[attr-defined]
TEAM = cast(Table, Team.__table__)  # type: ignore[attr-defined]
