"""Reports as chat text (complete on its own) and a chart with the same numbers."""
from __future__ import annotations

from datetime import date
from typing import Any

from handlers.report_charts import bar_chart, can_draw, stacked_chart
from handlers.report_texts import rt
from handlers.texts import day, money, t
from storage.vocabulary import SPOKEN_CHANNELS


def cash(amount: float | int | None, currency: str | None, lang: str) -> str:
    return money(int(round((amount or 0) * 100)), currency, lang)


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:g}%"


def _span(period: dict[str, str], lang: str) -> dict[str, str]:
    return {"start": day(date.fromisoformat(period["from"]), lang),
            "end": day(date.fromisoformat(period["to"]), lang)}


def _apart(lines: list[str], items: list[dict], to: str, lang: str, what: str = "") -> None:
    """Money in a currency without a rate: its own sums, said apart, never added in."""
    for item in items:
        parts = [f"{k} {cash(v, item['currency'], lang)}" for k, v in item.items()
                 if k in ("won", "open", "weighted", "undated", "amount", "revenue")]
        label = " ".join(p for p in (what or item.get("source") or "", ", ".join(parts)) if p)
        lines.append(rt(lang, "no_rate", code=item["currency"], to=to, what=label or item["currency"]))


def _chart_lang(lang: str) -> str:
    return lang if can_draw(lang) else "en"


def pipeline_view(data: dict, lang: str, chart: bool = True) -> tuple[list[str], bytes | None]:
    """Extra lines (conversion at the team's rates) and the bar chart of the pipeline by stage."""
    lines = []
    cur = data.get("currency")
    conv = data.get("converted")
    if conv:
        lines.append(rt(lang, "converted", currency=conv["currency"],
                        total=cash(conv["total"], conv["currency"], lang),
                        weighted=cash(conv["weighted_total"], conv["currency"], lang)))
        for code in conv.get("unconverted") or []:
            lines.append(rt(lang, "no_rate", code=code, to=conv["currency"], what=code))
    if not chart or not sum(s["count"] for s in data["stages"]):
        return lines, None
    cl = _chart_lang(lang)
    labels = [t(cl, f"stage.{s['stage']}") for s in data["stages"]]
    texts = [f"{s['count']} · {cash(s['amount'], cur, cl)}" for s in data["stages"]]
    title = t(cl, "pipeline_title", **_span(data["period"], cl)).rstrip(":：")
    return lines, bar_chart(f"{title} ({cur})", labels, [s["amount"] for s in data["stages"]], texts)


def forecast_view(data: dict, lang: str, chart: bool = True) -> tuple[str, bytes | None]:
    cur = data["currency"]
    lines = [rt(lang, "forecast_title", currency=cur, **_span(data["period"], lang)),
             rt(lang, "forecast_won", amount=cash(data["won"]["amount"], cur, lang), count=data["won"]["count"]),
             rt(lang, "forecast_weighted", amount=cash(data["weighted"], cur, lang), count=data["open"]["count"],
                open=cash(data["open"]["amount"], cur, lang)),
             rt(lang, "forecast_projected", amount=cash(data["projected"], cur, lang))]
    if data["target"] is not None:
        lines.append(rt(lang, "forecast_target", target=cash(data["target"], cur, lang),
                        pct=f"{data['attainment_pct']:g}" if data["attainment_pct"] is not None else "—",
                        gap=cash(data["gap"], cur, lang), pgap=cash(data["projected_gap"], cur, lang)))
    else:
        lines.append(rt(lang, "forecast_no_target"))
    if data["undated"]["count"]:
        lines.append(rt(lang, "forecast_undated", count=data["undated"]["count"],
                        amount=cash(data["undated"]["amount"], cur, lang)))
    _apart(lines, data["unconverted"], cur, lang, "")
    if not chart:
        return "\n".join(lines), None
    cl = _chart_lang(lang)
    labels = ["won", "weighted", "projected"] + (["target"] if data["target"] is not None else [])
    values = [data["won"]["amount"], data["weighted"], data["projected"]] + (
        [data["target"]] if data["target"] is not None else [])
    chart = bar_chart(rt(cl, "forecast_title", currency=cur, **_span(data["period"], cl)).rstrip(":："),
                      labels, values, [cash(v, cur, cl) for v in values], colour=2)
    return "\n".join(lines), chart


def funnel_view(data: dict, lang: str, chart: bool = True) -> tuple[str, bytes | None]:
    lines = [rt(lang, "funnel_title", entered=data["entered"], **_span(data["period"], lang))]
    if not data["entered"]:
        lines.append(rt(lang, "funnel_empty"))
        return "\n".join(lines), None
    for row in data["stages"]:
        if row["stage"] == "won":
            lines.append(rt(lang, "funnel_won", reached=row["reached"]))
            continue
        days = rt(lang, "days", n=f"{row['avg_days']:g}") if row.get("avg_days") is not None else "—"
        lines.append(rt(lang, "funnel_row", stage=t(lang, f"stage.{row['stage']}"), reached=row["reached"],
                        next=_pct(row["to_next_pct"]), won=_pct(row["to_won_pct"]), days=days))
    lines.append(rt(lang, "funnel_winrate", rate=_pct(data["win_rate_pct"]), won=data["won"], lost=data["lost"],
                    open=data["open"]))
    if data["lost_reasons"]:
        lines.append(rt(lang, "funnel_reasons", reasons=", ".join(
            f"{r['reason'] or '—'} {r['count']}" for r in data["lost_reasons"][:6])))
    if not chart:
        return "\n".join(lines), None
    cl = _chart_lang(lang)
    rows = data["stages"]
    texts = [f"{r['reached']}" + (f" ({r['reached'] * 100 / rows[0]['reached']:.0f}%)" if rows[0]["reached"] else "")
             for r in rows]
    chart = bar_chart(rt(cl, "funnel_title", entered=data["entered"], **_span(data["period"], cl)),
                      [t(cl, f"stage.{r['stage']}") for r in rows], [r["reached"] for r in rows], texts, colour=1)
    return "\n".join(lines), chart


def activity_view(data: dict, lang: str, chart: bool = True) -> tuple[str, bytes | None]:
    lines = [t(lang, "activity_title", **_span(data["period"], lang))]
    members = data["members"]
    if not any(m["interactions"] or m["deals_new"] or m["deals_moved"] or m["followups_overdue"]
               or m["new_customers"] or m["targets"] for m in members):
        lines.append(t(lang, "activity_none"))
        return "\n".join(lines), None
    for m in members:
        channels = ", ".join(f"{t(lang, 'channel.' + c) if c in SPOKEN_CHANNELS else '📝'} {n}"
                             for c, n in sorted(m["channels"].items(), key=lambda kv: -kv[1])) or "—"
        lines.append(rt(lang, "activity_line", name=m["name"], total=m["interactions"], channels=channels))
        lines.append(rt(lang, "activity_more", new=m["new_customers"], dnew=m["deals_new"], moved=m["deals_moved"],
                        won=m["deals_won"], done=m["followups_done"], overdue=m["followups_overdue"]))
        for target in m["targets"]:
            lines.append(rt(lang, "activity_target", metric=target["metric"], actual=target["actual"],
                            target=target["target"], pct=f"{target['pct']:g}" if target["pct"] is not None else "—",
                            **_span(target["period"], lang)))
    if len(members) > 1:
        tot = data["totals"]
        lines.append(rt(lang, "activity_totals", total=tot["interactions"], new=tot["new_customers"],
                        moved=tot["deals_moved"] + tot["deals_new"], overdue=tot["followups_overdue"]))
    shown = [m for m in members if m["interactions"]][:12]
    if not shown:
        return "\n".join(lines), None
    if not chart:
        return "\n".join(lines), None
    cl = _chart_lang(lang)
    series = [(t(cl, f"channel.{c}"), [m["channels"].get(c, 0) for m in shown]) for c in SPOKEN_CHANNELS]
    notes = [m["interactions"] - sum(m["channels"].get(c, 0) for c in SPOKEN_CHANNELS) for m in shown]
    if any(notes):
        series.append(("note", notes))
    series = [s for s in series if any(s[1])]
    chart = stacked_chart(t(cl, "activity_title", **_span(data["period"], cl)).rstrip(":："),
                          [m["name"] for m in shown], series, [str(m["interactions"]) for m in shown])
    return "\n".join(lines), chart


def sources_view(data: dict, lang: str, chart: bool = True) -> tuple[str, bytes | None]:
    cur = data["currency"]
    lines = [rt(lang, "sources_title", currency=cur, **_span(data["period"], lang))]
    if not data["sources"]:
        lines.append(rt(lang, "sources_empty"))
        return "\n".join(lines), None
    for s in data["sources"]:
        line = rt(lang, "sources_row", source=s["source"] or rt(lang, "sources_none_name"), customers=s["customers"],
                  new=s["new_customers"], won=s["won"], revenue=cash(s["revenue"], cur, lang))
        if s["cost"]:
            line += rt(lang, "sources_roi", cost=cash(s["cost"], cur, lang), ratio=f"{s['revenue_per_cost']:g}")
        lines.append(line)
    _apart(lines, data["unconverted"], cur, lang, "")
    if not chart:
        return "\n".join(lines), None
    cl = _chart_lang(lang)
    rows = data["sources"][:8]
    chart = bar_chart(rt(cl, "sources_title", currency=cur, **_span(data["period"], cl)).rstrip(":："),
                      [r["source"] or rt(cl, "sources_none_name") for r in rows], [r["revenue"] for r in rows],
                      [cash(r["revenue"], cur, cl) for r in rows], colour=4)
    return "\n".join(lines), chart


def top_view(data: dict, lang: str, chart: bool = True) -> tuple[str, bytes | None]:
    cur = data["currency"]
    lines = [rt(lang, "top_title", currency=cur, **_span(data["period"], lang))]
    if not data["top"]:
        lines.append(rt(lang, "top_empty"))
        _apart(lines, data["unconverted"], cur, lang, "")
        return "\n".join(lines), None
    for r in data["top"]:
        lines.append(rt(lang, "top_row", rank=r["rank"], name=r["name"], revenue=cash(r["revenue"], cur, lang),
                        share=f"{r['share_pct']:g}", vip=" ⭐ VIP" if r["vip"] else ""))
    lines.append(rt(lang, "top_share", k=data["top20_count"], n=data["customers_with_revenue"],
                    share=f"{data['top20_share_pct']:g}", total=cash(data["total"], cur, lang)))
    if data["vip_threshold"] is not None:
        lines.append(rt(lang, "top_vip", threshold=cash(data["vip_threshold"], cur, lang), count=data["vip_count"]))
    _apart(lines, data["unconverted"], cur, lang, "")
    if not chart:
        return "\n".join(lines), None
    cl = _chart_lang(lang)
    rows = data["top"][:10]
    chart = bar_chart(rt(cl, "top_title", currency=cur, **_span(data["period"], cl)).rstrip(":："),
                      [r["name"][:28] for r in rows], [r["revenue"] for r in rows],
                      [cash(r["revenue"], cur, cl) for r in rows], colour=0)
    return "\n".join(lines), chart


def quiet_view(data: dict, lang: str) -> str:
    if not data["count"]:
        return rt(lang, "quiet_empty", days=data["days"])
    lines = [rt(lang, "quiet_title", days=data["days"], count=data["count"])]
    for d in data["deals"]:
        lines.append(rt(lang, "quiet_row", customer=d["customer"], stage=t(lang, f"stage.{d['stage']}"),
                        amount=cash(d["amount"], d["currency"], lang) if d["amount"] is not None else "—",
                        owner=d["owner"] or "—", n=d["days_quiet"]))
    lines.append(" · ".join(f"{code}: {v['count']} · {cash(v['amount'], code, lang)}"
                            for code, v in sorted(data["by_currency"].items())))
    return "\n".join(lines)


def overdue_view(data: dict, lang: str) -> str:
    if not data["count"]:
        return rt(lang, "overdue_empty")
    lines = [rt(lang, "overdue_title", count=data["count"])]
    for f in data["followups"]:
        lines.append(rt(lang, "overdue_row", due=day(date.fromisoformat(f["due"]), lang), late=f["days_late"],
                        customer=f["customer"], what=f["what"][:80], member=f["member"]))
    if len(data["per_member"]) > 1:
        lines.append(rt(lang, "overdue_per", list=", ".join(f"{p['name']} {p['count']}"
                                                            for p in data["per_member"][:15])))
    return "\n".join(lines)


def inquiries_view(data: dict, lang: str, zone: Any = None) -> str:
    counts = data["counts"]
    if not data["open"]:
        lines = [rt(lang, "inq_empty")]
    else:
        lines = [rt(lang, "inq_title", complaints=counts["complaint"]["open"], inquiries=counts["inquiry"]["open"])]
        for item in data["items"]:
            opened = date.fromisoformat(item["opened_at"][:10])
            lines.append(rt(lang, "inq_row", id=item["id"], kind=rt(lang, f"kind.{item['kind']}"),
                            customer=item["customer"], text=item["text"][:100], day=day(opened, lang)))
    if counts["complaint"]["resolved"] or counts["inquiry"]["resolved"]:
        lines.append(rt(lang, "inq_resolved", complaints=counts["complaint"]["resolved"],
                        inquiries=counts["inquiry"]["resolved"]))
    return "\n".join(lines)
