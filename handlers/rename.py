"""Renaming a customer from chat: "rename Globex to Globex Corp", "переименуй Вектор в Вектор-М",
"把星辰科技改名为星辰集团". A manager or an admin may (the permission table); a rep is told whom to
ask. The old name stays an alias, so notes that use it still find the customer, unless it was the bot's
misreading of the note that made the customer (the new name is written in that note: "Spice Garden in Hove"
made "Hove"); the reply shows before → after, and its Undo button (or "undo") gives the old name back exactly.
It is never a note."""
from __future__ import annotations

from sqlalchemy import select
from sqlmodel import col

from handlers.context import Ctx, journal_of
from handlers.reply import Choice, Reply
from handlers.texts import t
from handlers.understanding.model import Parse
from handlers.understanding.written_names import name_words, written_in
from storage.customers import customers_named, name_key
from storage.models import Customer, CustomerAlias, Interaction, Note, stored_id
from storage.permissions import Action, check

MAX_NAME = 200      # the longest customer name a rename takes (a note's longer text is no name)


def _found(ctx: Ctx, said: str, known: str | None) -> Customer | Reply:
    """The one customer `said` names (its name or an alias as written, else the known customer
    understanding matched it to), or the reply saying none or several are."""
    found = customers_named(ctx.session, ctx.team_id, said) or (
        customers_named(ctx.session, ctx.team_id, known) if known else [])
    own = [c for c in found if c.name_key == name_key(said)]
    if len(own) == 1:
        return own[0]
    if len(found) == 1:
        return found[0]
    if not found:
        return Reply(text=t(ctx.lang, "rename.unknown", name=said), lang=ctx.lang)
    return Reply(text=t(ctx.lang, "rename.ambiguous", name=said, options=", ".join(c.name for c in found[:5])),
                 lang=ctx.lang)


def _refusal(ctx: Ctx, customer: Customer, new: str) -> Reply | None:
    """Why the new name cannot be taken: none, too long, the same, or another customer's."""
    if not name_key(new) or len(new) > MAX_NAME:
        return Reply(text=t(ctx.lang, "rename.bad", name=new[:60]), lang=ctx.lang)
    if new == customer.name:
        return Reply(text=t(ctx.lang, "rename.same", name=customer.name), lang=ctx.lang)
    other = [c for c in customers_named(ctx.session, ctx.team_id, new) if c.id != customer.id]
    if other:
        return Reply(text=t(ctx.lang, "rename.taken", old=customer.name, new=new, other=other[0].name), lang=ctx.lang)
    return None


def _aliases(ctx: Ctx, customer: Customer) -> dict[str, CustomerAlias]:
    rows = ctx.session.execute(select(CustomerAlias).where(col(CustomerAlias.team_id) == ctx.team_id,
                                                           col(CustomerAlias.customer_id) == customer.id)).scalars()
    return {row.alias_key: row for row in rows}


def _misread(ctx: Ctx, customer: Customer, new: str) -> bool:
    """True when the new name is written in the note that made the customer ("Spice Garden in Hove - new,
    quoted …" made "Hove"): the old name was the bot's misreading of that note, a town or a word beside the
    name, and is no name of the customer to keep (every later note "in Hove" would land there)."""
    first = ctx.session.execute(select(Interaction).where(col(Interaction.team_id) == ctx.team_id,
                                                          col(Interaction.customer_id) == customer.id)
                                .order_by(col(Interaction.id)).limit(1)).scalar_one_or_none()
    if first is None or set(name_words(customer.name)) & set(name_words(new)):
        return False            # "Bean" → "Bean There": a word of the old name is in the new one, still a way to say it
    note = ctx.session.get(Note, first.note_id) if first.note_id is not None else None
    return any(written_in(new, text) for text in (first.text, note.text if note is not None else ""))


async def handle_rename(parse: Parse, ctx: Ctx) -> Reply:
    """Give the customer named its new name; keep the old one as an alias; undoable as one note."""
    if parse.rename is None:
        return Reply(text=t(ctx.lang, "help"), lang=ctx.lang)
    if not check(ctx.actor, Action.RENAME_CUSTOMER, team_id=ctx.team.id):
        return Reply(text=t(ctx.lang, "permission.rename"), lang=ctx.lang)
    said, new = parse.rename
    customer = _found(ctx, said, parse.customer if parse.customer_known else None)
    if isinstance(customer, Reply):
        return customer
    refused = _refusal(ctx, customer, new)
    if refused is not None:
        return refused
    old = customer.name
    journal = journal_of(ctx)
    note_id = journal.open_note(ctx.platform, ctx.message_id, ctx.text, ctx.now, stored_id(customer))
    aliases = _aliases(ctx, customer)
    misread = _misread(ctx, customer, new)
    journal.change(customer, name=new, name_key=name_key(new))
    if name_key(old) != name_key(new) and name_key(old) not in aliases and not misread:
        journal.insert(CustomerAlias, team_id=ctx.team_id, customer_id=stored_id(customer), alias=old,
                       alias_key=name_key(old))
    token = f"undo:{note_id}"
    done = "rename.misread" if misread else "rename.done"
    return Reply(text=t(ctx.lang, done, old=old, new=new), lang=ctx.lang, wrote=True, undo_token=token,
                 choices=[Choice(label=t(ctx.lang, "undo_button"), data=token)])
