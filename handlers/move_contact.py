"""A contact filed at the wrong customer put right in words ("Jorge works at Pacific Supply, not Harlow",
"Ольга из ТехноСнаба, а не из Уралмаша", "王经理是恒通的"): the team's contact of that name moves to the
customer the message names, under a note of its own, so undo puts it back. The one filed at the customer
the message says they are not at goes first; then the one the writer's last note touched; then the latest."""
from __future__ import annotations

from sqlalchemy import select
from sqlmodel import col

from handlers.context import Ctx, journal_of
from handlers.correction import Fixed, open_note
from handlers.texts import t
from handlers.understanding.matching import match_known
from handlers.understanding.model import Parse
from handlers.understanding.same_name import names_contact
from storage.customers import customers_named
from storage.models import Contact, Customer, stored_id


def contact_moved(ctx: Ctx, parse: Parse) -> Fixed | None:
    """The contact moved to the customer they work at; None when the team has no such contact elsewhere."""
    said = parse.works_at
    if said is None:
        return None
    names, aliases = ctx.known() if ctx.known else ((), {})
    target = _customer(ctx, said.to)
    if target is None:
        return None
    contacts = [c for c in ctx.session.execute(
        select(Contact).where(col(Contact.team_id) == ctx.team.id).order_by(col(Contact.id).desc())).scalars()
        if names_contact(c.name, said.who)]
    if any(c.customer_id == target.id for c in contacts):
        return None                 # already theirs: nothing to move
    if said.frm:
        was = match_known(said.frm, [n for n in names if n != target.name], aliases).name
        at = _customer(ctx, was) if was else None
        contacts = [c for c in contacts if at is not None and c.customer_id == at.id] or contacts
    if not contacts:
        return None
    contact = contacts[0]
    before = ctx.session.get(Customer, contact.customer_id)
    open_note(ctx, target.id)
    journal_of(ctx).update(Contact, stored_id(contact), customer_id=target.id)
    return Fixed(customer=target, lines=[t(ctx.lang, "fix_contact_customer", contact=contact.name,
                                           before=before.name if before else "—", after=target.name)])


def _customer(ctx: Ctx, name: str) -> Customer | None:
    found = customers_named(ctx.session, ctx.team_id, name)
    return found[0] if len(found) == 1 else None
