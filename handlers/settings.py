"""An admin changes a team setting in chat ("set quiet days to 7", "设置沉寂天数为7天", "установи
тихие дни на 7"): checked, written through the journal (shown in the audit log, undone like a
note), and read the same way by nudges, reports and chat (storage.team_settings). A rep or a
manager is told who can change it."""
from __future__ import annotations

from handlers.context import Ctx, journal_of
from handlers.reply import Choice, Reply
from handlers.texts import t
from handlers.understanding.model import Parse
from storage.members import roster
from storage.permissions import Action, Actor, check, roles_for
from storage.team_settings import Setting, SettingError, change


async def handle_setting(parse: Parse, ctx: Ctx) -> Reply:
    """Change the asked setting when the sender is an admin; else say who may."""
    asked = parse.setting
    assert asked is not None
    team_id = ctx.team.id
    assert team_id is not None
    if not check(Actor(ctx.member.id, team_id, ctx.member.role), Action.CHANGE_SETTINGS, team_id=team_id):
        allowed = roles_for(Action.CHANGE_SETTINGS)
        admins = [m.name for m in roster(ctx.session, team_id) if m.role in allowed]
        return Reply(text=t(ctx.lang, "settings_admin_only", admins=t(ctx.lang, "list_sep").join(admins) or "—"),
                     lang=ctx.lang)
    setting = Setting(asked.name)
    try:
        changed = change(ctx.team, setting, asked.value, asked.stage)
    except SettingError as exc:
        return Reply(text=t(ctx.lang, f"settings_bad.{exc.reason}", value=asked.value), lang=ctx.lang)
    shown = t(ctx.lang, "setting_off") if changed.shown == "off" else changed.shown
    journal = journal_of(ctx)
    note_id = journal.open_note(ctx.platform, ctx.message_id, ctx.text, ctx.now, None)
    if not journal.change(ctx.team, settings=changed.settings, currency=changed.currency):
        return Reply(text=t(ctx.lang, "settings_same", what=_what(ctx, setting, asked.stage), value=shown),
                     lang=ctx.lang)
    token = f"undo:{note_id}"
    text = "\n".join((t(ctx.lang, "settings_changed", what=_what(ctx, setting, asked.stage), value=shown),
                      t(ctx.lang, "undo_hint")))
    return Reply(text=text, lang=ctx.lang, undo_token=token, wrote=True,
                 choices=[Choice(label=t(ctx.lang, "undo_button"), data=token)])


def _what(ctx: Ctx, setting: Setting, stage: str | None) -> str:
    if stage:
        return t(ctx.lang, f"setting.{setting.value}", stage=t(ctx.lang, f"stage.{stage}"))
    return t(ctx.lang, f"setting.{setting.value}")
