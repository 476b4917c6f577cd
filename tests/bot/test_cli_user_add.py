"""`crmbot user add` on an account already in says what it changed (name, role, time zone: before →
after) instead of letting it in again; without --role the member keeps theirs; another team's account
and a member who may not manage members are refused, and nothing changes."""
from __future__ import annotations

from sqlalchemy import select
from sqlmodel import Session

from storage.models import Identity, Member, Team
from tests.bot.test_cli import crmbot


def add(url: str, *args: str):
    return crmbot("user", "add", *args, url=url)


def members(engine) -> list[tuple[str, str, str | None]]:
    with Session(engine) as s:
        return [(m.name, m.role, m.timezone) for m in s.execute(select(Member).order_by(Member.id)).scalars()]


def test_an_account_already_in_is_updated_and_says_what_changed(database_url, engine):
    out = add(database_url, "--platform", "telegram", "--id", "123", "--name", "Ann")
    assert out.returncode == 0 and out.stdout.strip() == "Ann (rep) can now use the bot on telegram."
    out = add(database_url, "--platform", "telegram", "--id", "123", "--name", "Anna", "--role", "manager")
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == ("telegram account 123 was Ann's already: updated name Ann → Anna, "
                                  "role rep → manager.")
    out = add(database_url, "--platform", "telegram", "--id", "123", "--name", "Anna")   # no --role: kept
    assert out.stdout.strip() == "telegram account 123 is Anna (manager) already: nothing changed."
    out = add(database_url, "--platform", "telegram", "--id", "123", "--name", "Anna", "--tz", "Europe/Moscow")
    assert out.stdout.strip() == ("telegram account 123 was Anna's already: updated time zone the team’s → "
                                  "Europe/Moscow.")
    assert members(engine) == [("Anna", "manager", "Europe/Moscow")]
    with Session(engine) as s:
        assert len(s.execute(select(Identity)).scalars().all()) == 1             # one account, one member


def test_another_teams_account_and_a_member_who_may_not_manage_are_refused(database_url, engine):
    assert add(database_url, "--platform", "slack", "--id", "U1", "--name", "Adam", "--role", "admin").returncode == 0
    assert add(database_url, "--platform", "slack", "--id", "U2", "--name", "Mila", "--role", "manager").returncode == 0
    assert add(database_url, "--platform", "slack", "--id", "U9", "--name", "Dora", "--role", "admin",
               "--team", "teamb").returncode == 0
    moved = add(database_url, "--platform", "slack", "--id", "U2", "--name", "Mila", "--team", "teamb", "--by", "Dora")
    assert moved.returncode == 2 and "already belongs to another team" in moved.stderr
    promoted = add(database_url, "--platform", "slack", "--id", "U2", "--name", "Mila", "--role", "admin",
                   "--by", "Mila")
    assert promoted.returncode == 2 and "only an admin may manage members" in promoted.stderr
    bad = add(database_url, "--platform", "slack", "--id", "U2", "--name", "Mila", "--role", "boss", "--by", "Adam")
    assert bad.returncode == 2 and "role must be one of" in bad.stderr and "Traceback" not in bad.stderr
    renamed = add(database_url, "--platform", "slack", "--id", "U2", "--name", "Mila Chen", "--by", "Adam")
    assert renamed.stdout.strip() == "slack account U2 was Mila's already: updated name Mila → Mila Chen."
    assert members(engine) == [("Adam", "admin", None), ("Mila Chen", "manager", None), ("Dora", "admin", None)]


def test_an_admin_adding_someone_to_a_team_that_does_not_exist_is_refused(database_url, engine):
    assert add(database_url, "--platform", "console", "--id", "adam", "--name", "Adam", "--role", "admin",
               "--team", "sales").returncode == 0
    typo = add(database_url, "--platform", "console", "--id", "anna", "--name", "Anna", "--team", "north",
               "--by", "Adam")
    assert typo.returncode == 2 and "team north does not exist" in typo.stderr and "Traceback" not in typo.stderr
    with Session(engine) as s:
        assert [t.name for t in s.execute(select(Team)).scalars()] == ["sales"]


def test_a_team_made_without_an_admin_is_told_so_until_it_has_one(database_url):
    out = add(database_url, "--platform", "console", "--id", "ivan", "--name", "Ivan", "--role", "manager",
              "--team", "teamb")
    assert out.returncode == 0 and out.stdout.strip() == "Ivan (manager) can now use the bot on console."
    assert "Team teamb has no admin yet" in out.stderr and "--role admin --team teamb" in out.stderr
    out = add(database_url, "--platform", "console", "--id", "olga", "--name", "Olga", "--role", "admin",
              "--team", "teamb")
    assert out.returncode == 0 and "no admin" not in out.stderr
