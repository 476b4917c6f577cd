"""Customer and contact look-ups the handlers need, always within one team."""
from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Any

from sqlalchemy import bindparam, or_, select
from sqlmodel import Session, col

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
    rows = session.execute(select(col(Customer.name)).where(col(Customer.team_id) == team_id).order_by(col(Customer.id))
                           .execution_options(yield_per=2000))   # streamed, not all rows at once
    names = PackedNames(rows.scalars())
    pairs = session.execute(select(col(CustomerAlias.alias), col(Customer.name))
                         .join(Customer, col(Customer.id) == col(CustomerAlias.customer_id))
                         .where(col(CustomerAlias.team_id) == team_id)).all()
    return names, {alias: name for alias, name in pairs}


# The look-ups every note makes, built once (a message runs them with its own values).
_NAMED = (select(Customer)
          .where(col(Customer.team_id) == bindparam("team"),
                 or_(col(Customer.name_key) == bindparam("key"),
                     col(Customer.id).in_(select(col(CustomerAlias.customer_id))
                                     .where(col(CustomerAlias.team_id) == bindparam("team"),
                                            col(CustomerAlias.alias_key) == bindparam("key")))))
          .order_by(col(Customer.id)))
_CONTACTS = (select(Contact)
             .where(col(Contact.team_id) == bindparam("team"), col(Contact.customer_id) == bindparam("customer"))
             .order_by(col(Contact.id)))
_OPEN_DEAL = (select(Deal).where(col(Deal.team_id) == bindparam("team"), col(Deal.customer_id) == bindparam("customer"),
                                 col(Deal.stage).in_(OPEN_STAGES))
              .order_by(col(Deal.updated_at).desc(), col(Deal.id).desc()).limit(1))


def names_version(team_id: Any) -> tuple[Any]:
    """The version of the team's customer names and aliases, as an SQL scalar (one row read: the
    database bumps it on every change, see `Team.names_version`): the cached names for
    understanding are current while it holds. `team_id` may be a column."""
    return (select(col(Team.names_version)).where(col(Team.id) == team_id).scalar_subquery(),)


def customers_named(session: Session, team_id: int, name: str) -> list[Customer]:
    """Customers of the team whose name or alias is `name` (after normalising)."""
    return list(session.execute(_NAMED, {"team": team_id, "key": name_key(name)}).scalars())


def contacts_of(session: Session, team_id: int, customer_id: int) -> list[Contact]:
    """The customer's contacts, oldest first."""
    return list(session.execute(_CONTACTS, {"team": team_id, "customer": customer_id}).scalars())


def open_deal(session: Session, team_id: int, customer_id: int, owner_id: int | None = None) -> Deal | None:
    """The customer's open deal most recently touched, if any; with `owner_id`, that member's own open
    deal there first (a rep's note at a customer two reps sell to is about her own deal)."""
    if owner_id is not None:
        own = session.execute(select(Deal).where(col(Deal.team_id) == team_id, col(Deal.customer_id) == customer_id,
                                                 col(Deal.stage).in_(OPEN_STAGES), col(Deal.owner_id) == owner_id)
                              .order_by(col(Deal.updated_at).desc(), col(Deal.id).desc()).limit(1)).scalars().first()
        if own is not None:
            return own
    return session.execute(_OPEN_DEAL, {"team": team_id, "customer": customer_id}).scalars().first()


def deals_of(session: Session, team_id: int, customer_id: int, limit: int = 10) -> list[Deal]:
    """The customer's deals, open ones first, newest first."""
    is_open = col(Deal.stage).in_(OPEN_STAGES)
    return list(session.execute(select(Deal).where(col(Deal.team_id) == team_id, col(Deal.customer_id) == customer_id)
                             .order_by(is_open.desc(), col(Deal.updated_at).desc()).limit(limit)).scalars())


def last_interactions(session: Session, team_id: int, customer_id: int, limit: int = 5) -> list[Interaction]:
    """The customer's latest interactions, newest first."""
    return list(session.execute(select(Interaction).where(col(Interaction.team_id) == team_id,
                                                       col(Interaction.customer_id) == customer_id)
                             .order_by(col(Interaction.at).desc(), col(Interaction.id).desc()).limit(limit)).scalars())


def next_followup(session: Session, team_id: int, customer_id: int) -> FollowUp | None:
    """The customer's earliest open follow-up."""
    return session.execute(select(FollowUp).where(col(FollowUp.team_id) == team_id,
                                               col(FollowUp.customer_id) == customer_id,
                                               col(FollowUp.done_at).is_(None))
                        .order_by(col(FollowUp.due), col(FollowUp.id)).limit(1)).scalars().first()


def open_followups(session: Session, team_id: int, member_id: int, until: date,
                   since: date | None = None) -> list[tuple[FollowUp, str]]:
    """A member's open follow-ups due up to `until` (and from `since`), with the customer's name."""
    query = (select(FollowUp, col(Customer.name)).join(Customer, col(Customer.id) == col(FollowUp.customer_id))
             .where(col(FollowUp.team_id) == team_id, col(FollowUp.member_id) == member_id,
                    col(FollowUp.done_at).is_(None), col(FollowUp.due) <= until))
    if since is not None:
        query = query.where(col(FollowUp.due) >= since)
    return [(f, n) for f, n in session.execute(query.order_by(col(FollowUp.due), col(FollowUp.id)).limit(50)).all()]
