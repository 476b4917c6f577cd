"""Customer and contact look-ups the handlers need, always within one team."""
from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Any

from sqlalchemy import bindparam, func, or_, select
from sqlmodel import Session

from storage.models import Contact, Customer, CustomerAlias, Deal, FollowUp, Interaction, Team
from storage.names import PackedNames
from storage.vocabulary import OPEN_STAGES
_LEGAL = re.compile(r"\b(ооо|оао|зао|пао|ао|ип|llc|inc|ltd|corp|co|gmbh|plc|limited)\b\.?|有限公司|股份|集团")
_PUNCT = re.compile(r"[\"'«»“”„‘’「」『』《》()（）.,]+")


def name_key(name: str) -> str:
    """A customer name normalised for comparison: case, quotes and legal forms dropped."""
    text = unicodedata.normalize("NFKC", name).casefold().replace("ё", "е")
    text = _PUNCT.sub(" ", text)
    text = _LEGAL.sub(" ", text)
    return re.sub(r"\s+", " ", text).strip()


def known_names(session: Session, team_id: int) -> tuple[PackedNames, dict[str, str]]:
    """The team's customer names (oldest first, packed: a read-only sequence of str that takes a
    third of the memory of a list) and a map of alias → customer name, for understanding."""
    rows = session.execute(select(Customer.name).where(Customer.team_id == team_id).order_by(Customer.id)
                           .execution_options(yield_per=2000))   # streamed, not all rows at once
    names = PackedNames(rows.scalars())
    pairs = session.execute(select(CustomerAlias.alias, Customer.name)
                         .join(Customer, Customer.id == CustomerAlias.customer_id)
                         .where(CustomerAlias.team_id == team_id)).all()
    return names, {alias: name for alias, name in pairs}


# The look-ups every note makes, built once (a message runs them with its own values).
_NAMED = (select(Customer)
          .where(Customer.team_id == bindparam("team"),
                 or_(Customer.name_key == bindparam("key"),
                     Customer.id.in_(select(CustomerAlias.customer_id)  # type: ignore[union-attr]
                                     .where(CustomerAlias.team_id == bindparam("team"),
                                            CustomerAlias.alias_key == bindparam("key")))))
          .order_by(Customer.id))
_CONTACTS = (select(Contact).where(Contact.team_id == bindparam("team"), Contact.customer_id == bindparam("customer"))
             .order_by(Contact.id))
_OPEN_DEAL = (select(Deal).where(Deal.team_id == bindparam("team"), Deal.customer_id == bindparam("customer"),
                                 Deal.stage.in_(OPEN_STAGES))  # type: ignore[attr-defined]
              .order_by(Deal.updated_at.desc(), Deal.id.desc()).limit(1))


def names_version(team_id: Any) -> tuple[Any]:
    """The version of the team's customer names and aliases, as an SQL scalar (one row read: the
    database bumps it on every change, see `Team.names_version`): the cached names for
    understanding are current while it holds. `team_id` may be a column."""
    return (select(Team.names_version).where(Team.id == team_id).scalar_subquery(),)


def customers_named(session: Session, team_id: int, name: str) -> list[Customer]:
    """Customers of the team whose name or alias is `name` (after normalising)."""
    return list(session.execute(_NAMED, {"team": team_id, "key": name_key(name)}).scalars())


def contacts_of(session: Session, team_id: int, customer_id: int) -> list[Contact]:
    """The customer's contacts, oldest first."""
    return list(session.execute(_CONTACTS, {"team": team_id, "customer": customer_id}).scalars())


def open_deal(session: Session, team_id: int, customer_id: int) -> Deal | None:
    """The customer's open deal most recently touched, if any."""
    return session.execute(_OPEN_DEAL, {"team": team_id, "customer": customer_id}).scalars().first()


def deals_of(session: Session, team_id: int, customer_id: int, limit: int = 10) -> list[Deal]:
    """The customer's deals, open ones first, newest first."""
    is_open = Deal.stage.in_(OPEN_STAGES)  # type: ignore[attr-defined]
    return list(session.execute(select(Deal).where(Deal.team_id == team_id, Deal.customer_id == customer_id)
                             .order_by(is_open.desc(), Deal.updated_at.desc()).limit(limit)).scalars())


def last_interactions(session: Session, team_id: int, customer_id: int, limit: int = 5) -> list[Interaction]:
    """The customer's latest interactions, newest first."""
    return list(session.execute(select(Interaction).where(Interaction.team_id == team_id,
                                                       Interaction.customer_id == customer_id)
                             .order_by(Interaction.at.desc(), Interaction.id.desc()).limit(limit)).scalars())


def next_followup(session: Session, team_id: int, customer_id: int) -> FollowUp | None:
    """The customer's earliest open follow-up."""
    return session.execute(select(FollowUp).where(FollowUp.team_id == team_id,
                                               FollowUp.customer_id == customer_id,
                                               FollowUp.done_at.is_(None))  # type: ignore[union-attr]
                        .order_by(FollowUp.due, FollowUp.id).limit(1)).scalars().first()


def open_followups(session: Session, team_id: int, member_id: int, until: date,
                   since: date | None = None) -> list[tuple[FollowUp, str]]:
    """A member's open follow-ups due up to `until` (and from `since`), with the customer's name."""
    query = (select(FollowUp, Customer.name).join(Customer, Customer.id == FollowUp.customer_id)
             .where(FollowUp.team_id == team_id, FollowUp.member_id == member_id,
                    FollowUp.done_at.is_(None), FollowUp.due <= until))  # type: ignore[union-attr]
    if since is not None:
        query = query.where(FollowUp.due >= since)
    return [(f, n) for f, n in session.execute(query.order_by(FollowUp.due, FollowUp.id).limit(50)).all()]


def customer_count(session: Session, team_id: int) -> int:
    """How many customers the team has (changes when one is added or removed)."""
    return int(session.execute(select(func.count(Customer.id)).where(Customer.team_id == team_id)).scalar_one())
