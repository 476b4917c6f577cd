"""Who may read and change what: the one permission table (docs/permissions.md says it in words).

Teams never mix: every caller already holds only rows of the sender's team (invariant 3), and
`check` refuses any row of another team all the same. Within a team, what a member may do is
the table below, by role: a scope per kind of action.

- `TEAM`: any row of the team; `OWN`: only rows the member owns (a deal's owner, a follow-up's
  member, a note's writer), or a deal nobody owns yet (the one who changes it takes it);
  `NONE`: not at all.

Every check of the product goes through `check` (or `scope` for what a report covers), once
per kind of action: closing, moving or deleting a follow-up (handlers.followups), merging
customers (handlers.merge, `crmbot customer merge`), changing a deal
(handlers.log_note), undoing a note (handlers.undo), what a report covers (handlers.reports),
changing the team's settings (handlers.settings, `crmbot team set --by`), and the admin's
commands: erasing a customer, exporting, managing members (bot.cli).
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from storage.vocabulary import Role


class Action(StrEnum):
    """A kind of thing a member may want to do."""

    READ_CUSTOMERS = "read_customers"    # a customer's card and history: contacts, deals, interactions
    WRITE_NOTES = "write_notes"          # log interactions, create customers, add contact facts
    CHANGE_FOLLOWUP = "change_followup"  # mark a follow-up done, snooze it
    CHANGE_DEAL = "change_deal"          # move a deal's stage, change its amount
    MERGE_CUSTOMERS = "merge_customers"  # merge a duplicate customer into another, with all it holds
    RENAME_CUSTOMER = "rename_customer"  # change a customer's name (the old one stays an alias)
    UNDO_NOTE = "undo_note"              # take a note back, with everything it wrote
    SEE_PIPELINE = "see_pipeline"        # pipeline, forecast, funnel: whose deals a report adds up
    SEE_ACTIVITY = "see_activity"        # activity, quiet deals, overdue follow-ups, inquiries: whose
    SEE_CUSTOMER_REPORTS = "see_customer_reports"  # lead sources, top customers: about customers
    ERASE = "erase"                      # forget a customer's personal data, for good
    EXPORT = "export"                    # every table of the team as CSV
    MANAGE_MEMBERS = "manage_members"    # add members, change roles, invite, link workspaces
    CHANGE_SETTINGS = "change_settings"  # the team's settings: quiet days, digest hour, stages, currency


class Scope(StrEnum):
    """How far a permission reaches."""

    NONE = "none"
    OWN = "own"
    TEAM = "team"


ROLES: tuple[Role, ...] = tuple(Role)  # the columns of the table, in this order

# action → scope for rep, manager, admin
TABLE: dict[Action, tuple[Scope, Scope, Scope]] = {
    Action.READ_CUSTOMERS: (Scope.TEAM, Scope.TEAM, Scope.TEAM),
    Action.WRITE_NOTES: (Scope.TEAM, Scope.TEAM, Scope.TEAM),
    Action.CHANGE_FOLLOWUP: (Scope.OWN, Scope.TEAM, Scope.TEAM),
    Action.CHANGE_DEAL: (Scope.OWN, Scope.TEAM, Scope.TEAM),
    Action.MERGE_CUSTOMERS: (Scope.NONE, Scope.TEAM, Scope.TEAM),
    Action.RENAME_CUSTOMER: (Scope.NONE, Scope.TEAM, Scope.TEAM),
    Action.UNDO_NOTE: (Scope.OWN, Scope.OWN, Scope.OWN),
    Action.SEE_PIPELINE: (Scope.OWN, Scope.TEAM, Scope.TEAM),
    Action.SEE_ACTIVITY: (Scope.OWN, Scope.TEAM, Scope.TEAM),
    Action.SEE_CUSTOMER_REPORTS: (Scope.TEAM, Scope.TEAM, Scope.TEAM),
    Action.ERASE: (Scope.NONE, Scope.NONE, Scope.TEAM),
    Action.EXPORT: (Scope.NONE, Scope.NONE, Scope.TEAM),
    Action.MANAGE_MEMBERS: (Scope.NONE, Scope.NONE, Scope.TEAM),
    Action.CHANGE_SETTINGS: (Scope.NONE, Scope.NONE, Scope.TEAM),
}


def scope(role: str, action: Action) -> Scope:
    """How far `role` may do `action` (an unknown role: like a rep)."""
    row = TABLE[action]
    return row[ROLES.index(Role(role))] if role in ROLES else row[0]


def roles_for(action: Action) -> tuple[Role, ...]:
    """The roles that may do `action` on any row of the team (for a refusal to name them)."""
    return tuple(role for role, reach in zip(ROLES, TABLE[action]) if reach is Scope.TEAM)


@dataclass(frozen=True)
class Actor:
    """Who acts: a member's id, team and role."""

    member_id: int | None
    team_id: int
    role: str


@dataclass(frozen=True)
class Decision:
    """The answer: allowed, or why not ("team": another team's row; "owner": someone else's;
    "role": the role may not do this at all)."""

    allowed: bool
    reason: str | None = None

    def __bool__(self) -> bool:
        return self.allowed


ALLOWED = Decision(True)


def check(actor: Actor, action: Action, *, team_id: int | None = None, owner_id: int | None = None) -> Decision:
    """May `actor` do `action` on a row of `team_id` owned by `owner_id`? A deal nobody owns yet
    (imported without an owner) may be taken by whoever may change their own deals."""
    if team_id is not None and team_id != actor.team_id:
        return Decision(False, "team")
    reach = scope(actor.role, action)
    if reach is Scope.TEAM:
        return ALLOWED
    if reach is Scope.NONE:
        return Decision(False, "role")
    if owner_id is None:
        return ALLOWED if action is Action.CHANGE_DEAL else Decision(False, "owner")
    return ALLOWED if owner_id == actor.member_id else Decision(False, "owner")


def report_owner(actor: Actor, action: Action, mine: bool) -> int | None:
    """Whose rows a report adds up: the member's own (`mine`: they asked for "my …", or their role
    sees only their own), else None for the whole team."""
    if mine or scope(actor.role, action) is not Scope.TEAM:
        return actor.member_id
    return None
