"""CSV import of customers, contacts, deals and follow-ups: headers in en/zh/ru, row-level errors, all
or nothing. A dry run checks every row and writes nothing; otherwise every row is written, or none when
any row has an error. A row whose `ref` names a stored row of the team (as `crmbot export` writes it)
updates that row to the sheet's values (`storage.import_updates`); other customers match existing ones
(and earlier rows) by `name_key`, names and aliases alike; contacts, deals and follow-ups naming an
unknown customer create it. A won or lost deal is dated by its close date (the `closed on` column, else
its expected close), never the import day. A deal or follow-up row without a ref that looks like a
stored one (imported before) is not added again, so importing one sheet twice adds its new rows once.
Reading the file and checking its rows is `storage.import_rows`'s."""
from __future__ import annotations

from collections import Counter
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select

from storage import clock
from storage.csv_safety import restored
from storage.customers import name_key
from storage.import_rows import CUSTOMER, HEADERS, REQUIRED, Unreadable, check_row, fold, parse_date, \
    read_rows
from storage import import_writes as writes
from storage.import_updates import (deal_values, named_row, update_contact,
                                    update_customer, update_deal, update_followup)
from storage.models import Customer, CustomerAlias, Deal, FollowUp, Member, Team
from sqlmodel import Session, col


def import_csv(session: Session, team_id: int, kind: str, data: bytes, dry_run: bool = False,
               now: datetime | None = None) -> dict[str, Any]:
    """Check (and unless `dry_run` or any error, write) one CSV file of `kind`: customers, contacts, deals.

    Returns {"kind", "rows", "errors": [{"line", "field", "reason"}], "created": {table: n},
    "matched": customers matched to existing ones, "written": bool, "summary": text}.
    Lines are counted as in the file (the header is line 1).
    """
    if kind not in HEADERS:
        raise ValueError(f"import what? customers, contacts, deals or followups, not {kind!r}")
    now = now or clock.now()
    team = session.get(Team, team_id)
    zone = ZoneInfo(team.timezone if team is not None else "UTC")
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
    created, matched, updated = _apply(session, team_id, kind, plan, keys, members, zone, now, write)
    if write:
        session.flush()
    return _result(kind, len(plan) + len({e["line"] for e in errors if e["line"] > 1}), errors,
                   {k: v for k, v in created.items() if v}, matched, write, updated)


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


def _known(session: Session, team_id: int) -> tuple[dict[str, int], dict[str, int]]:
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
        values = {f: restored(raw[i].strip() if i < len(raw) else "") for f, i in columns.items()}
        row_errors = check_row(kind, values, members)
        errors += [{"line": line, "field": f, "reason": r} for f, r in row_errors]
        if not row_errors:
            plan.append((line, values))
    return plan, errors



def _apply(session: Session, team_id: int, kind: str, plan: list[tuple[int, dict[str, Any]]], keys: dict[str, int],
           members: dict[str, int], zone: ZoneInfo, now: datetime, write: bool) -> tuple[dict[str, int], int, int]:
    """Each planned row against the rows its ref names, the customers known and those the file adds:
    counted, and written when `write`. How many rows of each table were added, how many customers
    matched existing ones, and how many stored rows the sheet changed."""
    created = {"customer": 0, "customer_alias": 0, "contact": 0, "deal": 0, "stagechange": 0, "followup": 0}
    updated = 0
    stored_alike = _signatures(session, team_id, kind)  # rows a sheet without refs may be bringing again
    new_keys: dict[str, int | None] = {}  # customers this file adds: key → id (None in a dry run)
    matched = 0
    for _line, values in plan:
        stored = named_row(session, team_id, kind, values)
        if kind == "customers" and stored is not None:
            updated += update_customer(session, stored, values, members, write)
            new_keys[name_key(values["name"])] = stored.id
            continue
        name = (values.get("name") if kind == "customers" else values[CUSTOMER]) or ""  # checked: never empty
        key = name_key(name)
        if key in keys or key in new_keys:
            matched += 1 if key in keys else 0
            customer_id = keys.get(key) or new_keys.get(key)
            if kind == "customers" and write and key in keys:
                writes.fill(session, team_id, keys[key], values)
        else:
            created["customer"] += 1
            customer_id = new_keys[key] = writes.new_customer(session, team_id, name, values, members, now, write)
        if kind == "customers":
            created["customer_alias"] += writes.aliases(session, team_id, customer_id, values, keys, new_keys, write)
        elif stored is not None:
            updated += _update(session, kind, stored, values, customer_id, members, zone, now, write)
        elif kind == "contacts":
            created["contact"] += writes.contact(session, team_id, customer_id, values, now, write)
        elif stored_alike[_signature(kind, customer_id, values, members)] > 0:
            stored_alike[_signature(kind, customer_id, values, members)] -= 1   # imported before: kept once
            created["already"] = created.get("already", 0) + 1
        else:
            for table in ("deal", "stagechange") if kind == "deals" else ("followup",):
                created[table] += 1
            if write:
                add = writes.deal if kind == "deals" else writes.followup
                add(session, team_id, customer_id, values, members, zone, now)
    return created, matched, updated


def _update(session: Session, kind: str, stored: Any, values: dict[str, Any], customer_id: int | None,
            members: dict[str, int], zone: ZoneInfo, now: datetime, write: bool) -> int:
    """A sheet row whose ref names a stored contact, deal or follow-up: 1 when it changes it."""
    if kind == "contacts":
        return update_contact(session, stored, values, customer_id, write)
    if kind == "deals":
        return update_deal(session, stored, values, customer_id, members, zone, now, write)
    return update_followup(session, stored, values, customer_id, members, zone, write)


def _signatures(session: Session, team_id: int, kind: str) -> Counter:
    """How many stored deals (or follow-ups) of the team look like each row a sheet could give: a row
    without a ref that matches one (same customer, stage, amount, currency, title and expected close;
    a follow-up: same customer, owner, day and words) is one imported before, not a new one."""
    query: Any
    if kind == "deals":
        query = select(col(Deal.customer_id), col(Deal.title), col(Deal.stage), col(Deal.amount_minor),
                       col(Deal.currency), col(Deal.expected_close)).where(col(Deal.team_id) == team_id)
    elif kind == "followups":
        query = select(col(FollowUp.customer_id), col(FollowUp.member_id), col(FollowUp.due),
                       col(FollowUp.what)).where(col(FollowUp.team_id) == team_id)
    else:
        return Counter()
    return Counter(tuple(str(v) if v is not None else None for v in row) for row in session.execute(query))


def _signature(kind: str, customer_id: int | None, values: dict[str, str], members: dict[str, int]) -> tuple:
    """A sheet row's look, as `_signatures` counts the stored ones (a customer the file adds: none)."""
    if customer_id is None or kind not in ("deals", "followups"):
        return ("new",)
    if kind == "deals":
        fields = deal_values(values, members)
        row: tuple = (customer_id, fields["title"], fields["stage"], fields["amount_minor"], fields["currency"],
                      fields["expected_close"])
    else:
        row = (customer_id, members[fold(values["owner"])], parse_date(values["due"]), values.get("what") or "")
    return tuple(str(v) if v is not None else None for v in row)


_COUNTED = {"customer": ("customer", "customers"), "customer_alias": ("alias", "aliases"),
            "contact": ("contact", "contacts"), "deal": ("deal", "deals"),
            "stagechange": ("stage change", "stage changes"), "followup": ("follow-up", "follow-ups")}


def _added(created: dict[str, int]) -> str:
    """"1 customer, 2 deals, 2 stage changes", or "nothing new"."""
    said = [f"{n} {_COUNTED[k][0] if n == 1 else _COUNTED[k][1]}" for k, n in created.items() if n and k in _COUNTED]
    return ", ".join(said) or "nothing new"


def _result(kind: str, rows: int, errors: list[dict[str, Any]], created: dict[str, int], matched: int, written: bool,
            updated: int = 0) -> dict[str, Any]:
    errors = sorted(errors, key=lambda e: e["line"])  # in the file's order, whichever check found them
    already = created.get("already", 0)
    again = f"; {already} already there (imported before, kept once)" if already else ""
    if errors:
        summary = f"{len(errors)} problem(s) in {kind}; nothing was written. Fix them and run again."
    elif written:
        summary = f"Imported {kind}: {_added(created)}; {matched} matched to existing customers; " \
                  f"{updated} updated from the sheet{again}."
    else:
        summary = f"Dry run of {kind}: {rows} rows are fine; would add {_added(created)}; {matched} matched to " \
                  f"existing customers; would update {updated}{again}. Nothing was written."
    return {"kind": kind, "rows": rows, "errors": errors, "created": created, "matched": matched,
            "updated": updated, "written": written, "summary": summary}
