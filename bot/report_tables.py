"""Reports as readable tables for the terminal (`crmbot report X` without --json): a title, aligned
columns (wide CJK characters count double), and notes under the table for what a figure needs
said beside it (rates used, currencies without a rate). Money reads as in chat (Babel, English)."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Callable, Sequence

from handlers.labels import lost_reason_label, source_label
from handlers.money_text import cash, money, number, rate_text, short
from storage.reports import (Activity, BiggestDeals, Forecast, Funnel, Inquiries, Leaderboard, Losses, Overdue,
                             Period, Pipeline, QuietDeals, Sources, Sums, TopCustomers)
from storage.vocabulary import SPOKEN_CHANNELS, Channel

StageLabel = Callable[[str], str]   # a stored stage key -> what the table prints for it

LANG = "en"
TEXT_CHARS = 60


@dataclass(frozen=True)
class Table:
    """One table: `right` names the columns aligned right (numbers and money)."""

    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    right: frozenset[str] = frozenset()
    notes: tuple[str, ...] = ()


def render(*tables: Table) -> str:
    return "\n\n".join(_render(table) for table in tables)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, right: bool) -> str:
    gap = " " * (width - _width(text))
    return gap + text if right else text + gap


def _render(table: Table) -> str:
    widths = [max([_width(c)] + [_width(row[i]) for row in table.rows]) for i, c in enumerate(table.columns)]
    right = [c in table.right for c in table.columns]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(_pad(cell, w, r) for cell, w, r in zip(cells, widths, right)).rstrip()

    out = [table.title, line(table.columns), "  ".join("-" * w for w in widths)]
    out += [line(row) for row in table.rows] or ["(none)"]
    out += list(table.notes)
    return "\n".join(out)


def _span(period: Period) -> str:
    return f"{period.start.isoformat()} – {period.end.isoformat()}"


def _clip(text: str, size: int = TEXT_CHARS) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= size else text[:size - 1] + "…"


def money_notes(figures: Sums) -> tuple[str, ...]:
    """The rates a figure was converted at, and the currencies left out of it for want of one."""
    notes = []
    if figures.rates:
        notes.append(f"Converted to {figures.currency} at the team's rates: "
                     + ", ".join(rate_text(r, LANG) for r in figures.rates))
    for part in figures.apart:
        notes.append(f"No rate from {part.currency} to {figures.currency}: {part.count} in {part.currency} kept "
                     f"apart, not added (crmbot fx set {part.currency} {figures.currency} RATE)")
    return tuple(notes)


def _parts_rows(label: str, figures: Sums, undated: Sums | None = None) -> list[tuple[str, ...]]:
    """One row per currency shown for `figures` (the report currency, then each one apart)."""
    rows: list[tuple[str, ...]] = []
    shown = ([figures.total] if figures.total.count or not figures.apart else []) + list(figures.apart)
    for part in shown:
        late = next((u for u in ((undated.total,) + undated.apart if undated else ()) if u.currency == part.currency),
                    None)
        rows.append((label, part.currency, str(part.count), money(part.minor, part.currency, LANG),
                     money(part.weighted_minor, part.currency, LANG), str(late.count) if late else "0"))
    return rows


def pipeline(report: Pipeline, stage: StageLabel = str) -> str:
    """`stage`: a stage's name as the team calls it (the CLI passes the team's names in its language)."""
    rows: list[tuple[str, ...]] = []
    for line in report.stages:
        rows += _parts_rows(stage(line.stage), line.sums)
    rows += _parts_rows("total", report.total, report.undated)
    tables = [Table(f"Pipeline {_span(report.period)}, open deals expected to close in it or undated "
                    f"({report.currency})", ("stage", "currency", "deals", "amount", "weighted", "undated"),
                    tuple(rows), frozenset({"deals", "amount", "weighted", "undated"}), money_notes(report.total))]
    if len(report.per_owner) > 1 and report.owner_id is None:
        tables.append(Table("Per owner", ("owner", "deals", "amount", "weighted"),
                            tuple((o.name or "—", str(o.sums.count), short(o.sums, LANG),
                                   money(o.sums.total.weighted_minor, o.sums.currency, LANG))
                                  for o in report.per_owner), frozenset({"deals", "amount", "weighted"})))
    return render(*tables)


def forecast(report: Forecast) -> str:
    won, open_, undated = report.won.total, report.open.total, report.undated.total
    rows = [("won so far", cash(won.amount, LANG), str(won.count)),
            ("open, closing in the period", cash(open_.amount, LANG), str(open_.count)),
            ("weighted open", cash(open_.weighted, LANG), str(open_.count)),
            ("projected (won + weighted)", cash(report.projected, LANG), ""),
            ("target", cash(report.target_amount, LANG), ""),
            ("gap to target", cash(report.gap, LANG),
             f"{report.attainment_pct:g}% won" if report.attainment_pct is not None else ""),
            ("gap after the weighted pipeline", cash(report.projected_gap, LANG), ""),
            ("not in the forecast: no close date", cash(undated.amount, LANG), str(undated.count))]
    notes = money_notes(report.won) + money_notes(report.open) + money_notes(report.undated)
    return render(Table(f"Forecast {_span(report.period)} ({report.currency})", ("figure", "amount", "deals"),
                        tuple(rows), frozenset({"amount", "deals"}), tuple(dict.fromkeys(notes))))


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:g}%"


def funnel(report: Funnel, stage: StageLabel = str) -> str:
    rows = tuple((stage(s.stage), str(s.reached), _pct(s.to_next_pct), _pct(s.to_won_pct),
                  "—" if s.avg_days is None else f"{s.avg_days:g}") for s in report.stages)
    notes = [f"Entered: {report.entered} · won {report.won} · lost {report.lost} · open {report.open} · "
             f"win rate {_pct(report.win_rate_pct)}"]
    if report.lost_reasons:
        notes.append("Lost reasons: " + ", ".join(f"{lost_reason_label(r.reason, LANG)} {r.count}"
                                               for r in report.lost_reasons))
    return render(Table(f"Funnel conversion {_span(report.period)}",
                        ("stage", "reached", "to next", "to won", "avg days"), rows,
                        frozenset({"reached", "to next", "to won", "avg days"}), tuple(notes)))


ACTIVITY_COLUMNS = (*SPOKEN_CHANNELS, Channel.NOTE)


def activity(report: Activity) -> str:
    columns = ("member",) + ACTIVITY_COLUMNS + ("total", "new customers", "deals new", "moved", "won",
                                               "follow-ups done", "overdue")
    rows = tuple((m.name,) + tuple(str(m.did.channel(c)) for c in ACTIVITY_COLUMNS)
                 + tuple(str(v) for v in (m.did.interactions, m.did.new_customers, m.did.deals_new,
                                          m.did.deals_moved, m.did.deals_won, m.did.followups_done,
                                          m.did.followups_overdue)) for m in report.members)
    tables = [Table(f"Activity {_span(report.period)}", columns, rows, frozenset(columns[1:]))]
    targets = tuple((m.name, g.metric, f"{g.actual}/{g.target}", _pct(g.pct), _span(g.period))
                    for m in report.members for g in m.targets)
    if targets:
        tables.append(Table("Targets", ("member", "metric", "done", "pct", "period"), targets,
                            frozenset({"done", "pct"})))
    if report.recent:
        tables.append(Table("Latest interactions", ("when", "channel", "customer", "note"),
                            tuple((r.at.isoformat(timespec="minutes"), r.channel, r.customer, _clip(r.text))
                                  for r in report.recent)))
    return render(*tables)


def leaderboard(report: Leaderboard) -> str:
    rows = tuple((str(rank), r.name, short(r.won, LANG), str(r.won.count), str(r.interactions), str(r.deals_moved))
                 for rank, r in enumerate(report.rows, 1))
    notes = (f"Team: won {short(report.total, LANG)} ({report.total.count} deals)",) + money_notes(report.total)
    return render(Table(f"Leaderboard {_span(report.period)}, ranked by the amount won in {report.currency}",
                        ("#", "member", "won", "deals", "activities", "deals moved"), rows,
                        frozenset({"#", "won", "deals", "activities", "deals moved"}), notes))


def sources(report: Sources) -> str:
    rows = tuple((source_label(s.source, LANG) if s.source else "(no source)",
                  str(s.customers), str(s.new_customers), str(s.revenue.count),
                  short(s.revenue, LANG), short(s.cost, LANG) if s.cost is not None else "—",
                  number(s.revenue_per_cost, LANG) if s.revenue_per_cost is not None else "—")
                 for s in report.sources)
    return render(Table(f"Lead sources {_span(report.period)} ({report.currency})",
                        ("source", "customers", "new", "won", "revenue", "spend", "revenue per 1"), rows,
                        frozenset({"customers", "new", "won", "revenue", "spend", "revenue per 1"}),
                        money_notes(report.revenue)))


def lost(report: Losses) -> str:
    rows = tuple((lost_reason_label(r.reason, LANG), str(r.lost.count), short(r.lost, LANG)) for r in report.reasons)
    notes = (f"Total lost: {report.lost.count} deals, {short(report.lost, LANG)}",) + money_notes(report.lost)
    return render(Table(f"Lost deals by reason {_span(report.period)} ({report.currency})",
                        ("reason", "deals", "amount"), rows, frozenset({"deals", "amount"}), notes))


def top(report: TopCustomers) -> str:
    rows = tuple((str(r.rank), r.name, cash(r.revenue, LANG), str(r.deals), f"{r.share_pct:g}%", "VIP" if r.vip else "")
                 for r in report.top)
    notes = []
    if report.top20_share_pct is not None:
        notes.append(f"Top 20% ({report.top20_count} of {report.customers_with_revenue} customers) hold "
                     f"{report.top20_share_pct:g}% of {cash(report.total, LANG)}")
    if report.vip_threshold is not None:
        notes.append(f"VIP from {cash(report.vip_threshold, LANG)}: {report.vip_count} customers")
    return render(Table(f"Top customers by revenue {_span(report.period)} ({report.currency})",
                        ("#", "customer", "revenue", "deals", "share", "VIP"), rows,
                        frozenset({"#", "revenue", "deals", "share"}), tuple(notes) + money_notes(report.won)))


def deals(report: BiggestDeals, stage: StageLabel = str) -> str:
    rows = tuple((str(rank), d.customer, cash(d.amount, LANG), cash(d.shown, LANG) if d.shown != d.amount else "",
                  "won" if report.won else stage(d.stage), d.owner or "—",
                  _day(d.closed_on if report.won else d.expected_close))
                 for rank, d in enumerate(report.deals, 1))
    notes = [f"Rate used: 1 {r.currency} = {r.rate.normalize():f} {r.to}" for r in report.rates]
    notes += [f"Not ranked, no rate to {report.currency}: {_deals(part.count)} in {part.currency}, "
              f"{money(part.minor, part.currency, LANG)}" for part in report.apart]
    if report.unpriced:
        notes.append(f"Not ranked, no amount yet: {_deals(report.unpriced)}")
    what = f"Biggest deals won {_span(report.period)}" if report.won and report.period else \
        f"Biggest open deals closing {_span(report.period)}" if report.period else "Biggest open deals"
    converted = f"in {report.currency}"
    return render(Table(f"{what} ({report.currency})",
                        ("#", "customer", "amount", converted, "stage", "owner", "won" if report.won else "closes"),
                        rows, frozenset({"#", "amount", converted}), tuple(notes)))


def _deals(count: int) -> str:
    return f"{count} deal" if count == 1 else f"{count} deals"


def _day(value: date | None) -> str:
    return value.isoformat() if value is not None else ""


def quiet(report: QuietDeals, stage: StageLabel = str) -> str:
    rows = tuple((d.customer, stage(d.stage), cash(d.amount, LANG), d.owner or "—", str(d.days_quiet),
                  d.last_touch.date().isoformat()) for d in report.deals)
    notes = tuple(f"{part.currency}: {part.count} deals, {money(part.minor, part.currency, LANG)}"
                  for part in report.sums.by_currency)
    return render(Table(f"Quiet deals: open, untouched for {report.days} days ({report.sums.count})",
                        ("customer", "stage", "amount", "owner", "days quiet", "last touch"), rows,
                        frozenset({"amount", "days quiet"}), notes))


def overdue(report: Overdue) -> str:
    rows = tuple((f.due.isoformat(), str(f.days_late), f.customer, _clip(f.what), f.member) for f in report.followups)
    notes = ("Per person: " + ", ".join(f"{p.name} {p.count}" for p in report.per_member),) if report.per_member else ()
    return render(Table(f"Overdue follow-ups on {report.today.isoformat()} ({report.count})",
                        ("due", "days late", "customer", "what", "member"), rows, frozenset({"days late"}), notes))


def inquiries(report: Inquiries) -> str:
    rows = tuple((str(i.id), i.kind, i.status, i.customer, i.opened_at.date().isoformat(), _clip(i.text))
                 for i in report.items)
    notes = tuple(f"{c.kind}: {c.open} open, {c.resolved} resolved" for c in report.counts)
    return render(Table(f"Inquiries and complaints ({report.open} open)",
                        ("#", "kind", "status", "customer", "opened", "text"), rows, frozenset({"#"}), notes))
