"""Corrections fix the record in place: the last note's follow-up day, deal amount or stage, a
contact's title, phone or name, or its customer (the whole note moves); a named follow-up moved
("move the hooli follow-up to next monday", "snooze 1 to monday"); a complaint resolved.

A correction writes through the journal under a note of its own, so its reply shows before →
after and "undo" takes back exactly the correction. It changes only what the member may change:
their own notes' rows, their own follow-ups, deals they own (a manager: the team's). When nothing
in the message can be applied, a message that reads as a note is recorded as one.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import TypeVar

from sqlalchemy import select
from sqlmodel import SQLModel, col

from handlers.context import Ctx, journal_of
from handlers.followups import same_day
from handlers.ask import ask
from handlers.log_note import handle_log
from handlers.reply import Choice, Reply
from handlers.chat_state import save_state, state_of
from handlers.stage_names import StageNames
from handlers.texts import day, money, t
from handlers.understanding import understand
from handlers.understanding.fixes import (ContactFix, bare_amount, contact_fix, day_word, move,
                                          names_other_customer, new_value_text, resolved, says_customer)
from handlers.understanding.matching import match_known
from handlers.understanding.model import Parse
from handlers.understanding.same_name import names_contact
from handlers.understanding.unnamed import company_guess
from storage.customers import customers_named, name_key, open_deal
from storage.models import (AuditLog, Contact, Customer, Deal, FollowUp, Inquiry, Interaction, Note, StageChange)
from storage.reminders import moved
from storage.values import typed_row
from storage.team_settings import stage_in_use, team_stages
from storage.vocabulary import CLOSED_STAGES, MANAGER_ROLES, Intent, Stage
from storage.models import stored_id, table_of

Row = TypeVar("Row", bound=SQLModel)
_MOVABLE = (Interaction, FollowUp, Contact, Deal, Inquiry)  # rows a note files under its customer


@dataclass
class Fixed:
    """What a correction changed, as reply lines, and the customer it is about."""

    customer: Customer | None = None
    lines: list[str] = field(default_factory=list)


async def handle_correct(parse: Parse, ctx: Ctx) -> Reply:
    """Apply the correction; a note when there is nothing to correct; the reason when it may not
    be made (every check comes before the first write, so nothing is written then)."""
    try:
        fixed = _complaint(ctx, parse) or _moved_followup(ctx, parse) or _last_note_fix(ctx, parse)
    except _Refusal as refusal:
        return Reply(text=str(refusal), lang=ctx.lang)
    except _Asked as asked:
        return asked.reply
    if fixed is None or not fixed.lines:
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


def _may(ctx: Ctx, owner_id: int | None) -> bool:
    """A rep changes only their own follow-ups and deals; a manager or an admin, the team's."""
    return ctx.member.role in MANAGER_ROLES or owner_id in (None, ctx.member.id)


def _open(ctx: Ctx, customer_id: int | None) -> int:
    return journal_of(ctx).open_note(ctx.platform, ctx.message_id, ctx.text, ctx.now, customer_id)


def _complaint(ctx: Ctx, parse: Parse) -> Fixed | None:
    number = resolved(ctx.text, parse.lang)
    if number is None:
        return None
    row = ctx.session.get(Inquiry, number)
    if row is None or row.team_id != ctx.team.id:
        return _refused(ctx, "fix_no_complaint", n=number)
    customer = ctx.session.get(Customer, row.customer_id)
    if row.status == "resolved":
        return _refused(ctx, "fix_already_resolved", n=number)
    _open(ctx, row.customer_id)
    journal_of(ctx).update(Inquiry, number, status="resolved", resolved_at=ctx.now, resolved_by=ctx.member.id)
    return Fixed(customer=customer, lines=[t(ctx.lang, "fix_resolved", n=number, text=row.text[:80])])


def _refused(ctx: Ctx, key: str, **values: object) -> Fixed:
    raise _Refusal(t(ctx.lang, key, **values))


class _Refusal(Exception):
    """A correction that cannot be made, with the reply that says why."""


def _day_of(text: str, ctx: Ctx, lang: str) -> date | None:
    for said in (text, f"{day_word(lang)} {text}"):
        parse = understand(said, ctx.local_now)
        if parse.followup_on is not None:
            return parse.followup_on
    return None


def _moved_followup(ctx: Ctx, parse: Parse) -> Fixed | None:
    asked = move(ctx.text, parse.lang)
    if asked is None:
        return None
    new_day = _day_of(asked.when, ctx, parse.lang)
    if new_day is None:
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
            return _refused(ctx, "unknown_customer", name=asked.what)
        follow = ctx.session.execute(
            select(FollowUp).where(col(FollowUp.team_id) == ctx.team.id, col(FollowUp.customer_id) == customer.id,
                                   col(FollowUp.done_at).is_(None))
            .order_by(col(FollowUp.member_id) != ctx.member.id, col(FollowUp.due), col(FollowUp.id))).scalars().first()
    if follow is None or follow.team_id != ctx.team.id or follow.done_at is not None:
        return _refused(ctx, "done_which" if asked.what.isdigit() else "fix_no_followup", customer=asked.what)
    if not _may(ctx, follow.member_id):
        return _refused(ctx, "fix_not_yours")
    same = same_day(ctx, follow, new_day)
    if same is not None:
        raise _Refusal(same)
    _open(ctx, follow.customer_id)
    return Fixed(customer=ctx.session.get(Customer, follow.customer_id), lines=[_set_due(ctx, follow, new_day)])


def _set_due(ctx: Ctx, follow: FollowUp, new_day: date) -> str:
    before = follow.due
    journal_of(ctx).update(FollowUp, stored_id(follow), due=new_day,
                           remind_at=moved(follow.remind_at, new_day, ctx.zone))
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


def _last_logged(ctx: Ctx, depth: int = 6) -> tuple[Note, list[AuditLog]] | None:
    """The member's latest note that filed rows under a customer (not a correction of one)."""
    notes = ctx.session.execute(
        select(Note).where(col(Note.team_id) == ctx.team.id, col(Note.member_id) == ctx.member.id,
                           col(Note.undone_at).is_(None)).order_by(col(Note.id).desc()).limit(depth)).scalars()
    movable = {model.__tablename__ for model in _MOVABLE}
    for note in notes:
        entries = _touched(ctx, note)
        if any(e.action == "create" and e.table_name in movable for e in entries):
            return note, entries
    return None


def _touched(ctx: Ctx, note: Note) -> list[AuditLog]:
    return list(ctx.session.execute(select(AuditLog).where(col(AuditLog.note_id) == note.id)
                                    .order_by(col(AuditLog.id))).scalars())


def _last_note_fix(ctx: Ctx, parse: Parse) -> Fixed | None:
    """A correction of the member's last note: its customer (the whole note moves), a contact's
    title, phone or name, or the follow-up day, deal amount or stage it wrote. None when the
    correction names another customer than the note's, or there is no note to correct."""
    note = _last_note(ctx)
    if note is None:
        return None
    entries = _touched(ctx, note)
    customer = ctx.session.get(Customer, note.customer_id) if note.customer_id else None
    if names_other_customer(ctx.text, parse.lang) or _says_known_other(ctx, parse, customer):
        logged = _last_logged(ctx)  # past corrections of it: the note that filed things
        if logged is None:
            return None
        note, entries = logged
        was = ctx.session.get(Customer, note.customer_id) if note.customer_id else None
        return _move_note(ctx, parse, note, entries, was)
    if parse.customer_known and customer is not None and parse.customer != customer.name:
        return None     # "созвон с Обьречтрансом в понедельник а не во вторник" after another customer's note
    return _contact_fixed(ctx, parse, note, entries, customer) or _record_fixed(ctx, parse, note, entries, customer)


def _says_known_other(ctx: Ctx, parse: Parse, customer: Customer | None) -> bool:
    """"actually it was globex", "其实是星辰科技", "вообще-то это был Вектор": a known customer other
    than the last note's, named as the one the note was about."""
    if not says_customer(ctx.text, parse.lang):
        return False
    names, aliases = ctx.known() if ctx.known else ((), {})
    named = match_known(ctx.text, names, aliases).name
    return named is not None and (customer is None or named != customer.name)


def _contact_fixed(ctx: Ctx, parse: Parse, note: Note, entries: list[AuditLog],
                   customer: Customer | None) -> Fixed | None:
    """A contact's title, phone or name, corrected ("her title is CFO, not CTO")."""
    fix = contact_fix(ctx.text, parse.lang)
    if fix is None:
        return None
    if fix.who and (customer is None or _contact(ctx, note, entries, customer, fix.who) is None):
        return _team_contact_fixed(ctx, fix)        # a contact of another customer, found by name
    contact = _contact(ctx, note, entries, customer, fix.who)
    if contact is None:
        return None
    _open(ctx, note.customer_id)
    column = {"role": "role", "phone": "phone", "name": "name"}[fix.field]
    before = getattr(contact, column) or "—"
    journal_of(ctx).update(Contact, stored_id(contact), **{column: fix.value})
    return Fixed(customer=customer, lines=[t(ctx.lang, f"fix_contact_{fix.field}", contact=contact.name
                                             if fix.field != "name" else before,
                                             before=before, after=fix.value)])


def _team_contact_fixed(ctx: Ctx, fix: ContactFix) -> Fixed | None:
    """"change maria's title to CEO" of a contact the last note did not touch: the team's contact of
    that name (asked about with a button per customer when two customers have one)."""
    people = [p for p in ctx.session.execute(select(Contact).where(col(Contact.team_id) == ctx.team.id)
                                             .order_by(col(Contact.id))).scalars()
              if names_contact(p.name, fix.who or "")]
    if ctx.pressed.customer_id is not None:
        people = [p for p in people if p.customer_id == ctx.pressed.customer_id]
    if not people:
        return None
    customers = list({p.customer_id: ctx.session.get(Customer, p.customer_id) for p in people}.values())
    if len(people) > 1:
        if len(customers) > 1:
            raise _Asked(ask(ctx, [c for c in customers if c is not None][:4], None, "fix_which_contact",
                             contact=fix.who or "?"))
        return _refused(ctx, "fix_which_contact_same", contact=fix.who or "?",
                        names=", ".join(p.name for p in people[:4]))
    contact = people[0]
    column = {"role": "role", "phone": "phone", "name": "name"}[fix.field]
    before = getattr(contact, column) or "—"
    if before == fix.value:
        return _refused(ctx, "fix_contact_same", contact=contact.name, value=fix.value)
    _open(ctx, contact.customer_id)
    journal_of(ctx).update(Contact, stored_id(contact), **{column: fix.value})
    return Fixed(customer=ctx.session.get(Customer, contact.customer_id),
                 lines=[t(ctx.lang, f"fix_contact_{fix.field}", contact=contact.name if fix.field != "name" else before,
                          before=before, after=fix.value)])


class _Asked(Exception):
    """A correction that needs an answer first: the question, with the message kept."""

    def __init__(self, reply: Reply):
        super().__init__("asked")
        self.reply = reply


def _record_fixed(ctx: Ctx, parse: Parse, note: Note, entries: list[AuditLog], customer: Customer | None) -> Fixed:
    """The follow-up day, deal amount or stage the note wrote (or the customer's latest ones), set to
    the new value the correction says; the deal only by a member who may change it."""
    said = new_value_text(ctx.text, parse.lang)
    read = understand(said, ctx.local_now)
    new_day = read.followup_on or _day_of(said, ctx, parse.lang)
    follow = _row(ctx, entries, FollowUp) or (_latest_followup(ctx, stored_id(customer))
                                               if customer is not None else None)
    deal = _row(ctx, entries, Deal) or (open_deal(ctx.session, ctx.team_id, stored_id(customer))
                                         if customer is not None else None)
    if deal is not None and read.amount is None and not read.stage and new_day is None:
        read.amount = bare_amount(said, ctx.text, deal.amount_minor)
    if deal is not None and (read.amount is not None or read.stage) and not _may(ctx, deal.owner_id):
        return _refused(ctx, "fix_not_yours")
    lines: list[str] = []
    same = same_day(ctx, follow, new_day) if new_day is not None and follow is not None \
        and follow.done_at is None and read.amount is None and not read.stage else None
    if same is not None:
        raise _Refusal(same)                     # "no, on Friday" of a follow-up already on Friday
    if new_day is not None and follow is not None and follow.done_at is None and new_day != follow.due:
        _open(ctx, note.customer_id)
        lines.append(_set_due(ctx, follow, new_day))
    if deal is not None and read.amount is not None:
        lines += _fix_amount(ctx, note, deal, read.amount, read.currency)
    if read.stage:                              # a stage the team switched off counts as the one before it
        read.stage = stage_in_use(read.stage, team_stages(ctx.team.settings))
    if deal is not None and read.stage and read.stage != deal.stage:
        lines.append(_fix_stage(ctx, note, entries, deal, read.stage))
    return Fixed(customer=customer, lines=lines)


def _open_once(ctx: Ctx, note: Note) -> None:
    """The correction's own note, opened by its first write."""
    if journal_of(ctx).note_id is None:
        _open(ctx, note.customer_id)


def _fix_amount(ctx: Ctx, note: Note, deal: Deal, amount: Decimal, currency: str | None) -> list[str]:
    """The deal's amount (and currency, when said) set; its line, or none when nothing changes."""
    minor = int((Decimal(amount) * 100).to_integral_value())
    currency = currency or deal.currency or ctx.team.currency
    if (minor, currency) == (deal.amount_minor, deal.currency):
        return []
    before = money(deal.amount_minor, deal.currency, ctx.lang) if deal.amount_minor is not None else "—"
    _open_once(ctx, note)
    journal_of(ctx).update(Deal, stored_id(deal), amount_minor=minor, currency=currency, updated_at=ctx.now)
    return [t(ctx.lang, "fix_amount", before=before, after=money(minor, currency, ctx.lang))]


def _fix_stage(ctx: Ctx, note: Note, entries: list[AuditLog], deal: Deal, stage: Stage) -> str:
    """The deal set to `stage`; the line that says before → after. When the corrected note itself
    moved the deal ("globex signed", then "no, still negotiating"), its history row is corrected in
    place (proposal → negotiation, or no row at all when the deal is back where the note found it):
    the history, the funnel and the team's activity never show a win that did not happen."""
    _open_once(ctx, note)
    stage_before = deal.stage
    journal = journal_of(ctx)
    made = _stage_change_of(ctx, entries, deal)
    journal.update(Deal, stored_id(deal), stage=stage, updated_at=ctx.now,
                   closed_at=ctx.now if stage in CLOSED_STAGES else None)
    if made is None:
        journal.insert(StageChange, team_id=ctx.team.id, deal_id=deal.id, from_stage=stage_before,
                       to_stage=stage, at=ctx.now, member_id=ctx.member.id)
    elif made.from_stage == stage:
        journal.delete(made)
    else:
        journal.update(StageChange, stored_id(made), to_stage=stage)
    names = StageNames.of(ctx.team.settings)
    return t(ctx.lang, "fix_stage", before=names(stage_before, ctx.lang), after=names(stage, ctx.lang))


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


def _row(ctx: Ctx, entries: list[AuditLog], model: type[Row]) -> Row | None:
    """The row of `model` the note created or changed last, if it is still there."""
    table = model.__tablename__
    for entry in reversed(entries):
        if entry.table_name == table and entry.action in ("create", "update") and entry.row_id is not None:
            row = ctx.session.get(model, entry.row_id)
            if row is not None:
                return row
    return None


def _contact(ctx: Ctx, note: Note, entries: list[AuditLog], customer: Customer | None,
             who: str | None) -> Contact | None:
    if who and customer is not None:
        people = ctx.session.execute(select(Contact).where(col(Contact.team_id) == ctx.team.id,
                                                           col(Contact.customer_id) == customer.id)).scalars().all()
        wanted = who.lower()
        for person in people:
            if person.name.lower() == wanted or person.name.lower().split()[0] == wanted \
                    or person.name.lower().startswith(wanted):
                return person
        return None
    touched = _row(ctx, entries, Contact)
    if isinstance(touched, Contact):
        return touched
    state = state_of(ctx)
    return ctx.session.get(Contact, state.contact_id) if state.contact_id else None


def _move_note(ctx: Ctx, parse: Parse, note: Note, entries: list[AuditLog], old: Customer | None) -> Fixed | None:
    """"wrong customer, it was Initech": every row the last note filed under its customer moves."""
    names, aliases = ctx.known() if ctx.known else ((), {})
    match = match_known(ctx.text, names, aliases)
    target = None
    if match.name and (old is None or match.name != old.name):
        found = customers_named(ctx.session, ctx.team_id, match.name)
        target = found[0] if len(found) == 1 else None
    for entry in entries:  # every check before the first write
        if entry.table_name == Deal.__tablename__ and entry.row_id is not None:
            deal = ctx.session.get(Deal, entry.row_id)
            if deal is not None and not _may(ctx, deal.owner_id):
                return _refused(ctx, "fix_not_yours")
    if target is None:
        said = parse.customer or company_guess(ctx.text, parse.lang)
        new_name = said if said and (old is None or said != old.name) else None
        if not new_name:
            return _refused(ctx, "fix_which_customer")
        target = Customer(team_id=ctx.team_id, name=new_name,
                          name_key=_key(new_name), owner_id=ctx.member.id, created_by=ctx.member.id,
                          created_at=ctx.now)
        journal_of(ctx).add(target)
        _open(ctx, target.id)
    else:
        _open(ctx, target.id)
    journal = journal_of(ctx)
    created = {(e.table_name, e.row_id) for e in entries if e.action == "create"}
    for model in _MOVABLE:
        for table, row_id in created:
            if table == model.__tablename__ and row_id is not None:
                row = ctx.session.get(model, row_id)
                if row is not None and getattr(row, "customer_id", None) == note.customer_id:
                    journal.update(model, row_id, customer_id=target.id)
    _move_deal_changes(ctx, entries, target)
    journal.update(Note, stored_id(note), customer_id=stored_id(target))
    save_state(ctx, customer_id=target.id, customer_at=ctx.now)
    if old is not None and ("customer", stored_id(old)) in created and not _used(ctx, stored_id(old)):
        journal.delete(old)  # the note had made it, and nothing of it is left
    return Fixed(customer=target, lines=[t(ctx.lang, "fix_customer", before=old.name if old else "?",
                                           after=target.name)])


def _used(ctx: Ctx, customer_id: int) -> bool:
    """True when any row still points at the customer."""
    for model in (*_MOVABLE, Note):
        table = table_of(model)
        if ctx.session.execute(select(table.c.id).where(table.c.customer_id == customer_id).limit(1)).first():
            return True
    return False


def _move_deal_changes(ctx: Ctx, entries: list[AuditLog], target: Customer) -> None:
    """A change the note made to the old customer's existing deal goes back, and is made on the
    new customer's open deal (a new one when it has none)."""
    journal = journal_of(ctx)
    for entry in entries:
        if entry.table_name != Deal.__tablename__ or entry.action != "update" or not entry.before:
            continue
        deal = ctx.session.get(Deal, entry.row_id)
        if deal is None:
            continue
        before = typed_row(table_of(Deal), entry.before)
        after = typed_row(table_of(Deal), entry.after or {})
        journal.update(Deal, stored_id(deal), **before)
        mine = open_deal(ctx.session, ctx.team_id, stored_id(target))
        if mine is None:
            values = {k: v for k, v in after.items() if k in ("stage", "amount_minor", "currency", "closed_at")}
            mine = Deal(team_id=ctx.team_id, customer_id=stored_id(target), owner_id=ctx.member_id,
                        created_at=ctx.now, updated_at=ctx.now, **values)
            journal.add(mine)
        else:
            journal.update(Deal, stored_id(mine), **after)
        for change in entries:
            if change.table_name == StageChange.__tablename__ and change.action == "create" and change.row_id:
                journal.update(StageChange, change.row_id, deal_id=mine.id)


def _key(name: str) -> str:
    return name_key(name)


