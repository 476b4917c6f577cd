"""Managers are told at once when a deal above the team's threshold is won or lost.

A deal closed (won or lost) in the last `WINDOW` whose amount reaches the team's `alert_threshold`
(team setting, in the team's currency; `CRM_ALERT_THRESHOLD`; default 0: every win and loss) is a
`deal_alert` nudge to each manager and admin of the team, but the one who owns the deal. An amount
in another currency is converted at the team's rate; one with no rate, or a deal with no amount,
is told whenever a threshold is set at all, since the bot cannot say it is smaller. The alert goes
alone (never folded into a morning digest), at the next tick outside the manager's quiet hours,
at most once (the ledger's key: kind, `deal:<id>:<stage>`, the local day it closed, the manager).
A win undone before the tick is never told; one closed again later is told again.
"""
from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlmodel import Session, col

from scheduler.nudge import Nudge, Recipient, open_choice
from scheduler.texts import money, short, t
from storage.models import Customer, Deal, FxRate, Member, Team, table_of
from storage.reports.money import Rates
from storage.vocabulary import CLOSED_STAGES, MANAGER_ROLES, Stage

WINDOW = timedelta(days=2)  # a process down over a weekend still tells Monday morning, not later


def team_rates(session: Session, team_id: int) -> Rates:
    """The team's exchange rates (`crmbot fx set`)."""
    pairs: dict[tuple[str, str], Decimal] = {}
    for base, quote, rate in session.execute(select(col(FxRate.base), col(FxRate.quote), col(FxRate.rate))
                                             .where(col(FxRate.team_id) == team_id)):
        try:
            value = Decimal(rate)
        except ArithmeticError:
            continue
        if value.is_finite() and value > 0:
            pairs[(base.upper(), quote.upper())] = value
    return Rates(pairs)


def reaches(amount_minor: int | None, currency: str | None, threshold: Decimal, team_currency: str,
            rates: Rates) -> bool:
    """Whether a deal's amount reaches `threshold` (major units of the team's currency)."""
    if threshold <= 0:
        return True
    if amount_minor is None:
        return False
    rate = rates.rate(currency or team_currency, team_currency)
    if rate is None:
        return True  # no rate: the bot cannot tell it is smaller, so the managers hear of it
    return Decimal(amount_minor) * rate >= threshold * 100


def deal_alerts(session: Session, team: Team, since: datetime, until: datetime, managers: dict[int, Recipient],
                threshold: Decimal | None) -> list[Nudge]:
    """Wins and losses closed in [since, until] that reach `threshold`, one nudge per manager (one query)."""
    if threshold is None or not managers or team.id is None:
        return []
    owner = table_of(Member).alias("owner")
    rows = session.execute(
        select(col(Deal.id), col(Deal.stage), col(Deal.amount_minor), col(Deal.currency), col(Deal.closed_at),
               col(Deal.lost_reason), col(Deal.title), col(Deal.owner_id), col(Customer.id), col(Customer.name),
               owner.c.name)
        .join(Customer, col(Customer.id) == Deal.customer_id)
        .outerjoin(owner, owner.c.id == Deal.owner_id)
        .where(col(Deal.team_id) == team.id, col(Deal.stage).in_(CLOSED_STAGES),
               col(Deal.closed_at) >= since, col(Deal.closed_at) <= until)
        .order_by(col(Deal.closed_at), col(Deal.id))).all()
    if not rows:
        return []
    rates = team_rates(session, team.id)
    currency = (team.currency or "USD").upper()
    out = []
    for deal_id, stage, amount, code, closed_at, reason, title, owner_id, customer_id, customer, rep in rows:
        if not reaches(amount, code, threshold, currency, rates):
            continue
        for who in managers.values():
            if who.member_id == owner_id:
                continue
            lang = who.lang
            figure = money(amount, code or currency, lang) if amount is not None else t(lang, "alert_no_amount")
            key = "alert_won" if stage == Stage.WON else "alert_lost"
            text = t(lang, key, rep=rep or t(lang, "alert_nobody"), customer=customer, amount=figure,
                     deal=f" ({short(title, 60)})" if title else "")
            if stage == Stage.LOST and reason:
                text += "\n" + t(lang, "alert_reason", reason=short(reason, 200))
            out.append(Nudge(kind="deal_alert", member_id=who.member_id, platform=who.platform, to=who.to,
                             subject=f"deal:{deal_id}:{stage}", local_day=closed_at.astimezone(who.zone).date(),
                             text=text, lang=lang, customer=customer, customer_id=customer_id,
                             due=closed_at.astimezone(who.zone).date(), line=text.splitlines()[0],
                             choices=open_choice(customer_id, lang), identity_id=who.identity_id,
                             extra={"alone": True}))
    return out


def managers_of(members: dict[int, Recipient]) -> dict[int, Recipient]:
    """The members an alert goes to: managers and admins."""
    return {m: who for m, who in members.items() if who.role in MANAGER_ROLES}
