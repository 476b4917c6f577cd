"""The parse: what the bot understood from one message, before it touches the store.

The contract's fields (shared/contracts/README.md) plus what the handlers need
beside them. `to_json()` gives exactly the contract's object (plus extras under
their own names), so `crmbot parse` and the scorer see one shape.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from storage.vocabulary import PERIOD_INTENTS, Channel, Intent, Issue, Lang, ReportKind, Stage

if TYPE_CHECKING:
    from handlers.understanding.works_at import WorksAt

CONTRACT_FIELDS = ("lang", "intent", "customer", "contact", "channel", "stage", "amount",
                   "currency", "followup_on", "birthday", "period")


class Refusal(StrEnum):
    """Why a value written in a note was left out of the record (the reply names it)."""

    DATE_TOO_FAR = "date_too_far"          # a date after 2100 ("follow up on 9999-12-31")
    NEGATIVE_AMOUNT = "negative_amount"    # "proposal -$5000"
    AMOUNT_TOO_LARGE = "amount_too_large"  # beyond any deal
    TIME_PASSED = "time_passed"            # "today at 9am", written at ten
    HEDGED = "hedged"                      # "they might drop to 55k": a maybe, not the deal's amount
    INVOICE = "invoice"                    # "invoice #4411 for 12k still unpaid": money on an earlier sale


@dataclass(frozen=True)
class Refused:
    """A value the note holds and the record does not, as it was written."""

    kind: Refusal
    text: str


class SearchKind(StrEnum):
    """What a search looks for."""

    CONTACT = "contact"        # people, by name
    PHONE = "phone"            # people, by a phone number's digits
    CUSTOMERS = "customers"    # customers, by segment, source, tag, city or a word of their name


@dataclass(frozen=True)
class Search:
    """One lookup: its kind and the words (a name, a number's digits, a trait) as written."""

    kind: SearchKind
    words: str
    otherwise: ReportKind | None = None    # a report the words name too, given when no customer has the trait


@dataclass(frozen=True)
class TeamMember:
    """A member of the writer's team as understanding knows them: their id and display name."""

    id: int
    name: str


@dataclass(frozen=True)
class SettingAsk:
    """A team setting an admin asks to change in chat: its name (storage.team_settings.Setting), the
    value as written, and the open stage it is about (a probability)."""

    name: str
    value: str
    stage: str | None = None


@dataclass
class Met:
    """A person met beside the note's contact: a contact of the customer too, with what the note gives them."""

    name: str
    role: str | None = None
    phone: str | None = None
    email: str | None = None
    birthday: str | None = None     # "MM-DD": a birthday the note gives this person ("Priya's bday is 14 march")


@dataclass
class Parse:
    """One message, understood. Contract fields first, then the handlers' extras."""

    lang: Lang = Lang.EN
    intent: Intent = Intent.UNKNOWN
    customer: str | None = None
    contact: str | None = None
    channel: Channel | None = None
    stage: Stage | None = None
    amount: Decimal | None = None
    currency: str | None = None
    followup_on: date | None = None
    birthday: str | None = None  # "MM-DD"
    period: tuple[date, date] | None = None  # printed for the period intents; any report question keeps its own

    # -- extras (not scored; used by the handlers) --
    id: str | None = None
    customer_known: bool = False          # `customer` is one of the known names
    customer_candidates: list[str] = field(default_factory=list)  # >1 when ambiguous
    told_apart: bool = False              # a new `customer` the rep tells apart from a known look-alike ("different
                                          # company", "не Стройторг Плюс", "新客户"): recorded new, never asked about
    refers_back: bool = False             # "them", "им", "他们": the customer of the last note
    person_back: bool = False             # "her", "его", "她": a note's fact is about the person of the last note
    currency_said: bool = True            # the note writes the currency ("450 тыс" alone does not: an open deal's holds)
    contact_role: str | None = None       # "CFO", "главный инженер", "采购部经理"
    contact_phone: str | None = None
    contact_email: str | None = None
    contact_alias: str | None = None      # the contact's nickname in brackets ("张总（老张）", "Андрей (Дрон)")
    followup_what: str | None = None      # what was promised ("send the quote")
    followup_at: time | None = None       # the time of day of the follow-up, local ("tomorrow at 3pm")
    happened_on: date | None = None       # the local day it happened, when a past day is told ("yesterday called")
    refused: list[Refused] = field(default_factory=list)  # values written but not taken
    close_on: date | None = None          # the deal's expected close ("they expect to close by Dec 15")
    stage_back: bool = False              # the stage is said as gone back to ("went back to proposal"): the deal moves back
    deal_said: bool = False               # the words name the stage ("new lead", "want a quote"), not only a first contact
    lost_reason: str | None = None        # why the deal was lost: a LostReason value, or the writer's words
    source: str | None = None             # where the customer came from: a LeadSource value, or the writer's words
    touch_days: int | None = None         # keep in touch every so many days ("every 10 days", "раз в месяц")
    done_ref: int | None = None           # "done 2", "delete follow-up 2": which listed follow-up
    drop_on: date | None = None           # "delete the follow-up for Friday": the day of the follow-up to delete
    drop_weekday: bool = False            # that day was said by its weekday (it may mean the one just past)
    moved_from: date | None = None        # "move friday's call to monday": the day of the follow-up to move
    moves: bool = False                   # the note's step is said as moved to its day ("the proposal moves to monday",
                                          # "КП перенёс на понедельник", "发方案改到下周一"): an open one moves, no new one
    snooze_days: int | None = None        # "snooze globex a week": how many days later (`followup_on`: to which day)
    step_said: str | None = None          # which of the customer's follow-ups a command means, by its words ("snooze golden
                                          # lotus demo to friday": "demo"; "把金城地产的发方案推迟到周五": "的发方案")
    merge: tuple[str, str] | None = None  # "merge A into B": (the duplicate, the customer kept), as written
    merge_known: tuple[str | None, str | None] = (None, None)  # the known customer each side may mean (spelt otherwise)
    rename: tuple[str, str] | None = None  # "rename A to B": (the customer as written, its new name)
    summary: str | None = None            # the note's text, cleaned, for the interaction
    problems: list[str] = field(default_factory=list)  # e.g. "bad_date", "amount_without_number"
    confidence: float = 1.0
    setting: SettingAsk | None = None     # a team setting to change (see understanding.setting_words)
    search: Search | None = None          # a lookup the question asks for (see understanding.search_words)
    report: ReportKind | None = None      # the report the message asks for (see understanding.report_words)
    mine: bool = False                    # it asks about the writer's own figures ("my pipeline", "我的", "мои")
    members: tuple[TeamMember, ...] = ()  # the team's members a report question names ("Anna's pipeline"): >1 asks which
    period_compared: tuple[date, date] | None = None   # a second period set beside `period` ("this quarter vs last")
    members_compared: bool = False        # the members named are set side by side ("сравни Павла и Марину"), each by
                                          # words of their own: no choice between namesakes
    member_asked: str | None = None       # the name a report question puts where a member goes ("what did Zed do")
    issue: Issue | None = None            # the note reports a complaint or an inquiry, kept open until resolved
    rows_asked: int | None = None         # how many lines a report question asks for ("top 5 deals", "前五", "топ-10")
    won_asked: bool = False               # a deals question asks about deals won ("biggest deals won this year")
    history: bool = False                 # a question about a customer asks for its whole history ("globex history")
    undo_by_cancel: bool = False          # an undo said with a word that also dismisses ("cancel", "отмена", "取消")
    new_deal: bool = False                # a deal of its own beside the customer's open one ("new order", "又下了一单")
    reopens: bool = False                 # a loss taken back ("not lost, they came back", "back on", "还没丢")
    amount_revised: bool = False          # the amount is said as the deal's figure revised ("revised quote", "пересчитали")
    amount_added: bool = False            # the amount is added to the deal's ("another 15k", "再加3万", "ещё 300 тыс")
    paid: Decimal | None = None           # a payment received ("首付款50万到账", "first payment of 500k came in"):
    paid_currency: str | None = None      # its amount and currency, never the deal's value
    others: list["Parse"] = field(default_factory=list)  # the other customers' parts of a note about several
    words: str | None = None              # a part's own words, when the note is about several customers
    partner: bool = False                 # this part is the partner's, in a note about a distributor and its end customer
    met_too: list[Met] = field(default_factory=list)  # people met beside the contact, each with their own title, phone, e-mail
    unplaced: list[str] = field(default_factory=list)
    addressee: str | None = None          # whom a message pasted in greets ("Dear Mr. Chen", "陈经理你好"): never its contact
    side_question: str | None = None      # a question to the bot said beside the note: recorded, said unanswered
    works_at: "WorksAt | None" = None     # "Jorge works at Pacific Supply, not Harlow": whose person a contact is  # "phone", "email": a detail no person of the note can be given

    def to_json(self) -> dict[str, Any]:
        """The contract's object: dates as ISO strings, amount as a number."""
        out: dict[str, Any] = {}
        if self.id is not None:
            out["id"] = self.id
        for name in CONTRACT_FIELDS:
            out[name] = getattr(self, name)
        out["amount"] = _number(self.amount)
        out["followup_on"] = self.followup_on.isoformat() if self.followup_on else None
        out["period"] = ({"from": self.period[0].isoformat(), "to": self.period[1].isoformat()}
                         if self.period and self.intent in PERIOD_INTENTS else None)
        for name in ("customer_candidates", "refers_back", "contact_role", "contact_phone",
                     "contact_email", "followup_what", "done_ref", "merge", "problems", "confidence"):
            value = getattr(self, name)
            if value not in (None, [], False):
                out[name] = list(value) if isinstance(value, list) else value
        if self.followup_at is not None:
            out["followup_at"] = self.followup_at.strftime("%H:%M")
        if self.happened_on is not None:
            out["happened_on"] = self.happened_on.isoformat()
        if self.close_on is not None:
            out["close_on"] = self.close_on.isoformat()
        for name in ("amount_added", "new_deal", "amount_revised", "reopens"):
            if getattr(self, name):
                out[name] = True
        if self.paid is not None:
            out["paid"] = {"amount": _number(self.paid), "currency": self.paid_currency}
        for name in ("lost_reason", "source", "touch_days", "issue"):
            if getattr(self, name) is not None:
                out[name] = getattr(self, name)
        if self.refused:
            out["refused"] = [{"kind": str(r.kind), "text": r.text} for r in self.refused]
        return out


def _number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)
