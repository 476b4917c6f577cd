"""A contact's title, phone or name corrected ("her title is CFO, not CTO", "change maria's title
to CEO"): the last note's contact, or the team's contact of that name (asked about when two
customers have one)."""
from __future__ import annotations


from sqlalchemy import select
from sqlmodel import col

from handlers.context import Ctx, journal_of
from handlers.ask import ask
from handlers.chat_state import state_of
from handlers.correction import Asked, Fixed, open_note, refused, row_written
from handlers.texts import t
from handlers.understanding.fixes import ContactFix, contact_fix
from handlers.understanding.model import Parse
from handlers.understanding.same_name import names_contact, same_word
from storage.models import AuditLog, Contact, Customer, Note, stored_id


def contact_fixed(ctx: Ctx, parse: Parse, note: Note, entries: list[AuditLog],
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
    open_note(ctx, note.customer_id)
    column = {"role": "role", "phone": "phone", "name": "name"}[fix.field]
    before = getattr(contact, column) or "—"
    after = _renamed(contact.name, fix) if fix.field == "name" else fix.value
    journal_of(ctx).update(Contact, stored_id(contact), **{column: after})
    return Fixed(customer=customer, lines=[t(ctx.lang, f"fix_contact_{fix.field}", contact=contact.name
                                             if fix.field != "name" else before,
                                             before=before, after=after)])


def _renamed(name: str, fix: ContactFix) -> str:
    """The contact's name with the word the correction takes back put right ("its Marie not Maria" of
    Maria Lopez: Marie Lopez; "не Марина, а Марина Петровна" of Марина Соколова: Марина Петровна
    Соколова); the name said, whole, when the word taken back is not one of the name's."""
    words = name.split()
    if not fix.who or len(words) < 2:
        return fix.value
    at = [i for i, word in enumerate(words) if same_word(word.casefold(), fix.who.casefold())]
    if len(at) != 1 or len(fix.value.split()) > 2:
        return fix.value
    return " ".join(words[:at[0]] + [fix.value] + words[at[0] + 1:])


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
            raise Asked(ask(ctx, [c for c in customers if c is not None][:4], None, "fix_which_contact",
                             contact=fix.who or "?"))
        return refused(ctx, "fix_which_contact_same", contact=fix.who or "?",
                        names=", ".join(p.name for p in people[:4]))
    contact = people[0]
    column = {"role": "role", "phone": "phone", "name": "name"}[fix.field]
    before = getattr(contact, column) or "—"
    if before == fix.value:
        return refused(ctx, "fix_contact_same", contact=contact.name, value=fix.value)
    open_note(ctx, contact.customer_id)
    journal_of(ctx).update(Contact, stored_id(contact), **{column: fix.value})
    return Fixed(customer=ctx.session.get(Customer, contact.customer_id),
                 lines=[t(ctx.lang, f"fix_contact_{fix.field}", contact=contact.name if fix.field != "name" else before,
                          before=before, after=fix.value)])


def names_a_contact(ctx: Ctx, note: Note, entries: list[AuditLog], customer: Customer | None, who: str) -> bool:
    """True when `who` ("Maria" in "its Marie not Maria") is the name of the last note's customer's contact."""
    return bool(who.strip()) and customer is not None and _contact(ctx, note, entries, customer, who) is not None


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
    touched = row_written(ctx, entries, Contact)
    if isinstance(touched, Contact):
        return touched
    state = state_of(ctx)
    return ctx.session.get(Contact, state.contact_id) if state.contact_id else None
