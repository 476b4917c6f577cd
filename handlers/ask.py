"""Asking which customer a note is about, and keeping the note until the answer.

When the bot is unsure which customer a note means (two customers are close, the note seems to
name a company the bot does not know, or it names none and there is no last note to take one
from), it records nothing yet: it asks with buttons (the candidates, "new customer X", cancel)
and keeps the note in the member's chat state. The answer — a button, a number, a customer's
name or a new name typed, "yes" when one choice was offered, "new customer" when a new name was —
applies the whole note; "cancel" drops it. A number that is none of the choices, or "yes" to
several, asks the question again (the note still kept). Any other message, and a reply that reads
as a sentence rather than a name (handlers/understanding/answers.py), lets the question lapse, and
its reply says the kept note was not recorded.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Sequence

from sqlalchemy import select
from sqlmodel import col

from handlers.chat_state import save_state, state_of
from handlers.context import Ctx, Pressed
from handlers.reply import Choice, Reply
from handlers.texts import t
from handlers.understanding.answers import (Agreement, agreement, asks_about, cancels, numbers_say_more, offered_name,
                                            only_the_name, picked_number, reads_as_sentence, typed_name, undoes,
                                            whose_name)
from handlers.understanding import understand
from handlers.understanding.matching import match_known
from handlers.understanding.same_name import same_person
from handlers.understanding.model import Parse
from storage.models import ChatState, Contact, Customer, Note
from storage.vocabulary import Intent, Lang, Stage

PICK = "pick"             # a pending question: which customer
WHOSE = "whose"           # a pending question: whose birthday (the note's customer is known)
NEW = "new"               # the button that makes the guessed name a new customer
CANCEL = "cancel"         # the button that drops the kept note
MAX_NAME_WORDS = 6        # a typed answer longer than this is a new message, not a name
RECENT = 3                # customers offered when the note names none


@dataclass(frozen=True)
class Answer:
    """What a message answers to a pending "which customer?": a customer, a new name, or cancel."""

    customer_id: int | None = None
    new_name: str | None = None
    cancel: bool = False
    again: bool = False                # a number that is none of the choices: ask again
    undo: bool = False                 # "undo" typed while asked: the question (and its kept note) is dropped
    contact_id: int | None = None      # whose birthday: one of the customer's contacts
    contact_name: str | None = None    # whose birthday: a new contact


def ask(ctx: Ctx, options: Sequence[Customer], new_name: str | None, key: str = "which_customer",
        **values: str) -> Reply:
    """Ask which customer the message is about, with a button for each of `options`, one for
    `new_name` as a new customer (never with the note's verb: "Visited Umbrela Corp" offers
    "Umbrela Corp"), and cancel; keep the message (with its id) for the answer."""
    if new_name:
        bare = offered_name(new_name, ctx.lang)
        values = {k: (bare if v == new_name else v) for k, v in values.items()}
        new_name = bare
    state = _state(ctx)
    state.pending = {"kind": PICK, "text": ctx.text, "message_id": ctx.message_id,
                     "options": [c.id for c in options], "new": new_name}
    ctx.session.add(state)
    lines = [t(ctx.lang, key, **values)]
    lines += [f"{i}. {c.name}" for i, c in enumerate(options, 1)]
    choices = [Choice(label=f"{i}. {c.name}", data=f"{PICK}:{i}") for i, c in enumerate(options, 1)]
    if new_name:
        label = t(ctx.lang, "new_customer_option", name=new_name)
        lines.append(f"{len(options) + 1}. {label}")
        choices.append(Choice(label=f"{len(options) + 1}. {label}", data=f"{PICK}:{NEW}"))
    choices.append(Choice(label=t(ctx.lang, "cancel_option"), data=f"{PICK}:{CANCEL}"))
    lines.append(t(ctx.lang, "ask_kept"))
    return _kept(state, Reply(text="\n".join(lines), lang=ctx.lang, choices=choices))


def _kept(state: ChatState, reply: Reply) -> Reply:
    """Keep the question as asked with the pending note, so a wrong answer gets it again."""
    state.pending = {**(state.pending or {}), "question": reply.text,
                     "choices": [[c.label, c.data] for c in reply.choices]}
    return reply


def ask_whose(ctx: Ctx, customer: Customer | None, new_customer: str | None,
              contacts: Sequence[Contact]) -> Reply:
    """Ask whose birthday a note gives, with a button for each of the customer's contacts and
    cancel; keep the note (and its customer) for the answer."""
    state = _state(ctx)
    state.pending = {"kind": WHOSE, "text": ctx.text, "message_id": ctx.message_id,
                     "customer_id": customer.id if customer else None, "new": new_customer,
                     "options": [c.id for c in contacts]}
    ctx.session.add(state)
    name = customer.name if customer else new_customer or "?"
    lines = [t(ctx.lang, "ask_whose", customer=name)]
    lines += [f"{i}. {c.name}" for i, c in enumerate(contacts, 1)]
    choices = [Choice(label=f"{i}. {c.name}", data=f"{PICK}:{i}") for i, c in enumerate(contacts, 1)]
    choices.append(Choice(label=t(ctx.lang, "cancel_option"), data=f"{PICK}:{CANCEL}"))
    lines.append(t(ctx.lang, "ask_kept"))
    return _kept(state, Reply(text="\n".join(lines), lang=ctx.lang, choices=choices))


def recent_customers(ctx: Ctx) -> list[Customer]:
    """The customers of the member's last notes, newest first (offered when a note names none)."""
    rows = ctx.session.execute(
        select(Customer).join(Note, col(Note.customer_id) == col(Customer.id))
        .where(col(Note.team_id) == ctx.team.id, col(Note.member_id) == ctx.member.id,
               col(Note.undone_at).is_(None))
        .order_by(col(Note.id).desc()).limit(20)).scalars().all()
    seen: dict[int, Customer] = {}
    for customer in rows:
        seen.setdefault(customer.id, customer)
    return list(seen.values())[:RECENT]


def answer(ctx: Ctx, data: str, names: Sequence[str], aliases: Mapping[str, str], lang: Lang) -> Answer | None:
    """What the message answers to the pending question, if it answers it; None otherwise (a
    button of ours for the question, a number, cancel, a known customer's name, or a short new
    name)."""
    pending = _state(ctx).pending
    if not pending or pending.get("kind") not in (PICK, WHOSE):
        return None
    if not data and undoes(ctx.text):
        return Answer(cancel=True, undo=True)
    if pending.get("kind") == WHOSE:
        return _whose(ctx, data, pending, lang)
    options: list[int] = pending.get("options") or []
    new_name: str | None = pending.get("new")
    kind, _, arg = data.partition(":")
    if data:
        if kind != PICK:
            return None
        picked = arg
    else:
        picked = picked_number(ctx.text)
    if picked == CANCEL or (not data and cancels(ctx.text, lang)):
        return Answer(cancel=True)
    if picked == NEW and new_name:
        return Answer(new_name=new_name)
    agreed = agreement(ctx.text, lang) if not data else None
    if agreed is not None:
        return _agreed(agreed, options, new_name)
    if picked.isdigit():
        index = int(picked)
        if 1 <= index <= len(options):
            return Answer(customer_id=options[index - 1])
        if index == len(options) + 1 and new_name:
            return Answer(new_name=new_name)
        return None if data or not (options or new_name) else Answer(again=True)
    if data:
        return None
    return _typed(ctx, names, aliases, lang, new_name)


def _agreed(agreed: Agreement, options: list[int], new_name: str | None) -> Answer:
    """"yes" picks the only choice offered, "new customer" the new name offered; with several
    choices, or no new name to pick, the question is asked again."""
    if agreed is Agreement.NEW:
        return Answer(new_name=new_name) if new_name else Answer(again=True)
    if len(options) == 1 and not new_name:
        return Answer(customer_id=options[0])
    if new_name and not options:
        return Answer(new_name=new_name)
    return Answer(again=True)


def _whose(ctx: Ctx, data: str, pending: dict, lang: Lang) -> Answer | None:
    """The answer to "whose birthday?": a button, a number, a contact's name, or a new name."""
    options: list[int] = pending.get("options") or []
    kind, _, arg = data.partition(":")
    if data and kind != PICK:
        return None
    picked = arg if data else picked_number(ctx.text)
    if picked == CANCEL or (not data and cancels(ctx.text, lang)):
        return Answer(cancel=True)
    if not data and agreement(ctx.text, lang) is not None:
        picked = "1" if len(options) == 1 else "0"
    if picked.isdigit():
        index = int(picked)
        if not 1 <= index <= len(options):
            return None if data or not options else Answer(again=True)
        return Answer(customer_id=pending.get("customer_id"), new_name=pending.get("new"),
                      contact_id=options[index - 1])
    if data:
        return None
    name = whose_name(ctx.text, lang)
    if name is None:
        return None
    for contact_id in options:
        contact = ctx.session.get(Contact, contact_id)
        if contact is not None and same_person(contact.name, name):
            return Answer(customer_id=pending.get("customer_id"), new_name=pending.get("new"), contact_id=contact_id)
    return Answer(customer_id=pending.get("customer_id"), new_name=pending.get("new"), contact_name=name[:200])


def _typed(ctx: Ctx, names: Sequence[str], aliases: Mapping[str, str], lang: Lang,
           offered: str | None = None) -> Answer | None:
    """A customer's name typed as the answer: a known one, the new name the question offered (even
    with a number: "Самарский хлебозавод №5"), else a short new name."""
    typed = typed_name(ctx.text, lang, MAX_NAME_WORDS)
    if typed is None:
        return None
    name = typed.name
    if offered and " ".join(name.casefold().split()) == " ".join(offered.casefold().split()):
        return Answer(new_name=offered)
    if not typed.new:
        match = match_known(name, names, aliases)
        if match.name and only_the_name(name, match.start, match.end):
            found = ctx.session.execute(select(Customer).where(
                col(Customer.team_id) == ctx.team.id, col(Customer.name) == match.name)).scalars().first()
            if found is not None:
                return Answer(customer_id=found.id)
        if numbers_say_more(name) or reads_as_sentence(name) or not _just_a_name(name, ctx, names, aliases):
            return None
    return Answer(new_name=name[:300])


def _just_a_name(text: str, ctx: Ctx, names: Sequence[str], aliases: Mapping[str, str]) -> bool:
    """True when a short message says nothing but a name: no interaction, stage, amount or day,
    and no question, command or request."""
    parse = understand(text, ctx.local_now, names, dict(aliases))
    if parse.intent not in (Intent.LOG, Intent.QUERY_CUSTOMER, Intent.UNKNOWN):
        return False
    if parse.intent == Intent.QUERY_CUSTOMER and asks_about(text, parse.customer, names, aliases):
        return False          # "what about Initech", "как там Интеграл", "蓝海科技的情况": a question, not a name
    moved = parse.stage not in (None, Stage.LEAD)  # a new name alone reads as a first contact (lead)
    return not (parse.channel or moved or parse.amount is not None or parse.followup_on
                or parse.birthday or parse.refused)


def kept_text(ctx: Ctx) -> str | None:
    """The note kept for a pending question, if any."""
    pending = _state(ctx).pending
    return pending.get("text") if pending and pending.get("kind") in (PICK, WHOSE) else None


def _state(ctx: Ctx) -> ChatState:
    return state_of(ctx)


async def handle_cancel(parse: Parse, ctx: Ctx) -> Reply:
    """"Cancel" to a pending question: the kept note is dropped, nothing is written."""
    pending = state_of(ctx).pending or {}
    save_state(ctx, pending=None)
    erasing = pending.get("kind") == "erase" or ctx.pressed != Pressed()
    if ctx.undo_asked:
        return Reply(text=t(ctx.lang, "ask_undone"), lang=ctx.lang)
    return Reply(text=t(ctx.lang, "erase_cancelled" if erasing else "ask_cancelled"), lang=ctx.lang)


async def handle_ask_again(parse: Parse, ctx: Ctx) -> Reply:
    """A number that is none of the question's choices: the question again, the note still kept."""
    pending = _state(ctx).pending or {}
    numbered = len(pending.get("options") or []) + (1 if pending.get("kind") == PICK and pending.get("new") else 0)
    text = t(ctx.lang, "ask_fix_held" if ctx.fix_held else "ask_again", last=numbered)
    if pending.get("question"):
        text += "\n" + pending["question"]
    choices = [Choice(label=label, data=data) for label, data in pending.get("choices") or []]
    return Reply(text=text, lang=ctx.lang, choices=choices)
