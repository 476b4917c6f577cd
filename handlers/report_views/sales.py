"""The pipeline, the forecast and the funnel as chat text (complete on its own) and a chart with
the same numbers. Money across currencies reads as handlers.money_text says."""
from __future__ import annotations

from handlers.labels import lost_reason_label
from handlers.money_text import cash, money, parts, short, short_weighted
from handlers.report_charts import bar_chart
from handlers.stage_names import BOTS, StageNames
from handlers.report_views.common import chart_lang, owner_list, pct, per_currency_lines, rate_lines, span
from handlers.texts import t
from storage.reports import Forecast, Funnel, Pipeline, Rate, Sums
from storage.reports.pipeline import StageLine
from storage.vocabulary import Stage

OWNERS_SHOWN = 8


def pipeline_view(report: Pipeline, lang: str, name: str | None = None, by_owner: bool = True,
                  chart: bool = True, stages: StageNames = BOTS) -> tuple[str, bytes | None]:
    """The pipeline per stage, its total (one figure, or one line per currency), the undated deals
    among it, the rates used, and (for a manager's team view) the deals per owner. `name`: whose
    pipeline it is, when narrowed to one member; `stages`: the team's names of its stages."""
    when = span(report.period, lang)
    lines = [t(lang, "pipeline_title_of", name=name, **when) if name else t(lang, "pipeline_title", **when)]
    total = report.total
    if not total.count:
        lines.append(t(lang, "pipeline_empty"))
        return "\n".join(lines), None
    lines += [_stage_line(stage, lang, stages) for stage in report.stages]
    lines += _total_lines(total, lang)
    undated = report.undated
    if undated.count:
        shown = parts(undated)
        lines.append(t(lang, "pipeline_undated", count=undated.count, amount=short(undated, lang)) if len(shown) == 1
                     else t(lang, "pipeline_undated_mixed", amounts=short(undated, lang)))
    lines += rate_lines(total, lang)
    if by_owner and len(report.per_owner) > 1:
        lines.append(t(lang, "by_owner", list=owner_list(
            [(o.name or "—", o.sums) for o in report.per_owner[:OWNERS_SHOWN]], lang)))
    return "\n".join(lines), _pipeline_chart(report, name, lang, stages) if chart else None


def _stage_line(stage: StageLine, lang: str, stages: StageNames) -> str:
    """A stage's count and amounts; deals with no amount yet are said so, never shown as $0."""
    label, sums = stages(stage.stage, lang), stage.sums
    if sums.count and stage.unpriced >= sums.count:
        return t(lang, "pipeline_row_unpriced", stage=label, count=sums.count)
    if len(parts(sums)) == 1:
        line = t(lang, "pipeline_row", stage=label, count=sums.count, amount=short(sums, lang),
                 weighted=short_weighted(sums, lang))
    else:
        line = t(lang, "pipeline_row_mixed", stage=label, amounts=short(sums, lang))
    return line + (t(lang, "pipeline_unpriced_part", count=stage.unpriced) if stage.unpriced else "")


def _total_lines(total: Sums, lang: str) -> list[str]:
    shown = parts(total)
    if len(shown) > 1:
        return per_currency_lines(total, lang)
    only = shown[0]
    return [t(lang, "pipeline_total", count=only.count, amount=money(only.minor, only.currency, lang),
              weighted=money(only.weighted_minor, only.currency, lang))]


def _pipeline_chart(report: Pipeline, name: str | None, lang: str, stages: StageNames) -> bytes:
    """Bars per stage in the report currency; currencies without a rate are named, not drawn."""
    lang = chart_lang(lang)
    when = span(report.period, lang)
    title = (t(lang, "pipeline_title_of", name=name, **when) if name else t(lang, "pipeline_title", **when))
    title = f"{title.rstrip(':：')} ({report.currency})"
    if report.total.apart:
        title += "\n" + t(lang, "chart_apart", codes=", ".join(p.currency for p in report.total.apart))
    values = [s.sums.total.minor / 100 for s in report.stages]
    texts = [f"{s.sums.total.count} · {money(s.sums.total.minor, report.currency, lang)}" for s in report.stages]
    return bar_chart(title, [stages(s.stage, lang) for s in report.stages], values, texts)


def forecast_view(report: Forecast, lang: str, chart: bool = True) -> tuple[str, bytes | None]:
    """Won so far, the weighted open deals, projected, against the target; what has no rate apart."""
    cur = report.currency
    won, open_, undated = report.won.total, report.open.total, report.undated.total
    lines = [t(lang, "forecast_title", currency=cur, **span(report.period, lang)),
             t(lang, "forecast_won", amount=cash(won.amount, lang), count=won.count),
             t(lang, "forecast_weighted", amount=cash(open_.weighted, lang), count=open_.count,
                open=cash(open_.amount, lang)),
             t(lang, "forecast_projected", amount=cash(report.projected, lang))]
    if report.target_amount is not None:
        lines.append(t(lang, "forecast_target", target=cash(report.target_amount, lang),
                        pct=f"{report.attainment_pct:g}" if report.attainment_pct is not None else "—",
                        gap=cash(report.gap, lang), pgap=cash(report.projected_gap, lang)))
    else:
        lines.append(t(lang, "forecast_no_target"))
    if undated.count:
        lines.append(t(lang, "forecast_undated", count=undated.count, amount=cash(undated.amount, lang)))
    lines += _forecast_apart(report, lang)
    if not chart:
        return "\n".join(lines), None
    cl = chart_lang(lang)
    labels = [t(cl, f"bucket.{k}") for k in ("won", "weighted", "projected")]
    amounts = [won.amount, open_.weighted, report.projected]
    if report.target_amount is not None:
        labels.append(t(cl, "bucket.target"))
        amounts.append(report.target_amount)
    image = bar_chart(t(cl, "forecast_title", currency=cur, **span(report.period, cl)).rstrip(":："), labels,
                      [a.minor / 100 for a in amounts], [cash(a, cl) for a in amounts], colour=2)
    return "\n".join(lines), image


def _forecast_apart(report: Forecast, lang: str) -> list[str]:
    """The rates used, and per currency without a rate its own won / open / undated figures."""
    rates: dict[str, Rate] = {}
    apart: dict[str, list[str]] = {}
    for label, sums in (("won", report.won), ("open", report.open), ("undated", report.undated)):
        rates.update({r.currency: r for r in sums.rates})
        for part in sums.apart:
            apart.setdefault(part.currency, []).append(f"{t(lang, 'bucket.' + label)} "
                                                       f"{money(part.minor, part.currency, lang)} ({part.count})")
    lines = []
    if rates:
        lines += rate_lines(Sums(report.currency, report.won.total, rates=tuple(rates.values())), lang)
    for code, figures in sorted(apart.items()):
        lines.append(t(lang, "no_rate", code=code, to=report.currency, what=t(lang, "list_sep").join(figures)))
    return lines


def funnel_view(report: Funnel, lang: str, chart: bool = True, stages: StageNames = BOTS) -> tuple[str, bytes | None]:
    """Conversion per stage, days in stage, the win rate and the lost reasons."""
    lines = [t(lang, "funnel_title", entered=report.entered, **span(report.period, lang))]
    if not report.entered:
        lines.append(t(lang, "funnel_empty"))
        return "\n".join(lines), None
    for row in report.stages:
        if row.stage == Stage.WON:
            lines.append(t(lang, "funnel_won", reached=row.reached))
            continue
        days = t(lang, "days", n=f"{row.avg_days:g}") if row.avg_days is not None else "—"
        lines.append(t(lang, "funnel_row", stage=stages(row.stage, lang), reached=row.reached,
                        next=pct(row.to_next_pct), won=pct(row.to_won_pct), days=days))
    lines.append(t(lang, "funnel_winrate", rate=pct(report.win_rate_pct), won=report.won, lost=report.lost,
                    open=report.open))
    if report.lost_reasons:
        lines.append(t(lang, "funnel_reasons", reasons=t(lang, "list_sep").join(
            f"{lost_reason_label(r.reason, lang)} {r.count}" for r in report.lost_reasons[:6])))
    if not chart:
        return "\n".join(lines), None
    cl = chart_lang(lang)
    first = report.stages[0].reached
    texts = [f"{r.reached}" + (f" ({r.reached * 100 / first:.0f}%)" if first else "") for r in report.stages]
    image = bar_chart(t(cl, "funnel_title", entered=report.entered, **span(report.period, cl)),
                      [stages(r.stage, cl) for r in report.stages], [r.reached for r in report.stages],
                      texts, colour=1)
    return "\n".join(lines), image
