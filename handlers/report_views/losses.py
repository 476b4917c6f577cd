"""Why deals were lost, as chat text and a bar chart: per reason, how many deals and how much
money, most deals first; currencies without a rate apart, as every report writes them."""
from __future__ import annotations

from handlers.labels import lost_reason_label
from handlers.money_text import short
from handlers.report_charts import bar_chart
from handlers.report_views.common import chart_lang, rate_lines, span
from handlers.texts import t
from storage.reports import Losses

CHART_ROWS = 8


def losses_view(report: Losses, lang: str, chart: bool = True) -> tuple[str, bytes | None]:
    """Lost deals per reason, and all of them together."""
    lines = [t(lang, "lost_title", currency=report.currency, **span(report.period, lang))]
    if not report.reasons:
        lines.append(t(lang, "lost_empty"))
        return "\n".join(lines), None
    for line in report.reasons:
        lines.append(t(lang, "lost_row", reason=lost_reason_label(line.reason, lang), count=line.lost.count,
                       amount=short(line.lost, lang)))
    lines.append(t(lang, "lost_total", count=report.lost.count, amount=short(report.lost, lang)))
    lines += rate_lines(report.lost, lang)
    if not chart:
        return "\n".join(lines), None
    cl = chart_lang(lang)
    rows = report.reasons[:CHART_ROWS]
    image = bar_chart(t(cl, "lost_title", currency=report.currency, **span(report.period, cl)).rstrip(":："),
                      [lost_reason_label(r.reason, cl) for r in rows], [r.lost.count for r in rows],
                      [str(r.lost.count) for r in rows], colour=3)
    return "\n".join(lines), image
