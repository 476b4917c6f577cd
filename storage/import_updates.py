"""Import rows that name a stored row (`ref`, as `crmbot export` writes it): the row takes the sheet's
values, column by column, so export → edit → import gives back the edited store. An empty cell
empties the field; a customer's aliases become exactly the listed ones; a deal whose stage changes
gets a stage change, dated by its close date when it closes. A date cell that says the day a stored
instant already falls on keeps that instant, so an untouched row stays exactly as it was.

Every function returns whether the row changes, and writes only when `write` is set (a dry run
counts what would change)."""
from __future__ import annotations

import re
from datetime import date, datetime, time, timezone
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlmodel import Session, SQLModel, col

from storage.customers import name_key
from storage.import_rows import REF, STAGE_OF, birthday, fold, parse_amount, parse_date
from storage.models import Contact, Customer, CustomerAlias, Deal, FollowUp, StageChange
from storage.vocabulary import CLOSED_STAGES, Stage

MODELS: dict[str, type[SQLModel]] = {"customers": Customer, "contacts": Contact, "deals": Deal,
                                     "followups": FollowUp}
ALIASES = re.compile(r"[;|/、]")


def named_row(session: Session, team_id: int, kind: str, values: dict[str, str]) -> Any:
    """The stored row of the team the `ref` cell names, or None (empty, or not this team's: a new row)."""
    ref = (values.get(REF) or "").lstrip("#")
    if not ref.isdigit():
        return None
    row = session.get(MODELS[kind], int(ref))
    return row if row is not None and getattr(row, "team_id", None) == team_id else None


def instant(day: date, zone: ZoneInfo) -> datetime:
    """A local day as the instant a report counts it on: noon in the team's zone, in UTC."""
    return datetime.combine(day, time(12), tzinfo=zone).astimezone(timezone.utc)


def _same_day(cell: str, stored: datetime | None, zone: ZoneInfo) -> datetime | None:
    """The instant a date cell stands for: the stored one when the cell says its day, else noon that day."""
    if not cell:
        return None
    day = parse_date(cell)
    if stored is not None and stored.astimezone(zone).date() == day:
        return stored
    return instant(day, zone)


def _apply(session: Session, row: Any, new: dict[str, Any], write: bool) -> bool:
    changed = {k: v for k, v in new.items() if getattr(row, k) != v}
    if changed and write:
        for key, value in changed.items():
            setattr(row, key, value)
        session.add(row)
    return bool(changed)


def _owner(values: dict[str, str], members: dict[str, int]) -> int | None:
    """The member the owner cell names (checked before: a name nobody has is a row error)."""
    return members.get(fold(values["owner"])) if values.get("owner") else None


def update_customer(session: Session, row: Customer, values: dict[str, str], members: dict[str, int],
                    write: bool) -> bool:
    new = {"name": values["name"], "name_key": name_key(values["name"]), "source": values.get("source") or None,
           "segment": values.get("segment") or None, "owner_id": _owner(values, members),
           "custom": custom_fields(values.get("custom") or "")}
    for field, column in (("owner_id", "owner"), ("custom", "custom"), ("source", "source"),
                          ("segment", "segment")):
        if column not in values:
            del new[field]
    changed = _apply(session, row, new, write)
    if "aliases" not in values:
        return changed
    listed = {name_key(a): a for a in (a.strip() for a in ALIASES.split(values.get("aliases") or "")) if a}
    stored = list(session.execute(select(CustomerAlias).where(col(CustomerAlias.team_id) == row.team_id,
                                                              col(CustomerAlias.customer_id) == row.id)).scalars())
    for alias in stored:
        if listed.get(alias.alias_key) == alias.alias:
            listed.pop(alias.alias_key)
            continue
        changed = True
        if write:
            session.delete(alias)
    for key, alias_name in listed.items():
        changed = True
        if write:
            session.add(CustomerAlias(team_id=row.team_id, customer_id=row.id or 0, alias=alias_name, alias_key=key))
    return changed


def update_contact(session: Session, row: Contact, values: dict[str, str], customer_id: int | None,
                   write: bool) -> bool:
    new: dict[str, Any] = {field: values[field] or None for field in ("role", "phone", "email") if field in values}
    new["name"] = values["name"]
    if "birthday" in values:
        new["birth_month"], new["birth_day"] = birthday(values["birthday"]) if values["birthday"] else (None, None)
    if customer_id is not None:
        new["customer_id"] = customer_id
    return _apply(session, row, new, write)


def deal_values(values: dict[str, str], members: dict[str, int]) -> dict[str, Any]:
    """A deal's columns as the sheet gives them (the close instant apart)."""
    minor = parse_amount(values["amount"]) if values.get("amount") else None
    return {"title": values.get("title") or None,
            "stage": STAGE_OF[fold(values["stage"])] if values.get("stage") else Stage.LEAD,
            "amount_minor": minor,
            "currency": values["currency"].upper() if values.get("currency") and minor is not None else None,
            "probability": int(values["probability"].rstrip("%")) if values.get("probability") else None,
            "expected_close": parse_date(values["expected_close"]) if values.get("expected_close") else None,
            "owner_id": _owner(values, members), "lost_reason": values.get("lost_reason") or None}


def close_instant(values: dict[str, str], stage: str, stored: datetime | None, zone: ZoneInfo,
                  now: datetime) -> datetime | None:
    """When a deal closed: the sheet's close date (else its expected close, for a new row), the stored
    instant when the sheet says the same day or nothing, else now; None for an open deal."""
    if stage not in CLOSED_STAGES:
        return None
    if values.get("closed_on"):
        return _same_day(values["closed_on"], stored, zone)
    if stored is not None:
        return stored
    if values.get("expected_close"):
        return instant(parse_date(values["expected_close"]), zone)
    return now


def update_deal(session: Session, row: Deal, values: dict[str, str], customer_id: int | None,
                members: dict[str, int], zone: ZoneInfo, now: datetime, write: bool) -> bool:
    column = {"amount_minor": "amount", "currency": "amount", "owner_id": "owner"}
    new = {k: v for k, v in deal_values(values, members).items() if column.get(k, k) in values}
    if customer_id is not None:
        new["customer_id"] = customer_id
    stage = new.get("stage", row.stage)
    new["closed_at"] = close_instant(values, stage, row.closed_at if row.stage in CLOSED_STAGES else None,
                                     zone, now)
    before = row.stage
    changed = _apply(session, row, new, write)
    if changed and write:
        row.updated_at = now
        if row.stage != before:
            session.add(StageChange(team_id=row.team_id, deal_id=row.id or 0, from_stage=before, to_stage=row.stage,
                                    at=row.closed_at or now, member_id=row.owner_id))
    return changed


def update_followup(session: Session, row: FollowUp, values: dict[str, str], customer_id: int | None,
                    members: dict[str, int], zone: ZoneInfo, write: bool) -> bool:
    new: dict[str, Any] = {"due": parse_date(values["due"]), "member_id": _owner(values, members) or row.member_id,
                           "done_at": _same_day(values.get("done_on") or "", row.done_at, zone)}
    if "what" in values:
        new["what"] = values.get("what") or ""
    if customer_id is not None:
        new["customer_id"] = customer_id
    return _apply(session, row, new, write)


def custom_fields(cell: str) -> dict[str, Any]:
    """"city: Shanghai; touch_days: 10" → {"city": "Shanghai", "touch_days": 10} (whole numbers as numbers)."""
    fields: dict[str, Any] = {}
    for part in re.split(r"[;\n]", cell):
        key, sep, value = part.partition(":")
        if not sep or not key.strip():
            continue
        text = value.strip()
        fields[key.strip()] = int(text) if re.fullmatch(r"-?\d{1,15}", text) else text
    return fields
