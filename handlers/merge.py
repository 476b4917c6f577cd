"""Merging a duplicate customer into another from chat: "merge Acme Corp into Acme Industries",
"把艾克米合并到艾克米工业", "объедини Ромашку с Ромашка Плюс". Managers and admins may (the permission
table); the reply says what moved, and its Undo button (or "undo") takes the whole merge back."""
from __future__ import annotations

from handlers.context import Ctx, journal_of
from handlers.reply import Choice, Reply
from handlers.texts import count, t
from handlers.understanding.model import Parse
from storage.customers import customers_named, name_key
from storage.merge import Merged, merge_customers
from storage.models import Customer
from storage.permissions import Action, check

# what a merge reply counts, in this order: table → the noun it is counted with
MOVED_NOUNS = (("contact", "contact"), ("deal", "deal"), ("interaction", "interaction"),
               ("followup", "follow_up"), ("inquiry", "inquiry"), ("note", "note"))


def moved_text(merged: Merged, lang: str) -> str:
    """"2 contacts, 1 deal, 5 interactions moved", or that nothing else was on record."""
    items = [count(lang, noun, merged.count(table)) for table, noun in MOVED_NOUNS if merged.count(table)]
    if merged.aliases:
        items.append(count(lang, "alias", len(merged.aliases)))
    if not items:
        return t(lang, "merge.nothing")
    return t(lang, "merge.moved", items=t(lang, "list_sep").join(items))


def _one(ctx: Ctx, name: str, known: str | None, other: Customer | None = None) -> Customer | list[Customer] | Reply:
    """The one customer of the team `name` names: by its name or an alias as written, else the known
    customer understanding matched it to ("Ромашку" is Ромашка), unless that is the other side (a
    look-alike name is not a match for a merge); several it may be (to ask which); or the reply
    saying none is known."""
    found = customers_named(ctx.session, ctx.team_id, name)
    if not found and known:
        found = [c for c in customers_named(ctx.session, ctx.team_id, known)
                 if other is None or c.id != other.id]
    for same in (lambda c: c.name.casefold() == name.casefold(), lambda c: c.name_key == name_key(name)):
        named = [c for c in found if same(c)]  # a customer's own name before another's alias
        if len(named) == 1:
            return named[0]
    if len(found) == 1:
        return found[0]
    if not found:
        return Reply(text=t(ctx.lang, "merge.unknown", name=name), lang=ctx.lang)
    return found[:MAX_PICKS]


MAX_PICKS = 5


def _ask_which(ctx: Ctx, name: str, sources: list[Customer], targets: list[Customer]) -> Reply:
    """Several customers a side may be: one button per pair (duplicate → kept), so a press merges it."""
    pairs = [(a, b) for a in sources for b in targets if a.id != b.id][:MAX_PICKS * 2]
    options = ", ".join(c.name for c in (sources if len(sources) > 1 else targets))
    if not pairs or (len(sources) > 1 and len(targets) > 1):
        return Reply(text=t(ctx.lang, "merge.ambiguous", name=name, options=options), lang=ctx.lang)
    return Reply(text=t(ctx.lang, "merge.pick", name=name, options=options), lang=ctx.lang,
                 choices=[Choice(label=f"{a.name} → {b.name}", data=f"merge:{a.id}:{b.id}") for a, b in pairs])


def _pressed(ctx: Ctx) -> tuple[Customer, Customer] | Reply | None:
    """The two customers a merge button names, both of the sender's team; None for a typed merge."""
    ids = ctx.pressed.merge_ids
    if ids is None:
        return None
    first, second = (ctx.session.get(Customer, i) for i in ids)
    if first is None or second is None or ids[0] == ids[1] \
            or first.team_id != ctx.team.id or second.team_id != ctx.team.id:
        return Reply(text=t(ctx.lang, "merge.gone"), lang=ctx.lang)
    return first, second


async def handle_merge(parse: Parse, ctx: Ctx) -> Reply:
    """Merge the first customer named into the second (or the pair a button picked); see
    storage.merge for what moves. A name that may be several customers is asked about with buttons."""
    if parse.merge is None and ctx.pressed.merge_ids is None:
        return Reply(text=t(ctx.lang, "help"), lang=ctx.lang)
    if not check(ctx.actor, Action.MERGE_CUSTOMERS, team_id=ctx.team.id):
        return Reply(text=t(ctx.lang, "permission.merge"), lang=ctx.lang)
    pressed = _pressed(ctx)
    if isinstance(pressed, Reply):
        return pressed
    if pressed is not None:
        source, target = pressed
    else:
        assert parse.merge is not None
        one = _one(ctx, parse.merge[0], parse.merge_known[0])
        if isinstance(one, Reply):
            return one
        other = _one(ctx, parse.merge[1], parse.merge_known[1], one if isinstance(one, Customer) else None)
        if isinstance(other, Reply):
            return other
        if isinstance(one, list) or isinstance(other, list):
            name = parse.merge[0] if isinstance(one, list) else parse.merge[1]
            return _ask_which(ctx, name, one if isinstance(one, list) else [one],
                              other if isinstance(other, list) else [other])
        source, target = one, other
    if source.id == target.id:
        return Reply(text=t(ctx.lang, "merge.same", source=source.name, target=target.name), lang=ctx.lang)
    journal = journal_of(ctx)
    note_id = journal.open_note(ctx.platform, ctx.message_id, ctx.text, ctx.now, target.id)
    merged = merge_customers(ctx.session, journal, source, target)
    token = f"undo:{note_id}"
    return Reply(text=t(ctx.lang, "merge.done", source=merged.source, target=merged.target,
                        moved=moved_text(merged, ctx.lang)),
                 lang=ctx.lang, wrote=True, undo_token=token,
                 choices=[Choice(label=t(ctx.lang, "undo_button"), data=token)])
