"""What the team did, what one member did, and the leaderboard, as chat text and a chart."""
from __future__ import annotations

from datetime import tzinfo
from zoneinfo import ZoneInfo

from handlers.money_text import money, parts, short
from handlers.report_charts import bar_chart, stacked_chart
from handlers.report_views.common import chart_lang, rate_lines, span
from handlers.texts import day, t
from storage.reports import Activity, Leaderboard, Sums
from storage.reports.people import MemberActivity, RecentInteraction
from storage.vocabulary import SPOKEN_CHANNELS, Channel

CHART_MEMBERS = 12
TEXT_CHARS = 80


def activity_view(report: Activity, lang: str, name: str | None = None, zone: tzinfo = ZoneInfo("UTC"),
                  chart: bool = True, compared: bool = False) -> tuple[str, bytes | None]:
    """Per member: interactions per channel, customers, deals, follow-ups, targets; the team's totals.
    Narrowed to one member (`name`), their latest interactions follow; several set side by side
    (`compared`) are named in the title, and no team line adds them up."""
    title = (t(lang, "compared_activity_title", names=t(lang, "list_sep").join(m.name for m in report.members),
               **span(report.period, lang)) if compared
             else t(lang, "member_activity_title", name=name, **span(report.period, lang)) if name
             else t(lang, "activity_title", **span(report.period, lang)))
    lines = [title]
    members = report.members
    if not any(m.did.anything or m.targets for m in members) and not report.recent:
        lines.append(t(lang, "activity_none"))
        return "\n".join(lines), None
    for member in members:
        lines += _member_lines(member, lang)
    if len(members) > 1 and not compared:
        tot = report.totals
        lines.append(t(lang, "activity_totals", total=tot.interactions, new=tot.new_customers,
                        moved=tot.deals_moved + tot.deals_new, overdue=tot.followups_overdue))
    if report.recent:
        lines.append(t(lang, "member_recent"))
        lines += [_recent_line(item, lang, zone) for item in report.recent]
    shown = [m for m in members if m.did.interactions][:CHART_MEMBERS]
    if not chart or not shown:
        return "\n".join(lines), None
    return "\n".join(lines), _activity_chart(report, shown, chart_lang(lang), name)


def _member_lines(member: MemberActivity, lang: str) -> list[str]:
    did = member.did
    channels = t(lang, "list_sep").join(
        f"{t(lang, 'channel.' + c.channel) if c.channel in SPOKEN_CHANNELS else '📝'} {c.count}"
        for c in did.channels) or "—"
    head = t(lang, "activity_line", name=member.name, total=did.interactions, channels=channels) \
        if did.interactions else t(lang, "activity_line_none", name=member.name)
    lines = [head,
             t(lang, "activity_more", new=did.new_customers, dnew=did.deals_new, moved=did.deals_moved,
                won=did.deals_won, done=did.followups_done, overdue=did.followups_overdue)]
    for target in member.targets:
        lines.append(t(lang, "activity_target", metric=t(lang, f"metric.{target.metric}"), actual=target.actual,
                        target=target.target,
                        pct=f"{target.pct:g}" if target.pct is not None else "—", **span(target.period, lang)))
    return lines


def _recent_line(item: RecentInteraction, lang: str, zone: tzinfo) -> str:
    text = " ".join(item.text.split())
    if len(text) > TEXT_CHARS:
        text = text[:TEXT_CHARS - 1] + "…"
    channel = t(lang, f"channel.{item.channel}") if item.channel in SPOKEN_CHANNELS else "📝"
    return t(lang, "member_recent_row", day=day(item.at.astimezone(zone).date(), lang), channel=channel,
              customer=item.customer, text=text or "—")


def _activity_chart(report: Activity, shown: list[MemberActivity], lang: str, name: str | None) -> bytes:
    series = [(t(lang, f"channel.{c}"), [m.did.channel(c) for m in shown]) for c in SPOKEN_CHANNELS]
    notes = [m.did.interactions - sum(m.did.channel(c) for c in SPOKEN_CHANNELS) for m in shown]
    if any(notes):
        series.append((Channel.NOTE, notes))
    series = [s for s in series if any(s[1])]
    heading = (t(lang, "member_activity_title", name=name, **span(report.period, lang)) if name
               else t(lang, "activity_title", **span(report.period, lang)))
    return stacked_chart(heading.rstrip(":："), [m.name for m in shown], series,
                         [str(m.did.interactions) for m in shown])


def leaderboard_view(report: Leaderboard, lang: str, chart: bool = True) -> tuple[str, bytes | None]:
    """Members ranked by what they won (in the report currency), with their won deals, activities
    and deals moved; currencies without a rate beside each figure, never ranked against it."""
    lines = [t(lang, "leaderboard_title", **span(report.period, lang))]
    if not report.rows:
        lines.append(t(lang, "leaderboard_empty"))
        return "\n".join(lines), None
    for rank, row in enumerate(report.rows, 1):
        if len(parts(row.won)) == 1:
            lines.append(t(lang, "leaderboard_row", rank=rank, name=row.name, amount=short(row.won, lang),
                            deals=row.won.count, activities=row.interactions, moved=row.deals_moved))
        else:  # won in several currencies with no rate between them: each with its own count
            lines.append(t(lang, "leaderboard_row_mixed", rank=rank, name=row.name, amounts=short(row.won, lang),
                            activities=row.interactions, moved=row.deals_moved))
    total = report.total
    if len(parts(total)) == 1:
        lines.append(t(lang, "leaderboard_total", amount=short(total, lang), deals=total.count))
    else:
        lines.append(t(lang, "leaderboard_total_mixed", amounts=short(total, lang)))
    if total.rates:
        lines += rate_lines(Sums(total.currency, total.total, rates=total.rates), lang)
    if total.apart:
        lines.append(t(lang, "leaderboard_ranked", currency=report.currency,
                        codes=", ".join(p.currency for p in total.apart)))
    ranked = [r for r in report.rows if r.won.total.minor][:CHART_MEMBERS]
    if not chart or not ranked:
        return "\n".join(lines), None
    cl = chart_lang(lang)
    title = f"{t(cl, 'leaderboard_title', **span(report.period, cl)).rstrip(':：')} ({report.currency})"
    image = bar_chart(title, [r.name for r in ranked], [r.won.total.minor / 100 for r in ranked],
                      [f"{money(r.won.total.minor, report.currency, cl)} ({r.won.total.count})" for r in ranked],
                      colour=3)
    return "\n".join(lines), image

