"""From what a message asks to its handler: the one routing table every platform shares.

Understanding (or the button, or the command) has already decided: `Parse.report` names the
report a question asks for, else `Parse.intent` says what the message is. Nothing here or in
a handler reads the message again to decide.
"""
from __future__ import annotations

from typing import Awaitable, Callable

from handlers.ask import handle_ask_again, handle_cancel
from handlers.card_scan import handle_card
from handlers.context import Ctx
from handlers.correct import handle_correct
from handlers.erase import handle_erase, handle_unknown
from handlers.customer_card import handle_query
from handlers.followups import handle_done, handle_drop, handle_followups, handle_snooze
from handlers.log_note import handle_log
from handlers.merge import handle_merge
from handlers.rename import handle_rename
from handlers.reply import Reply
from handlers.reports import handle_activity, handle_help, handle_pipeline, handle_report
from handlers.search import handle_search
from handlers.settings import handle_setting
from handlers.undo import handle_undo
from handlers.understanding.model import Parse
from storage.vocabulary import Intent

Handler = Callable[[Parse, Ctx], Awaitable[Reply]]

ROUTES: dict[Intent, Handler] = {
    Intent.LOG: handle_log,
    Intent.QUERY_CUSTOMER: handle_query,
    Intent.FOLLOWUPS: handle_followups,
    Intent.DONE: handle_done,
    Intent.SNOOZE: handle_snooze,
    Intent.DROP_FOLLOWUP: handle_drop,
    Intent.MERGE: handle_merge,
    Intent.RENAME: handle_rename,
    Intent.PIPELINE: handle_pipeline,
    Intent.ACTIVITY: handle_activity,
    Intent.UNDO: handle_undo,
    Intent.CARD: handle_card,
    Intent.CANCEL: handle_cancel,
    Intent.ASK_AGAIN: handle_ask_again,
    Intent.ERASE: handle_erase,
    Intent.CORRECT: handle_correct,
    Intent.HELP: handle_help,
    Intent.UNKNOWN: handle_unknown,
}


async def dispatch(parse: Parse, ctx: Ctx) -> Reply:
    """The report the message asks for, else the handler of its intent."""
    if parse.setting is not None:
        return await handle_setting(parse, ctx)
    if parse.search is not None:
        return await handle_search(parse, ctx)
    if parse.report is not None:
        return await handle_report(parse.report, parse, ctx)
    return await ROUTES[parse.intent](parse, ctx)
