"""`crmbot customer merge` and `crmbot user remove --reassign-to` on the command line, for two teams:
who may, what moves, what it says, and that the member named by --by can take it back from chat."""
from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlmodel import Session

from storage.models import Customer, CustomerAlias, Deal, FollowUp, Identity, Interaction, Member
from bot.adapters.console import Console
from tests.bot.conftest import let_in
from tests.bot.test_cli import crmbot


@pytest.fixture
async def two_teams(crm, engine, database_url, clock) -> str:
    """Team default: Anna and Boris (reps), Mila (manager), Adam (admin); team teamb: Dora (admin).
    Anna's notes about two spellings of one company and a won deal; Boris's note about Initech."""
    for account, name, role, team in (("anna", "Anna", "rep", "default"), ("boris", "Boris", "rep", "default"),
                                      ("mila", "Mila", "manager", "default"), ("adam", "Adam", "admin", "default"),
                                      ("dora", "Dora", "admin", "teamb")):
        let_in(engine, "console", account, name, role, team=team)
    with Session(engine) as s:
        from storage.customers import name_key
        from storage.members import get_team

        team = get_team(s, "default")
        for name in ("Acme Corp", "Acme Industries"):
            s.add(Customer(team_id=team.id, name=name, name_key=name_key(name)))
        s.commit()
    for user, text in (("anna", "Visited Acme Corp, met John Smith, sent the quote for $40k, follow up Friday"),
                       ("anna", "Called Acme Industries, follow up Monday"),
                       ("anna", "Globex signed! $18,500"),
                       ("boris", "Visited Initech, sent the quote for $9k, follow up Friday")):
        assert (await Console(crm, user=user).say(text)).wrote
    return database_url


def rows(engine, model, *where) -> list:
    with Session(engine) as s:
        return list(s.execute(select(model).where(*where).order_by(model.id)).scalars())


def member(engine, name: str) -> Member:
    [found] = rows(engine, Member, Member.name == name)
    return found


def test_a_manager_merges_customers_from_the_command_line_and_undoes_it_in_chat(two_teams, engine):
    out = crmbot("customer", "merge", "Acme Corp", "Acme Industries", "--by", "Mila", url=two_teams)
    assert out.returncode == 0, out.stderr
    assert "Merged Acme Corp into Acme Industries" in out.stdout and "1 deal" in out.stdout
    assert "follow-up" in out.stdout and "followup" not in out.stdout      # what moved, in words
    [kept] = rows(engine, Customer, Customer.name.like("Acme%"))
    assert kept.name == "Acme Industries"
    assert {i.customer_id for i in rows(engine, Interaction, Interaction.customer_id != None)} >= {kept.id}  # noqa: E711
    assert [a.alias for a in rows(engine, CustomerAlias)] == ["Acme Corp"]
    back = crmbot("say", "--user", "mila", "--now", "2026-11-25T10:10", "undo", url=two_teams)
    assert "Undone" in back.stdout, back.stdout + back.stderr
    assert sorted(c.name for c in rows(engine, Customer, Customer.name.like("Acme%"))) == \
        ["Acme Corp", "Acme Industries"]


@pytest.mark.parametrize("args, refusal", [
    (("--by", "Anna"), "Anna is a rep of team default; only a manager or an admin may merge customers"),
    (("--by", "Dora"), "'Dora' is not a member of team default"),
    ((), "say who this is done for with --by NAME"),
    (("--team", "teamb", "--by", "Dora"), "team teamb has no customer called 'Acme Corp'"),
    (("--team", "nosuch", "--by", "Dora"), "no team called 'nosuch'"),
])
def test_a_merge_refused_says_why_in_one_line_and_changes_nothing(two_teams, engine, args, refusal):
    out = crmbot("customer", "merge", "Acme Corp", "Acme Industries", *args, url=two_teams)
    assert out.returncode == 2 and refusal in out.stderr and "Traceback" not in out.stderr
    assert len(rows(engine, Customer, Customer.name.like("Acme%"))) == 2


def test_a_leaving_rep_hands_customers_open_deals_and_follow_ups_to_a_colleague(two_teams, engine):
    anna, boris = member(engine, "Anna"), member(engine, "Boris")
    open_deals = [d.id for d in rows(engine, Deal, Deal.owner_id == anna.id, Deal.stage != "won")]
    won = [d.id for d in rows(engine, Deal, Deal.owner_id == anna.id, Deal.stage == "won")]
    follow_ups = [f.id for f in rows(engine, FollowUp, FollowUp.member_id == anna.id)]
    assert open_deals and won and follow_ups
    out = crmbot("user", "remove", "Anna", "--reassign-to", "Boris", "--by", "Adam", url=two_teams)
    assert out.returncode == 0, out.stderr
    assert len(open_deals) == 1 and len(follow_ups) == 2
    assert "1 open deal and 2 open follow-ups now belong to Boris" in out.stdout
    assert "; 1 chat account closed." in out.stdout                         # counted in words, one or many
    assert {d.owner_id for d in rows(engine, Deal, Deal.id.in_(open_deals))} == {boris.id}
    assert {d.owner_id for d in rows(engine, Deal, Deal.id.in_(won))} == {anna.id}  # her record stays hers
    assert {f.member_id for f in rows(engine, FollowUp, FollowUp.id.in_(follow_ups))} == {boris.id}
    assert rows(engine, Identity, Identity.member_id == anna.id) == []
    refused = crmbot("say", "--user", "anna", "--now", "2026-11-25T11:00", "Called Globex", url=two_teams)
    assert "no longer a member of this team" in refused.stdout + refused.stderr
    listed = crmbot("say", "--user", "boris", "--now", "2026-11-30T09:00", "my follow-ups this week",
                    url=two_teams)
    assert "Acme" in listed.stdout
    # the admin takes it all back from chat
    back = crmbot("say", "--user", "adam", "--now", "2026-11-25T11:05", "undo", url=two_teams)
    assert "Undone" in back.stdout, back.stdout
    assert {d.owner_id for d in rows(engine, Deal, Deal.id.in_(open_deals))} == {anna.id}
    assert len(rows(engine, Identity, Identity.member_id == anna.id)) == 1


@pytest.mark.parametrize("args, refusal", [
    (("Anna", "--reassign-to", "Boris", "--by", "Mila"),
     "Mila is a manager of team default; only an admin may manage members"),
    (("Anna", "--reassign-to", "Dora", "--by", "Adam"), "'Dora' is not a member of team default"),
    (("Anna", "--reassign-to", "Anna", "--by", "Adam"), "--reassign-to must name another member"),
    (("Zed", "--reassign-to", "Boris", "--by", "Adam"), "'Zed' is not a member of team default"),
])
def test_a_removal_refused_says_why_and_moves_nothing(two_teams, engine, args, refusal):
    anna = member(engine, "Anna")
    owned = len(rows(engine, Deal, Deal.owner_id == anna.id))
    out = crmbot("user", "remove", *args, url=two_teams)
    assert out.returncode == 2 and refusal in out.stderr and "Traceback" not in out.stderr
    assert len(rows(engine, Deal, Deal.owner_id == anna.id)) == owned


def test_a_member_who_left_neither_acts_nor_takes_work_and_an_admin_cannot_remove_themselves(two_teams, engine):
    itself = crmbot("user", "remove", "Adam", "--reassign-to", "Boris", "--by", "Adam", url=two_teams)
    assert itself.returncode == 2 and "Adam cannot remove themselves" in itself.stderr
    assert crmbot("user", "remove", "Anna", "--reassign-to", "Boris", "--by", "Adam", url=two_teams).returncode == 0
    to_gone = crmbot("user", "remove", "Boris", "--reassign-to", "Anna", "--by", "Adam", url=two_teams)
    assert to_gone.returncode == 2 and "Anna has left team default" in to_gone.stderr
    assert {f.member_id for f in rows(engine, FollowUp)} == {member(engine, "Boris").id}   # nothing moved
    crmbot("user", "add", "--platform", "console", "--id", "eve", "--name", "Eve", "--role", "admin", "--by", "Adam",
           url=two_teams)
    assert crmbot("user", "remove", "Adam", "--reassign-to", "Eve", "--by", "Eve", url=two_teams).returncode == 0
    by_gone = crmbot("customer", "merge", "Acme Corp", "Acme Industries", "--by", "Adam", url=two_teams)
    assert by_gone.returncode == 2 and "Adam has left team default" in by_gone.stderr
    back = crmbot("user", "add", "--platform", "console", "--id", "anna2", "--name", "Anna", "--by", "Eve",
                  url=two_teams)                                              # a new Anna joins: she is the one
    assert back.returncode == 0
    moved = crmbot("user", "remove", "Boris", "--reassign-to", "Anna", "--by", "Eve", url=two_teams)
    assert moved.returncode == 0 and "now belong to Anna" in moved.stdout
    assert {f.member_id for f in rows(engine, FollowUp)} == {rows(engine, Member, Member.name == "Anna")[-1].id}


@pytest.mark.parametrize(("text", "words"), [
    ("Visited Initech, follow up Friday", "You are no longer a member of this team"),
    ("拜访了星辰科技，周五跟进", "你已不再是这个团队的成员"),
    ("Был у Вектора, созвонимся в пятницу", "Вы больше не состоите в этой команде"),
])
async def test_a_member_who_left_is_told_so_in_their_language_without_the_teams_slug(two_teams, crm, engine, text,
                                                                                     words):
    assert crmbot("user", "remove", "Anna", "--reassign-to", "Boris", "--by", "Adam", url=two_teams).returncode == 0
    before = len(rows(engine, Interaction))
    reply = await Console(crm, user="anna").say(text)
    assert words in reply.text and "default" not in reply.text and "crmbot" not in reply.text, reply.text
    assert len(rows(engine, Interaction)) == before and not reply.wrote
