"""An admin changes a team setting in chat ("set quiet days to 7", "设置沉寂天数为7天", "установи
тихие дни на 7"): checked, written through the journal (shown in the audit log, undone like a
note), and read the same way by nudges, reports and chat (storage.team_settings). A rep or a
manager is told who can change it."""
from __future__ import annotations

from handlers.context import Ctx, journal_of
from handlers.reply import Choice, Reply
from handlers.stage_names import BOTS, StageNames
from handlers.texts import t
from handlers.understanding.model import Parse
from storage.members import roster
from storage.permissions import Action, Actor, check, roles_for
from handlers.understanding.setting_words import stage_list, stage_named
from storage.team_settings import Setting, SettingError, change
from storage.team_stages import deals_held, switched_off, team_stages
from storage.vocabulary import OPEN_STAGES, Stage

STAGE_SETTINGS = (Setting.STAGES, Setting.STAGE_OFF, Setting.STAGE_ON)


async def handle_setting(parse: Parse, ctx: Ctx) -> Reply:
    """Change the asked setting when the sender is an admin; else say who may."""
    asked = parse.setting
    assert asked is not None
    team_id = ctx.team.id
    assert team_id is not None
    if not check(Actor(ctx.member.id, team_id, ctx.member.role), Action.CHANGE_SETTINGS, team_id=team_id):
        allowed = roles_for(Action.CHANGE_SETTINGS)
        admins = [m.name for m in roster(ctx.session, team_id) if m.role in allowed]
        if not admins:       # a team made by adding a manager or reps first has nobody to ask yet
            return Reply(text=t(ctx.lang, "settings_no_admin"), lang=ctx.lang)
        return Reply(text=t(ctx.lang, "settings_admin_only", admins=t(ctx.lang, "list_sep").join(admins)),
                     lang=ctx.lang)
    setting = Setting(asked.name)
    names = StageNames.of(ctx.team.settings)
    value = asked.value
    if setting == Setting.STAGE_NAME:
        refused = _stage_name_refused(ctx, names, asked.stage, value)
        if refused:
            return Reply(text=refused, lang=ctx.lang)
        if value.strip("'\"“”‘’«»「」 ").casefold() == BOTS(asked.stage or "", ctx.lang).casefold():
            value = ""                              # the bot's own name again: the team's is dropped
    if setting in STAGE_SETTINGS:
        value, refused = _stage_keys(ctx, names, setting, asked.value, asked.stage)
        if refused:
            return Reply(text=refused, lang=ctx.lang)
    try:
        changed = change(ctx.team, setting, value, asked.stage, ctx.lang)
    except SettingError as exc:
        return Reply(text=t(ctx.lang, f"settings_bad.{exc.reason}", value=asked.value), lang=ctx.lang)
    shown = changed.shown or BOTS(asked.stage or "", ctx.lang)     # a stage's name dropped: the bot's again
    if setting in STAGE_SETTINGS:
        busy = _busy(ctx, names, switched_off(ctx.team.settings, changed.settings))
        if busy:
            return Reply(text=busy, lang=ctx.lang)
        shown = " → ".join(names(stage, ctx.lang) for stage in team_stages(changed.settings))
    if setting == Setting.ALERT_THRESHOLD and shown == "off":
        shown = t(ctx.lang, "setting_off")
    journal = journal_of(ctx)
    note_id = journal.open_note(ctx.platform, ctx.message_id, ctx.text, ctx.now, None)
    if not journal.change(ctx.team, settings=changed.settings, currency=changed.currency):
        return Reply(text=t(ctx.lang, "settings_same", what=_what(ctx, setting, asked.stage, names), value=shown),
                     lang=ctx.lang)
    token = f"undo:{note_id}"
    text = "\n".join((t(ctx.lang, "settings_changed", what=_what(ctx, setting, asked.stage, names), value=shown),
                      t(ctx.lang, "undo_hint")))
    return Reply(text=text, lang=ctx.lang, undo_token=token, wrote=True,
                 choices=[Choice(label=t(ctx.lang, "undo_button"), data=token)])


def _stage_name_refused(ctx: Ctx, names: StageNames, stage: str | None, value: str) -> str | None:
    """Why a stage cannot be called `value` (no such stage, or another stage's name), or None."""
    if stage not in tuple(Stage):
        return t(ctx.lang, "settings_bad.any_stage", value=stage or "",
                 stages=t(ctx.lang, "list_sep").join(names(s, ctx.lang) for s in Stage))
    other = names.clash(stage, ctx.lang, value.strip("'\"“”‘’«»「」 "))
    if other is not None:
        return t(ctx.lang, "settings_bad.name_taken", value=value, stage=names(other, ctx.lang))
    return None


def _stage_keys(ctx: Ctx, names: StageNames, setting: Setting, value: str,
                stage: str | None) -> tuple[str, str | None]:
    """The stage keys a message names ("lead, offer, negotiation" by any of their names), or why not:
    a word that is no open stage, or one stage named twice."""
    if setting != Setting.STAGES:
        if stage in OPEN_STAGES:
            return str(stage), None
        written = [stage or value]
    else:
        written = stage_list(value)
    keys: list[str] = []
    for word in written:
        found = stage_named(word, names.words(), OPEN_STAGES)
        if found is None:
            return "", t(ctx.lang, "settings_bad.stages_unknown", value=word,
                         stages=t(ctx.lang, "list_sep").join(names(s, ctx.lang) for s in OPEN_STAGES))
        if found in keys:
            return "", t(ctx.lang, "settings_bad.stages_twice", value=word)
        keys.append(found.value)
    return ",".join(keys), None


def _busy(ctx: Ctx, names: StageNames, off: tuple[Stage, ...]) -> str | None:
    """Why a stage cannot be switched off: it still holds open deals (which, and how many)."""
    team_id = ctx.team.id
    assert team_id is not None
    for held in deals_held(ctx.session, team_id, off):
        return t(ctx.lang, "settings_bad.stage_busy", stage=names(held.stage, ctx.lang), n=held.count,
                 customers=t(ctx.lang, "list_sep").join(held.customers) + (" …" if held.count > len(held.customers)
                                                                            else ""))
    return None


def _what(ctx: Ctx, setting: Setting, stage: str | None, names: StageNames) -> str:
    if setting == Setting.STAGE_NAME:              # which stage: as the bot calls it, whatever its name
        return t(ctx.lang, "setting.stage_name", stage=BOTS(stage or "", ctx.lang))
    if stage:
        return t(ctx.lang, f"setting.{setting.value}", stage=names(stage, ctx.lang))
    return t(ctx.lang, f"setting.{setting.value}")
