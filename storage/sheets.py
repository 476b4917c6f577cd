"""The team's customers, contacts, deals and follow-ups as spreadsheets a person edits and imports back.

Unlike `export --all` (every table as stored: ids, minor units), these name things as people do:
the customer by its name, the owner by the member's name, amounts in currency units ("40000.50"),
dates as YYYY-MM-DD, stages by their names. The first column, `ref`, is the row's number in the
store: `crmbot import` updates the row it names (leave it as it is), and a row with an empty `ref`
is a new one. The headers are the import's own (`storage.import_rows.HEADERS`), so export → edit →
import gives back the edited store. Cells a spreadsheet would run as formulas are written inert.
"""
from __future__ import annotations

import csv
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterator
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlmodel import Session, col

from storage.csv_safety import neutralize
from storage.models import Contact, Customer, CustomerAlias, Deal, FollowUp, Member, Team

# file → its columns, in order (each one a header `storage.import_rows` reads)
COLUMNS: dict[str, tuple[str, ...]] = {
    "customers": ("ref", "name", "aliases", "source", "segment", "owner", "custom"),
    "contacts": ("ref", "customer", "name", "role", "phone", "email", "birthday"),
    "deals": ("ref", "customer", "title", "stage", "amount", "currency", "probability", "expected close",
              "closed on", "owner", "lost reason"),
    "followups": ("ref", "customer", "due", "what", "owner", "done on"),
}
ALIAS_SEPARATOR = "; "


def custom_text(custom: dict[str, Any] | None) -> str:
    """A customer's own fields as one cell: "city: Shanghai; touch_days: 10" (read back by the import)."""
    return ALIAS_SEPARATOR.join(f"{key}: {value}" for key, value in sorted((custom or {}).items())
                                if value not in (None, ""))


def units(minor: int | None) -> str:
    """Minor units as a spreadsheet reads an amount: 4000000 → "40000", 4000050 → "40000.50"."""
    if minor is None:
        return ""
    value = Decimal(minor) / 100
    return f"{value:.0f}" if minor % 100 == 0 else f"{value:.2f}"


def local_day(instant: datetime | None, zone: ZoneInfo) -> str:
    """An instant as the team's local date, ISO."""
    return instant.astimezone(zone).date().isoformat() if instant is not None else ""


def _day(value: date | None) -> str:
    return value.isoformat() if value is not None else ""


def rows(session: Session, team_id: int, kind: str) -> Iterator[list[Any]]:
    """The rows of one file, in the store's order."""
    team = session.get(Team, team_id)
    zone = ZoneInfo(team.timezone if team is not None else "UTC")
    members = dict(session.execute(select(col(Member.id), col(Member.name))
                                   .where(col(Member.team_id) == team_id)).all())
    customers = dict(session.execute(select(col(Customer.id), col(Customer.name))
                                     .where(col(Customer.team_id) == team_id)).all())
    who = lambda member_id: members.get(member_id, "") if member_id is not None else ""  # noqa: E731
    if kind == "customers":
        aliases: dict[int, list[str]] = {}
        for customer_id, alias in session.execute(select(col(CustomerAlias.customer_id), col(CustomerAlias.alias))
                                                  .where(col(CustomerAlias.team_id) == team_id)
                                                  .order_by(col(CustomerAlias.id))):
            aliases.setdefault(customer_id, []).append(alias)
        for c in session.execute(select(Customer).where(col(Customer.team_id) == team_id)
                                 .order_by(col(Customer.id))).scalars():
            yield [c.id, c.name, ALIAS_SEPARATOR.join(aliases.get(c.id or 0, [])),
                   c.source or "", c.segment or "", who(c.owner_id), custom_text(c.custom)]
    elif kind == "contacts":
        for p in session.execute(select(Contact).where(col(Contact.team_id) == team_id)
                                 .order_by(col(Contact.id))).scalars():
            birthday = f"{p.birth_month:02d}-{p.birth_day:02d}" if p.birth_month and p.birth_day else ""
            yield [p.id, customers.get(p.customer_id, ""), p.name, p.role or "", p.phone or "", p.email or "",
                   birthday]
    elif kind == "deals":
        for d in session.execute(select(Deal).where(col(Deal.team_id) == team_id).order_by(col(Deal.id))).scalars():
            yield [d.id, customers.get(d.customer_id, ""), d.title or "", d.stage, units(d.amount_minor),
                   d.currency or "", "" if d.probability is None else d.probability, _day(d.expected_close),
                   local_day(d.closed_at, zone), who(d.owner_id), d.lost_reason or ""]
    elif kind == "followups":
        for f in session.execute(select(FollowUp).where(col(FollowUp.team_id) == team_id)
                                 .order_by(col(FollowUp.id))).scalars():
            yield [f.id, customers.get(f.customer_id, ""), _day(f.due), f.what, who(f.member_id),
                   local_day(f.done_at, zone)]
    else:
        raise ValueError(f"no spreadsheet called {kind!r}")


def export_sheets(engine: Engine, team_id: int, directory: Path) -> Iterator[tuple[Path, int]]:
    """Write customers.csv, contacts.csv, deals.csv and followups.csv of the team; (path, rows) each."""
    with Session(engine) as session:
        for kind, columns in COLUMNS.items():
            path = directory / f"{kind}.csv"
            count = 0
            with path.open("w", newline="", encoding="utf-8") as handle:
                writer = csv.writer(handle)
                writer.writerow(columns)
                for row in rows(session, team_id, kind):
                    writer.writerow([neutralize(value) for value in row])
                    count += 1
            yield path, count
