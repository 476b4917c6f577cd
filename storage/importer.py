"""CSV import of customers, contacts and deals: headers in en/zh/ru, row-level errors, all or nothing.
A dry run checks every row and writes nothing; otherwise every row is written, or none when any row
has an error. Customers match existing ones (and earlier rows) by `name_key`, names and aliases alike;
contacts and deals naming an unknown customer create it. Reading the file and checking its rows is
`storage.import_rows`'s."""
from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from sqlalchemy import select

from storage import clock
from storage.customers import name_key
from storage.import_rows import (CUSTOMER, HEADERS, REQUIRED, STAGE_OF, Unreadable, birthday, check_row, fold,
                                 parse_amount, parse_date, read_rows)
from storage.models import Contact, Customer, CustomerAlias, Deal, Member, StageChange
from storage.vocabulary import CLOSED_STAGES, Stage
from sqlmodel import col


def import_csv(session, team_id: int, kind: str, data: bytes, dry_run: bool = False,
               now: datetime | None = None) -> dict[str, Any]:
    """Check (and unless `dry_run` or any error, write) one CSV file of `kind`: customers, contacts, deals.

    Returns {"kind", "rows", "errors": [{"line", "field", "reason"}], "created": {table: n},
    "matched": customers matched to existing ones, "written": bool, "summary": text}.
    Lines are counted as in the file (the header is line 1).
    """
    if kind not in HEADERS:
        raise ValueError(f"import what? customers, contacts or deals, not {kind!r}")
    now = now or clock.now()
    try:
        records, unreadable = read_rows(data)
    except Unreadable as exc:
        return _result(kind, 0, [{"line": exc.line, "field": "-", "reason": exc.reason}], {}, 0, False)
    errors: list[dict[str, Any]] = [{"line": line, "field": field, "reason": reason}
                                    for line, field, reason in unreadable]
    if not records or records[0][0] != 1:
        errors.insert(0, {"line": 1, "field": "-", "reason": "the file is empty" if not records and not errors
                          else "no header row on line 1"})
        return _result(kind, 0, errors, {}, 0, False)
    columns, header_errors = _columns(kind, records[0][1])
    if header_errors:
        return _result(kind, len(records) - 1, header_errors + errors, {}, 0, False)
    keys, members = _known(session, team_id)
    plan, row_errors = _plan(kind, records, columns, members)
    errors = sorted(errors + row_errors, key=lambda e: e["line"])
    write = not dry_run and not errors
    created, matched = _apply(session, team_id, kind, plan, keys, members, now, write)
    if write:
        session.flush()
    return _result(kind, len(plan) + len({e["line"] for e in errors if e["line"] > 1}), errors,
                   {k: v for k, v in created.items() if v}, matched, write)


def _columns(kind: str, header: list[str]) -> tuple[dict[str, int], list[dict[str, Any]]]:
    """Which column holds each field (headers in any of the three languages), and the required
    fields no column holds."""
    names = {fold(alias): field for field, aliases in HEADERS[kind].items() for alias in aliases}
    columns: dict[str, int] = {}
    for index, title in enumerate(header):
        field = names.get(fold(title))
        if field and field not in columns:
            columns[field] = index
    errors = [{"line": 1, "field": field, "reason": f"no column for {field} (headers: {', '.join(header)})"}
              for field in REQUIRED[kind] if field not in columns]
    return columns, errors


def _known(session, team_id: int) -> tuple[dict[str, int], dict[str, int]]:
    """The team's customers by name key (aliases too) and its members by folded name."""
    keys: dict[str, int] = {}
    named = select(col(Customer.id), col(Customer.name_key)).where(col(Customer.team_id) == team_id)
    for cid, key in session.execute(named):
        keys.setdefault(key, cid)
    for cid, key in session.execute(select(col(CustomerAlias.customer_id), col(CustomerAlias.alias_key))
                                    .where(col(CustomerAlias.team_id) == team_id)):
        keys.setdefault(key, cid)
    people = select(col(Member.id), col(Member.name)).where(col(Member.team_id) == team_id)
    return keys, {fold(n): i for i, n in session.execute(people)}


def _plan(kind: str, records: list[tuple[int, list[str]]], columns: dict[str, int],
          members: dict[str, int]) -> tuple[list[tuple[int, dict[str, Any]]], list[dict[str, Any]]]:
    """The records (each with the line it starts on) that pass their checks, and every problem of the others."""
    plan: list[tuple[int, dict[str, Any]]] = []
    errors: list[dict[str, Any]] = []
    for line, raw in records[1:]:
        if not any(cell.strip() for cell in raw):
            continue
        values = {f: (raw[i].strip() if i < len(raw) else "") for f, i in columns.items()}
        row_errors = check_row(kind, values, members)
        errors += [{"line": line, "field": f, "reason": r} for f, r in row_errors]
        if not row_errors:
            plan.append((line, values))
    return plan, errors


def _apply(session, team_id: int, kind: str, plan: list[tuple[int, dict[str, Any]]], keys: dict[str, int],
           members: dict[str, int], now: datetime, write: bool) -> tuple[dict[str, int], int]:
    """Each planned row against the customers known and those the file adds: counted, and written
    when `write`. How many rows of each table, and how many customers matched existing ones."""
    created = {"customer": 0, "customer_alias": 0, "contact": 0, "deal": 0, "stagechange": 0}
    new_keys: dict[str, int | None] = {}  # customers this file adds: key → id (None in a dry run)
    matched = 0
    for _line, values in plan:
        name = (values.get("name") if kind == "customers" else values[CUSTOMER]) or ""  # checked: never empty
        key = name_key(name)
        if key in keys or key in new_keys:
            matched += 1 if key in keys else 0
            customer_id = keys.get(key) or new_keys.get(key)
            if kind == "customers" and write and key in keys:
                _fill(session, team_id, keys[key], values)
        else:
            customer_id = None
            created["customer"] += 1
            if write:
                owner = members.get(fold(values.get("owner") or "")) if values.get("owner") else None
                row = Customer(team_id=team_id, name=name, name_key=key, source=values.get("source") or None,
                               segment=values.get("segment") or None, owner_id=owner, created_by=owner,
                               created_at=now)
                session.add(row)
                session.flush()
                customer_id = row.id
            new_keys[key] = customer_id
        if kind == "customers":
            for alias in filter(None, (a.strip() for a in re.split(r"[;|/、]", values.get("aliases") or ""))):
                if name_key(alias) not in keys and name_key(alias) not in new_keys:
                    created["customer_alias"] += 1
                    if write:
                        assert customer_id is not None  # written above
                        session.add(CustomerAlias(team_id=team_id, customer_id=customer_id, alias=alias,
                                                  alias_key=name_key(alias)))
                    new_keys[name_key(alias)] = customer_id
        elif kind == "contacts":
            created["contact"] += _contact(session, team_id, customer_id, values, now, write)
        else:
            created["deal"] += 1
            created["stagechange"] += 1
            if write:
                _deal(session, team_id, customer_id, values, members, now)
    return created, matched


def _fill(session, team_id: int, customer_id: int, values: dict[str, str]) -> None:
    """A customer already known: fill its source and segment where the store has none."""
    row = session.get(Customer, customer_id)
    if row is None or row.team_id != team_id:
        return
    for field in ("source", "segment"):
        if values.get(field) and not getattr(row, field):
            setattr(row, field, values[field])
    session.add(row)


def _contact(session, team_id, customer_id, values, now, write) -> int:
    if customer_id is not None:
        exists = session.execute(select(col(Contact.id)).where(col(Contact.team_id) == team_id,
                                                          col(Contact.customer_id) == customer_id,
                                                          col(Contact.name) == values["name"])).first()
        if exists:
            return 0
    if write:
        month, day = birthday(values["birthday"]) if values.get("birthday") else (None, None)
        session.add(Contact(team_id=team_id, customer_id=customer_id, name=values["name"],
                            role=values.get("role") or None, phone=values.get("phone") or None,
                            email=values.get("email") or None, birth_month=month, birth_day=day, created_at=now))
    return 1


def _deal(session, team_id, customer_id, values, members, now) -> None:
    stage = STAGE_OF[fold(values["stage"])] if values.get("stage") else Stage.LEAD
    owner = members.get(fold(values["owner"])) if values.get("owner") else None
    minor = parse_amount(values["amount"]) if values.get("amount") else None
    deal = Deal(team_id=team_id, customer_id=customer_id, title=values.get("title") or None, stage=stage,
                amount_minor=minor, currency=values["currency"].upper() if values.get("currency") and minor else None,
                probability=int(values["probability"].rstrip("%")) if values.get("probability") else None,
                expected_close=parse_date(values["expected_close"]) if values.get("expected_close") else None,
                owner_id=owner, lost_reason=values.get("lost_reason") or None, created_at=now, updated_at=now,
                closed_at=now if stage in CLOSED_STAGES else None)
    session.add(deal)
    session.flush()
    assert deal.id is not None  # flushed
    session.add(StageChange(team_id=team_id, deal_id=deal.id, from_stage=None, to_stage=stage, at=now,
                            member_id=owner))


def _result(kind, rows, errors, created, matched, written) -> dict[str, Any]:
    errors = sorted(errors, key=lambda e: e["line"])  # in the file's order, whichever check found them
    if errors:
        summary = f"{len(errors)} problem(s) in {kind}; nothing was written. Fix them and run again."
    elif written:
        summary = f"Imported {kind}: " + (", ".join(f"{k} {v}" for k, v in created.items()) or "nothing new") + \
                  f"; {matched} matched to existing customers."
    else:
        summary = f"Dry run of {kind}: {rows} rows are fine; would add " + \
                  (", ".join(f"{k} {v}" for k, v in created.items()) or "nothing new") + \
                  f"; {matched} matched to existing customers. Nothing was written."
    return {"kind": kind, "rows": rows, "errors": errors, "created": created, "matched": matched,
            "written": written, "summary": summary}
