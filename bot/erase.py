"""Forgetting a customer everywhere this process can reach: the store, and the local spool of
updates queued while the store was unreachable (a queued note naming the customer would bring it
back when the spool drains). What was erased where comes back for the operator to read.

A queued update is erased when it names the customer's people (see `storage.erasure.Terms`) and
its sender is on the customer's team, or on no team yet. It is also marked processed in the store's
inbox, in the same transaction as the erasure, so a drain that read it a moment before still leaves it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session

from bot.incoming import Incoming
from bot.spool import Spool
from storage.erasure import Terms, walk
from storage.inbox import tombstone
from storage.members import identity_of
from storage.models import Customer, Team, stored_id
from storage.privacy import customer_terms, forget
from storage.workspaces import team_of_workspace


@dataclass
class Erased:
    """What was erased where: rows per kind in the store, queued updates in the spool."""

    name: str
    customer_id: int
    store: dict[str, int] = field(default_factory=dict)
    spool_path: str = ""
    queued: list[dict[str, Any]] = field(default_factory=list, repr=False)  # the spool's updates about it
    spooled: int = 0  # how many of them `finish` removed from the spool


def forget_everywhere(session: Session, team: Team, customer: Customer, spool: Spool,
                      admin_id: int | None = None) -> Erased:
    """Erase the customer in the caller's transaction, and mark its queued updates processed there;
    after the commit, `finish` removes them from the spool (the store first: if the commit fails,
    the spool is as it was)."""
    terms = customer_terms(session, stored_id(team), stored_id(customer))
    queued = spool.find(lambda payload: _about(payload, terms) and _sender_team(session, payload) in (None, team.id))
    erased = Erased(customer.name, stored_id(customer), spool_path=str(spool.path), queued=queued)
    erased.store = forget(session, stored_id(team), stored_id(customer), admin_id)
    for payload in queued:
        platform, key = _key(payload)
        tombstone(session, platform, key, team.id)
    return erased


def finish(erased: Erased, spool: Spool) -> Erased:
    """After the store committed: remove the erased updates from the spool."""
    gone = {_key(p) for p in erased.queued}
    erased.spooled = len(spool.erase(lambda payload: _key(payload) in gone)) if gone else 0
    return erased


def _key(payload: dict[str, Any]) -> tuple[str, str]:
    incoming = Incoming.from_payload(payload)
    return incoming.platform, incoming.key


def _about(payload: dict[str, Any], terms: Terms) -> bool:
    found = False

    def look(text: str) -> str:
        nonlocal found
        found = found or terms.found(text)
        return text
    walk(payload, look)
    return found


def _sender_team(session: Session, payload: dict[str, Any]) -> int | None:
    """The team a queued update would act in, when the store can tell (None: a newcomer)."""
    member = identity_of(session, str(payload.get("platform")), str(payload.get("account_id")))
    if member is not None:
        return member.team_id
    workspace = payload.get("workspace_id")
    return team_of_workspace(session, str(workspace)) if payload.get("platform") == "slack" and workspace else None
