"""Which customer a message is about: named, ambiguous, new, or the one of the last note."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Mapping, Sequence

from handlers.context import Ctx
from handlers.reply import Choice, Reply
from handlers.texts import t
from handlers.understanding.model import Parse
from handlers.understanding.written_names import capitalised_words
from storage.customers import customers_named
from storage.search import contacts_named
from storage.models import Customer, stored_id
from handlers.ask import ask, recent_customers
from handlers.chat_state import state_of
from handlers.understanding.lex_names import COMMON_WORDS as COMMON
from handlers.understanding import zh_names
from handlers.understanding.languages import en as en_cues
from handlers.understanding.ru_names import lookup_first
from handlers.understanding.matching import name_tokens
from handlers.understanding.matching import match_known, near_miss
from handlers.understanding.same_name import (bare, names_contact, nicknamed, same_person, same_word,
                                             without_honorific)
from handlers.understanding.companies import extract
from handlers.understanding.typos import close_names, typo_of_known
from handlers.understanding.unnamed import (caller, company_guess, introduces_by_name, missing_word, other_name,
                                            strong_name, weakly_named)


@dataclass
class Resolved:
    """The outcome: a customer, a name to create, or a question to ask instead."""

    customer: Customer | None = None
    new_name: str | None = None
    from_context: bool = False
    ask: Reply | None = None
    person: str | None = None       # the contact the note names, whose customer it was filed under
    instead_of: str | None = None   # a question named a company the team does not have; `customer` is the closest


def context_customer(ctx: Ctx) -> Customer | None:
    """The customer of the member's last note, while it is fresh."""
    state = state_of(ctx)
    if not state.customer_id or not state.customer_at:
        return None
    if ctx.now - state.customer_at > timedelta(minutes=ctx.context_minutes):
        return None
    customer = ctx.session.get(Customer, state.customer_id)
    return customer if customer is not None and customer.team_id == ctx.team.id else None


def ask_which(ctx: Ctx, options: list[Customer], intent: str) -> Reply:
    """Ask the member to pick one of `options`; remember the question with the message."""
    state = state_of(ctx)
    state.pending = {"kind": "pick", "intent": intent, "text": ctx.text,
                     "options": [c.id for c in options], "message_id": ctx.message_id}
    ctx.session.add(state)
    lines = [t(ctx.lang, "which_customer")]
    lines += [f"{i}. {c.name}" for i, c in enumerate(options, 1)]
    choices = [Choice(label=f"{i}. {c.name}", data=f"pick:{i}") for i, c in enumerate(options, 1)]
    return Reply(text="\n".join(lines), lang=ctx.lang, choices=choices)


def resolve_customer(parse: Parse, ctx: Ctx, *, may_create: bool, intent: str) -> Resolved:
    """Find the customer `parse` names; ask when two match; fall back to the conversation. A
    note (`may_create`) is filed only under a customer it names, or the last note's when it names
    no other company; when unsure the bot asks and keeps it (handlers/ask.py)."""
    forced = ctx.pressed.customer_id
    if forced:
        customer = ctx.session.get(Customer, forced)
        if customer is not None and customer.team_id == ctx.team.id:
            return Resolved(customer=customer)
    if ctx.pressed.new_customer and may_create:
        found = customers_named(ctx.session, ctx.team_id, ctx.pressed.new_customer)
        if len(found) == 1:
            return Resolved(customer=found[0])
        return Resolved(new_name=ctx.pressed.new_customer.strip()[:300])
    if may_create:
        return _resolve_note(parse, ctx)
    if len(parse.customer_candidates) > 1:
        options = _candidates(ctx, parse.customer_candidates)
        if len(options) > 1:
            return Resolved(ask=ask_which(ctx, list(options.values()), intent))
        if len(options) == 1:
            return Resolved(customer=next(iter(options.values())))
    if parse.customer:
        found = customers_named(ctx.session, ctx.team_id, parse.customer)
        if len(found) == 1:
            names, aliases = ctx.known() if ctx.known else ((), {})
            other = other_name(ctx.text, parse.lang, found[0].name, list(names), dict(aliases))
            if other and customers_named(ctx.session, ctx.team_id, other):
                other = None
            return Resolved(customer=found[0], instead_of=other)
        if len(found) > 1:
            return Resolved(ask=ask_which(ctx, found, intent))
        if may_create:
            return Resolved(new_name=parse.customer.strip()[:300])
        return Resolved(ask=Reply(text=t(ctx.lang, "unknown_customer", name=parse.customer), lang=ctx.lang))
    customer = context_customer(ctx)
    if customer is not None:
        return Resolved(customer=customer, from_context=True)
    return Resolved(ask=Reply(text=t(ctx.lang, "who_is_it"), lang=ctx.lang))


def _candidates(ctx: Ctx, names: Sequence[str]) -> dict[int, Customer]:
    """The team's customers the tied candidate names stand for, each once, in the order named."""
    options: dict[int, Customer] = {}
    for name in names:
        for customer in customers_named(ctx.session, ctx.team_id, name):
            options.setdefault(stored_id(customer), customer)
    return options


def _resolve_note(parse: Parse, ctx: Ctx) -> Resolved:
    """The customer a note names, a new one it names, the last note's when it names none, or a
    question (with the note kept) when any of these is in doubt."""
    names, aliases = ctx.known() if ctx.known else ((), {})
    if len(parse.customer_candidates) > 1:
        options = _candidates(ctx, parse.customer_candidates)
        if len(options) > 1:
            return Resolved(ask=ask(ctx, list(options.values()), None, "which_customer_note"))
        if len(options) == 1:
            return Resolved(customer=next(iter(options.values())))
    if parse.customer:
        found = customers_named(ctx.session, ctx.team_id, parse.customer)
        if len(found) > 1:
            return Resolved(ask=ask(ctx, found, None, "which_customer_note"))
        if len(found) == 1 and not weakly_named(ctx.text, found[0].name, list(names), dict(aliases)):
            other = other_name(ctx.text, parse.lang, found[0].name, list(names), dict(aliases)) \
                or _written_out(ctx, parse, found[0], names, aliases) \
                or _introduced(ctx, parse, found[0], names, aliases)
            if other and not customers_named(ctx.session, ctx.team_id, other):
                return Resolved(ask=ask(ctx, found, other, "ask_close", customer=found[0].name, name=other))
            return Resolved(customer=found[0])
        if found:  # named only by a number or everyday words: read as naming none
            return _unnamed(parse, ctx)
        new_name = parse.customer.strip()[:300]
        people = customers_of_person(ctx, new_name)
        if len(people) == 1 and _full_name(new_name, people[0][1]):     # "Talked to Whitlock": Dana Whitlock's
            return Resolved(customer=people[0][0], person=people[0][1])
        theirs = [customer for customer, _ in people] or _nicknamed_customers(ctx, new_name)
        if theirs:                  # "Big T says …" of Big Tony: his customer, or a new one, asked
            return Resolved(ask=ask(ctx, theirs[:4], new_name, "ask_close", customer=theirs[0].name, name=new_name))
        close = [] if parse.told_apart else close_customers(ctx, new_name)   # "(different from meridian diagnostics)"
        if close:
            return Resolved(ask=ask(ctx, close, new_name, "ask_close", customer=close[0].name, name=new_name))
        return Resolved(new_name=new_name)
    return _unnamed(parse, ctx)


def _written_out(ctx: Ctx, parse: Parse, customer: Customer, names: Sequence[str],
                 aliases: Mapping[str, str]) -> str | None:
    """A company the note writes out in full (legal form, quotes) that is not `customer`: the
    note may be about it instead ("ООО «ВолгаМедСнаб», пришли по рекомендации от Фармации Поволжья")."""
    written = strong_name(ctx.text, parse.lang)
    if not written:
        return None
    same = match_known(written, names, aliases)
    if same.name == customer.name and not same.fuzzy and not missing_word(written, customer.name, parse.lang):
        return None     # a name written out in full is not a known one it only sounds like ("恒信达" for 鑫达)
    return written


def _introduced(ctx: Ctx, parse: Parse, customer: Customer, names: Sequence[str],
                aliases: Mapping[str, str]) -> str | None:
    """A company the note introduces as new or by its name ("叫康瑞得", "a new lead called …") where a
    known name is only like what it writes (typed or sounding alike, "瑞德森" for "瑞得"): the name as
    written, to ask about rather than file the note under the look-alike."""
    match = match_known(ctx.text, names, aliases)
    if match.name != customer.name or not match.fuzzy or match.start < 0:
        return None
    if not introduces_by_name(ctx.text, parse.lang):
        return None
    blank = ctx.text[:match.start] + " " * (match.end - match.start) + ctx.text[match.end:]
    written = extract(blank, parse.lang, parse.contact, False)
    return written or ctx.text[match.start:match.end]


def _unnamed(parse: Parse, ctx: Ctx) -> Resolved:
    """A note that names no customer the bot can trust: the company it seems to name (asked
    about), the last note's customer, or a question."""
    names, aliases = ctx.known() if ctx.known else ((), {})
    if not parse.contact:                   # "Позвонил Гаврилову, …", "созвонился с Колей": a known person in any case
        parse.contact = _known_person_written(ctx, ctx.text)
        if parse.contact:
            people = customers_of_person(ctx, parse.contact)
            if len(people) == 1:
                return Resolved(customer=people[0][0], person=people[0][1])
    guess = company_guess(ctx.text, parse.lang, parse.contact) or near_miss(ctx.text, names, aliases) \
        or caller(ctx.text, parse.lang, parse.contact)
    people = customers_of_person(ctx, parse.contact)
    surname = bool(guess and people and any(_same_word(guess, word) for _, stored in people for word in stored.split()
                                            if not _same_word(word, parse.contact or "")))
    if guess and people and (surname or _same_word(guess, parse.contact or "") or (parse.contact or "\0") in guess
                             or same_word(guess.casefold(), (parse.contact or "").casefold())):   # "Колей" of Коля
        guess = None        # "у Ольги день рождения", "刘工的职位是…", "Lopez Maria's phone": the person's words
    fresh = context_customer(ctx)
    if guess and fresh is not None and any(customer.id == fresh.id for customer, _ in people) \
            and len(guess) <= _ABBREVIATION:
        guess = None        # "Call Sue Fri re tender Qs": Sue of the customer in focus; "Qs" names no company
    if guess:
        known = customers_named(ctx.session, ctx.team_id, guess)
        if len(known) == 1:
            return Resolved(customer=known[0])
        last = context_customer(ctx)
        return Resolved(ask=ask(ctx, [last] if last is not None else [], guess, "ask_unnamed", name=guess))
    typo = typo_of_known(ctx.text, list(names))
    if typo and not people:         # "emailed initek …": Initech or another company, never the last note's
        close = [c for name in typo[1] for c in customers_named(ctx.session, ctx.team_id, name)]
        if close:
            return Resolved(ask=ask(ctx, close[:4], typo[0], "ask_close", customer=close[0].name, name=typo[0]))
    customers = [customer for customer, _ in people]
    if people and (fresh is None or fresh.id not in {c.id for c in customers}):
        if len(people) == 1 and (fresh is None or surname or _full_name(parse.contact, people[0][1])):
            return Resolved(customer=customers[0], person=people[0][1])    # "bob tanner's cell …": his customer
            return Resolved(customer=customers[0], person=people[0][1])
        return Resolved(ask=ask(ctx, ([fresh] if fresh is not None else []) + customers[:4], None,
                                "which_customer_note"))
    if fresh is not None:
        return Resolved(customer=fresh, from_context=True)
    return Resolved(ask=ask(ctx, recent_customers(ctx), None, "which_customer_note"))


_ABBREVIATION = 3       # letters of a capitalised short word ("Qs", "PO", "RFQ") too short to be taken for a company
                        # beside a known contact of the customer in focus


def _known_person_written(ctx: Ctx, text: str) -> str | None:
    """The one known contact a word of the note names in any case form ("Гаврилову" is Сергей Петрович Гаврилов,
    "Колей" is Коля), when understanding read no person: his name as stored."""
    if ctx.team.id is None:
        return None
    found: set[str] = set()
    for word in capitalised_words(text):
        stem = word[:max(3, len(word) - 2)]
        for hit in contacts_named(ctx.session, ctx.team.id, [stem]):
            if any(same_word(w.casefold(), word.casefold()) and len(w) >= 4 for w in bare(hit.name).split()):
                found.add(hit.name)
    return next(iter(found)) if len(found) == 1 else None


def customers_of_person(ctx: Ctx, name: str | None) -> list[tuple[Customer, str]]:
    """The customers where a contact of that name works, by full name or first name ("maria's
    phone is …" is about Maria Lopez of Globex), each with the contact's name as stored."""
    if not name or not name.strip() or ctx.team.id is None:
        return []
    key = name.strip().casefold()
    first: dict[int, str] = {}
    stems = [word[:max(3, len(word) - 2)] for word in name.split() if len(word) >= 3] if " " in name.strip() else []
    said = name.split()
    shorter = [" ".join(said[:-1])] if len(said) > 1 else [name[:-1]] if len(name.strip()) >= 4 else []
    for hit in contacts_named(ctx.session, ctx.team.id, [name.strip(), *stems, *shorter]):
        words = bare(hit.name).casefold().split()
        if bare(hit.name).casefold() == key or words[0] == key or (len(words) > 1 and words[-1] == key) \
                or (stems and len(words) > 1 and (same_person(bare(hit.name), name)
                                                  or names_contact(bare(hit.name), name))) \
                or nicknamed(hit.name, name):     # "Иванова Анна" is Анна Иванова; "老张" is 张总（老张）
            first.setdefault(hit.customer_id, hit.name)
    out = []
    for customer_id, person in list(first.items())[:5]:
        customer = ctx.session.get(Customer, customer_id)
        if customer is not None and customer.team_id == ctx.team.id:
            out.append((customer, person))
    return out


def _nicknamed_customers(ctx: Ctx, said: str) -> list[Customer]:
    """The customers of contacts a short nickname may stand for: a word, then a contact's first name cut to a
    letter or two ("Big T" of Tony at Tony's Diner). Only asked about, never filed under on its own."""
    words = said.split()
    if len(words) != 2 or not 1 <= len(words[1]) <= 2 or not words[1][:1].isupper() or ctx.team.id is None:
        return []
    out: dict[int, Customer] = {}
    for hit in contacts_named(ctx.session, ctx.team.id, [], prefixes=[words[1]]):
        first = bare(hit.name).split()[0]
        if len(first) > len(words[1]) and first.casefold().startswith(words[1].casefold()):
            customer = ctx.session.get(Customer, hit.customer_id)
            if customer is not None and customer.team_id == ctx.team.id:
                out.setdefault(hit.customer_id, customer)
    return list(out.values())[:4]


def _full_name(said: str | None, stored: str) -> bool:
    """True when the note writes the contact's whole name ("bob tanner", "Иванова Мария") or their
    surname alone ("tanner", "Ивановой"): that person, whichever customer the last note was about. A
    first name alone ("maria") may be someone new at the last note's customer, so the bot asks."""
    words = without_honorific(said or "").casefold().split()
    stored = without_honorific(stored)      # "Priya Shah" is Dr Priya Shah
    if len(words) > 1:        # each word one of the stored name's, in any case form ("Марины Соколовой")
        kept = stored.casefold().replace("ё", "е").split()
        return sorted(words) == sorted(kept) \
            or all(any(same_word(w.replace("ё", "е"), k) for k in kept) for w in words)
    if len(words) != 1 or any("\u3400" <= ch <= "\u9fff" for ch in words[0]) or len(stored.split()) < 2:
        return False
    word = words[0]
    return word not in en_cues.FIRST_NAMES and lookup_first(word) is None


def _same_word(a: str, b: str) -> bool:
    """Two forms of one name ("Ольги", "Ольга"): the same first four letters."""
    a, b = a.strip().casefold(), b.strip().casefold()
    return bool(a and b) and (a == b or (len(a) >= 4 and len(b) >= 4 and a[:4] == b[:4]))


def close_customers(ctx: Ctx, name: str) -> list[Customer]:
    """Known customers whose name opens with the same distinctive word (or Chinese core) as
    `name`, or a typo of it: "Acme Industries" beside Acme Corp, "华彩集团" beside 华彩科技, "Initek"
    beside Initech."""
    key = _core(name)
    if not key:
        return []
    names, aliases = ctx.known() if ctx.known else ((), {})
    close = [known for known in names if _core(known) == key] or _shortened(key, names, aliases) \
        or close_names(key, names)
    out: list[Customer] = []
    for known in close[:5]:
        out += customers_named(ctx.session, ctx.team_id, known)
    return out[:5]


def _shortened(key: str, names: Sequence[str], aliases: Mapping[str, str]) -> list[str]:
    """Known customers whose name or other name opens with `key`, a short form of it ("ЗапСиб" of ЗапСибНефтехим,
    the old name of СИБУР Тобольск)."""
    if len(key) < 5 or any("\u4e00" <= ch <= "\u9fff" for ch in key):
        return []
    out = [known for known in names if _core(known).startswith(key)]
    out += [known for alias, known in aliases.items() if _core(alias).startswith(key) and known not in out]
    return out


def _core(name: str) -> str:
    if any("\u4e00" <= ch <= "\u9fff" for ch in name):
        core = zh_names.parts(name)[1]
        return core if len(core) >= 2 else ""
    tokens = [w for w in name_tokens(name) if w not in COMMON]
    return tokens[0] if tokens and len(tokens[0]) >= 3 else ""
