"""Look-ups for chat: contacts by name or phone, customers by a trait (segment, lead source, a tag
or city in their custom fields, a word of their name). Every query filters by the team; each
returns a few rows, largest first, and how many there are in all."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from typing import Any

from sqlalchemy import String, cast, func, or_, select
from sqlmodel import Session

from storage.models import Contact, table_of
from storage.reports.tables import CUSTOMER

CONTACT = table_of(Contact)

_NOT_DIGITS = re.compile(r"\D")
_PHONE_TAIL = 4        # the digits a phone must end with to be read further
_NATIONAL = 10         # a number's digits without its country or trunk prefix


@dataclass(frozen=True)
class ContactHit:
    """A contact found, with the customer they work at."""

    name: str
    role: str | None
    phone: str | None
    email: str | None
    customer_id: int
    customer: str


@dataclass(frozen=True)
class CustomerHit:
    """A customer found, with what it was found by."""

    id: int
    name: str
    segment: str | None
    source: str | None


def _like(term: str) -> str:
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _contacts(session: Session, team_id: int, *where: Any) -> list[ContactHit]:
    co, cu = CONTACT, CUSTOMER
    rows = session.execute(select(co.c.name, co.c.role, co.c.phone, co.c.email, cu.c.id, cu.c.name)
                           .join(cu, cu.c.id == co.c.customer_id)
                           .where(co.c.team_id == team_id, cu.c.team_id == team_id, *where)
                           .order_by(co.c.name, co.c.id)).all()
    return [ContactHit(*row) for row in rows]


def contacts_named(session: Session, team_id: int, names: Sequence[str],
                   prefixes: Sequence[str] = ()) -> list[ContactHit]:
    """The team's contacts whose name holds one of `names`, or starts with one of `prefixes` (a
    Chinese surname said with a title: "王总" is a 王)."""
    terms = [CONTACT.c.name.ilike(_like(n), escape="\\") for n in names if n]
    terms += [CONTACT.c.name.like(p.replace("%", "") + "%") for p in prefixes if p]
    return _contacts(session, team_id, or_(*terms)) if terms else []


def contacts_by_phone(session: Session, team_id: int, digits: str) -> list[ContactHit]:
    """The team's contacts whose phone holds these digits (any spacing, any country prefix written)."""
    tail = digits[-_PHONE_TAIL:]
    near = _contacts(session, team_id, CONTACT.c.phone.is_not(None), CONTACT.c.phone.like("%" + tail[-1] + "%"))
    national = digits[-_NATIONAL:]                 # "+7 916…", "8 916…" and "916…" are one number
    if len(digits) >= _NATIONAL:
        return [hit for hit in near if _NOT_DIGITS.sub("", hit.phone or "").endswith(national)]
    return [hit for hit in near if digits in _NOT_DIGITS.sub("", hit.phone or "")]


def customers_with(session: Session, team_id: int, words: Sequence[str], sources: Sequence[str],
                   limit: int) -> tuple[list[CustomerHit], int]:
    """The team's customers with one of `sources` as lead source, or one of `words` in their
    segment, source, custom fields (tags, city) or name; the first `limit` by name, and how many."""
    cu = CUSTOMER
    terms = [func.lower(cu.c.source) == s.lower() for s in sources]
    for word in words:
        pattern = _like(word)
        terms += [cu.c.segment.ilike(pattern, escape="\\"), cu.c.source.ilike(pattern, escape="\\"),
                  cast(cu.c.custom, String).ilike(pattern, escape="\\"), cu.c.name.ilike(pattern, escape="\\"),
                  cu.c.name_key.like(_like(word.casefold()), escape="\\")]
    if not terms:
        return [], 0
    where = (cu.c.team_id == team_id, or_(*terms))
    total = session.execute(select(func.count()).select_from(cu).where(*where)).scalar_one()
    rows = session.execute(select(cu.c.id, cu.c.name, cu.c.segment, cu.c.source).where(*where)
                           .order_by(cu.c.name, cu.c.id).limit(limit)).all()
    return [CustomerHit(*row) for row in rows], int(total)
