"""A loss taken back reopens the lost deal, never opens a second one.

"wattle creek back on", "no not lost, they came back", "还没丢，客户又回来了", "не проиграли, они вернулись"
about a customer with no open deal whose latest deal was lost lately: that deal moves back to the stage the
note names, else to the stage it had before it was lost; its lost reason goes (the lost-reasons report and
the win rate no longer count it). A customer lost long ago coming back, or with a new order ("new order …"),
opens a new deal as any note does. Undo gives the lost deal back exactly (the journal)."""
from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select
from sqlmodel import col

from handlers.context import Ctx
from handlers.note_deal import DealPlan, deal_plan
from handlers.understanding.model import Parse
from storage.customers import deals_of
from storage.models import Customer, Deal, StageChange
from storage.vocabulary import CLOSED_STAGES, OPEN_STAGES, Stage

LATELY_DAYS = 90      # a loss older than this is "long ago": the customer coming back opens a new deal


def lost_to_reopen(parse: Parse, ctx: Ctx, customer: Customer | None, open_one: Deal | None) -> Deal | None:
    """The customer's lost deal the note takes back, if any."""
    if not parse.reopens or parse.new_deal or open_one is not None or customer is None or customer.id is None:
        return None
    if parse.stage in CLOSED_STAGES:
        return None
    latest = deals_of(ctx.session, ctx.team_id, customer.id, limit=1)
    if not latest or latest[0].stage != Stage.LOST:
        return None
    lost = latest[0]
    since = lost.closed_at or lost.updated_at
    if (ctx.now.date() - since.date()).days > LATELY_DAYS:
        return None
    return lost


def reopen_plan(parse: Parse, ctx: Ctx, deal: Deal) -> DealPlan:
    """The lost deal back at the stage said (or the one it had), with what else the note says of it."""
    plan = deal_plan(replace(parse, stage=None, lost_reason=None), ctx, deal)
    stage = parse.stage if parse.stage in OPEN_STAGES else _stage_before(ctx, deal)
    plan.changes.update(stage=stage, closed_at=None, lost_reason=None, updated_at=ctx.now)
    if deal.owner_id is None:
        plan.changes["owner_id"] = ctx.member.id
    return plan


def _stage_before(ctx: Ctx, deal: Deal) -> Stage:
    """The stage the deal had before it was lost (qualified when its history does not say)."""
    before = ctx.session.execute(select(col(StageChange.from_stage)).where(
        col(StageChange.deal_id) == deal.id, col(StageChange.to_stage) == Stage.LOST)
        .order_by(col(StageChange.at).desc(), col(StageChange.id).desc()).limit(1)).scalars().first()
    return Stage(before) if before in OPEN_STAGES else Stage.QUALIFIED
