"""From intent to handler: the one routing table every platform shares."""
from __future__ import annotations

from typing import Awaitable, Callable

from handlers.context import Ctx
from handlers.card_scan import handle_card
from handlers.customer_card import handle_query
from handlers.followups import handle_done, handle_followups, handle_snooze
from handlers.log_note import handle_log
from handlers.reply import Reply
from handlers.report_kind import report_kind
from handlers.reports import handle_activity, handle_help, handle_pipeline, handle_report
from handlers.undo import handle_undo
from handlers.understanding.model import Parse

Handler = Callable[[Parse, Ctx], Awaitable[Reply]]

ROUTES: dict[str, Handler] = {
    "log": handle_log,
    "query_customer": handle_query,
    "followups": handle_followups,
    "done": handle_done,
    "snooze": handle_snooze,
    "pipeline": handle_pipeline,
    "activity": handle_activity,
    "undo": handle_undo,
    "card": handle_card,
    "help": handle_help,
    "unknown": handle_help,
}


async def dispatch(parse: Parse, ctx: Ctx) -> Reply:
    """Run the handler for the parse's intent (a report question that reads like a note, such
    as "lost reasons this quarter", goes to its report)."""
    if parse.intent == "log" and not parse.customer and not parse.customer_candidates \
            and not ctx.pressed.customer_id:
        kind = report_kind(ctx.text)
        if kind:
            return await handle_report(kind, parse, ctx)
    return await ROUTES.get(parse.intent, handle_help)(parse, ctx)
