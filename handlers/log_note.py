"""A rep's note becomes records: interaction, customer, contact, deal, follow-up — all or nothing."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from handlers.context import Ctx, journal_of
from handlers.labels import lost_reason_label, source_label
from handlers.ask import ask_whose
from handlers.people import upsert_contact
from handlers.refusals import member_name, refusal
from handlers.repeats import repeated
from handlers.reply import Choice, Reply
from handlers.reports import record_note_issue
from handlers.chat_state import save_state, state_of
from handlers.deal_said_again import said_again
from handlers.closed_deals import already_closed, lines_of, nothing_written, tells_more, without_deal
from handlers.resolve import Resolved, resolve_customer
from handlers.stage_names import StageNames
from handlers.texts import clock, day, money, month_day, t
from handlers.understanding.languages import cues
from handlers.understanding.model import Parse
from storage.customers import contacts_of, name_key, open_deal
from storage.models import Contact, Customer, Deal, FollowUp, Interaction, StageChange, stored_id
from storage.permissions import Action, check
from storage.reminders import remind_instant
from storage.team_settings import CONTACT_TOUCH
from storage.team_stages import stage_in_use, team_stages
from storage.vocabulary import CLOSED_STAGES, OPEN_STAGES, Channel, Stage



Lines = list[tuple[str, dict]]      # what the reply lists: a text key and its values, in order


async def handle_log(parse: Parse, ctx: Ctx) -> Reply:
    """Write everything the note says, in the caller's one transaction, and list it. Every check
    (a readable day and amount, whose customer, whose birthday, whose deal) comes before any write.
    The same note sent again within a couple of minutes is recorded once (handlers/repeats.py)."""
    again = repeated(ctx)
    if again is not None:
        return again
    unreadable = _unreadable(parse, ctx)
    if unreadable is not None:
        return unreadable
    resolved = resolve_customer(parse, ctx, may_create=True, intent="log")
    if resolved.ask is not None:
        return resolved.ask
    if _whose_birthday_unknown(parse, ctx, resolved.customer):
        contacts = (contacts_of(ctx.session, ctx.team_id, stored_id(resolved.customer))[:5]
                    if resolved.customer is not None else [])
        return ask_whose(ctx, resolved.customer, resolved.new_name, contacts)
    unused = _stage_in_use(parse, ctx)
    deal = _deal_touched(parse, ctx, resolved.customer)
    unchanged: Lines = []
    closed = already_closed(parse, ctx, resolved.customer, deal)
    if closed is not None and resolved.customer is not None:   # "globex signed" once more: no second won deal
        if not tells_more(parse, closed):
            return nothing_written(ctx, resolved.customer, closed)
        parse, unchanged = without_deal(parse), [] if parse.paid is not None else lines_of(ctx, parse, closed)
    unchanged = _payment(parse, ctx, deal or (closed.deal if closed else None)) + unchanged
    plan = _deal_plan(parse, ctx, deal)
    if deal is not None and plan.changes:  # before anything is written: the note lands whole or not at all
        not_yours = _not_yours(ctx, resolved.customer, deal)
        if not_yours is not None:
            return not_yours
    again_said = said_again(parse, ctx, resolved.customer, deal, plan.changes)
    if again_said is not None:      # "сумма 1,8 млн" of a deal at 1,8 млн: no bare "📝" note
        return again_said
    return _write_note(parse, ctx, resolved, deal, plan, unused, unchanged)


def _unreadable(parse: Parse, ctx: Ctx) -> Reply | None:
    """A day or an amount the note holds but the bot could not read: nothing is written, the rep is told."""
    if "bad_date" in parse.problems:
        return Reply(text=t(ctx.lang, "bad_date"), lang=ctx.lang)
    if "amount_without_number" in parse.problems:
        return Reply(text=t(ctx.lang, "bad_amount"), lang=ctx.lang)
    return None


def _payment(parse: Parse, ctx: Ctx, deal: Deal | None) -> Lines:
    """A payment received ("首付款50万到账"): kept with the note's words and named in the reply, never
    taken for the deal's value (its amount stays as it was)."""
    if parse.paid is None:
        return []
    minor = int((parse.paid * 100).to_integral_value())
    currency = parse.paid_currency or (deal.currency if deal is not None else None) or ctx.team.currency
    return [("payment_noted", {"amount": money(minor, currency, ctx.lang)})]


def _touches_deal(parse: Parse) -> bool:
    """Whether the note speaks of a deal: an amount, a close date, or a stage past a first contact
    ("lead" is also what understanding calls any note about a company new to the team; a lead opens a
    deal only when the words say so: "new lead", "prospect"). A first visit or call alone opens no
    deal, so the pipeline holds only deals someone spoke of (README, "What you can say")."""
    return bool((parse.stage and (parse.stage != Stage.LEAD or parse.deal_said)) or parse.amount is not None
                or parse.close_on is not None)


def _deal_touched(parse: Parse, ctx: Ctx, customer: Customer | None) -> Deal | None:
    """The known customer's open deal, when the note says something about a deal."""
    if customer is None or customer.id is None or ctx.team.id is None or not _touches_deal(parse):
        return None
    return open_deal(ctx.session, ctx.team.id, customer.id)


def _not_yours(ctx: Ctx, customer: Customer | None, deal: Deal) -> Reply | None:
    """The refusal when the member may not change this deal (the permission table says who may)."""
    if check(ctx.actor, Action.CHANGE_DEAL, team_id=deal.team_id, owner_id=deal.owner_id):
        return None
    return Reply(text=refusal(ctx.lang, "deal_not_yours", customer=customer.name if customer else "",
                              owner=member_name(ctx, deal.owner_id)), lang=ctx.lang)


def _write_note(parse: Parse, ctx: Ctx, resolved: Resolved, deal: Deal | None, plan: _DealPlan,
                unused: Stage | None, unchanged: Lines) -> Reply:
    """The writes, through the journal (so undo restores them exactly), and the reply that lists them
    (after `unchanged`: what the note said but changed nothing)."""
    journal = journal_of(ctx)
    lines: Lines = []
    customer = resolved.customer
    if customer is None:
        customer = _new_customer(ctx, resolved.new_name or "?", lines)
    note_id = journal.open_note(ctx.platform, ctx.message_id, ctx.text, ctx.now, customer.id)
    state = state_of(ctx)
    contact = upsert_contact(parse, ctx, customer, state, lines)
    if _touches_deal(parse):
        _write_deal(parse, ctx, customer, deal, plan, lines)
    _write_customer_facts(parse, ctx, customer, contact, lines)
    if parse.channel:
        journal.insert(Interaction, team_id=ctx.team.id, customer_id=customer.id,
                       contact_id=contact.id if contact else None, member_id=ctx.member.id,
                       note_id=note_id, channel=parse.channel, text=ctx.text[:4000], at=_when(parse, ctx))
        said = {"channel": t(ctx.lang, f"channel.{parse.channel}")}
        if _when(parse, ctx) != ctx.now and parse.happened_on is not None:
            lines.insert(0, ("interaction_on", {**said, "day": day(parse.happened_on, ctx.lang)}))
        else:
            lines.insert(0, ("interaction", said))
    if parse.followup_on:
        _write_followup(parse, ctx, stored_id(customer), note_id, lines)
    _closing_lines(parse, ctx, customer, note_id, unused, lines)
    lines += unchanged
    if contact is None:                # a title, phone or address with nobody to give it to: said, not kept
        lines += [("contact_fact_unplaced", {"what": t(ctx.lang, f"contact_what.{key}")})
                  for key, value in (("role", parse.contact_role), ("phone", parse.contact_phone),
                                     ("email", parse.contact_email)) if value][:1]
    if any(key != "contact_known" for key, _ in lines):      # said again beside news: no need to say so
        lines = [(key, values) for key, values in lines if key != "contact_known"]
    save_state(ctx, customer_id=customer.id, customer_at=ctx.now, pending=None,
               contact_id=contact.id if contact else (state.contact_id if not resolved.new_name else None))
    return _reply(ctx, customer, note_id, lines, resolved.from_context, resolved.person)


def _when(parse: Parse, ctx: Ctx) -> datetime:
    """When the interaction happened: the day the note tells ("yesterday called Globex", "周一去了华彩")
    at the hour the note was written, else now; never ahead of now."""
    if parse.happened_on is None or parse.happened_on >= ctx.today:
        return ctx.now
    return ctx.now - timedelta(days=(ctx.today - parse.happened_on).days)


def _new_customer(ctx: Ctx, name: str, lines: Lines) -> Customer:
    """A customer the note names for the first time, owned by its writer."""
    customer = Customer(team_id=ctx.team_id, name=name, name_key=name_key(name), owner_id=ctx.member.id,
                        created_by=ctx.member.id, created_at=ctx.now)
    journal_of(ctx).add(customer)
    ctx.new_customer_id = customer.id
    lines.append(("new_customer", {"customer": customer.name}))
    return customer


def _closing_lines(parse: Parse, ctx: Ctx, customer: Customer, note_id: int, unused: Stage | None,
                   lines: Lines) -> None:
    """The note's issue, the words kept when nothing else was recorded (or when the note tells when
    the deal will be signed: the conversation stays in the history), a stage the team does not use,
    and what was refused."""
    journal = journal_of(ctx)
    issue = record_note_issue(ctx, parse.issue, stored_id(customer), note_id)
    if issue:
        lines.append(("raw", {"line": issue}))
    told_close = not parse.channel and any(key == "deal_close" for key, _ in lines)   # "陈总说合同下周一签"
    if not lines or lines == [("raw", {"line": issue})] or told_close:  # keep the words in the customer's history
        journal.insert(Interaction, team_id=ctx.team.id, customer_id=customer.id, contact_id=None,
                       member_id=ctx.member.id, note_id=note_id, channel=Channel.NOTE, text=ctx.text[:4000],
                       at=ctx.now)
        lines.append(("interaction", {"channel": "📝"}))
    if unused is not None and _touches_deal(parse):
        names = StageNames.of(ctx.team.settings)
        lines.append(("stage_unused", {"stage": names(unused, ctx.lang), "used": names(parse.stage or "", ctx.lang)}))
    lines += [(f"refused.{refused.kind}", {"text": refused.text}) for refused in parse.refused]


def _whose_birthday_unknown(parse: Parse, ctx: Ctx, customer: Customer | None) -> bool:
    """A birthday with no contact named, unless it points back at the person of the last note
    ("her birthday is May 5" right after meeting Maria)."""
    if not parse.birthday or parse.contact or ctx.pressed.contact_id or ctx.pressed.contact_name:
        return False
    state = state_of(ctx)
    if customer is not None and state.contact_id and state.customer_id == customer.id and parse.person_back:
        return False
    return True


def _write_followup(parse: Parse, ctx: Ctx, customer_id: int, note_id: int, lines: Lines) -> None:
    """The promised next step, on its local day, and at its time of day when one was said (the
    scheduler then reminds at that instant, besides the morning digest)."""
    assert parse.followup_on is not None
    what = _promise(parse, ctx.text)
    remind_at = remind_instant(parse.followup_on, parse.followup_at, ctx.zone) if parse.followup_at else None
    journal_of(ctx).insert(FollowUp, team_id=ctx.team.id, customer_id=customer_id, member_id=ctx.member.id,
                           note_id=note_id, due=parse.followup_on, what=what, done_at=None, created_at=ctx.now,
                           remind_at=remind_at)
    values = {"day": day(parse.followup_on, ctx.lang), "what": what}
    if parse.followup_at is not None:
        values["time"] = clock(parse.followup_at, ctx.lang)
    timed = "_timed" if parse.followup_at is not None else ""
    if what == _promise(Parse(), ctx.text):  # the note itself: no need to repeat it
        lines.append((f"followup_day{timed}", values))
    else:
        lines.append((f"followup{timed}", values))


def _write_customer_facts(parse: Parse, ctx: Ctx, customer: Customer, contact: Contact | None,
                          lines: Lines) -> None:
    """Where the customer came from and how often to keep in touch, on the customer (undone with the
    note); a cadence said of a person ("keep in touch with Maria every month") is that contact's."""
    journal = journal_of(ctx)
    if parse.source and journal.change(customer, source=parse.source[:100]):
        lines.append(("customer_source", {"source": source_label(parse.source, ctx.lang)}))
    if parse.touch_days and parse.contact and contact is not None and contact.id is not None:
        cadences = dict((customer.custom or {}).get(CONTACT_TOUCH) or {})
        if cadences.get(str(contact.id)) != parse.touch_days:
            cadences[str(contact.id)] = parse.touch_days
            journal.change(customer, custom={**(customer.custom or {}), CONTACT_TOUCH: cadences})
            lines.append(("contact_touch_cadence", {"contact": contact.name, "days": parse.touch_days}))
    elif parse.touch_days and (customer.custom or {}).get("touch_days") != parse.touch_days:
        journal.change(customer, custom={**(customer.custom or {}), "touch_days": parse.touch_days})
        lines.append(("touch_cadence", {"days": parse.touch_days}))


def _deal_facts(parse: Parse, ctx: Ctx, deal: Deal, changes: dict, lines: Lines) -> None:
    """The expected close date and, for a deal lost now, why: as changes of `deal` and reply lines."""
    if parse.close_on is not None and parse.close_on != deal.expected_close \
            and changes.get("stage", deal.stage) not in CLOSED_STAGES:
        changes["expected_close"] = parse.close_on
        lines.append(("deal_close", {"day": day(parse.close_on, ctx.lang)}))
    if parse.lost_reason and changes.get("stage", deal.stage) == Stage.LOST \
            and parse.lost_reason != deal.lost_reason:
        changes["lost_reason"] = parse.lost_reason[:500]
        lines.append(("deal_lost_reason", {"reason": lost_reason_label(parse.lost_reason, ctx.lang)}))


@dataclass
class _DealPlan:
    """What a note does to the customer's open deal: its amount in minor units, its currency, and
    the changes to an existing deal (empty: it changes nothing)."""

    minor: int | None
    currency: str
    changes: dict[str, Any]
    facts: list[tuple[str, dict]]  # reply lines of the close date and lost reason it sets


def _deal_plan(parse: Parse, ctx: Ctx, deal: Deal | None) -> _DealPlan:
    """The deal changes the note asks for, before anything is written (so a refusal writes nothing)."""
    minor = int((Decimal(parse.amount) * 100).to_integral_value()) if parse.amount is not None else None
    held = deal.currency if deal is not None and deal.amount_minor is not None else None
    said = parse.currency if parse.currency_said else None      # a bare amount takes the open deal's currency
    currency = said or held or parse.currency or (deal.currency if deal else None) \
        or cues(parse.lang).LOCAL_CURRENCY or ctx.team.currency
    changes: dict[str, Any] = {}
    facts: list[tuple[str, dict]] = []
    if deal is None:
        return _DealPlan(minor, currency, changes, facts)
    if parse.stage and parse.stage != deal.stage and _moves_forward(deal.stage, parse.stage,
                                                                    team_stages(ctx.team.settings)):
        changes.update(stage=parse.stage, closed_at=ctx.now if parse.stage in CLOSED_STAGES else None)
    if minor is not None and parse.amount_added and deal.amount_minor is not None:
        # "another 15k", "预算再加3万": the deal grows by it; an addition in another currency changes nothing
        minor = deal.amount_minor + minor if currency == deal.currency else deal.amount_minor
        currency = deal.currency or currency
    if minor is not None and (minor != deal.amount_minor or currency != deal.currency):
        changes.update(amount_minor=minor, currency=currency)
    _deal_facts(parse, ctx, deal, changes, facts)
    if changes:
        changes["updated_at"] = ctx.now
        if deal.owner_id is None:  # a deal nobody owned becomes the changer's
            changes["owner_id"] = ctx.member.id
    return _DealPlan(minor, currency, changes, facts)


def _write_deal(parse: Parse, ctx: Ctx, customer: Customer, deal: Deal | None, plan: _DealPlan,
                lines: Lines) -> None:
    journal = journal_of(ctx)
    minor, currency = plan.minor, plan.currency
    if deal is None:
        stage = parse.stage or Stage.LEAD
        deal = Deal(team_id=ctx.team_id, customer_id=stored_id(customer), stage=stage,
                    amount_minor=minor, currency=currency if minor is not None else None,
                    owner_id=ctx.member.id, created_at=ctx.now, updated_at=ctx.now,
                    closed_at=ctx.now if stage in CLOSED_STAGES else None)
        facts: dict = {}
        _deal_facts(parse, ctx, deal, facts, [])
        for key, value in facts.items():
            setattr(deal, key, value)
        journal.add(deal)
        journal.insert(StageChange, team_id=ctx.team.id, deal_id=deal.id, from_stage=None, to_stage=stage,
                       at=ctx.now, member_id=ctx.member.id)
        amount = t(ctx.lang, "amount_after", amount=money(minor, currency, ctx.lang)) if minor is not None else ""
        lines.append(("deal_new", {"stage": StageNames.of(ctx.team.settings)(stage, ctx.lang), "amount": amount}))
        _deal_facts(parse, ctx, Deal(team_id=deal.team_id, customer_id=deal.customer_id, stage=stage), {}, lines)
        return
    if not plan.changes:
        return
    old = deal.stage
    before = (deal.amount_minor, deal.currency)
    journal.change(deal, **plan.changes)
    if "stage" in plan.changes:
        journal.insert(StageChange, team_id=ctx.team.id, deal_id=deal.id, from_stage=old,
                       to_stage=deal.stage, at=ctx.now, member_id=ctx.member.id)
        names = StageNames.of(ctx.team.settings)
        lines.append(("deal_stage", {"old": names(old, ctx.lang), "new": names(deal.stage, ctx.lang)}))
    if "amount_minor" in plan.changes or "currency" in plan.changes:
        lines += _amount_lines(ctx, before, (deal.amount_minor, deal.currency))
    lines += plan.facts


def _amount_lines(ctx: Ctx, before: tuple[int | None, str | None],
                  after: tuple[int | None, str | None]) -> list[tuple[str, dict]]:
    """The deal's amount as it was and as it is now ("$20,000 → 500 000 ₽"), and a plain word when
    the currency changed: a note never changes what a deal is worth silently."""
    (old_minor, old_currency), (new_minor, new_currency) = before, after
    new = money(new_minor, new_currency, ctx.lang) if new_minor is not None else "—"
    if old_minor is None:
        return [("deal_amount", {"amount": new})]
    lines: Lines = [("deal_amount_changed", {
        "old": money(old_minor, old_currency, ctx.lang), "new": new})]
    if old_currency and new_currency and old_currency != new_currency:
        lines.append(("deal_currency_changed", {"old": old_currency, "new": new_currency}))
    return lines


def _promise(parse: Parse, text: str) -> str:
    """What was promised, as the parser phrased it ("call him back", "发方案", "пришлю КП");
    the note itself only when the parser found no phrase."""
    what = (parse.followup_what or "").strip()
    if what:
        return what[:300]
    text = " ".join(text.split())
    return text if len(text) <= 300 else text[:299] + "…"


def _moves_forward(old: str, new: str, used: tuple[Stage, ...]) -> bool:
    """Open stages only move forward, in the team's order (a revised quote in negotiation stays in
    negotiation); a deal left at a stage the team switched off counts as the stage it stands for."""
    if new in CLOSED_STAGES or old not in OPEN_STAGES:
        return True
    order = {stage: i for i, stage in enumerate(used)}
    return order.get(stage_in_use(new, used), 0) > order[stage_in_use(old, used)]


def _stage_in_use(parse: Parse, ctx: Ctx) -> Stage | None:
    """A note's stage the team has switched off counts as the nearest stage it uses before it
    (storage.team_stages.stage_in_use); the stage said, when it was switched off, else None."""
    if not parse.stage or parse.stage not in OPEN_STAGES:
        return None
    used = stage_in_use(parse.stage, team_stages(ctx.team.settings))
    if used == parse.stage:
        return None
    said, parse.stage = Stage(parse.stage), used
    return said


def _reply(ctx: Ctx, customer: Customer, note_id: int, lines: Lines,
           from_context: bool, person: str | None = None) -> Reply:
    text = [t(ctx.lang, "recorded", customer=customer.name)]
    for key, values in lines:
        if key == "raw":
            text.append("• " + values["line"])
            continue
        if key == "birthday":
            values = {"contact": values["contact"], "day": month_day(values["mm_dd"], ctx.lang)}
        text.append("• " + t(ctx.lang, key, **values))
    if from_context:
        text.append(t(ctx.lang, "context_used", customer=customer.name))
    elif person:
        text.append(t(ctx.lang, "person_used", customer=customer.name, contact=person))
    text.append(t(ctx.lang, "undo_hint"))
    token = f"undo:{note_id}"
    return Reply(text="\n".join(text), lang=ctx.lang, undo_token=token, wrote=True,
                 choices=[Choice(label=t(ctx.lang, "undo_button"), data=token)])
