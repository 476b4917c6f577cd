"""Contacts at a customer: the one a note names (the same person under another spelling or case
form, handlers/understanding/same_name.py), made or updated with what the note says of them."""
from __future__ import annotations

from typing import Any

from handlers.context import Ctx, journal_of
from handlers.understanding.model import Parse
from handlers.understanding.same_name import bare, names_contact, nicknamed, same_person, short_form, with_alias
from storage.customers import contacts_of
from storage.models import Contact, Customer, ChatState, stored_id

def find_contact(ctx: Ctx, customer_id: int, name: str) -> Contact | None:
    """The customer's contact `name` refers to, if any: the same person however written, else the one
    contact whose surname it is ("tanner" is Bob Tanner, "Иванова" is Мария Иванова)."""
    if ctx.new_customer_id == customer_id:  # made by this very note: none yet
        return None
    people = contacts_of(ctx.session, ctx.team_id, customer_id)
    for contact in people:
        if same_person(contact.name, name) or nicknamed(contact.name, name):     # "老张" of 张总（老张）
            return contact
    by_surname = [c for c in people if len(bare(c.name).split()) > 1 and names_contact(bare(c.name), name)]
    if len(by_surname) == 1:
        return by_surname[0]
    shortened = [c for c in people if short_form(c.name, name)]        # "Al Cross" is Dr Alan Cross
    return shortened[0] if len(shortened) == 1 and not by_surname else None


def upsert_contact(parse: Parse, ctx: Ctx, customer: Customer, state: ChatState,
                   lines: list[tuple[str, dict]]) -> Contact | None:
    """Create or update the contact the note names (or the one in focus, for facts only)."""
    journal = journal_of(ctx)
    birthday = _split_birthday(parse.birthday)
    facts: dict[str, Any] = {k: v for k, v in {"role": parse.contact_role, "phone": parse.contact_phone,
                               "email": parse.contact_email}.items() if v}
    if birthday:
        facts.update(birth_month=birthday[0], birth_day=birthday[1])
    contact: Contact | None = None
    if ctx.pressed.contact_name and not parse.contact:  # "whose birthday?" answered with a new name
        parse.contact = ctx.pressed.contact_name
    if ctx.pressed.contact_id and not parse.contact:  # answered with one of the customer's contacts
        contact = ctx.session.get(Contact, ctx.pressed.contact_id)
        if contact is not None and (contact.team_id, contact.customer_id) != (ctx.team.id, customer.id):
            contact = None
    elif parse.contact:
        contact = find_contact(ctx, stored_id(customer), parse.contact)
        if contact is None:
            contact = Contact(team_id=ctx.team_id, customer_id=stored_id(customer),
                              name=with_alias(parse.contact.strip(), parse.contact_alias)[:200], **facts)
            journal.add(contact)
            lines.append(("contact_new", {"contact": _label(contact.name, facts)}))
            _birthday_line(parse, contact, lines)
            return contact
    elif facts and state.contact_id and state.customer_id == customer.id:
        contact = ctx.session.get(Contact, state.contact_id)
    if contact is None:
        return None
    before = {k: getattr(contact, k) for k in facts}
    if facts and journal.change(contact, **facts):
        _changed_lines(ctx, contact.name, before, facts, lines)
        _birthday_line(parse, contact, lines)
    elif facts:                                   # "maria lopez is the CFO" once more: said, nothing to change
        said = [str(v) for k, v in facts.items() if k not in ("birth_month", "birth_day")]
        if said:
            lines.append(("contact_known", {"contact": contact.name, "value": ", ".join(said)}))
    return contact


def _changed_lines(ctx: Ctx, name: str, before: dict[str, Any], facts: dict[str, Any],
                   lines: list[tuple[str, dict]]) -> None:
    """A title or phone that replaces another shows before → after; facts the contact lacked are listed."""
    added = {k: v for k, v in facts.items() if k not in ("birth_month", "birth_day") and not before.get(k)}
    if added:
        lines.append(("contact_updated", {"contact": _label(name, added)}))
    for key, value in facts.items():
        if key in ("role", "phone", "email") and before.get(key) and before[key] != value:
            lines.append((f"contact_{key}_changed", {"contact": name, "before": before[key], "after": value}))


def _label(name: str, facts: dict) -> str:
    """"Maria (CFO), +1 415 555 0100, maria@globex.com": the contact as the reply shows it."""
    label = name + (f" ({facts['role']})" if facts.get("role") else "")
    extra = [facts[k] for k in ("phone", "email") if facts.get(k)]
    return ", ".join([label, *extra])


def _birthday_line(parse: Parse, contact: Contact, lines: list[tuple[str, dict]]) -> None:
    if parse.birthday and _split_birthday(parse.birthday):
        lines.append(("birthday", {"contact": contact.name, "mm_dd": parse.birthday}))


def _split_birthday(value: str | None) -> tuple[int, int] | None:
    if not value:
        return None
    try:
        month, dom = (int(p) for p in value.split("-"))
    except ValueError:
        return None
    return (month, dom) if 1 <= month <= 12 and 1 <= dom <= 31 else None
