"""Where a message goes before understanding: buttons, numbered answers and chat commands."""
from __future__ import annotations

import re
from typing import Callable, Sequence

from handlers.context import Ctx, Pressed
from handlers.resolve import state_of
from handlers.understanding import understand
from handlers.understanding.hybrid import understand_hybrid
from handlers.understanding.llm import LlmClient
from handlers.understanding.model import Parse
from handlers.understanding.report_words import settle_report
from storage.vocabulary import Intent, Lang, lang_of

COMMAND = re.compile(r"^\s*/([A-Za-z]+)(?:@\w+)?(?:\s+(.*))?$", re.S)
COMMANDS = {"start": Intent.HELP, "help": Intent.HELP, "today": Intent.FOLLOWUPS, "followups": Intent.FOLLOWUPS,
            "pipeline": Intent.PIPELINE, "undo": Intent.UNDO, "activity": Intent.ACTIVITY}
_PICK = re.compile(r"^\s*#?(\d{1,2})\s*[.)]?\s*$")
Known = Callable[[], tuple[Sequence[str], dict[str, str]]]


def button(data: str, lang: Lang) -> tuple[Parse, Pressed] | None:
    """What a pressed button asks for (undo, done, snooze, save a card, open a customer), and what it
    points at; None for data no button of ours sends."""
    kind, _, arg = data.partition(":")
    if kind == "undo" and arg.isdigit():
        return Parse(lang=lang, intent=Intent.UNDO), Pressed(note_id=int(arg))
    if kind == "done" and arg.isdigit():
        return Parse(lang=lang, intent=Intent.DONE), Pressed(followup_id=int(arg))
    if kind == "snooze" and re.fullmatch(r"\d+:\d+", arg):
        followup, days = arg.split(":")
        return Parse(lang=lang, intent=Intent.SNOOZE), Pressed(followup_id=int(followup), days=int(days))
    if kind == "card" and arg in ("save", "cancel"):
        return Parse(lang=lang, intent=Intent.CARD), Pressed(card="save" if arg == "save" else "cancel")
    if kind == "open" and arg.isdigit():
        return Parse(lang=lang, intent=Intent.QUERY_CUSTOMER), Pressed(customer_id=int(arg))
    return None


def _answer_pick(data: str, ctx: Ctx) -> None:
    """A numbered answer (or a pick button) to "which customer?" brings back the note it was asked for;
    any other message lets the question lapse."""
    state = state_of(ctx)
    kind, _, arg = data.partition(":")
    pick = int(arg) if kind == "pick" and arg.isdigit() else None
    match = _PICK.match(ctx.text) if not data else None
    if match and state.pending:
        pick = int(match.group(1))
    if pick is not None and state.pending and state.pending.get("kind") == "pick":
        options = state.pending.get("options") or []
        if 1 <= pick <= len(options):
            ctx.pressed = Pressed(customer_id=options[pick - 1])
            ctx.text = state.pending.get("text") or ""
            ctx.message_id = state.pending.get("message_id") or ctx.message_id
            state.pending = None
    elif state.pending and not data:
        state.pending = None


async def route(data: str, ctx: Ctx, fallback: Lang, known: Known, llm: LlmClient | None, llm_mode: str) -> Parse:
    """The `Parse` a message or button press (`data`) stands for: buttons and numbered answers
    first, then chat commands, then understanding (with the LLM as configured). What it asks
    for is decided here, report included: the handlers act on it without reading the words again."""
    lang = lang_of(ctx.member.language) or fallback
    pressed = button(data, lang)
    if pressed is not None:
        parse, ctx.pressed = pressed
        return parse
    _answer_pick(data, ctx)
    names, aliases = known()
    command = COMMAND.match(ctx.text) if not ctx.pressed.customer_id else None
    if command:
        return _command(command.group(1).lower(), command.group(2) or "", ctx, lang, names, aliases)
    parse = await understand_hybrid(ctx.text, ctx.local_now, names, aliases, llm, llm_mode, ctx.meter)
    if ctx.pressed.customer_id:  # the answer to "which customer?": the note (or look-up) it was asked for
        parse.report = None
        if parse.intent not in (Intent.LOG, Intent.QUERY_CUSTOMER):
            parse.intent = Intent.LOG
    return parse


def _command(name: str, args: str, ctx: Ctx, lang: Lang, names: Sequence[str], aliases: dict[str, str]) -> Parse:
    """Chat commands (/today, /pipeline, /undo, /help, /start) answer in the member's language."""
    intent = COMMANDS.get(name, Intent.HELP)
    parse = understand(args, ctx.local_now, names, aliases) if args.strip() else Parse(lang=lang)
    parse.lang, parse.intent = lang, intent
    if intent == Intent.FOLLOWUPS and parse.period is None:
        parse.period = (ctx.today, ctx.today)
    return settle_report(parse, ctx.text, ctx.today)
