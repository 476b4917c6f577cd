"""An undo that cannot be done says why in the member's language, whatever the change was: a team
setting changed since from the command line, a hand-over whose chat account is someone's again. A
member who left is never let back in by writing to the console."""
from __future__ import annotations

import logging

import pytest
from sqlmodel import SQLModel

from bot.adapters.console import Console
from bot.health import OneLineErrors, one_line
from handlers.texts import t
from storage.vocabulary import Lang
from tests.bot.test_cli import crmbot
from storage.models import Member, Team
from tests.bot.test_cli_edits import rows, two_teams  # noqa: F401 (the fixture)

# the store's own bookkeeping, never written by a note: everything else a note, a button or a
# command can change, so an undo may have to name it
NOT_JOURNALED = {"auditlog", "chatstate", "inbox", "llmusage", "nudgeledger", "schedulerlock", "stranger", "note"}


@pytest.mark.parametrize("lang", list(Lang))
def test_every_table_a_note_can_change_has_a_name_in_every_language(lang):
    for table in sorted(set(SQLModel.metadata.tables) - NOT_JOURNALED):
        assert t(lang, f"undo_thing.{table}", name="X", id=1).strip(), table


@pytest.mark.parametrize("setting, undo, refused", [
    ("set alert threshold to 10k", "undo", "the team's setting was changed since"),
    ("порог оповещений 500 тыс", "отмена", "изменено — настройка команды"),
    ("提醒阈值设为5万", "撤销", "团队设置之后已被修改"),
])
def test_undo_of_a_setting_changed_since_on_the_command_line_says_so(two_teams, engine, setting, undo, refused):
    said = crmbot("say", "--user", "adam", "--now", "2026-11-26T10:00", setting, url=two_teams)
    assert "Undo" in said.stdout or "отмен" in said.stdout.lower() or "撤销" in said.stdout, said.stdout
    assert crmbot("team", "set", "quiet_days", "7", "--by", "Adam", url=two_teams).returncode == 0
    back = crmbot("say", "--user", "adam", "--now", "2026-11-26T10:02", undo, url=two_teams)
    assert refused in back.stdout, back.stdout + back.stderr
    assert "Traceback" not in back.stderr and "went wrong" not in back.stdout


def test_a_hand_over_whose_chat_account_was_given_to_someone_else_is_not_undone(two_teams, engine):
    assert crmbot("user", "remove", "Anna", "--reassign-to", "Boris", "--by", "Adam", url=two_teams).returncode == 0
    again = crmbot("user", "add", "--platform", "console", "--id", "anna", "--name", "Annette", "--by", "Adam",
                   url=two_teams)
    assert again.returncode == 0, again.stderr
    back = crmbot("say", "--user", "adam", "--now", "2026-11-26T10:00", "undo", url=two_teams)
    assert "the chat account anna is in use again" in back.stdout and "Nothing was undone" in back.stdout
    assert "Traceback" not in back.stderr
    note = crmbot("say", "--user", "anna", "--now", "2026-11-26T10:01", "Visited Umbrella, quote 5k", url=two_teams)
    assert "Umbrella" in note.stdout     # Annette writes as herself


def test_a_member_who_left_is_refused_at_the_console_even_where_a_team_is_empty(two_teams, engine):
    assert crmbot("user", "remove", "Anna", "--reassign-to", "Boris", "--by", "Adam", url=two_teams).returncode == 0
    # CRM_TEAM names a team nobody is in yet: the first console account there would become its admin
    out = crmbot("say", "--user", "anna", "--now", "2026-11-26T10:00", "globex?", url=two_teams, CRM_TEAM="empty")
    assert "no longer a member" in out.stdout, out.stdout
    empty = rows(engine, Team, Team.name == "empty")
    assert not empty or not rows(engine, Member, Member.team_id == empty[0].id)
    back = crmbot("say", "--user", "adam", "--now", "2026-11-26T10:01", "undo", url=two_teams)
    assert "Undone" in back.stdout, back.stdout + back.stderr
    assert "Globex" in crmbot("say", "--user", "anna", "--now", "2026-11-26T10:02", "globex?", url=two_teams).stdout


async def test_a_stranger_still_becomes_the_admin_of_an_empty_store(crm):
    reply = await Console(crm, user="first").say("Visited Globex, sent the quote for $42k")
    assert reply.wrote and "Globex" in reply.text


def test_an_error_is_logged_as_one_line_without_a_stack(caplog):
    log = logging.getLogger("crmbot.test")
    try:
        {}["undo_thing.team"]
    except KeyError:
        log.exception("message from console:adam failed")
    [record] = caplog.records
    line = OneLineErrors("%(levelname)s %(message)s").format(record)
    assert line.count("\n") == 0 and "Traceback" not in line
    assert "KeyError: 'undo_thing.team' at bot/test_undo_refused_plainly.py" in line
    assert one_line(record.exc_info).startswith("KeyError")

