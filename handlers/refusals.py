"""What the bot says when it will not do something: an account nobody added, a foreign Slack
workspace, a change the member's role does not allow (docs/permissions.md). The words live with every
other text, in handlers/texts/<code>.py, under `access.*` and `permission.*`."""
from __future__ import annotations

from typing import TYPE_CHECKING

from handlers.texts import t

if TYPE_CHECKING:
    from handlers.context import Ctx

_KEYS = {"console_unknown": "access.console_unknown", "foreign_workspace": "access.foreign_workspace",
         "removed": "access.removed",
         "followup_not_yours": "permission.followup_not_yours", "deal_not_yours": "permission.deal_not_yours",
         "note_not_yours": "permission.note_not_yours"}


def refusal(lang: str, key: str, **values: object) -> str:
    """The refusal `key` in `lang`, filled with `values`."""
    return t(lang, _KEYS[key], **values)


def member_name(ctx: "Ctx", member_id: int | None) -> str:
    """A teammate's name, as a refusal names the owner (someone else's row of the same team)."""
    from storage.models import Member

    member = ctx.session.get(Member, member_id) if member_id is not None else None
    return member.name if member is not None and member.team_id == ctx.team.id else "?"
