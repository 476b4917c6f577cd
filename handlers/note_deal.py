"""What a note does to its customer's open deal: whether it speaks of one, the changes it asks for
(planned before anything is written, so a refusal writes nothing), and their writing and reply lines."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from handlers.context import Ctx, journal_of
from handlers.labels import lost_reason_label
from handlers.stage_names import StageNames
from handlers.texts import day, money, t
from handlers.understanding.languages import cues
from handlers.understanding.model import Parse
from storage.customers import open_deal
from storage.models import Customer, Deal, StageChange, stored_id
from storage.team_stages import moves_forward, stage_in_use as team_stage_in_use, team_stages
from storage.vocabulary import CLOSED_STAGES, OPEN_STAGES, Stage

Lines = list[tuple[str, dict]]      # what the reply lists: a text key and its values, in order


def touches_deal(parse: Parse) -> bool:
    """Whether the note speaks of a deal: an amount, a close date, or a stage past a first contact
    ("lead" is also what understanding calls any note about a company new to the team; a lead opens a
    deal only when the words say so: "new lead", "prospect"). A first visit or call alone opens no
    deal, so the pipeline holds only deals someone spoke of (README, "What you can say")."""
    return bool((parse.stage and (parse.stage != Stage.LEAD or parse.deal_said)) or parse.amount is not None
                or parse.close_on is not None)


def deal_touched(parse: Parse, ctx: Ctx, customer: Customer | None) -> Deal | None:
    """The known customer's open deal, when the note says something about a deal: the writer's own
    there first. None when the note speaks of a deal of its own ("new order …", "又下了一单 … 2.4万"): it opens one."""
    if customer is None or customer.id is None or ctx.team.id is None or not touches_deal(parse):
        return None
    deal = open_deal(ctx.session, ctx.team.id, customer.id, ctx.member.id)
    return None if deal is not None and another_deal(parse, deal) else deal


def another_deal(parse: Parse, deal: Deal) -> bool:
    """Whether the note speaks of a deal of its own beside the open `deal`: its words say so ("new order",
    "又下了一单") and its figure is another than the open deal's ("华信科技新订单 8万" of a deal at 8万 is
    that deal ordered; an amount added to it stays the deal's)."""
    if not parse.new_deal or parse.amount is None or parse.amount_added:
        return False
    return int((Decimal(parse.amount) * 100).to_integral_value()) != deal.amount_minor


def opens_beside(parse: Parse, plan: "DealPlan", deal: Deal) -> bool:
    """Whether a note that may not change a colleague's `deal` speaks of a deal of its own instead: a
    new figure at a first stage (a quote, an order asked for), not said as the deal's figure revised
    nor added to it, and no move of the deal's stage. Such a note opens the writer's own deal."""
    first = parse.stage in (None, Stage.LEAD, Stage.QUALIFIED, Stage.PROPOSAL) and not parse.stage_back
    return (first and parse.amount is not None and "amount_minor" in plan.changes
            and not parse.amount_revised and not parse.amount_added)


def deal_facts(parse: Parse, ctx: Ctx, deal: Deal, changes: dict, lines: Lines) -> None:
    """The expected close date and, for a deal lost now, why: as changes of `deal` and reply lines."""
    if parse.close_on is not None and parse.close_on != deal.expected_close \
            and changes.get("stage", deal.stage) not in CLOSED_STAGES:
        changes["expected_close"] = parse.close_on
        lines.append(("deal_close", {"day": day(parse.close_on, ctx.lang)}))
    if parse.lost_reason and changes.get("stage", deal.stage) == Stage.LOST \
            and parse.lost_reason != deal.lost_reason:
        changes["lost_reason"] = parse.lost_reason[:500]
        lines.append(("deal_lost_reason", {"reason": lost_reason_label(parse.lost_reason, ctx.lang)}))


@dataclass
class DealPlan:
    """What a note does to the customer's open deal: its amount in minor units, its currency, and
    the changes to an existing deal (empty: it changes nothing)."""

    minor: int | None
    currency: str
    changes: dict[str, Any]
    facts: list[tuple[str, dict]]  # reply lines of the close date and lost reason it sets
    left: list[tuple[str, dict]] = field(default_factory=list)   # reply lines of what it said and did not apply


DEFAULT_CURRENCY = "USD"   # a team's currency until it sets one (`Team.currency`)


def unsaid_currency(parse: Parse, ctx: Ctx, deal: Deal | None = None) -> str:
    """The currency of an amount written without one: the team's, once the team set one of its own
    (a team in tenge: "КП на 4,8 млн" is ₸); a team still in US dollars, the default, takes the
    writer's language's ("报价12万" is yuan, "КП на 1,2 млн" roubles), else the deal's."""
    team = ctx.team.currency
    if team != DEFAULT_CURRENCY:
        return team
    return parse.currency or (deal.currency if deal else None) or cues(parse.lang).LOCAL_CURRENCY or team


def deal_plan(parse: Parse, ctx: Ctx, deal: Deal | None) -> DealPlan:
    """The deal changes the note asks for, before anything is written (so a refusal writes nothing)."""
    minor = int((Decimal(parse.amount) * 100).to_integral_value()) if parse.amount is not None else None
    held = deal.currency if deal is not None and deal.amount_minor is not None else None
    said = parse.currency if parse.currency_said else None      # a bare amount takes the open deal's currency
    currency = said or held or unsaid_currency(parse, ctx, deal)
    changes: dict[str, Any] = {}
    facts: list[tuple[str, dict]] = []
    if deal is None:
        return DealPlan(minor, currency, changes, facts)
    if parse.stage and parse.stage != deal.stage and (parse.stage_back and deal.stage in OPEN_STAGES or moves_forward(
            deal.stage, parse.stage, team_stages(ctx.team.settings))):     # "went back to proposal": back it goes
        changes.update(stage=parse.stage, closed_at=ctx.now if parse.stage in CLOSED_STAGES else None)
    left: Lines = []
    if minor is not None and parse.amount_added and deal.amount_minor is not None:
        # "another 15k", "预算再加3万": the deal grows by it; an addition in another currency is named, not added
        if currency != deal.currency:
            left.append(("deal_added_other_currency", {"amount": money(minor, currency, ctx.lang),
                                                       "deal": money(deal.amount_minor, deal.currency, ctx.lang)}))
        minor = deal.amount_minor + minor if currency == deal.currency else deal.amount_minor
        currency = deal.currency or currency
    if minor is not None and (minor != deal.amount_minor or currency != deal.currency):
        changes.update(amount_minor=minor, currency=currency)
    deal_facts(parse, ctx, deal, changes, facts)
    if changes:
        changes["updated_at"] = ctx.now
        if deal.owner_id is None:  # a deal nobody owned becomes the changer's
            changes["owner_id"] = ctx.member.id
    return DealPlan(minor, currency, changes, facts, left)


def write_deal(parse: Parse, ctx: Ctx, customer: Customer, deal: Deal | None, plan: DealPlan,
                lines: Lines) -> None:
    journal = journal_of(ctx)
    minor, currency = plan.minor, plan.currency
    if deal is None:
        stage = parse.stage or Stage.LEAD
        deal = Deal(team_id=ctx.team_id, customer_id=stored_id(customer), stage=stage,
                    amount_minor=minor, currency=currency if minor is not None else None,
                    owner_id=ctx.member.id, created_at=ctx.now, updated_at=ctx.now,
                    closed_at=ctx.now if stage in CLOSED_STAGES else None)
        facts: dict = {}
        deal_facts(parse, ctx, deal, facts, [])
        for key, value in facts.items():
            setattr(deal, key, value)
        journal.add(deal)
        journal.insert(StageChange, team_id=ctx.team.id, deal_id=deal.id, from_stage=None, to_stage=stage,
                       at=ctx.now, member_id=ctx.member.id)
        amount = t(ctx.lang, "amount_after", amount=money(minor, currency, ctx.lang)) if minor is not None else ""
        lines.append(("deal_new", {"stage": StageNames.of(ctx.team.settings)(stage, ctx.lang), "amount": amount}))
        deal_facts(parse, ctx, Deal(team_id=deal.team_id, customer_id=deal.customer_id, stage=stage), {}, lines)
        return
    if not plan.changes:
        lines += plan.left
        return
    old = deal.stage
    before = (deal.amount_minor, deal.currency)
    journal.change(deal, **plan.changes)
    if "stage" in plan.changes:
        journal.insert(StageChange, team_id=ctx.team.id, deal_id=deal.id, from_stage=old,
                       to_stage=deal.stage, at=ctx.now, member_id=ctx.member.id)
        names = StageNames.of(ctx.team.settings)
        lines.append(("deal_stage", {"old": names(old, ctx.lang), "new": names(deal.stage, ctx.lang)}))
    if "amount_minor" in plan.changes or "currency" in plan.changes:
        lines += amount_lines(ctx, before, (deal.amount_minor, deal.currency))
    lines += plan.facts + plan.left


def amount_lines(ctx: Ctx, before: tuple[int | None, str | None],
                  after: tuple[int | None, str | None]) -> list[tuple[str, dict]]:
    """The deal's amount as it was and as it is now ("$20,000 → 500 000 ₽"), and a plain word when
    the currency changed: a note never changes what a deal is worth silently."""
    (old_minor, old_currency), (new_minor, new_currency) = before, after
    new = money(new_minor, new_currency, ctx.lang) if new_minor is not None else "—"
    if old_minor is None:
        return [("deal_amount", {"amount": new})]
    lines: Lines = [("deal_amount_changed", {
        "old": money(old_minor, old_currency, ctx.lang), "new": new})]
    if old_currency and new_currency and old_currency != new_currency:
        lines.append(("deal_currency_changed", {"old": old_currency, "new": new_currency}))
    return lines


def switched_off_stage(parse: Parse, ctx: Ctx) -> Stage | None:
    """A note's stage the team has switched off counts as the nearest stage it uses before it
    (storage.team_stages.stage_in_use); the stage said, when it was switched off, else None."""
    if not parse.stage or parse.stage not in OPEN_STAGES:
        return None
    used = team_stage_in_use(parse.stage, team_stages(ctx.team.settings))
    if used == parse.stage:
        return None
    said, parse.stage = Stage(parse.stage), used
    return said
