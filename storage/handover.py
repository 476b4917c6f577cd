"""A rep leaves: their work goes to a colleague, and their chat accounts stop being let in.

What moves to the colleague: the customers the leaving member owns, their open deals (lead to
negotiation) and their open follow-ups (timed reminders included, so the colleague is reminded).
What stays: won and lost deals (the leaving rep's record in the leaderboard and revenue of past
periods), done follow-ups, interactions and notes (history says who did what). The member row
stays too, as the name history points at; their accounts (identities) are removed, so a message
from them is refused like a stranger's.

Every write goes through the `Journal` of one note, so an admin can undo the hand-over from chat.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlmodel import Session, col

from storage.journal import Journal
from storage.models import Customer, Deal, FollowUp, Identity, Member
from storage.vocabulary import OPEN_STAGES


@dataclass(frozen=True)
class Handover:
    """What moved from one member to another, and how many accounts were closed."""

    leaving: str
    to: str
    customers: int
    deals: int
    followups: int
    accounts: int


def hand_over(session: Session, journal: Journal, leaving: Member, to: Member) -> Handover:
    """Give `leaving`'s customers, open deals and open follow-ups to `to`, and close `leaving`'s
    accounts (both members of the journal's team, not the same one); see the module."""
    if leaving.id == to.id or leaving.team_id != to.team_id or leaving.team_id != journal.team_id:
        raise ValueError("a hand-over needs two members of the journal's team")
    team = leaving.team_id
    customers = _ids(session, Customer, col(Customer.team_id) == team, col(Customer.owner_id) == leaving.id)
    for row_id in customers:
        journal.update(Customer, row_id, owner_id=to.id)
    deals = _ids(session, Deal, col(Deal.team_id) == team, col(Deal.owner_id) == leaving.id,
                 col(Deal.stage).in_(OPEN_STAGES))
    for row_id in deals:
        journal.update(Deal, row_id, owner_id=to.id)
    followups = _ids(session, FollowUp, col(FollowUp.team_id) == team, col(FollowUp.member_id) == leaving.id,
                     col(FollowUp.done_at).is_(None))
    for row_id in followups:
        journal.update(FollowUp, row_id, member_id=to.id)
    accounts = session.execute(select(Identity).where(col(Identity.team_id) == team,
                                                      col(Identity.member_id) == leaving.id)
                               .order_by(col(Identity.id))).scalars().all()
    for identity in accounts:
        journal.delete(identity)
    return Handover(leaving=leaving.name, to=to.name, customers=len(customers), deals=len(deals),
                    followups=len(followups), accounts=len(accounts))


def _ids(session: Session, model: Any, *where: Any) -> list[int]:
    """The ids of `model`'s rows matching `where`, in order."""
    return list(session.execute(select(model.id).where(*where).order_by(model.id)).scalars())
