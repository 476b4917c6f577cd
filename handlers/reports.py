"""What managers ask: pipeline, forecast, funnel, activity, the leaderboard, lead sources, top
customers, the biggest deals, quiet deals, overdue follow-ups, inquiries and complaints; as text, with a chart where
one helps.

Understanding has already said which report a message asks for (`Parse.report`, see
`understanding/report_words.py`) and the period its words name (else the report's default
period); `REPORTS` runs it. A question that names a member of the
team ("Anna's pipeline", "what did Anna do this week", "воронка Анны") is answered with that
member's figures, filtered in SQL. Whose figures a member may see is the permission table's
(storage.permissions, docs/permissions.md): reps see their own deals (pipeline, forecast,
funnel, biggest deals), activity, quiet deals, overdue follow-ups and inquiries, and may name only themselves;
managers and admins see the team, any member of it, and the leaderboard, and their own when
they ask for "my …"; lead sources and top customers are about the team's customers, shared by all.
"""
from __future__ import annotations

import logging
from datetime import date
from dataclasses import dataclass, replace
from typing import Any, Awaitable, Callable

from handlers.context import Ctx
from handlers.periods import resolve_period
from handlers.report_views import (activity_view, forecast_view, funnel_view, inquiries_view, leaderboard_view,
                                   losses_view, overdue_view, pipeline_view, quiet_view, sources_view, top_view)
from handlers.report_views.common import span
from handlers.report_views.deals import deal_buttons, deals_view
from handlers.reply import Reply
from handlers.stage_names import StageNames
from handlers.texts import day, t
from handlers.understanding.model import Parse, TeamMember
from storage.inquiries import next_number, open_for_customer, record
from storage.models import Inquiry
from storage.members import roster
from storage.reports import (activity_report, forecast, funnel, inquiries_report, leaderboard, losses,
                             overdue_followups, pipeline, quiet_deals, sources, top_customers)
from storage import permissions
from storage.permissions import Action
from storage.reports.common import instants
from storage.reports.deals import DEFAULT_ROWS, biggest_deals
from storage.team_settings import quiet_days
from storage.vocabulary import Issue, ReportKind

log = logging.getLogger("crmbot.reports")
DEFAULT_PERIOD = {"pipeline": "this_month", "forecast": "this_quarter", "funnel": "this_quarter",
                  "activity": "this_week", "leaderboard": "this_month", "sources": "this_quarter", "top": "this_year",
                  "lost": "this_quarter", "deals_won": "this_year"}


def _period(parse: Parse, ctx: Ctx, kind: str) -> tuple[date, date] | None:
    """The period the question names, else the report's default."""
    if parse.period:
        return parse.period
    name = DEFAULT_PERIOD.get(kind)
    return resolve_period(name, ctx.today) if name else None


def _span(parse: Parse, ctx: Ctx, kind: str) -> tuple[date, date]:
    """The period of a report that always has one (the question's, else the report's default)."""
    span = _period(parse, ctx, kind)
    if span is None:
        raise LookupError(f"the {kind} report has no default period")
    return span


def _sees_team(ctx: Ctx, kind: str) -> bool:
    """Whether the member's role may see everyone's figures in this report (the permission table)."""
    return permissions.scope(ctx.member.role, ACTION_OF[ReportKind(kind)]) is permissions.Scope.TEAM


def _drawn(view: Callable[..., tuple[str, bytes | None]], report: object, lang: str,
           **options: Any) -> tuple[str, bytes | None]:
    """The report's text with its chart; the text alone when the chart cannot be drawn."""
    try:
        return view(report, lang, **options)
    except Exception:  # no chart is better than no answer
        log.exception("chart failed")
        return view(report, lang, chart=False, **options)


def _stages(ctx: Ctx) -> StageNames:
    """The sender's team's names of its stages (handlers.stage_names)."""
    return StageNames.of(ctx.team.settings)


def _reply(text: str, lang: str, image: bytes | None = None) -> Reply:
    caption = text.splitlines()[0][:200] if image else None
    return Reply(text=text, lang=lang, image=image, image_caption=caption)


async def handle_pipeline(parse: Parse, ctx: Ctx) -> Reply:
    """Pipeline by stage (default this month)."""
    return await handle_report(ReportKind.PIPELINE, parse, ctx)


async def handle_activity(parse: Parse, ctx: Ctx) -> Reply:
    """Per rep: interactions per channel, new customers, deals moved, follow-ups, targets (default this week)."""
    return await handle_report(ReportKind.ACTIVITY, parse, ctx)


async def handle_help(parse: Parse, ctx: Ctx) -> Reply:
    """What the bot can do."""
    return Reply(text=t(ctx.lang, "help"), lang=ctx.lang)


@dataclass(frozen=True)
class Scope:
    """Whose figures a report adds up: the team's (`member_id` None) or one member's, `named` when the
    question named them ("Anna's pipeline", "what did Anna do"), `own` when they are the asker's."""

    member_id: int | None = None
    named: str | None = None
    own: bool = False
    compared: tuple[TeamMember, ...] = ()   # several members side by side ("compare Anna and Boris")


async def handle_report(kind: str, parse: Parse, ctx: Ctx) -> Reply:
    """Run report `kind` for the member, about whom the question names, in their language."""
    report = REPORTS.get(ReportKind(kind)) if kind in tuple(ReportKind) else None
    if report is None:
        return Reply(text=t(ctx.lang, "help"), lang=ctx.lang)
    scope = _scope(ctx, kind, parse)
    if isinstance(scope, Reply):
        return scope
    if scope.compared and kind != ReportKind.ACTIVITY:      # one report per member, one after another
        replies = [await report(parse, ctx, Scope(m.id, m.name)) for m in scope.compared]
        return Reply(text="\n\n".join(r.text for r in replies), lang=ctx.lang)
    if parse.period_compared is not None:                   # "this quarter vs last": each period's, one after another
        first = await report(parse, ctx, scope)
        second = await report(replace(parse, period=parse.period_compared, period_compared=None), ctx, scope)
        return Reply(text=f"{first.text}\n\n{second.text}", lang=ctx.lang, image=first.image,
                     image_caption=first.image_caption)
    return await report(parse, ctx, scope)


def _scope(ctx: Ctx, kind: str, parse: Parse) -> Scope | Reply:
    """The member the question names (understanding found them among the team's), if any (a rep
    may name only themselves); else a rep's own figures for the reports about their own work, the
    team's for the rest."""
    named, mine = parse.members, parse.mine
    if len(named) > 1 and parse.members_compared and kind in PER_MEMBER:
        if not _sees_team(ctx, kind) and any(m.id != ctx.member.id for m in named):
            other = next(m for m in named if m.id != ctx.member.id)
            return Reply(text=t(ctx.lang, "only_own", name=other.name), lang=ctx.lang)
        return Scope(compared=tuple(named))
    if len(named) > 1:
        names = t(ctx.lang, "list_sep").join(m.name for m in named)
        return Reply(text=t(ctx.lang, "member_which", names=names), lang=ctx.lang)
    if not named and kind in PER_MEMBER and parse.member_asked:
        # "what did Zed do": not the team's figures under a member's name
        names = t(ctx.lang, "list_sep").join(m.name for m in roster(ctx.session, _team_id(ctx)))
        return Reply(text=t(ctx.lang, "member_unknown", name=parse.member_asked, names=names), lang=ctx.lang)
    if named and kind in PER_MEMBER:
        if named[0].id != ctx.member.id and not _sees_team(ctx, kind):
            return Reply(text=t(ctx.lang, "only_own", name=named[0].name), lang=ctx.lang)
        return Scope(named[0].id, named[0].name)
    if kind not in PER_MEMBER:
        return Scope()
    owner = permissions.report_owner(ctx.actor, ACTION_OF[ReportKind(kind)], mine)
    return Scope(owner, own=owner is not None)


def _about(text: str, scope: Scope, lang: str) -> str:
    """A report narrowed to one member says whose it is on its first line: the member it named, or
    "your deals only" for the asker's own."""
    who = scope.named or (t(lang, "only_mine") if scope.own else None)
    if not who:
        return text
    first, newline, rest = text.partition("\n")
    head = first.rstrip(":：")
    return f"{head} · {who}{first[len(head):]}{newline}{rest}"


def _team_id(ctx: Ctx) -> int:
    team_id = ctx.team.id
    assert team_id is not None  # a stored team
    return team_id


async def _pipeline(parse: Parse, ctx: Ctx, scope: Scope) -> Reply:
    start, end = _span(parse, ctx, "pipeline")
    report = pipeline(ctx.session, _team_id(ctx), start, end, owner_id=scope.member_id)
    text, image = _drawn(pipeline_view, report, ctx.lang, name=scope.named, by_owner=scope.member_id is None,
                         stages=_stages(ctx))
    if scope.own and not scope.named:  # the asker's own deals: "Your pipeline …"
        title = t(ctx.lang, "pipeline_mine_title", **span(report.period, ctx.lang))
        text = title + (text[text.index("\n"):] if "\n" in text else "")
    return _reply(text, ctx.lang, image)


async def _forecast(parse: Parse, ctx: Ctx, scope: Scope) -> Reply:
    start, end = _span(parse, ctx, "forecast")
    report = forecast(ctx.session, _team_id(ctx), start, end, now=ctx.now, owner_id=scope.member_id)
    text, image = _drawn(forecast_view, report, ctx.lang)
    return _reply(_about(text, scope, ctx.lang), ctx.lang, image)


async def _funnel(parse: Parse, ctx: Ctx, scope: Scope) -> Reply:
    start, end = _span(parse, ctx, "funnel")
    text, image = _drawn(funnel_view, funnel(ctx.session, _team_id(ctx), start, end, owner_id=scope.member_id),
                         ctx.lang, stages=_stages(ctx))
    return _reply(_about(text, scope, ctx.lang), ctx.lang, image)


async def _activity(parse: Parse, ctx: Ctx, scope: Scope) -> Reply:
    start, end = _span(parse, ctx, "activity")
    among = frozenset(m.id for m in scope.compared) if scope.compared else None
    report = activity_report(ctx.session, _team_id(ctx), start, end, ctx.today, member_id=scope.member_id, among=among)
    text, image = _drawn(activity_view, report, ctx.lang, name=scope.named, zone=ctx.zone, compared=bool(among))
    if scope.own and not scope.named:  # a rep's "what did the team do": their own, said so
        title = t(ctx.lang, "activity_mine_title", **span(report.period, ctx.lang))
        text = title + (text[text.index("\n"):] if "\n" in text else "")
    return _reply(text, ctx.lang, image)


async def _leaderboard(parse: Parse, ctx: Ctx, scope: Scope) -> Reply:
    if not _sees_team(ctx, ReportKind.LEADERBOARD):
        return Reply(text=t(ctx.lang, "leaderboard_managers"), lang=ctx.lang)
    start, end = _span(parse, ctx, "leaderboard")
    text, image = _drawn(leaderboard_view, leaderboard(ctx.session, _team_id(ctx), start, end), ctx.lang)
    return _reply(text, ctx.lang, image)


async def _sources(parse: Parse, ctx: Ctx, scope: Scope) -> Reply:
    start, end = _span(parse, ctx, "sources")
    text, image = _drawn(sources_view, sources(ctx.session, _team_id(ctx), start, end), ctx.lang)
    return _reply(text, ctx.lang, image)


async def _lost(parse: Parse, ctx: Ctx, scope: Scope) -> Reply:
    start, end = _span(parse, ctx, "lost")
    report = losses(ctx.session, _team_id(ctx), start, end, owner_id=scope.member_id)
    text, image = _drawn(losses_view, report, ctx.lang)
    return _reply(_about(text, scope, ctx.lang), ctx.lang, image)


async def _top(parse: Parse, ctx: Ctx, scope: Scope) -> Reply:
    start, end = _span(parse, ctx, "top")
    text, image = _drawn(top_view, top_customers(ctx.session, _team_id(ctx), start, end), ctx.lang)
    return _reply(text, ctx.lang, image)


async def _deals(parse: Parse, ctx: Ctx, scope: Scope) -> Reply:
    """The biggest open deals (in the period the question names, by expected close), or the biggest
    won in a period (default this year), as many as asked ("top 5"), else ten."""
    start, end = _span(parse, ctx, "deals_won") if parse.won_asked else (parse.period or (None, None))
    report = biggest_deals(ctx.session, _team_id(ctx), rows=parse.rows_asked or DEFAULT_ROWS, won=parse.won_asked,
                           start=start, end=end, owner_id=scope.member_id)
    text, image = _drawn(deals_view, report, ctx.lang, stages=_stages(ctx))
    reply = _reply(_about(text, scope, ctx.lang), ctx.lang, image)
    reply.choices = deal_buttons(report)
    return reply


async def _quiet(parse: Parse, ctx: Ctx, scope: Scope) -> Reply:
    days = quiet_days(ctx.team.settings)       # the nudges' period too (storage.team_settings)
    report = quiet_deals(ctx.session, _team_id(ctx), ctx.now, days=days, owner_id=scope.member_id)
    return _reply(_about(quiet_view(report, ctx.lang, _stages(ctx)), scope, ctx.lang), ctx.lang)


async def _overdue(parse: Parse, ctx: Ctx, scope: Scope) -> Reply:
    report = overdue_followups(ctx.session, _team_id(ctx), ctx.today, member_id=scope.member_id)
    return _reply(_about(overdue_view(report, ctx.lang), scope, ctx.lang), ctx.lang)


async def _inquiries(parse: Parse, ctx: Ctx, scope: Scope) -> Reply:
    since = until = None
    if parse.period:
        since, until = instants(parse.period[0], parse.period[1], ctx.zone)
    report = inquiries_report(ctx.session, _team_id(ctx), since, until, member_id=scope.member_id)
    return _reply(_about(inquiries_view(report, ctx.lang, zone=ctx.zone), scope, ctx.lang), ctx.lang)


REPORTS: dict[ReportKind, Callable[[Parse, Ctx, Scope], Awaitable[Reply]]] = {
    ReportKind.PIPELINE: _pipeline, ReportKind.FORECAST: _forecast, ReportKind.FUNNEL: _funnel,
    ReportKind.ACTIVITY: _activity, ReportKind.LEADERBOARD: _leaderboard, ReportKind.SOURCES: _sources,
    ReportKind.TOP: _top, ReportKind.QUIET: _quiet, ReportKind.OVERDUE: _overdue, ReportKind.INQUIRIES: _inquiries,
    ReportKind.LOST: _lost, ReportKind.DEALS: _deals,
}
# reports a question can narrow to one member (named, or the asker's own)
PER_MEMBER = (ReportKind.PIPELINE, ReportKind.FORECAST, ReportKind.FUNNEL, ReportKind.ACTIVITY, ReportKind.QUIET,
              ReportKind.OVERDUE, ReportKind.INQUIRIES, ReportKind.LOST, ReportKind.DEALS)
# the permission that says whose figures each report may add up (storage.permissions)
ACTION_OF = {ReportKind.PIPELINE: Action.SEE_PIPELINE, ReportKind.FORECAST: Action.SEE_PIPELINE,
             ReportKind.FUNNEL: Action.SEE_PIPELINE, ReportKind.LOST: Action.SEE_PIPELINE,
             ReportKind.DEALS: Action.SEE_PIPELINE,
             ReportKind.ACTIVITY: Action.SEE_ACTIVITY,
             ReportKind.LEADERBOARD: Action.SEE_ACTIVITY, ReportKind.QUIET: Action.SEE_ACTIVITY,
             ReportKind.OVERDUE: Action.SEE_ACTIVITY, ReportKind.INQUIRIES: Action.SEE_ACTIVITY,
             ReportKind.SOURCES: Action.SEE_CUSTOMER_REPORTS, ReportKind.TOP: Action.SEE_CUSTOMER_REPORTS}


# -- hooks for the note and the customer card (wired by their owners) ---------------------------


def record_note_issue(ctx: Ctx, issue: Issue | None, customer_id: int, note_id: int | None) -> str | None:
    """If the note reports a complaint or an inquiry (`Parse.issue`, from understanding), store it
    (open) with the note's words in the note's transaction, journalled with the note so undo takes
    it back, and return the line to add to the reply ("complaint recorded (#12), open until
    resolved"); None for an ordinary note.
    Call it from handle_log once the customer and the note exist:
    `line = record_note_issue(ctx, parse.issue, customer.id, note.id)`."""
    if issue is None:
        return None
    words = ctx.text or ""
    if ctx.journal is not None and ctx.journal.note_id is not None:  # undo takes it back with the note
        row = ctx.journal.add(Inquiry(team_id=ctx.journal.team_id, number=next_number(ctx.session, ctx.journal.team_id),
                                      customer_id=customer_id, member_id=ctx.member.id,
                                      note_id=note_id, kind=issue, text=" ".join(words.split())[:2000],
                                      opened_at=ctx.now))
    else:
        row = record(ctx.session, ctx.team_id, customer_id, issue, words,
                     member_id=ctx.member.id, note_id=note_id, at=ctx.now)
    return t(ctx.lang, "recorded_issue", kind=t(ctx.lang, f"kind.{issue}"), id=row.number)


def card_lines(ctx: Ctx, customer_id: int) -> list[str]:
    """The customer's open inquiries and complaints for the customer card (empty when none)."""
    rows = open_for_customer(ctx.session, ctx.team_id, customer_id)
    if not rows:
        return []
    lines = [t(ctx.lang, "card_inquiries")]
    for row in rows:
        opened = row.opened_at.astimezone(ctx.zone).date() if row.opened_at.tzinfo else row.opened_at.date()
        lines.append(t(ctx.lang, "inq_row", id=row.number, kind=t(ctx.lang, f"kind.{row.kind}"),
                        customer="", text=" ".join(row.text.split())[:100], day=day(opened, ctx.lang))
                     .replace(" · : ", " · "))
    return lines
