"""The words the whole product shares: deal stages, interaction channels, member roles, the
languages the bot answers in, what a message can ask for, and the reports a manager can get.

Each is a `StrEnum`: a member *is* its string ("won" == Stage.WON, json.dumps writes "won"),
so rows, JSON and the contract keep their plain values while the code names them once. The
store holds the same values under CHECK constraints (migration 0009).
"""
from __future__ import annotations

from enum import StrEnum


class Stage(StrEnum):
    """Where a deal stands. Open stages move forward in this order; won and lost close it."""

    LEAD = "lead"
    QUALIFIED = "qualified"
    PROPOSAL = "proposal"
    NEGOTIATION = "negotiation"
    WON = "won"
    LOST = "lost"


OPEN_STAGES: tuple[Stage, ...] = (Stage.LEAD, Stage.QUALIFIED, Stage.PROPOSAL, Stage.NEGOTIATION)
CLOSED_STAGES: tuple[Stage, ...] = (Stage.WON, Stage.LOST)
FUNNEL_STAGES: tuple[Stage, ...] = OPEN_STAGES + (Stage.WON,)  # every step a won deal went through


class Channel(StrEnum):
    """How an interaction happened. `NOTE` is the store's plain note, written when the message
    names no channel; a parse never carries it."""

    VISIT = "visit"
    CALL = "call"
    MEETING = "meeting"
    EMAIL = "email"
    MESSAGE = "message"
    NOTE = "note"


# the channels a rep can name (and a parse can carry), in the order reports list them
SPOKEN_CHANNELS: tuple[Channel, ...] = (Channel.VISIT, Channel.CALL, Channel.MEETING, Channel.EMAIL,
                                        Channel.MESSAGE)


class Role(StrEnum):
    """What a member may do: reps log and see their own; managers and admins see the team."""

    REP = "rep"
    MANAGER = "manager"
    ADMIN = "admin"


MANAGER_ROLES: tuple[Role, ...] = (Role.MANAGER, Role.ADMIN)


class Lang(StrEnum):
    """The languages the bot understands and answers in."""

    EN = "en"
    ZH = "zh"
    RU = "ru"


def lang_of(code: str | None) -> Lang | None:
    """One of our languages from a stored or platform code ("ru", "zh-hans", "en_GB"), else None."""
    head = (code or "").lower()[:2]
    return Lang(head) if head in _LANG_CODES else None


_LANG_CODES = frozenset(Lang)


class Intent(StrEnum):
    """What a message asks for. The first seven are the contract's (shared/contracts); the rest
    are chat commands and buttons understood in every language."""

    LOG = "log"
    QUERY_CUSTOMER = "query_customer"
    PIPELINE = "pipeline"
    FOLLOWUPS = "followups"
    ACTIVITY = "activity"
    HELP = "help"
    UNKNOWN = "unknown"
    UNDO = "undo"
    DONE = "done"
    SNOOZE = "snooze"
    CARD = "card"
    CANCEL = "cancel"          # "cancel" to the bot's question: the note it kept is dropped
    ERASE = "erase"            # "delete X": explained, or (an admin) confirmed and erased
    CORRECT = "correct"        # a correction of the last note, a follow-up moved, a complaint resolved
    MERGE = "merge"                  # "merge Acme Corp into Acme Industries"
    RENAME = "rename"                # "rename Acme to Acme Corp": a new name, the old one an alias
    DROP_FOLLOWUP = "drop_followup"  # "delete follow-up 2", or a follow-up's 🗑 button
    ASK_AGAIN = "ask_again"    # an answer to the bot's question that is none of its choices: the question again


CONTRACT_INTENTS: tuple[Intent, ...] = (Intent.LOG, Intent.QUERY_CUSTOMER, Intent.PIPELINE, Intent.FOLLOWUPS,
                                        Intent.ACTIVITY, Intent.HELP, Intent.UNKNOWN)

# the intents that are about a period of time: the contract's parse carries one for them only
PERIOD_INTENTS: tuple[Intent, ...] = (Intent.PIPELINE, Intent.FOLLOWUPS, Intent.ACTIVITY)


class ReportKind(StrEnum):
    """The reports a manager (or a rep, for their own) can ask for in chat and from the CLI."""

    PIPELINE = "pipeline"
    FORECAST = "forecast"
    FUNNEL = "funnel"
    ACTIVITY = "activity"
    LEADERBOARD = "leaderboard"
    SOURCES = "sources"
    TOP = "top"
    QUIET = "quiet"
    OVERDUE = "overdue"
    INQUIRIES = "inquiries"
    LOST = "lost"
    DEALS = "deals"


class Issue(StrEnum):
    """What a note reports beside the interaction, kept open until resolved ("they complained about
    the late delivery", "询价了", "спрашивали про сроки"); `Inquiry.kind` holds it."""

    COMPLAINT = "complaint"
    INQUIRY = "inquiry"


class LeadSource(StrEnum):
    """Where a customer came from, as a note says it ("found us through LinkedIn", "通过展会认识的",
    "пришли с сайта"). The value is what `Customer.source` holds, in the words CSV imports use, so
    the sources report groups chat and imported customers together; an import may hold others."""

    WEBSITE = "website"
    LINKEDIN = "linkedin"
    REFERRAL = "referral"
    TRADE_SHOW = "trade show"
    COLD_CALL = "cold call"
    ADVERTISING = "advertising"
    SOCIAL = "social media"
    PARTNER = "partner"
    INBOUND_EMAIL = "inbound email"


class LostReason(StrEnum):
    """Why a deal was lost, as `Deal.lost_reason` holds it when a note's words name a known reason
    ("they went with a cheaper vendor" is price); other words are kept as written."""

    PRICE = "price"
    COMPETITOR = "competitor"
    BUDGET = "no budget"
    TIMING = "timing"
    NO_DECISION = "no decision"
    FIT = "product fit"
    SILENCE = "no response"


class TouchUnit(StrEnum):
    """The unit of a stay-in-touch cadence ("every 10 days", "每两周", "раз в месяц")."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"


TOUCH_UNIT_DAYS: dict[TouchUnit, int] = {TouchUnit.DAY: 1, TouchUnit.WEEK: 7, TouchUnit.MONTH: 30,
                                         TouchUnit.QUARTER: 91}
