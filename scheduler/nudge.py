"""The shape the rules produce: one nudge for one member on one local day, and whom it goes to."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from handlers.reply import Choice, Reply
from scheduler.texts import t

KINDS = ("followup", "birthday", "anniversary", "stale_deal", "stay_in_touch", "digest", "deal_alert")


@dataclass(frozen=True)
class Recipient:
    """A member as the scheduler sees them: where to reach them, their zone and language."""

    member_id: int
    name: str
    role: str
    zone: ZoneInfo
    lang: str
    platform: str | None = None
    to: str | None = None
    identity_id: int | None = None

    @property
    def reachable(self) -> bool:
        """Whether there is an account to send to."""
        return self.platform is not None and self.to is not None


@dataclass
class Nudge:
    """One reminder: what, for whom, on which local day, and the words and buttons it carries.

    `(kind, subject, local_day, member_id)` is its key in the ledger. `line` is
    the short form used inside a morning digest.
    """

    kind: str
    member_id: int
    platform: str | None
    to: str | None
    subject: str
    local_day: date
    text: str
    lang: str = "en"
    customer: str | None = None
    customer_id: int | None = None
    due: date | None = None
    choices: list[Choice] = field(default_factory=list)
    line: str = ""
    identity_id: int | None = None
    overdue: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def key(self) -> tuple[str, str, date, int]:
        """The ledger's unique key."""
        return (self.kind, self.subject, self.local_day, self.member_id)

    def reply(self) -> Reply:
        """The message an adapter sends for this nudge alone."""
        return Reply(text=self.text, lang=self.lang, choices=list(self.choices))

    def as_json(self) -> dict[str, Any]:
        """The contract's JSON line: kind, platform, to, text, customer, due."""
        return {"kind": self.kind, "platform": self.platform, "to": self.to, "text": self.text,
                "customer": self.customer, "due": self.due.isoformat() if self.due else None}


def followup_choices(followup_id: int, customer_id: int | None, lang: str) -> list[Choice]:
    """Done, Snooze 1 day, Snooze 1 week, Open: the buttons of a follow-up nudge."""
    choices = [Choice(t(lang, "btn_done"), f"done:{followup_id}"),
               Choice(t(lang, "btn_snooze_day"), f"snooze:{followup_id}:1"),
               Choice(t(lang, "btn_snooze_week"), f"snooze:{followup_id}:7")]
    if customer_id is not None:
        choices.append(Choice(t(lang, "btn_open"), f"open:{customer_id}"))
    return choices


def open_choice(customer_id: int | None, lang: str) -> list[Choice]:
    """Only the Open button (the customer card), for nudges that are not follow-ups."""
    return [Choice(t(lang, "btn_open"), f"open:{customer_id}")] if customer_id is not None else []


Members = dict[int, Recipient]     # the members a rule speaks to, by member id


def nudge_to(kind: str, who: Recipient, subject: str, day: date, text: str, **more: Any) -> Nudge:
    """A nudge of `kind` about `subject` for `who` on their local `day`."""
    return Nudge(kind=kind, member_id=who.member_id, platform=who.platform, to=who.to, subject=subject,
                 local_day=day, text=text, lang=who.lang, identity_id=who.identity_id, **more)
