"""Where a message goes before understanding: buttons, numbered answers and chat commands."""
from __future__ import annotations

import re
from datetime import date
from typing import Callable, Sequence

from handlers.context import Ctx, Pressed
from handlers.ask import answer, kept_text
from handlers.erase import ERASE
from handlers.understanding.answers import Agreement, agreement, cancels, undoes
from handlers.understanding.asking import asks, erase_name
from handlers.understanding.languages import CODES
from handlers.understanding.chatter import is_chatter
from handlers.understanding.fixes import contact_fix, is_fix, move, resolved, swapped_customer
from handlers.chat_state import save_state, state_of
from handlers.understanding.followup_words import named_followup
from handlers.understanding.lang import clean, detect
from handlers.understanding.matching import match_known
from handlers.understanding import mail_headers, side_question, understand
from handlers.understanding.hybrid import understand_hybrid
from handlers.understanding.llm.client import LlmClient
from handlers.understanding.model import Parse
from handlers.understanding.report_words import Team, settle_report
from handlers.understanding.setting_words import read_team_stages
from handlers.stage_names import StageNames
from handlers.texts import t
from handlers.followups import MOVE_PICK
from handlers.undo import CONFIRM, KEEP
from storage.vocabulary import Intent, Lang, lang_of

COMMAND = re.compile(r"^\s*/([A-Za-z]+)(?:@\w+)?(?:\s+(.*))?$", re.S)
COMMANDS = {"start": Intent.HELP, "help": Intent.HELP, "today": Intent.FOLLOWUPS, "followups": Intent.FOLLOWUPS,
            "pipeline": Intent.PIPELINE, "undo": Intent.UNDO, "activity": Intent.ACTIVITY}
Known = Callable[[], tuple[Sequence[str], dict[str, str]]]


def button(data: str, lang: Lang) -> tuple[Parse, Pressed] | None:
    """What a pressed button asks for (undo, done, snooze, save a card, open a customer), and what it
    points at; None for data no button of ours sends."""
    kind, _, arg = data.partition(":")
    if kind == "undo" and arg.isdigit():
        return Parse(lang=lang, intent=Intent.UNDO), Pressed(note_id=int(arg))
    if kind == "undo" and arg == KEEP:
        return Parse(lang=lang, intent=Intent.UNDO), Pressed(keep_note=True)
    if kind == "done" and arg.isdigit():
        return Parse(lang=lang, intent=Intent.DONE), Pressed(followup_id=int(arg))
    if kind == "drop" and arg.isdigit():
        return Parse(lang=lang, intent=Intent.DROP_FOLLOWUP), Pressed(followup_id=int(arg))
    if kind == "snooze" and re.fullmatch(r"\d+:\d+", arg):
        followup, days = arg.split(":")
        return Parse(lang=lang, intent=Intent.SNOOZE), Pressed(followup_id=int(followup), days=int(days))
    if kind == "move" and re.fullmatch(r"\d+:\d{8}", arg):       # a named move's choice: to that day
        followup, day = arg.split(":")
        try:
            due = date(int(day[:4]), int(day[4:6]), int(day[6:]))
        except ValueError:
            return None
        return Parse(lang=lang, intent=Intent.SNOOZE), Pressed(followup_id=int(followup), due=due)
    if kind == "card" and arg in ("save", "cancel"):
        return Parse(lang=lang, intent=Intent.CARD), Pressed(card="save" if arg == "save" else "cancel")
    if kind == ERASE and arg.isdigit():
        return Parse(lang=lang, intent=Intent.ERASE), Pressed(erase_id=int(arg))
    if kind == ERASE and arg == "cancel":
        return Parse(lang=lang, intent=Intent.CANCEL), Pressed()
    if kind == "merge" and re.fullmatch(r"\d+:\d+", arg):
        source, target = arg.split(":")
        return Parse(lang=lang, intent=Intent.MERGE), Pressed(merge_ids=(int(source), int(target)))
    if kind == "open" and arg.isdigit():
        return Parse(lang=lang, intent=Intent.QUERY_CUSTOMER), Pressed(customer_id=int(arg))
    return None


def _answer_pick(data: str, ctx: Ctx, known: Known, lang: Lang) -> Parse | None:
    """An answer to "which customer?" (a button, a number, a name, cancel) brings back the note it
    was asked for, about the customer answered; cancel drops it (a `Parse` to dispatch). Any other
    message lets the question lapse: its reply will say the kept note was not recorded."""
    state = state_of(ctx)
    if not state.pending:
        return None
    typed = _TYPED_ANSWERS.get(str(state.pending.get("kind")))
    if typed is not None:
        return typed(ctx, state.pending, data, lang)
    names, aliases = known()
    said = answer(ctx, data, names, aliases, lang)
    if said is None and not data and ctx.text and is_fix(ctx.text, detect(clean(ctx.text))):
        ctx.fix_held = True   # "sorry its 35k not 30k" of the note being asked about: never an older note's
        return Parse(lang=lang, intent=Intent.ASK_AGAIN)
    if said is None:
        if not data:
            ctx.lapsed = kept_text(ctx)
            save_state(ctx, pending=None)
        return None
    if said.again:
        return Parse(lang=lang, intent=Intent.ASK_AGAIN)
    pending = state.pending
    save_state(ctx, pending=None)
    if said.cancel:
        ctx.undo_asked = said.undo
        return Parse(lang=lang, intent=Intent.CANCEL)
    ctx.pressed = Pressed(customer_id=said.customer_id, new_customer=said.new_name if not said.customer_id else None,
                          contact_id=said.contact_id, contact_name=said.contact_name)
    ctx.text = pending.get("text") or ""
    ctx.message_id = pending.get("message_id") or ctx.message_id
    return None


_NUMBER = re.compile(r"\s*(?:⏰\s*)?#?(\d{1,2})\s*[.)]?\s*")


def _pick_move(ctx: Ctx, pending: dict, data: str, lang: Lang) -> Parse | None:
    """A typed number answering "which one moves?" presses that row's ⏰ button; anything else (a button
    included) lets the question lapse and is read as itself."""
    save_state(ctx, pending=None)
    number = _NUMBER.fullmatch(ctx.text or "") if not data else None
    moves = [str(move) for move in pending.get("moves") or []]
    if number is None or not 1 <= int(number.group(1)) <= len(moves):
        return None
    pressed = button(moves[int(number.group(1)) - 1], lang)
    if pressed is None:
        return None
    parse, ctx.pressed = pressed
    return parse


def _confirm_undo(ctx: Ctx, pending: dict, data: str, lang: Lang) -> Parse | None:
    """A typed answer to "undo that older note?": yes or an undo word undoes it, no or "keep it" keeps it;
    anything else lets the question lapse and is read as itself; a button leaves the question open."""
    if data:
        return None
    save_state(ctx, pending=None)
    said = ctx.text.strip()
    if undoes(said) or agreement(said, lang) is Agreement.ONLY:
        ctx.pressed = Pressed(note_id=int(pending.get("note_id") or 0))
        return Parse(lang=lang, intent=Intent.UNDO)
    keep = {t(code, "undo_confirm_keep").casefold() for code in CODES}
    if cancels(said, lang) or said.casefold() in keep:
        ctx.pressed = Pressed(keep_note=True)
        return Parse(lang=lang, intent=Intent.UNDO)
    return None


# The bot's own questions answered by typing, by the kind of question pending: each returns the `Parse` the
# answer stands for, or None when the question lapses and the message is read as itself.
_TYPED_ANSWERS: dict[str, Callable[[Ctx, dict, str, Lang], Parse | None]] = {
    CONFIRM: _confirm_undo,
    MOVE_PICK: _pick_move,
}


async def route(data: str, ctx: Ctx, fallback: Lang, known: Known, llm: LlmClient | None, llm_mode: str,
                team: Team = lambda: ()) -> Parse:
    """The `Parse` a message or button press (`data`) stands for: buttons and numbered answers
    first, then chat commands, then understanding (with the LLM as configured), which knows the
    team's customers (`known`) and members (`team`). What it asks for is decided here, report and
    member included: the handlers act on it without reading the words again."""
    lang = lang_of(ctx.member.language) or fallback
    pressed = button(data, lang)
    if pressed is not None:
        if (state_of(ctx).pending or {}).get("kind") == MOVE_PICK:
            save_state(ctx, pending=None)       # "which one moves?" answered by its button
        parse, ctx.pressed = pressed
        return parse
    cancelled = _answer_pick(data, ctx, known, lang)
    if cancelled is not None:
        return cancelled
    names, aliases = known()
    answered = bool(ctx.pressed.customer_id or ctx.pressed.new_customer or ctx.pressed.contact_id
                    or ctx.pressed.contact_name)
    command = COMMAND.match(ctx.text) if not answered else None
    if command:
        return _command(command.group(1).lower(), command.group(2) or "", ctx, lang, (names, aliases), team)
    said_in = detect(clean(ctx.text))
    named = named_followup(ctx.text, said_in, ctx.today, names, aliases) if not answered else None
    if named is not None:      # "globex follow-up done", "snooze globex to next week": that customer's follow-up
        return Parse(lang=said_in, intent=named.action, customer=named.customer or None,
                     customer_known=named.known, followup_on=named.on, snooze_days=named.days, followup_at=named.at,
                     followup_what=named.session, moved_from=named.moved_from, step_said=named.step,
                     summary=ctx.text, confidence=0.95)
    parse = await understand_hybrid(ctx.text, ctx.local_now, names, aliases, llm, llm_mode, ctx.meter, team)
    side = _side_question(ctx.text, parse) if not answered else None
    if side is not None:    # "напомни позвонить Вектору в пн, и сколько у меня сделок?": the note, its question noted
        note = await understand_hybrid(side[0], ctx.local_now, names, aliases, llm, llm_mode, ctx.meter, team)
        if note.intent == Intent.LOG and note.report is None and note.search is None and _records(note):
            parse, parse.side_question = note, side[1]
    read_team_stages(parse, ctx.text, StageNames.of(ctx.team.settings).words())
    if answered:  # the answer to "which customer?": the note (or look-up, or contact's correction) it was asked for
        parse.report = parse.search = parse.setting = None
        if ctx.pressed.customer_id is not None and is_fix(ctx.text, parse.lang) \
                and contact_fix(ctx.text, parse.lang) is not None:
            parse.intent = Intent.CORRECT       # "change maria's title to CEO": which customer's Maria
        elif parse.intent not in (Intent.LOG, Intent.QUERY_CUSTOMER):
            parse.intent = Intent.LOG
        return parse
    swap = swapped_customer(ctx.text, parse.lang)
    if swap is not None and parse.intent in _MAY_CORRECT and match_known(swap.old, names, aliases).name:
        parse.intent, parse.report = Intent.CORRECT, None   # "это был Вектор, не Уралхиммаш": the last note moves
        return parse
    return never_writes(parse, ctx.text)


_MAY_CORRECT = (Intent.LOG, Intent.UNKNOWN, Intent.QUERY_CUSTOMER, Intent.FOLLOWUPS, Intent.SNOOZE, Intent.DONE)


def never_writes(parse: Parse, text: str) -> Parse:
    """Whatever understanding said, "delete X" is no note, and a message that asks for
    information is answered (its report, the card of the customer it names) or not understood,
    never logged."""
    named = move(text, parse.lang) is not None or resolved(text, parse.lang) is not None
    if (parse.intent in _MAY_CORRECT or parse.report is not None) and (
            named or (parse.report is None and is_fix(text, parse.lang))):
        parse.intent, parse.report = Intent.CORRECT, None
        return parse
    erase = erase_name(text, parse.lang)
    if erase and parse.report is None and parse.intent in (Intent.LOG, Intent.QUERY_CUSTOMER, Intent.UNKNOWN):
        return Parse(lang=parse.lang, intent=Intent.ERASE, customer=erase)
    if parse.search is not None or parse.setting is not None:   # a look-up or a setting: never logged
        return parse
    if parse.intent == Intent.LOG and parse.report is None and is_chatter(text, parse):
        return Parse(lang=parse.lang, intent=Intent.UNKNOWN, problems=["chatter"])
    if parse.intent == Intent.LOG and parse.report is None and asks(_own_words(text), parse.lang):
        side = side_question.split(text, parse.lang)
        if side is not None and not asks(side[0], parse.lang) and _records(parse):
            parse.side_question = side[1]        # "sent globex the quote, 25k. btw when is their renewal?": noted
            return parse
        if parse.customer_known or len(parse.customer_candidates) > 1:
            return Parse(lang=parse.lang, intent=Intent.QUERY_CUSTOMER, customer=parse.customer,
                         customer_known=parse.customer_known, customer_candidates=parse.customer_candidates)
        return Parse(lang=parse.lang, intent=Intent.UNKNOWN)
    return parse


def _own_words(text: str) -> str:
    """What the rep asks in a message: a pasted mail from someone (its "From:" line) is the customer's words,
    a note to record whatever its questions ("Can you still do the $4,500?", "Когда поставка?"); other
    header fields ask nothing either."""
    headers = mail_headers.read(text)
    if headers is None:
        return text
    return "" if headers.sender or headers.sender_email else headers.text


def _side_question(text: str, parse: Parse) -> tuple[str, str] | None:
    """The note and the question said beside it, when understanding took the whole message for a question (a
    card, a report, not understood) although its first part is a note that asks nothing."""
    if parse.intent == Intent.LOG and parse.report is None and parse.search is None:
        return None
    if parse.setting is not None or not asks(_own_words(text), parse.lang):
        return None
    side = side_question.split(text, parse.lang)
    return side if side is not None and not asks(side[0], parse.lang) else None


def _records(parse: Parse) -> bool:
    """True when the note says something to record: a touch, a stage, an amount, a follow-up or a person."""
    return bool(parse.channel or parse.stage or parse.amount is not None or parse.followup_on or parse.contact)


def _command(name: str, args: str, ctx: Ctx, lang: Lang, known: tuple[Sequence[str], dict[str, str]],
             team: Team) -> Parse:
    """Chat commands (/today, /pipeline, /undo, /help, /start) answer in the member's language."""
    intent = COMMANDS.get(name, Intent.HELP)
    names, aliases = known
    parse = understand(args, ctx.local_now, names, aliases) if args.strip() else Parse(lang=lang)
    parse.lang, parse.intent = lang, intent
    if intent == Intent.FOLLOWUPS and parse.period is None:
        parse.period = (ctx.today, ctx.today)
    return settle_report(parse, ctx.text, ctx.today, team)
