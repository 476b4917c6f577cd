"""A note the rules read as several customers, with a model configured: the model reads the whole message
and names the note's customer; that confirms or corrects the rules' split.

    pick = choose(model, offline)           # which part the model's reading is, or WHOLE, or None
    parse = arrange(merged, offline, pick)  # the model's part first, then the other parts

- the model names a part's customer: that part takes the model's reading (checked against the message as
  any answer) and comes first; the other parts stay as the rules read them;
- the model names a customer no part has, and the first part's customer is a name the team does not know
  (a header word, "НСРЗ" for АО «Находкинский Судоремонтный Завод"): the first part is the model's customer's;
- the model names a customer no part has and every part's customer is a new name ("Sent", "Subject",
  "Участники", "所以算": a forwarded e-mail or an invitation the rules cut into lines): the split is not
  confirmed at all, the message is one note, the model's;
- the model names a customer of the team no part has, the first part being a known customer's ("晶采" in
  "今天跑了三家 晶采、顺达、宏昇…", where the rules' first part is 顺达's): the model's customer is a part of
  its own, first, with the whole note's words; the rules' parts follow;
- otherwise (a new name no part has, beside a known first part) the split stands and the offline parse is used.

A part whose customer is a new name the model did not name, and is no partner of the note, is not recorded
under that name: the chat says it was not recorded and asks for it on its own (`UNCONFIRMED`). A known
customer's part is always kept (the rules found the team's own name). The model's amount, follow-up or
contact that another kept part holds is that part's: the model's part keeps its own from the rules.
"""
from __future__ import annotations

from dataclasses import replace

from handlers.understanding.lang import casefold
from handlers.understanding.model import Parse
from handlers.understanding.partners import same
from handlers.understanding.same_name import same_person

UNCONFIRMED = "unconfirmed"     # a part's problem: its customer is a new name the model did not name
WHOLE = -1                      # `choose`: the message is one note, the model's
ADDED = -2                      # `choose`: the model's customer is a part of its own, before the rules' parts


def choose(model: Parse, offline: Parse) -> int | None:
    """Which part of `offline` the model's reading is (its index), `WHOLE`, or None (the split stands)."""
    parts = [offline, *offline.others]
    if model.customer is None:
        return None
    for index, part in enumerate(parts):
        if part.customer and _same_customer(model, part):
            return index
    if all(not part.customer_known and not part.partner for part in parts):
        return WHOLE
    if not offline.customer_known:
        return 0
    return ADDED if model.customer_known else None


def base(offline: Parse, pick: int) -> Parse:
    """What the model's reading is merged with: the part it names (the first for `WHOLE`), or for `ADDED`
    the note's words alone (the first part's person, phone and dates are its own)."""
    if pick == ADDED:
        return replace(offline, contact=None, contact_role=None, contact_phone=None, contact_email=None,
                       followup_on=None, followup_at=None, followup_what=None, close_on=None, source=None,
                       touch_days=None, lost_reason=None, refused=[], problems=[], customer_candidates=[],
                       amount=None, currency=None, others=[], person_back=False)
    return offline if pick in (0, WHOLE) else offline.others[pick - 1]


def _same_customer(model: Parse, part: Parse) -> bool:
    a, b = model.customer or "", part.customer or ""
    if casefold(a) == casefold(b):
        return True
    return not model.customer_known and not part.customer_known and same(a, b)


def arrange(main: Parse, offline: Parse, pick: int) -> Parse:
    """`main` (the model's reading merged with the part `pick`) first, then the note's other parts; a new
    name the model did not name is marked `UNCONFIRMED`; what another kept part holds stays that part's."""
    if pick == WHOLE:
        main.others, main.words = [], None
        return main
    parts = [offline, *offline.others]
    chosen = base(offline, pick)
    main.id, main.summary = offline.id, offline.summary
    rest = []
    for index, part in enumerate(parts):
        if index == pick:
            continue
        if index == 0:
            part = replace(offline, others=[], summary=offline.words or offline.summary)
        if not part.customer_known and not part.partner:
            part = replace(part, problems=[*part.problems, UNCONFIRMED])
        rest.append(part)
    kept = [part for part in rest if UNCONFIRMED not in part.problems]
    if main.amount is not None and main.amount != chosen.amount and any(p.amount == main.amount for p in kept):
        main.amount, main.currency = chosen.amount, chosen.currency
    if main.followup_on is not None and main.followup_on != chosen.followup_on \
            and any(p.followup_on == main.followup_on for p in kept):
        main.followup_on, main.followup_at, main.followup_what = chosen.followup_on, chosen.followup_at, \
            chosen.followup_what
    if main.contact and main.contact != chosen.contact \
            and any(p.contact and same_person(p.contact, main.contact) for p in kept):
        main.contact, main.contact_role = chosen.contact, chosen.contact_role
    main.others = rest
    main.words = None if pick == ADDED or not rest else chosen.words if pick > 0 else offline.words
    return main


def repair_from(proposal: Parse, part: Parse, repaired: dict[str, str]) -> None:
    """The fields the checks took from the offline parse's first part, taken from the model's part instead."""
    if "contact" in repaired:
        proposal.contact, proposal.contact_role = part.contact, part.contact_role
    if "amount" in repaired:
        proposal.amount, proposal.currency = part.amount, part.currency
    if "followup_on" in repaired:
        proposal.followup_on, proposal.followup_what = part.followup_on, part.followup_what
    if "birthday" in repaired:
        proposal.birthday = part.birthday
