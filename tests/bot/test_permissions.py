"""The permission table (docs/permissions.md) on every handler and button, per role, for two teams:
a rep reads the team's shared customer history, changes only their own follow-ups and deals, and sees
their own pipeline; managers see and change everyone's; undo is everyone's own (issue 13, case 2)."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select
from sqlmodel import Session

from storage.customers import name_key
from storage.members import get_team, identity_of
from storage.models import Customer, Deal, FollowUp, Interaction, Note, StageChange, stored_id
from storage.permissions import Action, Actor, Scope, check, report_owner, scope
from tests.bot.conftest import Account, let_in

NOTE = ("Visited Vandelay Industries, met Elaine Benes +1 555 0199 elaine@vandelay.com, "
        "sent the quote for $37k, follow up Friday")


@pytest.fixture
def people(crm, engine):
    """Team default: Anna and Boris (reps), Mila (manager), Adam (admin); team teamb: Carl (rep),
    Dora (manager). Telegram accounts."""
    roster = {"anna": ("1001", "Anna", "rep", "default"), "boris": ("1002", "Boris", "rep", "default"),
              "mila": ("1003", "Mila", "manager", "default"), "adam": ("1004", "Adam", "admin", "default"),
              "carl": ("3003", "Carl", "rep", "teamb"), "dora": ("3004", "Dora", "manager", "teamb")}
    for account, name, role, team in roster.values():
        let_in(engine, "telegram", account, name, role, team=team)
    return {key: Account(crm, "telegram", account, name) for key, (account, name, _, _) in roster.items()}


def rows(engine, model, *where) -> list:
    with Session(engine) as s:
        return list(s.execute(select(model).where(*where).order_by(model.id)).scalars())


def member_id(engine, account: str) -> int:
    with Session(engine) as s:
        identity = identity_of(s, "telegram", account)
        assert identity is not None
        return stored_id(identity)


def counts(engine) -> dict[str, int]:
    return {model.__name__: len(rows(engine, model)) for model in (Customer, Deal, Interaction, Note, FollowUp,
                                                                   StageChange)}


# -- the table itself ----------------------------------------------------------------------------

def test_the_table_says_who_may_do_what():
    assert [scope(role, Action.CHANGE_DEAL) for role in ("rep", "manager", "admin")] == \
        [Scope.OWN, Scope.TEAM, Scope.TEAM]
    assert [scope(role, Action.ERASE) for role in ("rep", "manager", "admin")] == \
        [Scope.NONE, Scope.NONE, Scope.TEAM]
    assert [scope(role, Action.CHANGE_SETTINGS) for role in ("rep", "manager", "admin")] == \
        [Scope.NONE, Scope.NONE, Scope.TEAM]
    assert all(scope(role, Action.READ_CUSTOMERS) is Scope.TEAM for role in ("rep", "manager", "admin"))
    assert all(scope(role, Action.UNDO_NOTE) is Scope.OWN for role in ("rep", "manager", "admin"))
    rep, manager = Actor(1, 1, "rep"), Actor(2, 1, "manager")
    assert check(rep, Action.CHANGE_FOLLOWUP, team_id=1, owner_id=1)
    assert check(rep, Action.CHANGE_FOLLOWUP, team_id=1, owner_id=2).reason == "owner"
    assert check(manager, Action.CHANGE_FOLLOWUP, team_id=1, owner_id=1)
    assert check(manager, Action.CHANGE_FOLLOWUP, team_id=2, owner_id=1).reason == "team"
    assert check(rep, Action.CHANGE_DEAL, team_id=1, owner_id=None)  # nobody's deal: the rep may take it
    assert check(rep, Action.EXPORT).reason == "role"
    assert check(Actor(3, 1, "intruder"), Action.CHANGE_DEAL, team_id=1, owner_id=2).reason == "owner"
    assert report_owner(rep, Action.SEE_PIPELINE, mine=False) == 1
    assert report_owner(manager, Action.SEE_PIPELINE, mine=False) is None
    assert report_owner(manager, Action.SEE_PIPELINE, mine=True) == 2
    assert report_owner(rep, Action.SEE_CUSTOMER_REPORTS, mine=False) is None


# -- customers: shared history, notes by anyone ----------------------------------------------------

async def test_a_rep_reads_the_teams_shared_customer_history(people, clock):
    await people["anna"].say(NOTE)
    card = await people["boris"].say("what do we know about Vandelay Industries?")
    for fact in ("Elaine Benes", "+1 555 0199", "elaine@vandelay.com", "$37,000", "visit"):
        assert fact in card.text, fact


async def test_a_rep_logs_a_call_at_a_colleagues_customer_without_touching_the_deal(people, engine, clock):
    await people["anna"].say(NOTE)
    reply = await people["boris"].say("Called Vandelay Industries, they want a demo next week")
    assert "Recorded for Vandelay Industries" in reply.text
    [deal] = rows(engine, Deal)
    assert deal.owner_id == member_id(engine, "1001") and deal.stage == "proposal"
    assert [i.member_id for i in rows(engine, Interaction)] == [member_id(engine, "1001"), member_id(engine, "1002")]


# -- deals: a rep changes only their own -----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Vandelay Industries: deal lost",
    "Vandelay Industries signed!",
    "Vandelay Industries: revised quote $45k",
    "Vandelay Industries: moved to negotiation",
])
async def test_a_rep_cannot_change_a_colleagues_deal_and_a_note_that_only_moves_it_writes_nothing(
        people, engine, clock, text):
    await people["anna"].say(NOTE)
    before = counts(engine)
    reply = await people["boris"].say(text)
    assert "is Anna's: only Anna or a manager can change it" in reply.text and "Nothing was" in reply.text
    assert reply.undo_token is None and not reply.wrote
    assert counts(engine) == before
    [deal] = rows(engine, Deal)
    assert (deal.stage, deal.amount_minor, deal.owner_id) == ("proposal", 3_700_000, member_id(engine, "1001"))


@pytest.mark.parametrize("text", [
    "Visited Vandelay Industries, deal lost",
    "Called Vandelay Industries, they signed!",
    "Met Vandelay Industries, moving to negotiation, follow up Monday",
])
async def test_the_rest_of_a_note_that_would_move_a_colleagues_deal_is_recorded(people, engine, clock, text):
    await people["anna"].say(NOTE)
    reply = await people["boris"].say(text)
    assert "Recorded for Vandelay Industries" in reply.text
    assert "the deal here is Anna's: what the note says of it was not recorded" in reply.text
    [deal] = rows(engine, Deal)
    assert (deal.stage, deal.amount_minor, deal.owner_id) == ("proposal", 3_700_000, member_id(engine, "1001"))
    assert rows(engine, Interaction)[-1].member_id == member_id(engine, "1002")


async def test_the_refusal_is_in_the_reps_language(people, clock):
    await people["anna"].say(NOTE)
    reply = await people["boris"].say("Vandelay Industries отказались, сделка проиграна")
    assert "Сделка с клиентом Vandelay Industries — Anna" in reply.text
    reply = await people["boris"].say("Vandelay Industries 签约了！")
    assert "Vandelay Industries 的商机属于 Anna" in reply.text


async def test_a_note_that_leaves_a_colleagues_deal_as_it_is_is_recorded(people, engine, clock):
    await people["anna"].say(NOTE)
    reply = await people["boris"].say("Called Vandelay Industries about the quote for $37k, they are reading it")
    assert "Recorded" in reply.text
    assert rows(engine, Deal)[0].stage == "proposal"


@pytest.mark.parametrize("who", ["mila", "adam"])
async def test_managers_and_admins_change_a_reps_deal_which_stays_the_reps(people, engine, clock, who):
    await people["anna"].say(NOTE)
    reply = await people[who].say("Called Vandelay Industries, they signed! $41k")
    assert "proposal → won" in reply.text
    [deal] = rows(engine, Deal)
    assert (deal.stage, deal.amount_minor, deal.owner_id) == ("won", 4_100_000, member_id(engine, "1001"))
    assert "Undone" in (await people[who].say("undo")).text
    assert rows(engine, Deal)[0].stage == "proposal"


async def test_a_deal_nobody_owns_is_taken_by_the_rep_who_moves_it(people, engine, clock):
    with Session(engine) as s:
        team = get_team(s, "default")
        firm = Customer(team_id=team.id, name="Pendant Publishing", name_key=name_key("Pendant Publishing"))
        s.add(firm)
        s.flush()
        s.add(Deal(team_id=team.id, customer_id=firm.id, stage="qualified", owner_id=None))
        s.commit()
    reply = await people["boris"].say("Visited Pendant Publishing, sent the quote for $8k")
    assert "qualified → proposal" in reply.text
    assert rows(engine, Deal)[0].owner_id == member_id(engine, "1002")
    refused = await people["anna"].say("Pendant Publishing: deal lost")
    assert "is Boris's" in refused.text


# -- follow-ups: buttons and numbers -----------------------------------------------------------------

async def _annas_followup(people, engine) -> FollowUp:
    await people["anna"].say(NOTE)
    [follow] = rows(engine, FollowUp)
    return follow


@pytest.mark.parametrize("data", ["done:{id}", "snooze:{id}:1", "snooze:{id}:7", "snooze:{id}:90"])
async def test_a_rep_pressing_a_colleagues_followup_button_changes_nothing(people, engine, clock, data):
    follow = await _annas_followup(people, engine)
    reply = await people["boris"].press(data.format(id=follow.id))
    assert reply.text.startswith("That follow-up is Anna's: only Anna or a manager") and "Nothing was" in reply.text
    [still] = rows(engine, FollowUp)
    assert (still.done_at, still.due) == (None, follow.due)
    assert len(rows(engine, Note)) == 1


async def test_the_owner_and_a_manager_may_press_them(people, engine, clock):
    follow = await _annas_followup(people, engine)
    assert "Snoozed" in (await people["mila"].press(f"snooze:{follow.id}:7")).text
    assert rows(engine, FollowUp)[0].due == date(2026, 12, 4)
    assert "Done" in (await people["anna"].press(f"done:{follow.id}")).text
    assert rows(engine, FollowUp)[0].done_at is not None


async def test_done_by_number_closes_only_the_reps_own_list(people, engine, clock):
    await _annas_followup(people, engine)
    await people["boris"].say("Called Hooli, send the contract tomorrow")
    listed = await people["boris"].say("my follow-ups this week")
    assert "Hooli" in listed.text and "Vandelay" not in listed.text
    assert "Hooli" in (await people["boris"].say("done 1")).text
    open_ = [f for f in rows(engine, FollowUp) if f.done_at is None]
    assert [f.member_id for f in open_] == [member_id(engine, "1001")]


async def test_another_teams_manager_pressing_them_learns_nothing(people, engine, clock):
    follow = await _annas_followup(people, engine)
    for data in (f"done:{follow.id}", f"snooze:{follow.id}:7"):
        reply = await people["dora"].press(data)
        assert "Anna" not in reply.text and "Vandelay" not in reply.text
    assert rows(engine, FollowUp)[0].done_at is None


# -- undo: everyone's own ------------------------------------------------------------------------------

@pytest.mark.parametrize("who", ["boris", "mila", "adam"])
async def test_a_colleagues_undo_button_is_theirs(people, engine, clock, who):
    await people["anna"].say(NOTE)
    [note] = rows(engine, Note)
    reply = await people[who].press(f"undo:{note.id}")
    assert "That note is Anna's: only Anna can undo it" in reply.text
    assert "nothing of yours to undo" in (await people[who].say("undo")).text
    assert rows(engine, Note)[0].undone_at is None and len(rows(engine, Deal)) == 1
    assert "nothing of yours" in (await people["carl"].press(f"undo:{note.id}")).text


# -- reports: my pipeline, the team's pipeline -----------------------------------------------------------

@pytest.fixture
async def two_pipelines(people, clock):
    await people["anna"].say(NOTE)
    await people["boris"].say("Visited Hooli, sent the quote for $12k")
    return people


@pytest.mark.parametrize("question", ["pipeline this month", "my pipeline", "/pipeline", "show me the funnel"])
async def test_a_rep_sees_their_own_pipeline(two_pipelines, question):
    reply = await two_pipelines["boris"].say(question)
    assert reply.text.startswith("Your pipeline") and "$12,000" in reply.text
    assert "$37,000" not in reply.text and "$49,000" not in reply.text and "Anna" not in reply.text


async def test_a_manager_sees_everyones_pipeline_or_their_own(two_pipelines):
    team = await two_pipelines["mila"].say("pipeline this month")
    assert team.text.startswith("Pipeline") and "$49,000" in team.text
    assert "Anna" in team.text and "Boris" in team.text  # per owner
    mine = await two_pipelines["mila"].say("my pipeline")
    assert mine.text.startswith("Your pipeline") and "No open deals" in mine.text
    admin = await two_pipelines["adam"].say("pipeline this month")
    assert "$49,000" in admin.text


async def test_forecast_and_funnel_add_up_the_reps_own_deals(two_pipelines):
    forecast = await two_pipelines["anna"].say("forecast this quarter")
    assert "your deals only" in forecast.text.splitlines()[0]
    assert "1 open deal without a close date, $37,000" in forecast.text
    forecast = await two_pipelines["mila"].say("forecast this quarter")
    assert "your deals" not in forecast.text and "2 open deals without a close date, $49,000" in forecast.text
    funnel_rep = await two_pipelines["anna"].say("conversion this quarter")
    funnel_team = await two_pipelines["mila"].say("conversion this quarter")
    assert "1 deal entered" in funnel_rep.text and "2 deals entered" in funnel_team.text


async def test_activity_is_the_reps_own_and_the_teams_for_a_manager(two_pipelines):
    rep = await two_pipelines["boris"].say("what did the team do this week")
    assert "Boris" in rep.text and "Anna" not in rep.text
    manager = await two_pipelines["mila"].say("what did the team do this week")
    assert "Boris" in manager.text and "Anna" in manager.text


async def test_customer_reports_are_shared_by_everyone(two_pipelines):
    await two_pipelines["anna"].say("Vandelay Industries signed!")
    top = await two_pipelines["boris"].say("top customers this year")
    assert "Vandelay Industries" in top.text
