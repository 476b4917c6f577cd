"""SQL pieces the rules share, written once for SQLite and PostgreSQL.

- `day_number(instant, offset)`: the day number (days since 1970-01-01) of a
  stored UTC instant shifted by a fixed offset in seconds. With the offset of
  a member's zone it is their local day, exact except within the zone's DST
  difference of midnight; callers therefore select a ±1 day band in SQL and
  settle the exact local day in Python with zoneinfo, on the few rows returned.
- `greatest(a, b)`: the larger of two values (`max(a, b)` on SQLite).
- `customer_owner(customer)`: who owns a customer: the owner of its most
  recently touched deal (open deals first), else whoever logged its last
  interaction, else `Customer.owner_id`, else whoever created it.
"""
from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import BigInteger, DateTime, Integer, case, func, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.functions import FunctionElement

from storage.vocabulary import OPEN_STAGES
from storage.models import Deal, Interaction
from sqlmodel import col

EPOCH = date(1970, 1, 1)


class day_number(FunctionElement):  # noqa: N801  (reads like a SQL function)
    """Days since 1970-01-01 of `instant + offset seconds` (floor)."""

    type = BigInteger()
    inherit_cache = True
    name = "day_number"


@compiles(day_number, "sqlite")
def _day_number_sqlite(element: day_number, compiler: Any, **kw: Any) -> str:
    instant, offset = list(element.clauses)
    return (f"((CAST(strftime('%s', {compiler.process(instant, **kw)}) AS INTEGER) + "
            f"{compiler.process(offset, **kw)}) / 86400)")


@compiles(day_number)
def _day_number_default(element: day_number, compiler: Any, **kw: Any) -> str:
    instant, offset = list(element.clauses)
    return (f"CAST(floor((extract(epoch from {compiler.process(instant, **kw)}) + "
            f"{compiler.process(offset, **kw)}) / 86400) AS BIGINT)")


class greatest(FunctionElement):  # noqa: N801
    """The later of two instants (both non-NULL)."""

    type = DateTime(timezone=True)
    inherit_cache = True
    name = "greatest"


@compiles(greatest, "sqlite")
def _greatest_sqlite(element: greatest, compiler: Any, **kw: Any) -> str:
    return f"max({compiler.process(element.clauses, **kw)})"


@compiles(greatest)
def _greatest_default(element: greatest, compiler: Any, **kw: Any) -> str:
    return f"GREATEST({compiler.process(element.clauses, **kw)})"


def day_index(day: date) -> int:
    """The day number of a calendar date."""
    return (day - EPOCH).days


def zone_offset(zone: ZoneInfo, day: date) -> int:
    """The zone's UTC offset in seconds at noon of `day` (the band's centre)."""
    offset = datetime.combine(day, time(12), tzinfo=zone).utcoffset()
    return int(offset.total_seconds()) if offset is not None else 0


def local_day(instant: datetime, zone: ZoneInfo) -> date:
    """The local date of a stored instant (SQLite gives naive UTC back)."""
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=timezone.utc)
    return instant.astimezone(zone).date()


def day_bounds(day: date, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """The UTC instants where the local `day` starts and the next one starts (DST-correct)."""
    start = datetime.combine(day, time(0), tzinfo=zone).astimezone(timezone.utc)
    end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=zone).astimezone(timezone.utc)
    return start, end


def period_band(last_day: ColumnElement[Any], today: int, period: Any) -> ColumnElement[bool]:
    """`today - last_day` is a multiple of `period`, give or take a day (the SQL side of the test).

    `last_day` appears once, so a correlated subquery inside it runs once per
    row. Rows of the last day or two pass too; the exact local day and the
    "at least one full period" test are settled in Python on the rows returned.
    """
    return ((today + 1 - last_day) % period).in_([0, 1, 2])


def last_interaction_at(customer_id: Any, team_id: Any) -> Any:
    """A correlated subquery: when the customer's last interaction happened (index seek)."""
    return (select(func.max(col(Interaction.at)))
            .where(col(Interaction.team_id) == team_id, col(Interaction.customer_id) == customer_id)
            .scalar_subquery())


def customer_owner(customer: Any) -> Any:
    """The member who owns a customer, as one SQL expression (see the module's docstring)."""
    # by customer id alone (the customer is the team's): the planner then seeks ix_deal_customer_id
    deal_owner = (select(col(Deal.owner_id))
                  .where(col(Deal.customer_id) == customer.id,
                         col(Deal.owner_id).is_not(None))
                  .order_by(case((col(Deal.stage).in_(OPEN_STAGES), 0), else_=1),
                            col(Deal.updated_at).desc(), col(Deal.id).desc())
                  .limit(1).scalar_subquery())
    last_logger = (select(col(Interaction.member_id))
                   .where(col(Interaction.team_id) == customer.team_id, col(Interaction.customer_id) == customer.id,
                          col(Interaction.member_id).is_not(None))
                   .order_by(col(Interaction.at).desc(), col(Interaction.id).desc())
                   .limit(1).scalar_subquery())
    return func.coalesce(deal_owner, last_logger, customer.owner_id, customer.created_by).cast(Integer)
