"""Lead sources, top customers, quiet deals and overdue follow-ups: SQL aggregates and short lists."""
from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import and_, case, func, literal, select

from storage.models import Customer, Deal, FollowUp, Interaction, Member, SourceCost
from storage.vocabulary import OPEN_STAGES, Stage
from storage.reports_common import (converted, currency_of, instants, major, money, period_json,
                                    rate_case, team_facts)


def _currencies(connection, team_id: int, code) -> list[str]:
    deal = Deal.__table__
    return [c for c in connection.execute(select(code).where(deal.c.team_id == team_id).distinct()).scalars()]


def sources(session, team_id: int, start: date, end: date, currency: str | None = None) -> dict[str, Any]:
    """Per lead source (Customer.source; none is null): customers (all), new customers and won
    deals closed in [start, end], revenue (converted; currencies without a rate apart), spend
    entered for periods inside [start, end] and revenue per unit of spend. Largest revenue first."""
    session.flush()
    connection = session.connection()
    facts = team_facts(connection, team_id)
    target = (currency or facts.currency).upper()
    since, until = instants(start, end, facts.zone)
    cu, deal, cost = Customer.__table__, Deal.__table__, SourceCost.__table__
    src = func.coalesce(cu.c.source, literal(""))
    per: dict[str, dict[str, Any]] = defaultdict(lambda: {"customers": 0, "new_customers": 0, "won": 0,
                                                          "revenue": {}, "won_by": {}, "cost": {}})
    for row in connection.execute(
            select(src.label("src"), func.count().label("n"),
                   func.sum(case((and_(cu.c.created_at >= since, cu.c.created_at < until), 1), else_=0))
                   .label("new")).where(cu.c.team_id == team_id).group_by(src)):
        per[row.src].update(customers=int(row.n), new_customers=int(row.new or 0))
    code = currency_of(deal.c.currency, facts.currency)
    for row in connection.execute(
            select(src.label("src"), code.label("code"), func.count().label("n"),
                   func.sum(func.coalesce(deal.c.amount_minor, 0)).label("minor"))
            .join(cu, cu.c.id == deal.c.customer_id)
            .where(deal.c.team_id == team_id, deal.c.stage == Stage.WON,
                   deal.c.closed_at >= since, deal.c.closed_at < until)
            .group_by(src, code)):
        slot = per[row.src]
        slot["won"] += int(row.n)
        slot["revenue"][row.code] = int(row.minor or 0)
        slot["won_by"][row.code] = int(row.n)
    for row in connection.execute(
            select(cost.c.source, cost.c.currency, func.sum(cost.c.amount_minor).label("minor"))
            .where(cost.c.team_id == team_id, cost.c.period_from >= start, cost.c.period_to <= end)
            .group_by(cost.c.source, cost.c.currency)):
        per[row.source]["cost"][row.currency.upper()] = int(row.minor or 0)

    out, apart = [], []
    for name, slot in per.items():  # one entry per source: a handful
        revenue = converted(facts, slot["revenue"], target, slot["won_by"])
        spend = converted(facts, slot["cost"], target) if slot["cost"] else None
        item = {"source": name or None, "customers": slot["customers"], "new_customers": slot["new_customers"],
                "won": slot["won"], "revenue": revenue["amount"],
                "cost": spend["amount"] if spend and not spend["unconverted"] else None,
                "revenue_per_cost": None}
        if item["cost"]:
            item["revenue_per_cost"] = money(Decimal(str(revenue["amount"])) / Decimal(str(item["cost"])))
        for a in revenue["unconverted"]:
            apart.append({"source": name or None, **a})
        out.append(item)
    out.sort(key=lambda i: (-Decimal(str(i["revenue"])), -i["customers"], i["source"] or "~"))
    return {"period": period_json(start, end), "currency": target, "sources": out, "unconverted": apart}


def top_customers(session, team_id: int, start: date, end: date, currency: str | None = None,
                  limit: int = 10, vip_threshold: float | None = None) -> dict[str, Any]:
    """Revenue (won deals closed in [start, end]) per customer, in one currency, largest first.

    `top20_share_pct`: the share of revenue held by the top 20% of customers with revenue
    (rounded up: 1 of 1-5, 2 of 6-10, ...). VIP: revenue ≥ `vip_threshold` (the argument,
    else the team's `settings["vip_threshold"]`, else the smallest revenue inside the top
    20%). Won deals in a currency without a rate are left out of the ranking and listed apart.
    """
    session.flush()
    connection = session.connection()
    facts = team_facts(connection, team_id)
    target = (currency or facts.currency).upper()
    since, until = instants(start, end, facts.zone)
    deal, cu = Deal.__table__, Customer.__table__
    code = currency_of(deal.c.currency, facts.currency)
    factor = rate_case(facts, code, target, _currencies(connection, team_id, code))
    won = and_(deal.c.team_id == team_id, deal.c.stage == Stage.WON,
               deal.c.closed_at >= since, deal.c.closed_at < until)
    per_customer = (select(deal.c.customer_id, func.sum(func.coalesce(deal.c.amount_minor, 0) * factor)
                           .label("rev"), func.count().label("deals"))
                    .where(won, factor.is_not(None)).group_by(deal.c.customer_id)
                    .having(func.sum(func.coalesce(deal.c.amount_minor, 0) * factor) > 0).subquery("pc"))
    ranked = select(per_customer.c.customer_id, per_customer.c.rev, per_customer.c.deals,
                    func.row_number().over(order_by=(per_customer.c.rev.desc(), per_customer.c.customer_id))
                    .label("rn"), func.count().over().label("n")).subquery("ranked")
    top_k = (ranked.c.n + 4) / 5
    summary = connection.execute(select(
        func.count().label("customers"), func.sum(ranked.c.rev).label("total"),
        func.sum(case((ranked.c.rn <= top_k, ranked.c.rev), else_=0)).label("top"),
        func.min(case((ranked.c.rn <= top_k, ranked.c.rev))).label("floor"),
        func.max(top_k).label("k"))).one()
    setting = facts.settings.get("vip_threshold")
    threshold_major = vip_threshold if vip_threshold is not None else setting
    threshold_minor = (Decimal(str(threshold_major)) * 100 if threshold_major is not None
                       else Decimal(str(summary.floor)) if summary.floor is not None else None)
    vip_count = 0
    if threshold_minor is not None:
        vip_count = connection.execute(select(func.count()).select_from(per_customer)
                                       .where(per_customer.c.rev >= float(threshold_minor))).scalar_one()
    rows = connection.execute(
        select(ranked.c.customer_id, cu.c.name, ranked.c.rev, ranked.c.deals, ranked.c.rn)
        .join(cu, cu.c.id == ranked.c.customer_id).where(ranked.c.rn <= limit).order_by(ranked.c.rn)).all()
    apart = connection.execute(
        select(code.label("code"), func.count().label("n"), func.sum(deal.c.amount_minor).label("minor"))
        .where(won, factor.is_(None)).group_by(code)).all()
    total = Decimal(str(summary.total or 0))
    return {
        "period": period_json(start, end), "currency": target,
        "customers_with_revenue": int(summary.customers or 0),
        "total": major(total),
        "top20_count": int(summary.k or 0),
        "top20_share_pct": round(float(Decimal(str(summary.top or 0)) * 100 / total), 1) if total else None,
        "vip_threshold": major(threshold_minor) if threshold_minor is not None else None,
        "vip_count": int(vip_count),
        "top": [{"rank": int(r.rn), "customer_id": r.customer_id, "name": r.name, "revenue": major(r.rev),
                 "deals": int(r.deals), "share_pct": round(float(Decimal(str(r.rev)) * 100 / total), 1),
                 "vip": threshold_minor is not None and Decimal(str(r.rev)) >= threshold_minor}
                for r in rows],
        "unconverted": [{"currency": r.code, "count": int(r.n), "amount": major(r.minor)} for r in apart],
    }


def quiet_deals(session, team_id: int, now: datetime, days: int = 14, owner_id: int | None = None,
                limit: int = 20) -> dict[str, Any]:
    """Open deals untouched for `days`: not updated, and no interaction with the customer, since
    `now - days`. Largest first (per currency, never added across), with the last touch."""
    session.flush()
    connection = session.connection()
    facts = team_facts(connection, team_id)
    cutoff = now - timedelta(days=days)
    deal, it, cu, me = Deal.__table__, Interaction.__table__, Customer.__table__, Member.__table__
    # customers touched since the cutoff: one range scan of ix_interaction_team_at, then a
    # covering scan of the open deals not updated since (ix_deal_team_quiet)
    touched = select(it.c.customer_id).where(it.c.team_id == team_id, it.c.at >= cutoff)
    where = [deal.c.team_id == team_id, deal.c.stage.in_(OPEN_STAGES), deal.c.updated_at < cutoff,
             deal.c.customer_id.not_in(touched)]
    if owner_id is not None:
        where.append(deal.c.owner_id == owner_id)
    code = currency_of(deal.c.currency, facts.currency)
    sums = connection.execute(select(code.label("code"), func.count().label("n"),
                                     func.sum(func.coalesce(deal.c.amount_minor, 0)).label("minor"))
                              .where(*where).group_by(code)).all()
    # the largest first, chosen from the covering index alone; names only for those few
    amount = func.coalesce(deal.c.amount_minor, 0)
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
    items = []
    for r in rows:
        touched_at = max(_aware(t) for t in (r.updated_at, last_seen.get(r.customer_id)) if t is not None)
        items.append({"deal_id": r.id, "customer": r.customer, "stage": r.stage, "owner": r.owner,
                      "amount": major(r.amount_minor) if r.amount_minor is not None else None,
                      "currency": r.code, "last_touch": _iso(touched_at),
                      "days_quiet": max(0, (now - touched_at).days)})
    return {"days": days, "since": _iso(cutoff), "count": sum(int(r.n) for r in sums),
            "by_currency": {r.code: {"count": int(r.n), "amount": major(r.minor)} for r in sums},
            "deals": items}


def overdue_followups(session, team_id: int, today: date, member_id: int | None = None,
                      since: date | None = None, limit: int = 30) -> dict[str, Any]:
    """Open follow-ups due before `today` (and on or after `since`): counts per member, oldest first."""
    session.flush()
    connection = session.connection()
    fu, cu, me = FollowUp.__table__, Customer.__table__, Member.__table__
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
    return {"today": today.isoformat(), "count": sum(int(p.n) for p in per),
            "per_member": [{"member_id": p.member_id, "name": p.name, "count": int(p.n),
                            "oldest": _iso(p.oldest)} for p in per],
            "followups": [{"id": r.id, "due": _iso(r.due), "days_late": (today - _day(r.due)).days,
                           "customer": r.customer, "member": r.member, "what": r.what} for r in rows]}


def _aware(moment: datetime) -> datetime:
    from datetime import timezone
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _day(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def _iso(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return _aware(value).isoformat()
    return value.isoformat() if hasattr(value, "isoformat") else str(value)
