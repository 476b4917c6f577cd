"""What managers ask: the pipeline for a period and what the team did."""
from __future__ import annotations

from datetime import datetime, time, timedelta

from handlers.context import Ctx
from handlers.periods import resolve_period
from handlers.reply import Reply
from handlers.texts import day, money, t
from handlers.understanding.model import Parse
from storage.activity import activity
from storage.reports import pipeline


def _minor(value: float | int | None) -> int:
    return int(round((value or 0) * 100))


async def handle_pipeline(parse: Parse, ctx: Ctx) -> Reply:
    """Open deals per stage for the period (default this month), with totals."""
    start, end = parse.period or resolve_period("this_month", ctx.today)
    owner = ctx.member.id if ctx.member.role == "rep" and ctx.extra.get("mine") else None
    data = pipeline(ctx.session, ctx.team.id, start, end, owner_id=owner)  # type: ignore[arg-type]
    lang, cur = ctx.lang, data.get("currency")
    cur = cur if cur and len(cur) == 3 else None
    lines = [t(lang, "pipeline_title", start=day(start, lang), end=day(end, lang))]
    total_count = sum(s["count"] for s in data["stages"])
    if not total_count:
        lines.append(t(lang, "pipeline_empty"))
        return Reply(text="\n".join(lines), lang=lang)
    for row in data["stages"]:
        lines.append(f"• {t(lang, 'stage.' + row['stage'])}: {row['count']} · "
                     f"{money(_minor(row['amount']), cur, lang)} · ⚖ {money(_minor(row['weighted']), cur, lang)}")
    lines.append(t(lang, "pipeline_total", count=total_count, amount=money(_minor(data["total"]), cur, lang),
                   weighted=money(_minor(data["weighted_total"]), cur, lang)))
    undated = data.get("undated") or {}
    if undated.get("count"):
        lines.append(t(lang, "pipeline_undated", count=undated["count"],
                       amount=money(_minor(undated.get("amount")), cur, lang)))
    for code, totals in (data.get("by_currency") or {}).items():
        if isinstance(totals, dict) and code != cur:
            lines.append(f"  {code}: {money(_minor(totals.get('total', totals.get('amount'))), code, lang)}")
    return Reply(text="\n".join(lines), lang=lang)


async def handle_activity(parse: Parse, ctx: Ctx) -> Reply:
    """Interactions per member and channel in the period (default this week)."""
    start, end = parse.period or resolve_period("this_week", ctx.today)
    since = datetime.combine(start, time.min, ctx.zone)
    until = datetime.combine(end + timedelta(days=1), time.min, ctx.zone)
    mine = ctx.member.id if ctx.member.role == "rep" else None
    rows = activity(ctx.session, ctx.team.id, since, until, mine)  # type: ignore[arg-type]
    lang = ctx.lang
    lines = [t(lang, "activity_title", start=day(start, lang), end=day(end, lang))]
    if not rows:
        lines.append(t(lang, "activity_none"))
        return Reply(text="\n".join(lines), lang=lang)
    per_member: dict[str, list[str]] = {}
    totals: dict[str, int] = {}
    for name, channel, count in rows:
        label = t(lang, f"channel.{channel}") if channel != "note" else "📝"
        per_member.setdefault(name, []).append(f"{label} {count}")
        totals[name] = totals.get(name, 0) + count
    for name in sorted(per_member, key=lambda n: -totals[n]):
        lines.append(f"• {name}: {totals[name]} — " + ", ".join(per_member[name]))
    return Reply(text="\n".join(lines), lang=lang)


async def handle_help(parse: Parse, ctx: Ctx) -> Reply:
    """What the bot can do, in the member's language; also the answer to nonsense."""
    return Reply(text=t(ctx.lang, "help"), lang=ctx.lang)
