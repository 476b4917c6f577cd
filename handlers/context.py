"""What a handler gets beside the parse: who, which team, the store, the clock."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlmodel import Session

from storage.journal import Journal
from storage.models import ChatState, Member, Team
from storage.vocabulary import Lang


@dataclass
class Ctx:
    """One message's context. `now` is aware; `zone` is the member's time zone."""

    session: Session
    team: Team
    member: Member
    now: datetime
    zone: ZoneInfo
    lang: Lang = Lang.EN
    state: ChatState | None = None
    text: str = ""
    platform: str = "console"
    message_id: str | None = None
    context_minutes: int = 30
    llm: Any = None
    journal: Journal | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def today(self) -> date:
        """The member's local date."""
        return self.now.astimezone(self.zone).date()

    @property
    def local_now(self) -> datetime:
        """The current instant in the member's zone."""
        return self.now.astimezone(self.zone)


def journal_of(ctx: Ctx) -> Journal:
    """The journal of the note being written (every write of one message goes through it)."""
    if ctx.journal is None:
        ctx.journal = Journal(ctx.session, ctx.team.id, ctx.member.id, None)  # type: ignore[arg-type]
    return ctx.journal
