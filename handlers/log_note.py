"""A rep's note becomes records: interaction, customer, contact, deal, follow-up — all or nothing."""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from handlers.context import Ctx, Pressed, journal_of
from handlers.note_deal import (DealPlan, Lines, another_deal, deal_plan, deal_touched, opens_beside,
                                switched_off_stage,
                                touches_deal, write_deal)
from handlers.followup_instead import move_instead, move_said
from handlers.labels import source_label
from handlers.ask import ask_whose
from handlers.letters import settle_letter
from handlers.people import upsert_contact
from handlers.refusals import member_name, refusal
from handlers.reopen import lost_to_reopen, reopen_plan
from handlers.repeats import repeated
from handlers.reply import Choice, Reply
from handlers.reports import record_note_issue
from handlers.chat_state import save_state, state_of
from handlers.deal_said_again import said_again
from handlers.closed_deals import already_closed, lines_of, nothing_written, tells_more, tells_rest, without_deal
from handlers.resolve import Resolved, resolve_customer
from handlers.stage_names import StageNames
from handlers.texts import clock, day, money, month_day, t
from handlers.understanding.llm.parts import UNCONFIRMED
from handlers.understanding.model import Parse, Refusal
from storage.customers import contacts_of, name_key, open_deal
from storage.models import Contact, Customer, Deal, FollowUp, Interaction, stored_id
from storage.permissions import Action, check
from storage.reminders import remind_instant
from storage.team_settings import CONTACT_TOUCH
from storage.vocabulary import Channel, Stage





async def handle_log(parse: Parse, ctx: Ctx) -> Reply:
    """Write everything the note says, in the caller's one transaction, and list it. Every check
    (a readable day and amount, whose customer, whose birthday, whose deal) comes before any write.
    The same note sent again within a couple of minutes is recorded once (handlers/repeats.py).
    A note about several customers in turn (`parse.others`) is one note: each part is written under
    its own customer, a part that cannot be (or whose new name the model did not confirm) is said so, and
    one undo takes it all back."""
    again = repeated(ctx)
    if again is not None:
        return again
    unreadable = _unreadable(parse, ctx)
    if unreadable is not None:
        return unreadable
    settle_letter(parse, ctx)             # a pasted message: its sender, or whom our own letter greets
    first = _ready(parse, _part_ctx(ctx, parse, first=True), several=bool(parse.others))
    if isinstance(first, Reply):
        return first
    parts: list[_Ready | Parse] = []
    for other in parse.others:
        ready = _ready(other, _part_ctx(ctx, other, first=False), several=True) \
            if _unreadable(other, ctx) is None and UNCONFIRMED not in other.problems else None
        customers = [p.resolved.customer for p in (first, *parts) if isinstance(p, _Ready)]
        unclear = not isinstance(ready, _Ready) or (ready.resolved.customer is not None
                                                    and ready.resolved.customer in customers)
        parts.append(other if unclear else ready)        # type: ignore[arg-type]
    return _write_note(ctx, first, parts)


@dataclass
class _Ready:
    """One customer's part of a note, checked and planned, before anything is written."""

    parse: Parse
    ctx: Ctx                    # the message's context, with the part's own words as its text
    resolved: Resolved
    deal: Deal | None
    plan: DealPlan
    unused: Stage | None
    unchanged: Lines


def _part_ctx(ctx: Ctx, parse: Parse, first: bool) -> Ctx:
    """The context a part of a note about several customers is written in: its own words (for its
    visit, follow-up and history) and the note's one journal; a button pressed answers the first part."""
    if not parse.words:
        return ctx
    journal_of(ctx)
    return replace(ctx, text=parse.words) if first else replace(ctx, text=parse.words, pressed=Pressed())


def _ready(parse: Parse, ctx: Ctx, several: bool = False) -> _Ready | Reply:
    """The part checked and its deal change planned; the reply instead when it cannot be written
    (a question to ask, a refusal, nothing new to write). A part of a note about `several` customers that
    only repeats its closed deal keeps its words and says the deal is closed, so the other parts are
    written too."""
    resolved = resolve_customer(parse, ctx, may_create=True, intent="log")
    if resolved.ask is not None:
        return resolved.ask
    if _whose_birthday_unknown(parse, ctx, resolved.customer):
        contacts = (contacts_of(ctx.session, ctx.team_id, stored_id(resolved.customer))[:5]
                    if resolved.customer is not None else [])
        return ask_whose(ctx, resolved.customer, resolved.new_name, contacts)
    unused = switched_off_stage(parse, ctx)
    deal = deal_touched(parse, ctx, resolved.customer)
    unchanged: Lines = []
    closed = already_closed(parse, ctx, resolved.customer, deal)
    if closed is not None and resolved.customer is not None:   # "globex signed" once more: no second won deal
        if not tells_more(parse, closed) and not several:
            return nothing_written(ctx, resolved.customer, closed)
        parse, unchanged = without_deal(parse), [] if parse.paid is not None else lines_of(ctx, parse, closed)
    unchanged = _payment(parse, ctx, deal or (closed.deal if closed else None)) + unchanged
    beside = _open_beside(parse, ctx, resolved.customer, deal)
    if beside is not None:        # "又下了一单 … 2.4万": a new deal opens, the open one keeps its sum
        unchanged.append(_kept(ctx, beside))
    plan = deal_plan(parse, ctx, deal)
    lost = lost_to_reopen(parse, ctx, resolved.customer, deal)
    if lost is not None:                 # "back on", "还没丢，客户又回来了": the lost deal reopens
        deal, plan = lost, reopen_plan(parse, ctx, lost)
    refusal = _not_yours(ctx, resolved.customer, deal) if deal is not None and plan.changes else None
    if deal is not None and refusal is not None:
        # a colleague's deal: her own new figure opens her own deal beside it; a move of theirs is left out,
        # and the rest of the note (a call, a contact, a follow-up) is recorded, the reply says what was not
        if opens_beside(parse, plan, deal):
            unchanged = unchanged + [_kept(ctx, deal)]
        elif tells_rest(parse):
            parse = without_deal(parse)
            unchanged = unchanged + [("deal_not_yours_left", {"owner": member_name(ctx, deal.owner_id)})]
        else:
            return refusal
        deal = None
        plan = deal_plan(parse, ctx, deal)
    again_said = said_again(parse, ctx, resolved.customer, deal, plan.changes)
    if again_said is not None:      # "сумма 1,8 млн" of a deal at 1,8 млн: no bare "📝" note
        return again_said
    return _Ready(parse, ctx, resolved, deal, plan, unused, unchanged)


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


def _open_beside(parse: Parse, ctx: Ctx, customer: Customer | None, deal: Deal | None) -> Deal | None:
    """The customer's open deal a note speaking of a deal of its own opens a new one beside, if any."""
    if not parse.new_deal or deal is not None or customer is None or customer.id is None or not touches_deal(parse):
        return None
    beside = open_deal(ctx.session, ctx.team_id, customer.id, ctx.member.id)
    return beside if beside is not None and another_deal(parse, beside) else None


def _kept(ctx: Ctx, deal: Deal) -> tuple[str, dict]:
    """The reply's line that the customer's open deal (the writer's, or a colleague's) was left as it is."""
    currency = deal.currency or ctx.team.currency
    amount = t(ctx.lang, "amount_after", amount=money(deal.amount_minor, currency, ctx.lang)) \
        if deal.amount_minor is not None else ""
    if deal.owner_id in (None, ctx.member.id):
        return ("deal_open_kept", {"amount": amount})
    return ("deal_colleague_kept", {"owner": member_name(ctx, deal.owner_id), "amount": amount})


def _not_yours(ctx: Ctx, customer: Customer | None, deal: Deal) -> Reply | None:
    """The refusal when the member may not change this deal (the permission table says who may)."""
    if check(ctx.actor, Action.CHANGE_DEAL, team_id=deal.team_id, owner_id=deal.owner_id):
        return None
    return Reply(text=refusal(ctx.lang, "deal_not_yours", customer=customer.name if customer else "",
                              owner=member_name(ctx, deal.owner_id)), lang=ctx.lang)


def _write_note(ctx: Ctx, first: _Ready, others: list[_Ready | Parse]) -> Reply:
    """The writes, through the journal (so undo restores them exactly), and the reply that lists them:
    the first customer's, then each other part's (or that it was not recorded)."""
    lines: Lines = []
    customer = first.resolved.customer or _new_customer(first.ctx, first.resolved.new_name or "?", lines)
    note_id = journal_of(ctx).open_note(ctx.platform, ctx.message_id, ctx.text, ctx.now, customer.id)
    contact = _write_part(first, customer, note_id, lines)
    parts: list[tuple[Customer | None, Lines]] = [(customer, lines)]
    for other in others:
        if isinstance(other, _Ready):
            more: Lines = []
            written = other.resolved.customer or _new_customer(other.ctx, other.resolved.new_name or "?", more)
            _write_part(other, written, note_id, more)
            parts.append((written, more))
        else:
            parts.append((None, [("part_not_recorded", {"text": other.words or other.summary or ""})]))
    state = state_of(ctx)
    save_state(ctx, customer_id=customer.id, customer_at=ctx.now, pending=None,
               contact_id=contact.id if contact else (state.contact_id if not first.resolved.new_name else None))
    return _reply(ctx, parts, note_id, first.resolved.from_context, first.resolved.person)


def _write_part(ready: _Ready, customer: Customer, note_id: int, lines: Lines) -> Contact | None:
    """One customer's part of the note written under `note_id`, its reply lines added to `lines`;
    the contact it names."""
    parse, ctx, journal = ready.parse, ready.ctx, journal_of(ready.ctx)
    state = state_of(ctx)
    contact = upsert_contact(parse, ctx, customer, state, lines)
    if contact is not None:                 # "… and her boss Tom Hardy": each person met is a contact too
        for met in parse.met_too:
            upsert_contact(Parse(lang=parse.lang, contact=met.name, contact_role=met.role, contact_phone=met.phone,
                                 contact_email=met.email, birthday=met.birthday), ctx, customer, state, lines)
    if touches_deal(parse) or (ready.deal is not None and ready.plan.changes):
        write_deal(parse, ctx, customer, ready.deal, ready.plan, lines)
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
    _closing_lines(parse, ctx, customer, note_id, ready.unused, lines)
    lines += ready.unchanged
    if contact is None:                # a title, phone or address with nobody to give it to: said, not kept
        lines += [("contact_fact_unplaced", {"what": t(ctx.lang, f"contact_what.{key}")})
                  for key, value in (("role", parse.contact_role), ("phone", parse.contact_phone),
                                     ("email", parse.contact_email)) if value][:1]
    else:                              # an address carrying someone else's name: nobody's, said so
        lines += [("contact_fact_unplaced", {"what": t(ctx.lang, f"contact_what.{key}")}) for key in parse.unplaced][:1]
    if any(key != "contact_known" for key, _ in lines):      # said again beside news: no need to say so
        lines[:] = [(key, values) for key, values in lines if key != "contact_known"]
    return contact


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


# the deal's news a note's words stay beside: a new deal, a stage moved, a close day, why it was lost (an amount
# changed alone stays the deal's change: "wrong customer" after it moves nothing, handlers/correct_customer.py)
_DEAL_NEWS = frozenset({"deal_new", "deal_stage", "deal_close", "deal_lost_reason", "deal_not_yours_left"})


def _closing_lines(parse: Parse, ctx: Ctx, customer: Customer, note_id: int, unused: Stage | None,
                   lines: Lines) -> None:
    """The note's issue, the words kept when nothing else was recorded (or when the note tells when
    the deal will be signed: the conversation stays in the history), a stage the team does not use,
    and what was refused."""
    journal = journal_of(ctx)
    issue = record_note_issue(ctx, parse.issue, stored_id(customer), note_id)
    if issue:
        lines.append(("raw", {"line": issue}))
    # a note whose news is the deal's ("globex signed!", "Гранит: отправила КП на 300 тыс", "陈总说合同下周一签"):
    # its words stay in the customer's history as a 📝, as any note's do
    deal_news = not parse.channel and (any(key in _DEAL_NEWS for key, _ in lines)
                                       or any(r.kind in (Refusal.HEDGED, Refusal.INVOICE) for r in parse.refused))
    # "might drop to 55k", "invoice #4411 for 12k still unpaid": the words are where the value is kept
    part = bool(parse.words) and not parse.channel      # one customer's part of a recap: its own words stay with it
    if not lines or lines == [("raw", {"line": issue})] or deal_news or part:  # the words stay in its history
        journal.insert(Interaction, team_id=ctx.team.id, customer_id=customer.id, contact_id=None,
                       member_id=ctx.member.id, note_id=note_id, channel=Channel.NOTE, text=ctx.text[:4000],
                       at=ctx.now)
        lines.append(("interaction", {"channel": "📝"}))
    if unused is not None and touches_deal(parse):
        names = StageNames.of(ctx.team.settings)
        lines.append(("stage_unused", {"stage": names(unused, ctx.lang), "used": names(parse.stage or "", ctx.lang)}))
    lines += [(f"refused.{refused.kind}", {"text": refused.text}) for refused in parse.refused]
    if parse.side_question:             # "… btw when is their contract end date again?": recorded, not answered
        lines.append(("side_question", {"text": parse.side_question[:200]}))


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
    if parse.moved_from is not None or parse.moves:   # "call next tuesday instead of today", "发方案改到下周一":
        line = (move_instead(ctx, customer_id, parse.moved_from, parse.followup_on, parse.followup_at)  # it moves
                if parse.moved_from is not None else None)
        if line is None and parse.moves:
            line = move_said(ctx, customer_id, parse.followup_what or "", parse.followup_on, parse.followup_at)
        if line is not None:
            lines.append(line)
            return
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


def _promise(parse: Parse, text: str) -> str:
    """What was promised, as the parser phrased it ("call him back", "发方案", "пришлю КП");
    the note itself only when the parser found no phrase."""
    what = (parse.followup_what or "").strip()
    if what:
        return what[:300]
    text = " ".join(text.split())
    return text if len(text) <= 300 else text[:299] + "…"


def _reply(ctx: Ctx, parts: list[tuple[Customer | None, Lines]], note_id: int,
           from_context: bool, person: str | None = None) -> Reply:
    """Each customer's lines under its name (a part not recorded: its line alone), and the one undo."""
    text: list[str] = []
    for customer, lines in parts:
        if customer is not None:
            text.append(t(ctx.lang, "recorded", customer=customer.name))
        for key, values in lines:
            if key == "raw":
                text.append("• " + values["line"])
                continue
            if key == "birthday":
                values = {"contact": values["contact"], "day": month_day(values["mm_dd"], ctx.lang)}
            text.append(("• " if customer is not None else "") + t(ctx.lang, key, **values))
    customer = parts[0][0]
    assert customer is not None
    if from_context:
        text.append(t(ctx.lang, "context_used", customer=customer.name))
    elif person:
        text.append(t(ctx.lang, "person_used", customer=customer.name, contact=person))
    text.append(t(ctx.lang, "undo_hint"))
    token = f"undo:{note_id}"
    return Reply(text="\n".join(text), lang=ctx.lang, undo_token=token, wrote=True,
                 choices=[Choice(label=t(ctx.lang, "undo_button"), data=token)])
