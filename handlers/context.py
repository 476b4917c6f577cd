"""What a handler gets beside the parse: who, which team, the store, the clock, and what a
pressed button or a picked answer carried."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Callable, Literal, Sequence
from zoneinfo import ZoneInfo

from sqlmodel import Session

from handlers.llm_usage import Meter
from storage.journal import Journal
from storage.models import ChatState, Member, Team, stored_id
from storage.permissions import Actor
from storage.vocabulary import Lang

CardAnswer = Literal["save", "cancel"]


@dataclass(frozen=True)
class Pressed:
    """What a button or a numbered answer pointed at, beside the words of the message: the note to
    undo, the follow-up to close or snooze (and by how many days), the business card to save or
    drop, the customer opened or picked. Empty for a typed message."""

    note_id: int | None = None
    followup_id: int | None = None
    days: int | None = None
    due: date | None = None          # the day a follow-up's button moves it to (a named move's choice)
    card: CardAnswer | None = None
    customer_id: int | None = None   # the message is about this customer, whatever it names
    new_customer: str | None = None  # the message is about a new customer of this name (an answer)
    erase_id: int | None = None      # the customer an admin confirmed to erase
    contact_id: int | None = None    # the note's contact (the answer to "whose birthday?")
    contact_name: str | None = None  # a new contact of this name (the answer to "whose birthday?")
    merge_ids: tuple[int, int] | None = None   # the customers a merge's button picked: (duplicate, kept)
    keep_note: bool = False          # "Keep it" to "take back your note from days ago?": nothing is undone


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
    pressed: Pressed = field(default_factory=Pressed)
    meter: Meter | None = None               # the member's LLM budget for today
    new_customer_id: int | None = None       # the customer this very message created
    lapsed: str | None = None                # a kept note whose question this message let lapse
    undo_asked: bool = False                 # "undo" answered a pending question: it cancels the question
    fix_held: bool = False                   # a correction typed while a note is kept unrecorded: it waits
    known: Callable[[], tuple[Sequence[str], dict[str, str]]] | None = None  # the team's customer names, aliases

    @property
    def today(self) -> date:
        """The member's local date."""
        return self.now.astimezone(self.zone).date()

    @property
    def team_id(self) -> int:
        """The id of the member's team."""
        return stored_id(self.team)

    @property
    def member_id(self) -> int:
        """The id of the member who wrote."""
        return stored_id(self.member)

    @property
    def actor(self) -> Actor:
        """Who acts, as the permission table sees them (storage.permissions)."""
        return Actor(stored_id(self.member), stored_id(self.team), self.member.role)

    @property
    def local_now(self) -> datetime:
        """The current instant in the member's zone."""
        return self.now.astimezone(self.zone)


def journal_of(ctx: Ctx) -> Journal:
    """The journal of the note being written (every write of one message goes through it)."""
    if ctx.journal is None:
        ctx.journal = Journal(ctx.session, ctx.team_id, ctx.member_id, None)
    return ctx.journal
