"""The store as a rep's notes leave it: every business row, column by column, and each member's
chat focus — what undo must give back exactly."""
from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Engine

from storage.models import (ChatState, Contact, Customer, CustomerAlias, Deal, FollowUp, Inquiry,
                            Interaction, StageChange, table_of)

BUSINESS = (Customer, CustomerAlias, Contact, Deal, StageChange, Interaction, FollowUp, Inquiry)
FOCUS = ("customer_id", "customer_at", "contact_id")


def business(engine: Engine) -> dict[str, list[dict[str, Any]]]:
    """Every row of the business tables (typed values, as the store returns them), by id."""
    out: dict[str, list[dict[str, Any]]] = {}
    with engine.connect() as connection:
        for model in BUSINESS:
            table = table_of(model)
            out[table.name] = [dict(row._mapping) for row in connection.execute(select(table).order_by(table.c.id))]
    return out


def focus(engine: Engine) -> dict[int, tuple[Any, ...]]:
    """Each member's chat focus (a member with no chat state yet has none)."""
    table = table_of(ChatState)
    with engine.connect() as connection:
        rows = connection.execute(select(table.c.member_id, *(table.c[name] for name in FOCUS)))
        return {row[0]: tuple(row[1:]) for row in rows if any(v is not None for v in row[1:])}


def difference(before: dict[str, list[dict[str, Any]]], after: dict[str, list[dict[str, Any]]]) -> list[str]:
    """What differs between two `business` snapshots, one line per row (empty when equal)."""
    lines = []
    for name in before:
        old = {row["id"]: row for row in before[name]}
        new = {row["id"]: row for row in after[name]}
        for row_id in sorted(old.keys() | new.keys()):
            if old.get(row_id) != new.get(row_id):
                lines.append(f"{name} #{row_id}: {old.get(row_id)} → {new.get(row_id)}")
    return lines
