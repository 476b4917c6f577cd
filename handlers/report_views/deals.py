"""The biggest deals as chat text, a bar chart and a button per customer: one line per deal, largest
first, with its customer, amount (converted ones show both), stage, owner and expected close (or
the day it was won); the deals that could not be ranked (no amount, or a currency without a rate)
are counted below, never dropped silently."""
from __future__ import annotations

from handlers.money_text import money, rate_text
from handlers.reply import Choice
from handlers.report_charts import bar_chart
from handlers.report_views.common import chart_lang, span
from handlers.stage_names import StageNames
from handlers.texts import day, t
from storage.reports import BiggestDeals
from storage.reports.deals import BigDeal

CHART_ROWS = 10
BUTTONS = 10


def deals_view(report: BiggestDeals, lang: str, stages: StageNames = StageNames(),
               chart: bool = True) -> tuple[str, bytes | None]:
    """The list, largest first, and what was left out of it."""
    lines = [_title(report, lang)]
    if not report.deals:
        lines.append(t(lang, "deals_won_empty" if report.won else "deals_empty"))
    for rank, deal in enumerate(report.deals, 1):
        lines.append(_row(rank, deal, report, lang, stages))
    if report.rates:
        lines.append(t(lang, "rates_used", currency=report.currency,
                       rates=", ".join(rate_text(r, lang) for r in report.rates)))
    for part in report.apart:
        lines.append(t(lang, "deals_apart", code=part.currency, to=report.currency, count=part.count,
                       amount=money(part.minor, part.currency, lang)))
    if report.unpriced:
        lines.append(t(lang, "deals_unpriced", count=report.unpriced))
    text = "\n".join(lines)
    if not chart or not report.deals:
        return text, None
    cl = chart_lang(lang)
    rows = report.deals[:CHART_ROWS]
    image = bar_chart(_title(report, cl).rstrip(":："), [f"{i}. {d.customer}"[:32] for i, d in enumerate(rows, 1)],
                      [d.shown.minor / 100 for d in rows], [money(d.shown.minor, d.shown.currency, cl) for d in rows],
                      colour=1)
    return text, image


def deal_buttons(report: BiggestDeals) -> list[Choice]:
    """A button opening each listed customer's card (each customer once, in the list's order)."""
    seen: dict[int, str] = {}
    for deal in report.deals:
        seen.setdefault(deal.customer_id, deal.customer)
    return [Choice(label=name[:40], data=f"open:{cid}") for cid, name in list(seen.items())[:BUTTONS]]


def _title(report: BiggestDeals, lang: str) -> str:
    if report.won:
        assert report.period is not None  # won deals are always of a period
        return t(lang, "deals_won_title", currency=report.currency, **span(report.period, lang))
    if report.period is not None:
        return t(lang, "deals_title_period", currency=report.currency, **span(report.period, lang))
    return t(lang, "deals_title", currency=report.currency)


def _row(rank: int, deal: BigDeal, report: BiggestDeals, lang: str, stages: StageNames) -> str:
    amount = money(deal.amount.minor, deal.amount.currency, lang)
    if deal.amount.currency != report.currency:
        amount = t(lang, "deals_converted", amount=amount, shown=money(deal.shown.minor, deal.shown.currency, lang))
    if report.won:
        when = t(lang, "deals_won_on", day=day(deal.closed_on, lang)) if deal.closed_on else ""
        stage = ""
    else:
        when = t(lang, "deals_closes", day=day(deal.expected_close, lang)) if deal.expected_close else ""
        stage = stages(deal.stage, lang)
    owner = deal.owner or t(lang, "deals_no_owner")
    return t(lang, "deals_row", rank=rank, customer=deal.customer, amount=amount,
             details=" · ".join(part for part in (stage, owner, when) if part))
