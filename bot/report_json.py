"""Reports as JSON, written only here, at the CLI's edge (`crmbot report X --json`).

Amounts are in currency units, as JSON numbers (an int when whole, else two decimals), beside
their currency; dates are ISO strings. The pipeline keeps the contract's fields and meanings
(shared/contracts: period, stages[{stage, count, amount, weighted}], undated{count, amount},
total, weighted_total, currency); every report adds what the chat shows beside its figures:
the rates used (`rates`), currencies kept apart for want of a rate (`unconverted`, each with
its own count), and every currency as stored (`by_currency`).
"""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from storage.reports import (Activity, BiggestDeals, Forecast, Funnel, Inquiries, Leaderboard, Losses, Money,
                             Overdue, Period, Pipeline, QuietDeals, Sources, Sums, Tally, TopCustomers)
from storage.reports.money import MINOR_PER_UNIT
from storage.reports.people import Counters
from storage.vocabulary import Stage

Json = dict[str, Any]
RATE_PLACES = Decimal("1e-10")


def units(minor: int) -> int | float:
    """Minor units as a JSON number of currency units: 4200000 → 42000, 123456 → 1234.56."""
    value = Decimal(minor) / MINOR_PER_UNIT
    return int(value) if value == value.to_integral_value() else float(value)


def money(amount: Money | None) -> int | float | None:
    return None if amount is None else units(amount.minor)


def period(span: Period) -> Json:
    return {"from": span.start.isoformat(), "to": span.end.isoformat()}


def when(value: date | datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def tally(part: Tally, weighted: bool = True) -> Json:
    out: Json = {"currency": part.currency, "count": part.count, "amount": units(part.minor)}
    if weighted:
        out["weighted"] = units(part.weighted_minor)
    return out


def sums(figures: Sums, weighted: bool = True) -> Json:
    """A `Sums`: count and amounts in its currency, the rates used, the currencies apart."""
    out = tally(figures.total, weighted) | {"rates": rates(figures)}
    out["unconverted"] = [tally(part, weighted) for part in figures.apart]
    return out


def rates(figures: Sums) -> dict[str, str]:
    """The rates a figure was converted at: {"CNY": "0.14"} (to the figure's currency), written out
    in full ("90", never "9E+1"), an inverse rate to ten decimals."""
    return {r.currency: _rate(r.rate) for r in figures.rates}


def _rate(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text if len(text) <= 12 else format(value.quantize(RATE_PLACES).normalize(), "f")


def pipeline(report: Pipeline) -> Json:
    """The contract's pipeline object: money fields hold the deals in `currency` (converted into it
    at the team's rates, named in `rates`), and `count`s count exactly those deals; deals in a
    currency without a rate are under `unconverted`, each currency with its own counts."""
    total = report.total
    apart = {part.currency: part for part in total.apart}
    undated_apart = {part.currency: part for part in report.undated.apart}
    return {
        "period": period(report.period),
        "stages": [{"stage": line.stage, "count": line.sums.total.count, "amount": units(line.sums.total.minor),
                    "weighted": units(line.sums.total.weighted_minor)} for line in report.stages],
        "undated": {"count": report.undated.total.count, "amount": units(report.undated.total.minor)},
        "total": units(total.total.minor),
        "weighted_total": units(total.total.weighted_minor),
        "currency": report.currency,
        "count": total.total.count,
        "mixed_currency": total.mixed,
        "rates": rates(total),
        "unconverted": [tally(part) | {"undated": _undated(undated_apart.get(code)),
                                       "stages": _apart_stages(report, code)} for code, part in apart.items()],
        "by_currency": [tally(part) for part in total.by_currency],
        "per_owner": [{"owner_id": o.owner_id, "name": o.name} | _owner(o.sums) for o in report.per_owner],
        "owner_id": report.owner_id,
    }


def _undated(part: Tally | None) -> Json:
    return {"count": part.count if part else 0, "amount": units(part.minor) if part else 0}


def _apart_stages(report: Pipeline, code: str) -> list[Json]:
    out = []
    for line in report.stages:
        part = next((p for p in line.sums.apart if p.currency == code), None)
        if part is not None:
            out.append({"stage": line.stage, "count": part.count, "amount": units(part.minor),
                        "weighted": units(part.weighted_minor)})
    return out


def _owner(figures: Sums) -> Json:
    out = tally(figures.total)
    del out["currency"]
    if figures.apart:
        out["unconverted"] = [tally(part) for part in figures.apart]
    return out


def forecast(report: Forecast) -> Json:
    won, open_, undated = report.won.total, report.open.total, report.undated.total
    return {
        "period": period(report.period), "currency": report.currency,
        "won": {"count": won.count, "amount": units(won.minor)},
        "open": {"count": open_.count, "amount": units(open_.minor)},
        "weighted": units(open_.weighted_minor),
        "undated": {"count": undated.count, "amount": units(undated.minor), "weighted": units(undated.weighted_minor)},
        "projected": money(report.projected), "target": money(report.target_amount), "gap": money(report.gap),
        "projected_gap": money(report.projected_gap), "attainment_pct": report.attainment_pct,
        "rates": {**rates(report.open), **rates(report.won), **rates(report.undated)},
        "unconverted": _forecast_apart(report),
    }


def _forecast_apart(report: Forecast) -> list[Json]:
    out: dict[str, Json] = {}
    for name, figures in (("won", report.won), ("open", report.open), ("undated", report.undated)):
        for part in figures.apart:
            slot = out.setdefault(part.currency, {"currency": part.currency})
            slot[name] = units(part.minor)
            slot[f"{name}_count"] = part.count
            if name == "open":
                slot["weighted"] = units(part.weighted_minor)
    return [out[code] for code in sorted(out)]


def funnel(report: Funnel) -> Json:
    return {
        "period": period(report.period), "entered": report.entered,
        "stages": [{"stage": s.stage, "reached": s.reached}
                   | ({"to_next_pct": s.to_next_pct, "to_won_pct": s.to_won_pct, "avg_days": s.avg_days}
                      if s.stage != Stage.WON else {}) for s in report.stages],
        "won": report.won, "lost": report.lost, "open": report.open, "win_rate_pct": report.win_rate_pct,
        "lost_reasons": [{"reason": r.reason, "count": r.count} for r in report.lost_reasons],
    }


def counters(did: Counters) -> Json:
    return {"channels": {c.channel: c.count for c in did.channels}, "interactions": did.interactions,
            "new_customers": did.new_customers, "deals_new": did.deals_new, "deals_moved": did.deals_moved,
            "deals_won": did.deals_won, "followups_done": did.followups_done,
            "followups_overdue": did.followups_overdue}


def activity(report: Activity) -> Json:
    return {
        "period": period(report.period),
        "members": [{"member_id": m.member_id, "name": m.name, "role": m.role} | counters(m.did)
                    | {"targets": [{"metric": g.metric, "target": g.target, "actual": g.actual, "pct": g.pct,
                                    "period": period(g.period)} for g in m.targets]} for m in report.members],
        "totals": counters(report.totals),
        "recent": [{"at": when(r.at), "customer": r.customer, "channel": r.channel, "text": r.text}
                   for r in report.recent],
    }


def leaderboard(report: Leaderboard) -> Json:
    return {
        "period": period(report.period), "currency": report.currency,
        "rows": [{"rank": rank, "member_id": r.member_id, "name": r.name, "won": sums(r.won, weighted=False),
                  "activities": r.interactions, "deals_moved": r.deals_moved, "new_customers": r.new_customers}
                 for rank, r in enumerate(report.rows, 1)],
        "total": sums(report.total, weighted=False),
    }


def sources(report: Sources) -> Json:
    return {
        "period": period(report.period), "currency": report.currency,
        "sources": [{"source": s.source, "customers": s.customers, "new_customers": s.new_customers,
                     "won": s.revenue.count, "revenue": units(s.revenue.total.minor),
                     "cost": units(s.cost.total.minor) if s.cost is not None and not s.cost.apart else None,
                     "revenue_per_cost": s.revenue_per_cost,
                     "unconverted": [tally(part, weighted=False) for part in s.revenue.apart]} for s in report.sources],
        "unconverted": [{"source": s.source} | tally(part, weighted=False)
                        for s in report.sources for part in s.revenue.apart],
        "rates": rates(report.revenue),
    }


def lost(report: Losses) -> Json:
    """Deals lost per reason: the reason as stored (a LostReason value or a rep's words; null: none)."""
    return {
        "period": period(report.period), "currency": report.currency,
        "reasons": [{"reason": r.reason, "count": r.lost.count, "amount": units(r.lost.total.minor),
                     "unconverted": [tally(part, weighted=False) for part in r.lost.apart]} for r in report.reasons],
        "total": sums(report.lost, weighted=False),
    }


def top(report: TopCustomers) -> Json:
    return {
        "period": period(report.period), "currency": report.currency,
        "customers_with_revenue": report.customers_with_revenue, "total": money(report.total),
        "top20_count": report.top20_count, "top20_share_pct": report.top20_share_pct,
        "vip_threshold": money(report.vip_threshold), "vip_count": report.vip_count,
        "top": [{"rank": r.rank, "customer_id": r.customer_id, "name": r.name, "revenue": money(r.revenue),
                 "deals": r.deals, "share_pct": r.share_pct, "vip": r.vip} for r in report.top],
        "unconverted": [tally(part, weighted=False) for part in report.won.apart],
        "rates": rates(report.won),
    }


def deals(report: BiggestDeals) -> Json:
    """The biggest deals: each with its amount as stored and in the report currency (`shown`)."""
    return {
        "won": report.won, "period": period(report.period) if report.period else None, "currency": report.currency,
        "deals": [{"rank": rank, "deal_id": d.deal_id, "customer_id": d.customer_id, "customer": d.customer,
                   "stage": d.stage, "amount": money(d.amount), "amount_currency": d.amount.currency,
                   "shown": money(d.shown), "owner": d.owner, "expected_close": when(d.expected_close),
                   "closed_on": when(d.closed_on)} for rank, d in enumerate(report.deals, 1)],
        "rates": {r.currency: _rate(r.rate) for r in report.rates},
        "unconverted": [tally(part, weighted=False) for part in report.apart],
        "unpriced": report.unpriced,
    }


def quiet(report: QuietDeals) -> Json:
    return {
        "days": report.days, "since": when(report.since), "count": report.sums.count,
        "by_currency": {part.currency: {"count": part.count, "amount": units(part.minor)}
                        for part in report.sums.by_currency},
        "deals": [{"deal_id": d.deal_id, "customer": d.customer, "stage": d.stage, "owner": d.owner,
                   "amount": money(d.amount), "currency": d.amount.currency if d.amount else None,
                   "last_touch": when(d.last_touch), "days_quiet": d.days_quiet} for d in report.deals],
    }


def overdue(report: Overdue) -> Json:
    return {
        "today": when(report.today), "count": report.count,
        "per_member": [{"member_id": p.member_id, "name": p.name, "count": p.count, "oldest": when(p.oldest)}
                       for p in report.per_member],
        "followups": [{"id": f.id, "due": when(f.due), "days_late": f.days_late, "customer": f.customer,
                       "member": f.member, "what": f.what} for f in report.followups],
    }


def inquiries(report: Inquiries) -> Json:
    return {
        "counts": {c.kind: {"open": c.open, "resolved": c.resolved} for c in report.counts},
        "open": report.open,
        "items": [{"id": i.id, "kind": i.kind, "status": i.status, "text": i.text, "customer": i.customer,
                   "member": i.member, "opened_at": when(i.opened_at), "resolved_at": when(i.resolved_at)}
                  for i in report.items],
    }
