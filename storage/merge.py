"""Merging two customers: one of them was a duplicate ("Acme Corp" is "Acme Industries").

Everything of the duplicate moves to the customer it is merged into: contacts, deals, interactions,
follow-ups, inquiries, the notes written about it (so its history reads under the kept customer),
and its aliases; the duplicate's own name becomes an alias of the kept one, so a note that still
says "Acme Corp" finds "Acme Industries". Facts the kept customer lacks (source, segment, owner,
custom fields) are taken from the duplicate; what it has stays. Then the duplicate's row goes.

Every write goes through the note's `Journal`, so undo (`storage.revert`) takes the merge back
exactly: the duplicate returns under its id with its name, and each row goes back to it.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, cast

from sqlalchemy import Table, select
from sqlmodel import Session, SQLModel, col

from storage.customers import name_key
from storage.journal import Journal
from storage.models import ChatState, Customer, CustomerAlias

# filled from the duplicate only where the kept customer has nothing
_FACTS = ("source", "segment", "owner_id")


@dataclass(frozen=True)
class Merged:
    """What a merge moved, counted by table ("contact": 2, "deal": 1, ...), and the duplicate's other
    names that moved as aliases (its own name is always found under the kept customer after)."""

    source: str
    target: str
    moved: dict[str, int]
    aliases: tuple[str, ...]

    def count(self, table: str) -> int:
        return self.moved.get(table, 0)


@lru_cache(maxsize=1)
def _owned_tables() -> tuple[tuple[Table, str], ...]:
    """Every table with rows that belong to a customer (a `customer_id` pointing at it), but its aliases
    and the chat states (handled on their own)."""
    found = []
    for table in SQLModel.metadata.sorted_tables:
        if table.name in ("customeralias", "chatstate", "customer") or "id" not in table.c:
            continue
        for key in table.foreign_keys:
            if key.column.table.name == "customer" and key.column.name == "id" and "team_id" in table.c:
                found.append((table, key.parent.name))
    return tuple(found)


def _model(table: Table) -> type[SQLModel]:
    for mapper in SQLModel._sa_registry.mappers:
        if mapper.local_table is table:
            return cast(type[SQLModel], mapper.class_)
    raise LookupError(table.name)


def merge_customers(session: Session, journal: Journal, source: Customer, target: Customer) -> Merged:
    """Merge `source` into `target` (both of the journal's team, not the same row); see the module."""
    if source.id == target.id or source.team_id != target.team_id or source.team_id != journal.team_id:
        raise ValueError("merge needs two customers of the journal's team")
    moved: dict[str, int] = {}
    for table, column in _owned_tables():
        model = _model(table)
        ids = session.connection().execute(
            select(table.c.id).where(table.c.team_id == source.team_id, table.c[column] == source.id)
            .order_by(table.c.id)).scalars().all()
        for row_id in ids:
            journal.update(model, row_id, **{column: target.id})
        if ids:
            moved[table.name] = len(ids)
    aliases = _move_aliases(session, journal, source, target)
    facts: dict[str, Any] = {name: getattr(source, name) for name in _FACTS
                             if getattr(target, name) is None and getattr(source, name) is not None}
    custom = {**(source.custom or {}), **(target.custom or {})}
    if custom != (target.custom or {}):
        facts["custom"] = custom
    if facts:
        journal.change(target, **facts)
    for state in session.execute(select(ChatState).where(col(ChatState.team_id) == source.team_id,
                                                         col(ChatState.customer_id) == source.id)).scalars():
        journal.change(state, customer_id=target.id)
    journal.delete(source)
    return Merged(source=source.name, target=target.name, moved=moved, aliases=aliases)


def _move_aliases(session: Session, journal: Journal, source: Customer, target: Customer) -> tuple[str, ...]:
    """The duplicate's aliases go to the kept customer, and its name becomes one; an alias the kept
    customer already answers to (its own name, or an alias with the same key) is dropped instead.
    The aliases that moved (not the duplicate's name)."""
    taken = {target.name_key} | set(session.execute(
        select(col(CustomerAlias.alias_key)).where(col(CustomerAlias.team_id) == target.team_id,
                                                   col(CustomerAlias.customer_id) == target.id)).scalars())
    kept: list[str] = []
    for alias in session.execute(select(CustomerAlias).where(col(CustomerAlias.team_id) == source.team_id,
                                                             col(CustomerAlias.customer_id) == source.id)
                                 .order_by(col(CustomerAlias.id))).scalars().all():
        if alias.alias_key in taken:
            journal.delete(alias)
            continue
        journal.change(alias, customer_id=target.id)
        taken.add(alias.alias_key)
        kept.append(alias.alias)
    key = name_key(source.name)
    if key and key not in taken:
        journal.insert(CustomerAlias, team_id=target.team_id, customer_id=target.id, alias=source.name,
                       alias_key=key)
    return tuple(kept)
