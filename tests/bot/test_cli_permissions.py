"""The permission table on the command line, for two teams: only an admin (`--by`) erases, exports
and manages members; every command acts in its one team (`--team`, else CRM_TEAM) and finds nothing
of another; a team named by mistake is never created."""
from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select
from sqlmodel import Session

from storage.models import AuditLog, Customer, Invite, Member, Team, Workspace
from tests.bot.conftest import let_in
from tests.bot.test_cli import crmbot

NOTE = "Visited Vandelay Industries, met Elaine Benes, sent the quote for $37k; they complained about delays"


@pytest.fixture
def store_of_two(engine, database_url) -> str:
    """Team default: Anna (rep), Mila (manager), Adam (admin); team teamb: Carl (rep), Dora (admin);
    Anna's note about Vandelay Industries."""
    for account, name, role, team in (("anna", "Anna", "rep", "default"), ("mila", "Mila", "manager", "default"),
                                      ("adam", "Adam", "admin", "default"), ("carl", "Carl", "rep", "teamb"),
                                      ("dora", "Dora", "admin", "teamb")):
        let_in(engine, "console", account, name, role, team=team)
    out = crmbot("say", "--user", "anna", "--now", "2026-11-25T10:00", NOTE, url=database_url)
    assert "Vandelay Industries" in out.stdout, out.stderr
    return database_url


def names(engine, model, column) -> list:
    with Session(engine) as s:
        return list(s.execute(select(column)).scalars())


@pytest.mark.parametrize("by,refusal", [
    ("Anna", "Anna is a rep of team default; only an admin may erase a customer"),
    ("Mila", "Mila is a manager of team default; only an admin may erase a customer"),
    ("Dora", "'Dora' is not a member of team default"),
    ("Nobody", "'Nobody' is not a member of team default"),
])
def test_only_an_admin_of_the_team_forgets_a_customer(store_of_two, engine, by, refusal):
    out = crmbot("forget", "customer", "Vandelay Industries", "--yes", "--by", by, url=store_of_two)
    assert out.returncode == 2 and refusal in out.stderr and "Traceback" not in out.stderr
    assert names(engine, Customer, Customer.name) == ["Vandelay Industries"]


def test_an_admin_of_another_team_finds_nothing_to_forget(store_of_two, engine):
    out = crmbot("forget", "customer", "Vandelay Industries", "--yes", "--team", "teamb", "--by", "Dora",
                 url=store_of_two)
    assert out.returncode == 2 and "no customer called 'Vandelay Industries' in this team" in out.stderr
    out = crmbot("forget", "customer", "#1", "--yes", "--team", "teamb", "--by", "Dora", url=store_of_two)
    assert out.returncode == 2 and "no customer" in out.stderr
    out = crmbot("audit", "--customer", "#1", "--team", "teamb", url=store_of_two)
    assert out.returncode == 2 and "Vandelay" not in out.stdout + out.stderr
    out = crmbot("forget", "customer", "Vandelay Industries", "--yes", "--by", "Adam", url=store_of_two)
    assert out.returncode == 0 and "Forgot Vandelay Industries" in out.stdout, out.stderr


def test_only_an_admin_exports(store_of_two, tmp_path: Path):
    out = crmbot("export", "--all", str(tmp_path / "rep"), "--by", "Anna", url=store_of_two)
    assert out.returncode == 2 and "only an admin may export" in out.stderr
    assert not (tmp_path / "rep").exists()
    out = crmbot("export", "--all", str(tmp_path / "b"), "--team", "teamb", "--by", "Adam", url=store_of_two)
    assert out.returncode == 2 and "'Adam' is not a member of team teamb" in out.stderr
    out = crmbot("export", "--all", str(tmp_path / "b"), "--team", "teamb", "--by", "Dora", url=store_of_two)
    assert out.returncode == 0 and "Vandelay" not in "".join(p.read_text() for p in (tmp_path / "b").glob("*"))


def test_only_an_admin_manages_members(store_of_two, engine):
    for args in (("user", "add", "--platform", "telegram", "--id", "77", "--name", "Eve"),
                 ("user", "add", "--platform", "console", "--id", "anna", "--name", "Anna", "--role", "admin"),
                 ("invite", "--role", "manager"), ("workspace", "map", "T0SALES")):
        out = crmbot(*args, "--by", "Mila", url=store_of_two)
        assert out.returncode == 2 and "only an admin may manage members" in out.stderr, args
    assert names(engine, Member, Member.name).count("Eve") == 0
    assert names(engine, Invite, Invite.id) == [] and names(engine, Workspace, Workspace.id) == []
    with Session(engine) as s:
        assert s.execute(select(Member.role).where(Member.name == "Anna")).scalar() == "rep"
    out = crmbot("user", "add", "--platform", "telegram", "--id", "77", "--name", "Eve", "--team", "teamb",
                 "--by", "Adam", url=store_of_two)
    assert out.returncode == 2 and "not a member of team teamb" in out.stderr
    out = crmbot("user", "add", "--platform", "telegram", "--id", "77", "--name", "Eve", "--team", "teamb",
                 "--by", "Dora", url=store_of_two)
    assert out.returncode == 0 and "Eve (rep)" in out.stdout
    out = crmbot("user", "add", "--platform", "console", "--id", "anna", "--name", "Anna", "--team", "teamb",
                 url=store_of_two)
    assert out.returncode == 2 and "already belongs to another team" in out.stderr


def test_every_team_command_finds_nothing_of_the_other_team(store_of_two, engine, tmp_path: Path):
    url = store_of_two
    out = crmbot("inquiry", "resolve", "1", "--team", "teamb", url=url)
    assert out.returncode == 2 and "no inquiry #1 in this team" in out.stderr
    out = crmbot("target", "set", "--rep", "Anna", "--visits", "5", "--period", "this_month", "--team", "teamb",
                 url=url)
    assert out.returncode == 2 and "Traceback" not in out.stderr
    file = tmp_path / "customers.csv"
    file.write_text("name,source\nVandelay Industries,fair\nKramerica,web\n", encoding="utf-8")
    out = crmbot("import", "customers", str(file), "--team", "teamb", url=url)
    assert out.returncode == 0 and "0 matched" in out.stdout, out.stderr
    with Session(engine) as s:
        teams = dict(s.execute(select(Team.id, Team.name)).all())
        where = sorted((teams[c.team_id], c.name, c.source) for c in s.execute(select(Customer)).scalars())
    assert where == [("default", "Vandelay Industries", None), ("teamb", "Kramerica", "web"),
                     ("teamb", "Vandelay Industries", "fair")]


SETTINGS = [(("quiet_days", "7"), "stale_days", 7), (("alert_threshold", "10k"), "alert_threshold", "10000"),
            (("stage_name", "legal check", "--stage", "negotiation", "--lang", "en"), "stage_names",
             {"negotiation": {"en": "legal check"}})]


@pytest.mark.parametrize("args, key, stored", SETTINGS, ids=[a[0][0] for a in SETTINGS])
def test_only_an_admin_of_the_team_changes_its_settings(store_of_two, engine, args, key, stored):
    for by in ("Anna", "Mila"):                                             # a rep, a manager
        out = crmbot("team", "set", *args, "--by", by, url=store_of_two)
        assert out.returncode == 2 and "only an admin may change the team's settings" in out.stderr, out.stderr
    out = crmbot("team", "set", *args, "--by", "Dora", url=store_of_two)   # teamb's admin
    assert out.returncode == 2 and "not a member of team default" in out.stderr
    with Session(engine) as s:
        assert all(not (t.settings or {}).get(key) for t in s.execute(select(Team)).scalars())
    out = crmbot("team", "set", *args, "--team", "teamb", "--by", "Dora", url=store_of_two)
    assert out.returncode == 0, out.stderr
    with Session(engine) as s:
        teams = {t.name: t for t in s.execute(select(Team)).scalars()}
        assert (teams["teamb"].settings or {}).get(key) == stored
        assert not (teams["default"].settings or {}).get(key)
        dora = s.execute(select(Member).where(Member.name == "Dora")).scalars().one()
        changed = s.execute(select(AuditLog).where(AuditLog.table_name == "team",
                                                   AuditLog.team_id == dora.team_id)).scalars().all()
        assert changed and changed[-1].member_id == dora.id                # the audit log names her


@pytest.mark.parametrize("args", [("report", "pipeline"), ("report", "top"), ("nudges", "--date", "2026-11-27"),
                                  ("usage",), ("export", "--all", "OUT"), ("inquiry", "resolve", "1"),
                                  ("fx", "set", "EUR", "USD", "1.08"), ("team", "show"),
                                  ("team", "set", "quiet_days", "7")])
def test_a_team_named_by_mistake_is_never_created(store_of_two, engine, tmp_path: Path, args):
    args = tuple(str(tmp_path / "out") if a == "OUT" else a for a in args)
    out = crmbot(*args, "--team", "teamz", url=store_of_two)
    assert out.returncode == 2 and "teamz" in out.stderr and "Traceback" not in out.stderr, out.stderr
    assert sorted(names(engine, Team, Team.name)) == ["default", "teamb"]
