"""A note filed under the wrong customer, corrected ("wrong customer, it was Initech", "actually
it was globex"): every row the note filed moves to the customer named (made when new), a change
it made to the old customer's deal goes back and is made on the new one's, and the old customer
goes when the note had made it and nothing of it is left."""
from __future__ import annotations


from sqlalchemy import select
from sqlmodel import col

from handlers.context import Ctx, journal_of
from handlers.chat_state import save_state
from handlers.correction import MOVABLE, Fixed, Refusal, may, open_note, refused, touched
from handlers.texts import t
from handlers.understanding.fixes import is_fix, says_customer
from handlers.understanding.matching import match_known
from handlers.understanding.model import Parse
from handlers.understanding.unnamed import company_guess
from storage.customers import customers_named, name_key, open_deal
from storage.models import AuditLog, Customer, Deal, Note, StageChange, stored_id, table_of
from storage.values import typed_row


def last_logged(ctx: Ctx, depth: int = 6) -> tuple[Note, list[AuditLog]] | None:
    """The member's latest note that filed rows under a customer, past the corrections of it. A later
    note that only changed a customer's rows (an amount, a stage) cannot be moved whole: the bot says
    so (Refusal) rather than move an older note of another customer."""
    notes = ctx.session.execute(
        select(Note).where(col(Note.team_id) == ctx.team.id, col(Note.member_id) == ctx.member.id,
                           col(Note.undone_at).is_(None)).order_by(col(Note.id).desc()).limit(depth)).scalars()
    movable = {model.__tablename__ for model in MOVABLE}
    for note in notes:
        entries = touched(ctx, note)
        if any(e.action == "create" and e.table_name in movable for e in entries):
            return note, entries
        if entries and not is_fix(note.text or "", ctx.lang):
            changed = ctx.session.get(Customer, note.customer_id) if note.customer_id else None
            raise Refusal(t(ctx.lang, "move_only_changed", customer=changed.name if changed else "—"))
    return None


def says_known_other(ctx: Ctx, parse: Parse, customer: Customer | None) -> bool:
    """"actually it was globex", "其实是星辰科技", "вообще-то это был Вектор": a known customer other
    than the last note's, named as the one the note was about."""
    if not says_customer(ctx.text, parse.lang):
        return False
    names, aliases = ctx.known() if ctx.known else ((), {})
    named = match_known(ctx.text, names, aliases).name
    return named is not None and (customer is None or named != customer.name)


def move_note(ctx: Ctx, parse: Parse, note: Note, entries: list[AuditLog], old: Customer | None,
              named: str | None = None) -> Fixed | None:
    """"wrong customer, it was Initech": every row the last note filed under its customer moves;
    `named` is the customer meant, as written ("это был Вектор, не Уралхиммаш"), when the message
    names the old one too."""
    names, aliases = ctx.known() if ctx.known else ((), {})
    match = match_known(named or ctx.text, names, aliases)
    target = None
    if match.name and (old is None or match.name != old.name):
        found = customers_named(ctx.session, ctx.team_id, match.name)
        target = found[0] if len(found) == 1 else None
    for entry in entries:  # every check before the first write
        if entry.table_name == Deal.__tablename__ and entry.row_id is not None:
            deal = ctx.session.get(Deal, entry.row_id)
            if deal is not None and not may(ctx, deal.owner_id):
                return refused(ctx, "fix_not_yours")
    if target is None:
        said = named or parse.customer or company_guess(ctx.text, parse.lang)
        new_name = said if said and (old is None or said != old.name) else None
        if not new_name:
            return refused(ctx, "fix_which_customer")
        target = Customer(team_id=ctx.team_id, name=new_name,
                          name_key=_key(new_name), owner_id=ctx.member.id, created_by=ctx.member.id,
                          created_at=ctx.now)
        journal_of(ctx).add(target)
        open_note(ctx, target.id)
    else:
        open_note(ctx, target.id)
    journal = journal_of(ctx)
    created = {(e.table_name, e.row_id) for e in entries if e.action == "create"}
    for model in MOVABLE:
        for table, row_id in created:
            if table == model.__tablename__ and row_id is not None:
                row = ctx.session.get(model, row_id)
                if row is not None and getattr(row, "customer_id", None) == note.customer_id:
                    journal.update(model, row_id, customer_id=target.id)
    _move_deal_changes(ctx, note, entries, target)
    journal.update(Note, stored_id(note), customer_id=stored_id(target))
    save_state(ctx, customer_id=target.id, customer_at=ctx.now)
    if old is not None and ("customer", stored_id(old)) in created and not _used(ctx, stored_id(old)):
        journal.delete(old)  # the note had made it, and nothing of it is left
    return Fixed(customer=target, lines=[t(ctx.lang, "fix_customer", before=old.name if old else "?",
                                           after=target.name)])


def _used(ctx: Ctx, customer_id: int) -> bool:
    """True when any row still points at the customer."""
    for model in (*MOVABLE, Note):
        table = table_of(model)
        if ctx.session.execute(select(table.c.id).where(table.c.customer_id == customer_id).limit(1)).first():
            return True
    return False


CARRIED = ("stage", "amount_minor", "currency", "probability", "expected_close", "closed_at", "lost_reason")


def _move_deal_changes(ctx: Ctx, note: Note, entries: list[AuditLog], target: Customer) -> None:
    """A change the note (and every later correction of it) made to the old customer's existing
    deal goes back to what the deal was before the note, and the deal as it stands now (amount as
    last corrected, its currency, stage, close date) is made the new customer's open deal (a new
    one when it has none); the history rows of those changes follow it."""
    journal = journal_of(ctx)
    changes = [*entries, *_corrections_of(ctx, note)]
    deal_ids = list(dict.fromkeys(e.row_id for e in entries if e.table_name == Deal.__tablename__
                                  and e.action == "update" and e.before and e.row_id is not None))
    for deal_id in deal_ids:
        deal = ctx.session.get(Deal, deal_id)
        if deal is None:
            continue
        first: dict[str, object] = {}
        for entry in changes:
            if entry.table_name == Deal.__tablename__ and entry.action == "update" and entry.row_id == deal_id:
                for name, value in (entry.before or {}).items():
                    first.setdefault(name, value)
        fields = [name for name in CARRIED if name in first]
        if not fields:
            continue
        if "amount_minor" in fields and "currency" not in fields:
            fields.append("currency")
        now = {name: getattr(deal, name) for name in fields}
        if now.get("amount_minor") is not None and not now.get("currency"):
            now["currency"] = ctx.team.currency
        journal.update(Deal, deal_id, **typed_row(table_of(Deal), first))
        mine = open_deal(ctx.session, ctx.team_id, stored_id(target))
        if mine is None:
            mine = Deal(team_id=ctx.team_id, customer_id=stored_id(target), owner_id=ctx.member_id,
                        created_at=ctx.now, updated_at=ctx.now, **now)
            journal.add(mine)
        else:
            journal.update(Deal, stored_id(mine), updated_at=ctx.now, **now)
        for change in changes:
            if change.table_name == StageChange.__tablename__ and change.action == "create" and change.row_id:
                row = ctx.session.get(StageChange, change.row_id)
                if row is not None and row.deal_id == deal_id:
                    journal.update(StageChange, change.row_id, deal_id=mine.id)


def _corrections_of(ctx: Ctx, note: Note) -> list[AuditLog]:
    """What the member's later notes on the same customer changed: the corrections of the note
    ("сумма 1,8 млн а не 1,5"), which a move carries with it."""
    later = select(col(Note.id)).where(col(Note.team_id) == ctx.team.id, col(Note.member_id) == ctx.member.id,
                                  col(Note.id) > stored_id(note), col(Note.customer_id) == note.customer_id,
                                  col(Note.undone_at).is_(None))
    return list(ctx.session.execute(select(AuditLog).where(col(AuditLog.note_id).in_(later))
                                    .order_by(col(AuditLog.id))).scalars())


def _key(name: str) -> str:
    return name_key(name)
