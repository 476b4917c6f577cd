"""What managers ask: pipeline, forecast, funnel, activity, lead sources, top customers, quiet
deals, overdue follow-ups, inquiries and complaints; as text, with a chart where one helps.

The parser gives "pipeline" (pipeline, forecast, deals closing) and "activity"; questions
it does not place come as "unknown" or "help". `report_kind` reads the words to pick the
report in any of the three languages. Reps see their own activity, quiet deals, overdue
follow-ups and inquiries; managers and admins see the team.
"""
from __future__ import annotations

import logging
from datetime import date
from typing import Any, Callable

from handlers.context import Ctx
from handlers.periods import resolve_period
from handlers.report_kind import PIPELINE, note_issue_kind, report_kind
from handlers.report_texts import rt
from handlers.report_views import (activity_view, forecast_view, funnel_view, inquiries_view, overdue_view,
                                   pipeline_view, quiet_view, sources_view, top_view)
from handlers.reply import Reply
from handlers.texts import day, t
from handlers.understanding.model import Parse
from storage.inquiries import open_for_customer, record
from storage.models import Inquiry
from storage.reports import (activity_report, forecast, funnel, inquiries_report, overdue_followups, pipeline,
                             quiet_deals, sources, top_customers)
from storage.reports.common import instants

log = logging.getLogger("crmbot.reports")
DEFAULT_PERIOD = {"pipeline": "this_month", "forecast": "this_quarter", "funnel": "this_quarter",
                  "activity": "this_week", "sources": "this_quarter", "top": "this_year"}


def _period(parse: Parse, ctx: Ctx, kind: str) -> tuple[date, date] | None:
    """The period the question names (parser's, else read from the words), else the report's default."""
    if parse.period:
        return parse.period
    try:
        from handlers.understanding.cues import lexicon
        from handlers.understanding.timeline import period

        found = period(ctx.text or "", lexicon(parse.lang), ctx.today)
    except Exception:  # the words name no period we can read: the default
        found = None
    if found:
        return found
    name = DEFAULT_PERIOD.get(kind)
    return resolve_period(name, ctx.today) if name else None


def _is_rep(ctx: Ctx) -> bool:
    return ctx.member.role == "rep"


def _drawn(view: Callable[..., tuple[str, bytes | None]], report: object, lang: str,
           **options: Any) -> tuple[str, bytes | None]:
    """The report's text with its chart; the text alone when the chart cannot be drawn."""
    try:
        return view(report, lang, **options)
    except Exception:  # no chart is better than no answer
        log.exception("chart failed")
        return view(report, lang, chart=False, **options)


def _reply(text: str, lang: str, image: bytes | None = None) -> Reply:
    caption = text.splitlines()[0][:200] if image else None
    return Reply(text=text, lang=lang, image=image, image_caption=caption)


async def handle_pipeline(parse: Parse, ctx: Ctx) -> Reply:
    """Pipeline by stage (default this month); forecast and conversion questions go to their reports."""
    kind = report_kind(ctx.text or "")
    if kind and kind != "pipeline" and not (kind in ("top", "sources") and PIPELINE.search(ctx.text or "")):
        return await handle_report(kind, parse, ctx)
    start, end = _period(parse, ctx, "pipeline")  # type: ignore[misc]
    report = pipeline(ctx.session, ctx.team.id, start, end)  # type: ignore[arg-type]
    text, image = _drawn(pipeline_view, report, ctx.lang, by_owner=not _is_rep(ctx))
    return _reply(text, ctx.lang, image)


async def handle_activity(parse: Parse, ctx: Ctx) -> Reply:
    """Per rep: interactions per channel, new customers, deals moved, follow-ups, targets (default this week)."""
    kind = report_kind(ctx.text or "")
    if kind in ("overdue", "inquiries", "quiet"):
        return await handle_report(kind, parse, ctx)
    return await handle_report("activity", parse, ctx)


async def handle_help(parse: Parse, ctx: Ctx) -> Reply:
    """A report question the parser did not place; otherwise what the bot can do."""
    kind = report_kind(ctx.text or "") if len(ctx.text or "") <= 200 else None
    if kind is not None:
        return await handle_report(kind, parse, ctx)
    if PIPELINE.search(ctx.text or "") and len(ctx.text or "") <= 200:
        return await handle_pipeline(parse, ctx)
    return Reply(text=t(ctx.lang, "help"), lang=ctx.lang)


async def handle_report(kind: str, parse: Parse, ctx: Ctx) -> Reply:
    """Run report `kind` for the member and render it in their language."""
    lang, team_id, rep = ctx.lang, ctx.team.id, _is_rep(ctx)
    assert team_id is not None  # a stored team
    me = ctx.member.id if rep else None
    if kind == "pipeline":
        return await handle_pipeline(parse, ctx)
    if kind == "forecast":
        start, end = _period(parse, ctx, kind)  # type: ignore[misc]
        text, image = _drawn(forecast_view, forecast(ctx.session, team_id, start, end, now=ctx.now), lang)
        return _reply(text, lang, image)
    if kind == "funnel":
        start, end = _period(parse, ctx, kind)  # type: ignore[misc]
        text, image = _drawn(funnel_view, funnel(ctx.session, team_id, start, end), lang)
        return _reply(text, lang, image)
    if kind == "activity":
        start, end = _period(parse, ctx, kind)  # type: ignore[misc]
        activity = activity_report(ctx.session, team_id, start, end, ctx.today, member_id=me)
        text, image = _drawn(activity_view, activity, lang, zone=ctx.zone)
        return _reply(text, lang, image)
    if kind == "sources":
        start, end = _period(parse, ctx, kind)  # type: ignore[misc]
        text, image = _drawn(sources_view, sources(ctx.session, team_id, start, end), lang)
        return _reply(text, lang, image)
    if kind == "top":
        start, end = _period(parse, ctx, kind)  # type: ignore[misc]
        text, image = _drawn(top_view, top_customers(ctx.session, team_id, start, end), lang)
        return _reply(text, lang, image)
    if kind == "quiet":
        days = int((ctx.team.settings or {}).get("quiet_days") or 14)
        return _reply(quiet_view(quiet_deals(ctx.session, team_id, ctx.now, days=days, owner_id=me), lang), lang)
    if kind == "overdue":
        return _reply(overdue_view(overdue_followups(ctx.session, team_id, ctx.today, member_id=me), lang), lang)
    if kind == "inquiries":
        since = until = None
        if parse.period:
            since, until = instants(parse.period[0], parse.period[1], ctx.zone)
        report = inquiries_report(ctx.session, team_id, since, until, member_id=me)
        return _reply(inquiries_view(report, lang, zone=ctx.zone), lang)
    return Reply(text=t(lang, "help"), lang=lang)


# -- hooks for the note and the customer card (wired by their owners) ---------------------------


def record_note_issue(ctx: Ctx, customer_id: int, note_id: int | None, text: str | None = None) -> str | None:
    """If the note reports a complaint or an inquiry, store it (open) in the note's transaction,
    journalled with the note so undo takes it back, and return the line to add to the reply
    ("complaint recorded (#12), open until resolved"); None for an ordinary note.
    Call it from handle_log once the customer and the note exist:
    `line = record_note_issue(ctx, customer.id, note.id)`."""
    words = text if text is not None else ctx.text
    kind = note_issue_kind(words or "")
    if kind is None:
        return None
    if ctx.journal is not None and ctx.journal.note_id is not None:  # undo takes it back with the note
        row = ctx.journal.add(Inquiry(team_id=ctx.team.id, customer_id=customer_id, member_id=ctx.member.id,
                                      note_id=note_id, kind=kind, text=" ".join((words or "").split())[:2000],
                                      opened_at=ctx.now))
    else:
        row = record(ctx.session, ctx.team.id, customer_id, kind, words or "",  # type: ignore[arg-type]
                     member_id=ctx.member.id, note_id=note_id, at=ctx.now)
    return rt(ctx.lang, "recorded_issue", kind=rt(ctx.lang, f"kind.{kind}"), id=row.id)


def card_lines(ctx: Ctx, customer_id: int) -> list[str]:
    """The customer's open inquiries and complaints for the customer card (empty when none)."""
    rows = open_for_customer(ctx.session, ctx.team.id, customer_id)  # type: ignore[arg-type]
    if not rows:
        return []
    lines = [rt(ctx.lang, "card_inquiries")]
    for row in rows:
        opened = row.opened_at.astimezone(ctx.zone).date() if row.opened_at.tzinfo else row.opened_at.date()
        lines.append(rt(ctx.lang, "inq_row", id=row.id, kind=rt(ctx.lang, f"kind.{row.kind}"),
                        customer="", text=" ".join(row.text.split())[:100], day=day(opened, ctx.lang))
                     .replace(" · : ", " · "))
    return lines
