"""The new records a sheet adds: a customer with its aliases and owner, a contact (once per customer and
name), a deal dated by its close date with its first stage change, a follow-up; a customer already
known gets the source, segment and custom fields it lacked. `storage.importer` decides which rows are
new; these write them."""
from __future__ import annotations

import re
from datetime import datetime, time, timezone
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select

from storage.customers import name_key
from storage.import_rows import birthday, fold, parse_date
from storage.import_updates import close_instant, custom_fields, deal_values
from storage.models import Contact, Customer, CustomerAlias, Deal, FollowUp, StageChange
from sqlmodel import Session, col


def new_customer(session: Session, team_id: int, name: str, values: dict[str, Any], members: dict[str, int],
                  now: datetime, write: bool) -> int | None:
    """A customer the sheet adds, stored when `write` (its id), else None (a dry run counts it)."""
    if not write:
        return None
    owner = members.get(fold(values.get("owner") or "")) if values.get("owner") else None
    row = Customer(team_id=team_id, name=name, name_key=name_key(name), source=values.get("source") or None,
                   segment=values.get("segment") or None, owner_id=owner, created_by=owner,
                   custom=custom_fields(values.get("custom") or ""), created_at=now)
    session.add(row)
    session.flush()
    return row.id


def aliases(session: Session, team_id: int, customer_id: int | None, values: dict[str, Any], keys: dict[str, int],
             new_keys: dict[str, int | None], write: bool) -> int:
    """The other names a customers sheet gives in its `aliases` column that no customer has yet: how
    many, each stored when `write`."""
    added = 0
    for alias in filter(None, (a.strip() for a in re.split(r"[;|/、]", values.get("aliases") or ""))):
        if name_key(alias) not in keys and name_key(alias) not in new_keys:
            added += 1
            if write:
                assert customer_id is not None  # the customer row was written first
                session.add(CustomerAlias(team_id=team_id, customer_id=customer_id, alias=alias,
                                          alias_key=name_key(alias)))
            new_keys[name_key(alias)] = customer_id
    return added


def fill(session: Session, team_id: int, customer_id: int, values: dict[str, str]) -> None:
    """A customer already known: fill its source and segment where the store has none."""
    row = session.get(Customer, customer_id)
    if row is None or row.team_id != team_id:
        return
    for field in ("source", "segment"):
        if values.get(field) and not getattr(row, field):
            setattr(row, field, values[field])
    extra = {k: v for k, v in custom_fields(values.get("custom") or "").items() if k not in (row.custom or {})}
    if extra:
        row.custom = {**(row.custom or {}), **extra}
    session.add(row)


def contact(session: Session, team_id: int, customer_id: int | None, values: dict[str, Any], now: datetime,
             write: bool) -> int:
    if customer_id is not None:
        exists = session.execute(select(col(Contact.id)).where(col(Contact.team_id) == team_id,
                                                          col(Contact.customer_id) == customer_id,
                                                          col(Contact.name) == values["name"])).first()
        if exists:
            return 0
    if write:
        assert customer_id is not None  # written: its customer was written first
        month, day = birthday(values["birthday"]) if values.get("birthday") else (None, None)
        session.add(Contact(team_id=team_id, customer_id=customer_id, name=values["name"],
                            role=values.get("role") or None, phone=values.get("phone") or None,
                            email=values.get("email") or None, birth_month=month, birth_day=day, created_at=now))
    return 1


def deal(session: Session, team_id: int, customer_id: int | None, values: dict[str, Any], members: dict[str, int],
          zone: ZoneInfo, now: datetime) -> None:
    """A new deal; a won or lost one is created, and closed, on its close date (reports count it then)."""
    assert customer_id is not None  # written: its customer was written first
    fields = deal_values(values, members)
    closed = close_instant(values, fields["stage"], None, zone, now)
    at = min(closed, now) if closed is not None else now
    deal = Deal(team_id=team_id, customer_id=customer_id, **fields, created_at=at, updated_at=at, closed_at=closed)
    session.add(deal)
    session.flush()
    assert deal.id is not None  # flushed
    session.add(StageChange(team_id=team_id, deal_id=deal.id, from_stage=None, to_stage=fields["stage"],
                            at=closed or now, member_id=fields["owner_id"]))


def followup(session: Session, team_id: int, customer_id: int | None, values: dict[str, Any], members: dict[str, int],
              zone: ZoneInfo, now: datetime) -> None:
    assert customer_id is not None  # written: its customer was written first
    done = datetime.combine(parse_date(values["done_on"]), time(12), tzinfo=zone) if values.get("done_on") else None
    session.add(FollowUp(team_id=team_id, customer_id=customer_id, member_id=members[fold(values["owner"])],
                         due=parse_date(values["due"]), what=values.get("what") or "", created_at=now,
                         done_at=done.astimezone(timezone.utc) if done else None))
