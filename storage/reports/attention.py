"""What needs someone's attention: quiet deals, overdue follow-ups, open inquiries and complaints.
Counts are SQL aggregates; the lists beside them are short (a limit), oldest or largest first."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select

from storage.inquiries import KINDS
from storage.reports.common import as_date, aware, deal_amount, deal_currency, tally, team_facts
from storage.reports.money import Money, Sums, report_currency
from storage.reports.tables import CUSTOMER, DEAL, FOLLOWUP, INQUIRY, INTERACTION, MEMBER
from storage.vocabulary import OPEN_STAGES

INQUIRY_KINDS = KINDS  # inquiry, complaint


@dataclass(frozen=True)
class QuietDeal:
    deal_id: int
    customer: str
    stage: str
    owner: str | None
    amount: Money | None
    last_touch: datetime
    days_quiet: int


@dataclass(frozen=True)
class QuietDeals:
    """Open deals untouched for `days` (since `since`): `sums` counts them all per currency;
    `deals` lists the largest (per their own currency's amount) first."""

    days: int
    since: datetime
    sums: Sums
    deals: tuple[QuietDeal, ...]


def quiet_deals(session: Any, team_id: int, now: datetime, days: int = 14, owner_id: int | None = None,
                limit: int = 20) -> QuietDeals:
    """Open deals not updated, and with no interaction with their customer, since `now - days`."""
    session.flush()
    connection = session.connection()
    facts = team_facts(connection, team_id)
    cutoff = now - timedelta(days=days)
    deal, it, cu, me = DEAL, INTERACTION, CUSTOMER, MEMBER
    # customers touched since the cutoff: one range scan of ix_interaction_team_at, then a
    # covering scan of the open deals not updated since (ix_deal_team_quiet)
    touched = select(it.c.customer_id).where(it.c.team_id == team_id, it.c.at >= cutoff)
    where = [deal.c.team_id == team_id, deal.c.stage.in_(OPEN_STAGES), deal.c.updated_at < cutoff,
             deal.c.customer_id.not_in(touched)]
    if owner_id is not None:
        where.append(deal.c.owner_id == owner_id)
    code, amount = deal_currency(facts), deal_amount()
    tallies = [tally(r.code, r.n, r.minor) for r in connection.execute(
        select(code.label("code"), func.count().label("n"), func.sum(amount).label("minor"))
        .where(*where).group_by(code))]
    # the largest first, chosen from the covering index alone; names only for those few
    picked = (select(deal.c.id).where(*where).order_by(amount.desc(), deal.c.updated_at, deal.c.id)
              .limit(limit).subquery("picked"))
    rows = connection.execute(
        select(deal.c.id, deal.c.customer_id, cu.c.name.label("customer"), deal.c.stage, deal.c.amount_minor,
               code.label("code"), deal.c.updated_at, me.c.name.label("owner"))
        .join(picked, picked.c.id == deal.c.id)
        .join(cu, cu.c.id == deal.c.customer_id).outerjoin(me, me.c.id == deal.c.owner_id)
        .order_by(amount.desc(), deal.c.updated_at, deal.c.id)).all()
    last_seen = dict(connection.execute(
        select(it.c.customer_id, func.max(it.c.at))
        .where(it.c.team_id == team_id, it.c.customer_id.in_({r.customer_id for r in rows}))
        .group_by(it.c.customer_id)).all()) if rows else {}
    deals = []
    for r in rows:  # at most `limit`
        touched_at = max(aware(t) for t in (r.updated_at, last_seen.get(r.customer_id)) if t is not None)
        deals.append(QuietDeal(r.id, r.customer, r.stage, r.owner,
                               Money(int(r.amount_minor), r.code) if r.amount_minor is not None else None,
                               touched_at, max(0, (now - touched_at).days)))
    currency = report_currency(tallies, facts.currency, facts.rates)
    return QuietDeals(days, cutoff, Sums.of(tallies, currency, facts.rates), tuple(deals))


@dataclass(frozen=True)
class OverdueFollowUp:
    id: int
    due: date
    days_late: int
    customer: str
    member: str
    what: str


@dataclass(frozen=True)
class MemberOverdue:
    member_id: int
    name: str
    count: int
    oldest: date


@dataclass(frozen=True)
class Overdue:
    """Open follow-ups due before `today`: how many, per member (most first), the oldest listed."""

    today: date
    count: int
    per_member: tuple[MemberOverdue, ...]
    followups: tuple[OverdueFollowUp, ...]


def overdue_followups(session: Any, team_id: int, today: date, member_id: int | None = None,
                      since: date | None = None, limit: int = 30) -> Overdue:
    """Open follow-ups due before `today` (and on or after `since`), oldest first."""
    session.flush()
    connection = session.connection()
    fu, cu, me = FOLLOWUP, CUSTOMER, MEMBER
    where = [fu.c.team_id == team_id, fu.c.done_at.is_(None), fu.c.due < today]
    if member_id is not None:
        where.append(fu.c.member_id == member_id)
    if since is not None:
        where.append(fu.c.due >= since)
    per = connection.execute(select(fu.c.member_id, me.c.name, func.count().label("n"),
                                    func.min(fu.c.due).label("oldest"))
                             .join(me, me.c.id == fu.c.member_id).where(*where)
                             .group_by(fu.c.member_id, me.c.name).order_by(func.count().desc(), me.c.name)).all()
    rows = connection.execute(select(fu.c.id, fu.c.due, fu.c.what, cu.c.name.label("customer"),
                                     me.c.name.label("member"))
                              .join(cu, cu.c.id == fu.c.customer_id).join(me, me.c.id == fu.c.member_id)
                              .where(*where).order_by(fu.c.due, fu.c.id).limit(limit)).all()
    return Overdue(today, sum(int(p.n) for p in per),
                   tuple(MemberOverdue(p.member_id, p.name, int(p.n), as_date(p.oldest)) for p in per),
                   tuple(OverdueFollowUp(r.id, as_date(r.due), (today - as_date(r.due)).days, r.customer, r.member,
                                         r.what or "") for r in rows))


@dataclass(frozen=True)
class InquiryCounts:
    kind: str
    open: int
    resolved: int


@dataclass(frozen=True)
class InquiryItem:
    id: int
    number: int  # the team's own numbering, shown as "#3"
    kind: str
    status: str
    text: str
    customer: str
    member: str | None
    opened_at: datetime
    resolved_at: datetime | None


@dataclass(frozen=True)
class Inquiries:
    """Inquiries and complaints: counts per kind and status; the listed ones oldest first."""

    counts: tuple[InquiryCounts, ...]
    items: tuple[InquiryItem, ...]

    @property
    def open(self) -> int:
        return sum(c.open for c in self.counts)

    def of(self, kind: str) -> InquiryCounts:
        return next((c for c in self.counts if c.kind == kind), InquiryCounts(kind, 0, 0))


def inquiries_report(session: Any, team_id: int, since: datetime | None = None, until: datetime | None = None,
                     member_id: int | None = None, include_resolved: bool = False, limit: int = 30) -> Inquiries:
    """Counts per kind and status, and the open ones (or all, with `include_resolved`) opened in
    [since, until), oldest first, with the customer and who logged them."""
    session.flush()
    connection = session.connection()
    iq, cu, me = INQUIRY, CUSTOMER, MEMBER
    where = [iq.c.team_id == team_id]
    if since is not None:
        where.append(iq.c.opened_at >= since)
    if until is not None:
        where.append(iq.c.opened_at < until)
    if member_id is not None:
        where.append(iq.c.member_id == member_id)
    counts = {(k, s): int(n) for k, s, n in connection.execute(
        select(iq.c.kind, iq.c.status, func.count()).where(*where).group_by(iq.c.kind, iq.c.status))}
    listed = list(where) if include_resolved else where + [iq.c.status == "open"]
    rows = connection.execute(
        select(iq.c.id, iq.c.number, iq.c.kind, iq.c.status, iq.c.text, iq.c.opened_at, iq.c.resolved_at,
               cu.c.name.label("customer"), me.c.name.label("member"))
        .join(cu, cu.c.id == iq.c.customer_id).outerjoin(me, me.c.id == iq.c.member_id)
        .where(*listed).order_by(iq.c.opened_at, iq.c.id).limit(limit)).all()
    return Inquiries(
        tuple(InquiryCounts(kind, counts.get((kind, "open"), 0), counts.get((kind, "resolved"), 0))
              for kind in INQUIRY_KINDS),
        tuple(InquiryItem(r.id, r.number, r.kind, r.status, r.text, r.customer, r.member, aware(r.opened_at),
                          aware(r.resolved_at) if r.resolved_at else None) for r in rows))
