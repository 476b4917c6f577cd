"""Corrections fix the record in place: the last note's follow-up day, deal amount or stage, a
contact's title, phone or name, or its customer (the whole note moves); a named follow-up moved
("move the hooli follow-up to next monday", "snooze 1 to monday"); a complaint resolved.

A correction writes through the journal under a note of its own, so its reply shows before →
after and "undo" takes back exactly the correction. It changes only what the member may change:
their own notes' rows, their own follow-ups, deals they own (a manager: the team's). When nothing
in the message can be applied, a message that reads as a note is recorded as one. A contact's
fields are corrected in handlers/correct_contact.py, a note's customer in handlers/correct_customer.py;
what every correction shares is handlers/correction.py.
"""
from __future__ import annotations

from datetime import date, time, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlmodel import col

from handlers.context import Ctx, journal_of
from handlers.correct_contact import contact_fixed, names_a_contact
from handlers.correct_customer import last_logged, move_note, says_known_other
from handlers.correction import Asked, Fixed, Refusal, may, open_note, open_once, refused, row_written, touched
from handlers.followups import same_day
from handlers.labels import lost_reason_label
from handlers.log_note import handle_log
from handlers.move_contact import contact_moved
from handlers.reply import Choice, Reply
from handlers.chat_state import state_of
from handlers.stage_names import StageNames
from handlers.texts import day, money, t
from handlers.understanding import understand
from handlers.understanding.intents import drop_day
from handlers.understanding.fixes import (bare_amount, contact_fix, day_word, move, names_other_customer,
                                         new_value_text, resolved, swapped_customer)
from handlers.understanding.amounts import find_amounts
from handlers.understanding.lang import detect
from handlers.understanding.followup_words import span
from handlers.understanding.matching import match_known
from handlers.understanding.model import Parse
from storage.customers import customers_named, deals_of, open_deal
from storage.inquiries import numbered
from storage.models import AuditLog, Customer, Deal, FollowUp, Inquiry, Note, StageChange, stored_id
from storage.reminders import moved, remind_instant
from storage.team_stages import moves_forward, stage_in_use, team_stages
from storage.vocabulary import CLOSED_STAGES, Intent, Stage


async def handle_correct(parse: Parse, ctx: Ctx) -> Reply:
    """Apply the correction; a note when there is nothing to correct; the reason when it may not
    be made (every check comes before the first write, so nothing is written then)."""
    try:
        fixed = _complaint(ctx, parse) or contact_moved(ctx, parse) or _moved_followup(ctx, parse) \
            or _last_note_fix(ctx, parse)
    except Refusal as refusal:
        return Reply(text=str(refusal), lang=ctx.lang)
    except Asked as asked:
        return asked.reply
    if fixed is None or not fixed.lines:
        if parse.works_at is not None and not parse.contact:
            parse.contact = parse.works_at.who      # "Dana works at Northgate" with no Dana yet: a new contact there
        if parse.customer or parse.channel or parse.stage or parse.amount is not None or parse.followup_on:
            parse.intent = Intent.LOG
            return await handle_log(parse, ctx)
        return Reply(text=t(ctx.lang, "fix_nothing"), lang=ctx.lang)
    name = fixed.customer.name if fixed.customer else "?"
    token = f"undo:{journal_of(ctx).note_id}"
    text = "\n".join([t(ctx.lang, "fixed", customer=name), *("• " + line for line in fixed.lines),
                      t(ctx.lang, "undo_hint")])
    return Reply(text=text, lang=ctx.lang, undo_token=token, wrote=True,
                 choices=[Choice(label=t(ctx.lang, "undo_button"), data=token)])


def _complaint(ctx: Ctx, parse: Parse) -> Fixed | None:
    number = resolved(ctx.text, parse.lang)
    if number is None:
        return None
    row = numbered(ctx.session, ctx.team_id, number)
    if row is None or row.id is None:
        return refused(ctx, "fix_no_complaint", n=number)
    customer = ctx.session.get(Customer, row.customer_id)
    if row.status == "resolved":
        return refused(ctx, "fix_already_resolved", n=number)
    open_note(ctx, row.customer_id)
    journal_of(ctx).update(Inquiry, row.id, status="resolved", resolved_at=ctx.now, resolved_by=ctx.member.id)
    return Fixed(customer=customer, lines=[t(ctx.lang, "fix_resolved", n=number, text=row.text[:80])])


def _day_of(text: str, ctx: Ctx, lang: str) -> tuple[date, time | None] | None:
    """The day a follow-up is moved to, and its time of day when one is said ("周三上午10点")."""
    for said in (text, f"{day_word(lang)} {text}"):
        parse = understand(said, ctx.local_now)
        if parse.followup_on is not None:
            return parse.followup_on, parse.followup_at
    return None


def _moved_followup(ctx: Ctx, parse: Parse) -> Fixed | None:
    asked = move(ctx.text, parse.lang)
    if asked is None:
        return None
    when = _day_of(asked.when, ctx, parse.lang)
    days = span(asked.when, parse.lang) if when is None and asked.what.isdigit() else None
    if when is None and days is None:
        return None
    follow: FollowUp | None = None
    if asked.what.isdigit():
        listed = state_of(ctx).listed or []
        index = int(asked.what)
        if 1 <= index <= len(listed):
            follow = ctx.session.get(FollowUp, listed[index - 1])
    else:
        customer = _customer_named(ctx, asked.what)
        if customer is None:
            return refused(ctx, "unknown_customer", name=asked.what)
        follow = ctx.session.execute(
            select(FollowUp).where(col(FollowUp.team_id) == ctx.team.id, col(FollowUp.customer_id) == customer.id,
                                   col(FollowUp.done_at).is_(None))
            .order_by(col(FollowUp.member_id) != ctx.member.id, col(FollowUp.due), col(FollowUp.id))).scalars().first()
    if follow is None or follow.team_id != ctx.team.id or follow.done_at is not None:
        return refused(ctx, "done_which" if asked.what.isdigit() else "fix_no_followup", customer=asked.what)
    if not may(ctx, follow.member_id):
        return refused(ctx, "fix_not_yours")
    # "snooze 1 a week", "отложи 2 на неделю", "把1推迟一周": later by the span, from its day (or today, when overdue)
    later = max(follow.due, ctx.local_now.date()) + timedelta(days=days or 0)
    new_day, at = when if when is not None else (later, None)
    same = same_day(ctx, follow, new_day)
    if same is not None:
        raise Refusal(same)
    open_note(ctx, follow.customer_id)
    return Fixed(customer=ctx.session.get(Customer, follow.customer_id), lines=[_set_due(ctx, follow, new_day, at)])


def _set_due(ctx: Ctx, follow: FollowUp, new_day: date, at: time | None = None) -> str:
    before = follow.due
    remind_at = remind_instant(new_day, at, ctx.zone) if at is not None else moved(follow.remind_at, new_day, ctx.zone)
    journal_of(ctx).update(FollowUp, stored_id(follow), due=new_day, remind_at=remind_at)
    return t(ctx.lang, "fix_followup", before=day(before, ctx.lang), after=day(new_day, ctx.lang))


def _customer_named(ctx: Ctx, words: str) -> Customer | None:
    names, aliases = ctx.known() if ctx.known else ((), {})
    match = match_known(words, names, aliases)
    name = match.name or (words.strip() if len(words.split()) <= 4 else None)
    found = customers_named(ctx.session, ctx.team_id, name) if name else []
    return found[0] if len(found) == 1 else None


def _last_note(ctx: Ctx) -> Note | None:
    return ctx.session.execute(
        select(Note).where(col(Note.team_id) == ctx.team.id, col(Note.member_id) == ctx.member.id,
                           col(Note.undone_at).is_(None)).order_by(col(Note.id).desc()).limit(1)).scalars().first()


def _last_note_fix(ctx: Ctx, parse: Parse) -> Fixed | None:
    """A correction of the member's last note: its customer (the whole note moves), a contact's
    title, phone or name, or the follow-up day, deal amount or stage it wrote. None when the
    correction names another customer than the note's, or there is no note to correct."""
    note = _last_note(ctx)
    if note is None:
        return None
    entries = touched(ctx, note)
    customer = ctx.session.get(Customer, note.customer_id) if note.customer_id else None
    swap = swapped_customer(ctx.text, parse.lang)
    named = contact_fix(ctx.text, parse.lang)
    old = swap.old if swap is not None else (named.who if named is not None and named.field == "name" else None)
    if old and names_a_contact(ctx, note, entries, customer, old):
        return contact_fixed(ctx, parse, note, entries, customer)      # "its Marie not Maria": a person's name
    if names_other_customer(ctx.text, parse.lang) or says_known_other(ctx, parse, customer) or swap is not None:
        logged = last_logged(ctx)  # past corrections of it: the note that filed things
        if logged is None:
            return None
        note, entries = logged
        was = ctx.session.get(Customer, note.customer_id) if note.customer_id else None
        if swap is not None and not _same_customer(ctx, swap.old, was):
            return refused(ctx, "fix_which_customer")   # "it was X, not Y" where the note is not Y's
        return move_note(ctx, parse, note, entries, was, named=swap.new if swap else None)
    if parse.customer_known and customer is not None and parse.customer != customer.name:
        return None     # "созвон с Обьречтрансом в понедельник а не во вторник" after another customer's note
    return contact_fixed(ctx, parse, note, entries, customer) or _record_fixed(ctx, parse, note, entries, customer)


def _same_customer(ctx: Ctx, said: str, customer: Customer | None) -> bool:
    """True when `said` ("Уралхиммаша", "globex") names `customer`."""
    if customer is None:
        return False
    names, aliases = ctx.known() if ctx.known else ((), {})
    return match_known(said, names, aliases).name == customer.name


def _record_fixed(ctx: Ctx, parse: Parse, note: Note, entries: list[AuditLog], customer: Customer | None) -> Fixed:
    """The follow-up day, deal amount or stage the note wrote (or the customer's latest ones), set to
    the new value the correction says; the deal only by a member who may change it."""
    said = new_value_text(ctx.text, parse.lang)
    read = understand(said, ctx.local_now)
    said_day = _day_of(said, ctx, parse.lang) if read.followup_on is None else None
    new_day = read.followup_on or (said_day[0] if said_day else None)
    written = row_written(ctx, entries, FollowUp)
    deal = row_written(ctx, entries, Deal) or (open_deal(ctx.session, ctx.team_id, stored_id(customer))
                                         or _closed_deal_named(ctx, customer, said) if customer is not None else None)
    if written is None and new_day is not None and read.close_on is None and deal is not None \
            and deal.expected_close is not None and _close_set(entries, deal):
        # "no, signing is wednesday not tuesday" of a note that set the expected close: the close moves, never a
        # follow-up the note did not write (a demo booked earlier)
        read.close_on, new_day = _in_its_week(said, parse.lang, ctx, deal.expected_close, new_day), None
    follow = written or (_latest_followup(ctx, stored_id(customer)) if customer is not None else None)
    if deal is not None and read.amount is None and not read.stage and new_day is None:
        read.amount = bare_amount(said, ctx.text, deal.amount_minor)
    if deal is not None and (read.amount is not None or read.stage) and not may(ctx, deal.owner_id):
        return refused(ctx, "fix_not_yours")
    if new_day is not None and follow is not None:
        new_day = _in_its_week(said, parse.lang, ctx, follow.due, new_day)
    lines: list[str] = []
    same = same_day(ctx, follow, new_day) if new_day is not None and follow is not None \
        and follow.done_at is None and read.amount is None and not read.stage else None
    if same is not None:
        raise Refusal(same)                     # "no, on Friday" of a follow-up already on Friday
    if new_day is not None and follow is not None and follow.done_at is None and new_day != follow.due:
        open_note(ctx, note.customer_id)
        lines.append(_set_due(ctx, follow, new_day))
    if deal is not None and read.amount is not None:
        lines += _fix_amount(ctx, note, deal, read.amount, read.currency)
    if read.stage:                              # a stage the team switched off counts as the one before it
        read.stage = stage_in_use(read.stage, team_stages(ctx.team.settings))
    if deal is not None and read.amount is not None and read.stage == Stage.QUALIFIED \
            and moves_forward(Stage.QUALIFIED, deal.stage, team_stages(ctx.team.settings)):
        read.stage = None       # "不对，预算是45万", "no, the budget is 45k": the budget word names the amount
    if deal is not None and read.stage and read.stage != deal.stage:
        reason = (read.lost_reason or understand(ctx.text, ctx.local_now).lost_reason) \
            if read.stage == Stage.LOST else None       # "no, lost not won. they went elsewhere, price"
        lines += _fix_stage(ctx, note, entries, deal, read.stage, reason)
    if deal is not None and read.close_on is not None and read.close_on != deal.expected_close \
            and deal.stage not in CLOSED_STAGES and may(ctx, deal.owner_id):
        lines.append(_fix_close(ctx, note, deal, read.close_on))   # "ещё на переговорах, подпишут в понедельник"
    return Fixed(customer=customer, lines=lines)


def _close_set(entries: list[AuditLog], deal: Deal) -> bool:
    """True when the note set `deal`'s expected close (opened it with one, or changed it)."""
    return any(entry.table_name == Deal.__tablename__ and entry.row_id == deal.id
               and "expected_close" in (entry.after or {}) and (entry.after or {}).get("expected_close") is not None
               and (entry.action == "update" or entry.action == "create") for entry in entries)


def _closed_deal_named(ctx: Ctx, customer: Customer, said: str) -> Deal | None:
    """A won or lost deal of the customer whose amount the correction names as the old value ("the amount
    is 29.5k, not 29,750" of a deal won at $29,750): that deal, never a new one opened beside it."""
    named = {int(amount.value * 100) for amount in find_amounts(ctx.text, detect(ctx.text))}
    for deal in deals_of(ctx.session, ctx.team_id, stored_id(customer)):
        if deal.stage in CLOSED_STAGES and deal.amount_minor and (deal.amount_minor in named
                                                                  or bare_amount(said, ctx.text, deal.amount_minor)):
            return deal
    return None


def _fix_close(ctx: Ctx, note: Note, deal: Deal, close_on: date) -> str:
    """The open deal's expected close set to the day the correction says the signature is."""
    before = day(deal.expected_close, ctx.lang) if deal.expected_close is not None else "—"
    open_once(ctx, note)
    journal_of(ctx).update(Deal, stored_id(deal), expected_close=close_on, updated_at=ctx.now)
    return t(ctx.lang, "fix_close", before=before, after=day(close_on, ctx.lang))


def _in_its_week(said: str, lang: str, ctx: Ctx, due: date, new_day: date) -> date:
    """A bare weekday correcting a follow-up due in a later week ("no, friday not wednesday" of next
    Wednesday's, "改到周五" of next Thursday's) means that week's day, not this week's."""
    _, _, by_weekday = drop_day(said, lang, ctx.today)
    if not by_weekday or _monday(due) <= _monday(new_day):
        return new_day
    moved = _monday(due) + timedelta(days=new_day.weekday())
    return moved if moved > ctx.today else new_day


def _monday(day_: date) -> date:
    return day_ - timedelta(days=day_.weekday())


def _fix_amount(ctx: Ctx, note: Note, deal: Deal, amount: Decimal, currency: str | None) -> list[str]:
    """The deal's amount (and currency, when said) set; its line, or none when nothing changes."""
    minor = int((Decimal(amount) * 100).to_integral_value())
    currency = currency or deal.currency or ctx.team.currency
    if (minor, currency) == (deal.amount_minor, deal.currency):
        return []
    before = money(deal.amount_minor, deal.currency, ctx.lang) if deal.amount_minor is not None else "—"
    open_once(ctx, note)
    journal_of(ctx).update(Deal, stored_id(deal), amount_minor=minor, currency=currency, updated_at=ctx.now)
    return [t(ctx.lang, "fix_amount", before=before, after=money(minor, currency, ctx.lang))]


def _fix_stage(ctx: Ctx, note: Note, entries: list[AuditLog], deal: Deal, stage: Stage,
               reason: str | None) -> list[str]:
    """The deal set to `stage` (lost with the `reason` the correction gives, which the lost-reasons report
    reads); the lines that say before → after and why. When the corrected note itself
    moved the deal ("globex signed", then "no, still negotiating"), its history row is corrected in
    place (proposal → negotiation, or no row at all when the deal is back where the note found it):
    the history, the funnel and the team's activity never show a win that did not happen."""
    open_once(ctx, note)
    stage_before = deal.stage
    journal = journal_of(ctx)
    made = _stage_change_of(ctx, entries, deal)
    journal.update(Deal, stored_id(deal), stage=stage, updated_at=ctx.now,
                   closed_at=ctx.now if stage in CLOSED_STAGES else None,
                   lost_reason=reason[:500] if reason and stage == Stage.LOST else None)
    if made is None:
        journal.insert(StageChange, team_id=ctx.team.id, deal_id=deal.id, from_stage=stage_before,
                       to_stage=stage, at=ctx.now, member_id=ctx.member.id)
    elif made.from_stage == stage:
        journal.delete(made)
    else:
        journal.update(StageChange, stored_id(made), to_stage=stage)
    names = StageNames.of(ctx.team.settings)
    lines = [t(ctx.lang, "fix_stage", before=names(stage_before, ctx.lang), after=names(stage, ctx.lang))]
    if reason and stage == Stage.LOST:
        lines.append(t(ctx.lang, "deal_lost_reason", reason=lost_reason_label(reason, ctx.lang)))
    return lines


def _stage_change_of(ctx: Ctx, entries: list[AuditLog], deal: Deal) -> StageChange | None:
    """The deal's latest history row the corrected note wrote (made, or itself corrected), if it is
    still the deal's latest: a later move by someone else is history of its own."""
    for entry in reversed(entries):
        if entry.table_name != StageChange.__tablename__ or entry.action not in ("create", "update") \
                or entry.row_id is None:
            continue
        row = ctx.session.get(StageChange, entry.row_id)
        if row is None or row.deal_id != deal.id or row.to_stage != deal.stage:
            continue
        latest = ctx.session.execute(select(StageChange).where(col(StageChange.deal_id) == deal.id)
                                     .order_by(col(StageChange.id).desc()).limit(1)).scalars().first()
        return row if latest is not None and latest.id == row.id else None
    return None


def _latest_followup(ctx: Ctx, customer_id: int) -> FollowUp | None:
    """The member's open follow-up with the customer written last (a correction after a correction)."""
    return ctx.session.execute(
        select(FollowUp).where(col(FollowUp.team_id) == ctx.team.id, col(FollowUp.customer_id) == customer_id,
                               col(FollowUp.member_id) == ctx.member.id, col(FollowUp.done_at).is_(None))
        .order_by(col(FollowUp.id).desc()).limit(1)).scalars().first()
