"""A message pasted into a note, told by whom it greets (handlers/understanding/pasted.py): a customer's
message to one of us ("Dear Mr. Chen", "陈经理你好") has its sender as the contact; our own letter to the
customer, signed by one of us, has its addressee as the contact. One of the team is never a customer's contact."""
from __future__ import annotations

from sqlmodel import select

from handlers.context import Ctx
from handlers.understanding.addressed import names_member
from handlers.understanding.model import Parse
from storage.models import Member


def settle_letter(parse: Parse, ctx: Ctx) -> None:
    """Put the contact of a pasted message right, in `parse` and each of its parts."""
    for part in (parse, *parse.others):
        if part.addressee is None:
            continue
        team = ctx.session.exec(select(Member.name).where(Member.team_id == ctx.team_id)).all()
        ours = [ctx.member.name, *team]
        if part.contact and any(names_member(part.contact, name) for name in ours):
            addressed_to_us = any(names_member(part.addressee, name) for name in ours)
            part.contact = None if addressed_to_us else part.addressee    # our letter to them: whom it greets
            part.contact_role = part.contact_phone = part.contact_email = None
