"""Lead sources, top customers, quiet deals, overdue follow-ups, inquiries and complaints as chat text
(and a chart for the first two)."""
from __future__ import annotations

from datetime import tzinfo
from zoneinfo import ZoneInfo

from handlers.understanding.promised import clip
from handlers.labels import source_label
from handlers.money_text import cash, money, number, parts, short
from handlers.report_charts import bar_chart
from handlers.report_views.common import chart_lang, per_currency_lines, rate_lines, span
from handlers.stage_names import BOTS, StageNames
from handlers.texts import day, t
from storage.reports import Inquiries, Overdue, QuietDeals, Sources, Sums, TopCustomers

CHART_ROWS = 8
SHOWN = 15


def sources_view(report: Sources, lang: str, chart: bool = True) -> tuple[str, bytes | None]:
    """Per lead source: customers, won deals and revenue, spend and return where entered."""
    cur = report.currency
    lines = [t(lang, "sources_title", currency=cur, **span(report.period, lang))]
    if not report.sources:
        lines.append(t(lang, "sources_empty"))
        return "\n".join(lines), None
    for s in report.sources:
        name = source_label(s.source, lang) if s.source else t(lang, "sources_none_name")
        line = t(lang, "sources_row", source=name, customers=s.customers,
                  new=s.new_customers, won=s.revenue.count, revenue=short(s.revenue, lang))
        if s.cost is not None and s.revenue_per_cost is not None:
            line += t(lang, "sources_roi", cost=short(s.cost, lang), ratio=number(s.revenue_per_cost, lang))
        lines.append(line)
    lines += rate_lines(report.revenue, lang)
    if not chart:
        return "\n".join(lines), None
    cl = chart_lang(lang)
    rows = report.sources[:CHART_ROWS]
    image = bar_chart(t(cl, "sources_title", currency=cur, **span(report.period, cl)).rstrip(":："),
                      [source_label(r.source, cl) if r.source else t(cl, "sources_none_name") for r in rows],
                      [r.revenue.total.minor / 100 for r in rows],
                      [money(r.revenue.total.minor, cur, cl) for r in rows], colour=4)
    return "\n".join(lines), image


def top_view(report: TopCustomers, lang: str, chart: bool = True) -> tuple[str, bytes | None]:
    """Customers by revenue, the top fifth's share, VIPs; currencies without a rate apart."""
    cur = report.currency
    lines = [t(lang, "top_title", currency=cur, **span(report.period, lang))]
    if not report.top:
        lines.append(t(lang, "top_empty"))
        lines += _apart_lines(report.won, lang)
        return "\n".join(lines), None
    for r in report.top:
        lines.append(t(lang, "top_row", rank=r.rank, name=r.name, revenue=cash(r.revenue, lang),
                        share=f"{r.share_pct:g}", vip=" ⭐ VIP" if r.vip else ""))
    if report.top20_share_pct is not None:
        lines.append(t(lang, "top_share", k=report.top20_count, n=report.customers_with_revenue,
                        share=f"{report.top20_share_pct:g}", total=cash(report.total, lang)))
    if report.vip_threshold is not None:
        lines.append(t(lang, "top_vip", threshold=cash(report.vip_threshold, lang), count=report.vip_count))
    lines += _apart_lines(report.won, lang)
    if not chart:
        return "\n".join(lines), None
    cl = chart_lang(lang)
    rows = report.top[:10]
    image = bar_chart(t(cl, "top_title", currency=cur, **span(report.period, cl)).rstrip(":："),
                      [r.name[:28] for r in rows], [r.revenue.minor / 100 for r in rows],
                      [cash(r.revenue, cl) for r in rows], colour=0)
    return "\n".join(lines), image


def _apart_lines(sums: Sums, lang: str) -> list[str]:
    """Rates used; each currency without a rate with its own won deals and amount."""
    lines = rate_lines(Sums(sums.currency, sums.total, rates=sums.rates), lang)
    for part in sums.apart:
        lines.append(t(lang, "no_rate", code=part.currency, to=sums.currency,
                        what=f"{money(part.minor, part.currency, lang)} ({part.count})"))
    return lines


def quiet_view(report: QuietDeals, lang: str, stages: StageNames = BOTS) -> str:
    """Quiet open deals, largest first, and how many there are per currency."""
    if not report.sums.count:
        return t(lang, "quiet_empty", days=report.days)
    lines = [t(lang, "quiet_title", days=report.days, count=report.sums.count)]
    for d in report.deals:
        lines.append(t(lang, "quiet_row", customer=d.customer, stage=stages(d.stage, lang),
                        amount=cash(d.amount, lang), owner=d.owner or "—", n=d.days_quiet))
    if len(parts(report.sums)) > 1:
        lines += per_currency_lines(report.sums, lang, weighted=False)
    else:
        lines.append(f"{report.sums.count} · {short(report.sums, lang)}")
    lines += rate_lines(report.sums, lang)
    return "\n".join(lines)


def overdue_view(report: Overdue, lang: str) -> str:
    if not report.count:
        return t(lang, "overdue_empty")
    lines = [t(lang, "overdue_title", count=report.count)]
    for f in report.followups:
        lines.append(t(lang, "overdue_row", due=day(f.due, lang), late=f.days_late, customer=f.customer,
                        what=clip(f.what, 80), member=f.member))
    if len(report.per_member) > 1:
        lines.append(t(lang, "overdue_per", list=t(lang, "list_sep").join(f"{p.name} {p.count}"
                                                            for p in report.per_member[:SHOWN])))
    return "\n".join(lines)


def inquiries_view(report: Inquiries, lang: str, zone: tzinfo = ZoneInfo("UTC")) -> str:
    complaints, inquiries = report.of("complaint"), report.of("inquiry")
    if not report.open:
        lines = [t(lang, "inq_empty")]
    else:
        lines = [t(lang, "inq_title", complaints=complaints.open, inquiries=inquiries.open)]
        for item in report.items:
            lines.append(t(lang, "inq_row", id=item.number, kind=t(lang, f"kind.{item.kind}"), customer=item.customer,
                            text=item.text[:100], day=day(item.opened_at.astimezone(zone).date(), lang)))
    if complaints.resolved or inquiries.resolved:
        lines.append(t(lang, "inq_resolved", complaints=complaints.resolved, inquiries=inquiries.resolved))
    return "\n".join(lines)
