"""A customer's history in chat ("globex history", "历史记录", "история по Вектору"): every interaction
and every move of its deals, with who and when, newest first; a long history says how many older
entries are not shown. Read from storage.history in one query. A move shows the stages only: the
store keeps no amount per move, and the deal's amount today would misstate an old move."""
from __future__ import annotations

from handlers.context import Ctx
from handlers.stage_names import StageNames
from handlers.texts import day, t
from storage.history import LIMIT, Event, customer_history
from storage.models import Customer, stored_id
from storage.vocabulary import Channel

TEXT_CHARS = 120


def history_text(ctx: Ctx, customer: Customer, limit: int = LIMIT) -> str:
    """The history as chat text, in the member's language."""
    lang = ctx.lang
    history = customer_history(ctx.session, ctx.team_id, stored_id(customer), limit)
    if not history.events:
        return t(lang, "history_empty", name=customer.name)
    lines = [t(lang, "history_title", name=customer.name, shown=len(history.events), total=history.total)]
    names = StageNames.of(ctx.team.settings)
    lines += [_line(ctx, event, names) for event in history.events]
    if history.total > len(history.events):
        lines.append(t(lang, "history_older", count=history.total - len(history.events)))
    return "\n".join(lines)


def _line(ctx: Ctx, event: Event, names: StageNames) -> str:
    lang = ctx.lang
    when = day(event.at.astimezone(ctx.zone).date(), lang)
    who = f" · {event.member}" if event.member else ""
    if event.is_move:
        assert event.to_stage is not None
        if event.from_stage:
            what = t(lang, "history_move", old=names(event.from_stage, lang), new=names(event.to_stage, lang))
        else:
            what = t(lang, "history_opened", stage=names(event.to_stage, lang))
        return f"• {when} · {what}{who}"
    channel = t(lang, f"channel.{event.channel}") if event.channel and event.channel != Channel.NOTE else "📝"
    text = " ".join(event.text.split())
    text = text if len(text) <= TEXT_CHARS else text[:TEXT_CHARS - 1] + "…"
    return t(lang, "history_said", day=when, channel=channel, who=who, text=text)
