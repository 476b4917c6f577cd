"""Two teams on one store: every message, button, report, chart, nudge and export acts in the
sender's team and reads nothing of the other (issue 13, case 1)."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
from sqlalchemy import select
from sqlmodel import Session

from handlers.reply import Reply
from scheduler.delivery import Delivery
from scheduler.limits import RateLimiter
from scheduler.tick import tick
from storage.members import get_team
from storage.models import Customer, Deal, FollowUp, Interaction, Member, Note, Team
from tests.bot.conftest import Account, let_in

NOTE_A = ("Visited Vandelay Industries, met Elaine Benes +1 555 0199 elaine@vandelay.com, "
          "sent the quote for $37k, follow up Friday")
# what team A's note put in the store: none of it may reach team B
SECRETS = ("Vandelay", "Elaine", "Benes", "555 0199", "vandelay.com", "37,000", "37 000", "37k", "Anna", "Mila")

QUESTIONS = [
    "what do we know about Vandelay Industries?", "Vandelay Industries", "card Vandelay",
    "pipeline this month", "my pipeline", "team pipeline this quarter", "forecast this quarter",
    "conversion this quarter", "lost reasons this quarter", "what did the team do this week",
    "lead sources this quarter", "top customers this year", "quiet deals", "overdue follow-ups",
    "complaints this month", "my follow-ups", "/today", "/pipeline", "/activity", "help", "undo",
    "done 1", "1", "как дела с Vandelay Industries?", "воронка за месяц", "这个月的销售漏斗", "Vandelay 怎么样了",
]


def leaks(reply: Reply) -> list[str]:
    shown = reply.text + " ".join(c.label for c in reply.choices) + (reply.image_caption or "")
    return [word for word in SECRETS if word.lower() in shown.lower()]


@pytest.fixture
def two_teams(crm, engine):
    """Team "default": Anna (rep, Telegram 1001) and Mila (manager, 1002); team "teamb": Carl (rep,
    3003), Dora (manager, 3004) and Erin (admin, 3005)."""
    let_in(engine, "telegram", "1001", "Anna", "rep")
    let_in(engine, "telegram", "1002", "Mila", "manager")
    let_in(engine, "telegram", "3003", "Carl", "rep", team="teamb")
    let_in(engine, "telegram", "3004", "Dora", "manager", team="teamb")
    let_in(engine, "telegram", "3005", "Erin", "admin", team="teamb")
    return {name: Account(crm, "telegram", account, name) for name, account in
            (("anna", "1001"), ("mila", "1002"), ("carl", "3003"), ("dora", "3004"), ("erin", "3005"))}


def team_rows(engine, name: str, model) -> list:
    with Session(engine) as s:
        team = s.execute(select(Team).where(Team.name == name)).scalars().one()
        return list(s.execute(select(model).where(model.team_id == team.id)).scalars())


async def test_the_issue_case_a_member_of_team_b_reads_and_changes_nothing_of_team_a(two_teams, engine, clock):
    anna, carl = two_teams["anna"], two_teams["carl"]
    assert "Vandelay Industries" in (await anna.say(NOTE_A)).text
    card = await carl.say("what do we know about Vandelay Industries?")
    assert leaks(card) == ["Vandelay"] and "don't know" in card.text  # only its name, echoed back
    moved = await carl.say("Visited Vandelay Industries, deal lost")
    assert "new customer Vandelay Industries" in moved.text
    [deal_a] = team_rows(engine, "default", Deal)
    assert deal_a.stage == "proposal" and deal_a.amount_minor == 3_700_000
    [deal_b] = team_rows(engine, "teamb", Deal)
    assert deal_b.stage == "lost" and deal_b.customer_id != deal_a.customer_id
    assert len(team_rows(engine, "default", Customer)) == 1 and len(team_rows(engine, "teamb", Customer)) == 1
    card_a = await anna.say("what do we know about Vandelay Industries?")
    assert "Elaine Benes" in card_a.text and "lost" not in card_a.text


@pytest.mark.parametrize("who", ["carl", "dora", "erin"])
async def test_every_question_of_the_other_team_shows_nothing_of_this_one(two_teams, who, clock):
    await two_teams["anna"].say(NOTE_A)
    await two_teams["anna"].say("Vandelay Industries complained about the late delivery")
    await two_teams["mila"].say("Called Initrode, signed! $18,350")
    member = two_teams[who]
    for question in QUESTIONS:
        reply = await member.say(question)
        echoed = ["Vandelay"] if "vandelay" in question.lower() else []
        assert leaks(reply) in ([], echoed), (question, reply.text)
        assert "18,350" not in reply.text and "Initrode" not in reply.text, (question, reply.text)
        if reply.wrote:  # a bare name is a note about a new customer of this team: taken back
            await member.say("undo")


async def test_what_the_other_team_writes_lands_in_its_own_team(two_teams, engine, clock):
    await two_teams["anna"].say(NOTE_A)
    before = {model: len(team_rows(engine, "default", model)) for model in (Customer, Deal, Interaction,
                                                                          FollowUp, Note)}
    carl, dora = two_teams["carl"], two_teams["dora"]
    await carl.say("Called Vandelay Industries, they want 50 units for $9k, follow up Monday")
    await dora.say("Visited Hooli, sent the quote for $12k")
    assert {c.name for c in team_rows(engine, "teamb", Customer)} == {"Vandelay Industries", "Hooli"}
    assert "Vandelay" in (await carl.say("undo")).text  # his own note, in his own team
    await dora.say("Hooli signed!")
    after = {model: len(team_rows(engine, "default", model)) for model in before}
    assert after == before
    [deal_a] = team_rows(engine, "default", Deal)
    assert (deal_a.stage, deal_a.amount_minor) == ("proposal", 3_700_000)
    assert {c.name for c in team_rows(engine, "teamb", Customer)} == {"Hooli"}
    assert [d.stage for d in team_rows(engine, "teamb", Deal) if d.stage != "lead"] == ["won"]


async def test_buttons_pointing_at_the_other_teams_rows_change_nothing(two_teams, engine, clock):
    anna, carl, dora = two_teams["anna"], two_teams["carl"], two_teams["dora"]
    await anna.say(NOTE_A)
    [follow] = team_rows(engine, "default", FollowUp)
    [customer] = team_rows(engine, "default", Customer)
    [note] = team_rows(engine, "default", Note)
    for member in (carl, dora, two_teams["erin"]):
        for data in (f"done:{follow.id}", f"snooze:{follow.id}:7", f"open:{customer.id}", f"undo:{note.id}",
                     "pick:1", "card:save"):
            reply = await member.press(data)
            assert leaks(reply) == [], (data, reply.text)
    [still] = team_rows(engine, "default", FollowUp)
    assert still.done_at is None and still.due == follow.due
    assert team_rows(engine, "default", Note)[0].undone_at is None


async def test_nudges_go_to_each_team_about_its_own_rows(two_teams, engine, clock):
    await two_teams["anna"].say(NOTE_A)
    await two_teams["carl"].say("Called Hooli, send the contract Friday")

    class Sent:
        def __init__(self) -> None:
            self.sent: list[tuple[str, str, Reply]] = []

        async def send(self, platform: str, chat_id: str, reply: Reply) -> None:
            self.sent.append((platform, chat_id, reply))

    sender = Sent()
    await tick(engine, now=datetime(2026, 11, 27, 9, 0, tzinfo=timezone.utc),
               delivery=Delivery(sender, RateLimiter({}), base_delay=0.001))
    to = {chat: reply.text for _, chat, reply in sender.sent}
    assert set(to) == {"1001", "3003"}
    assert "Vandelay" in to["1001"] and "Hooli" not in to["1001"]
    assert "Hooli" in to["3003"] and not any(word in to["3003"] for word in SECRETS)


async def test_a_member_of_another_team_is_never_created_or_moved_by_a_message(two_teams, engine, clock):
    await two_teams["carl"].say("help")
    with Session(engine) as s:
        carl = s.execute(select(Member).where(Member.name == "Carl")).scalars().one()
        assert carl.team_id == get_team(s, "teamb").id
        assert len(s.execute(select(Member)).scalars().all()) == 5


# -- Slack: a workspace maps to a team --------------------------------------------------------------

async def test_a_slack_workspace_acts_in_the_team_it_is_mapped_to(crm, engine, clock):
    from storage.workspaces import map_workspace

    let_in(engine, "telegram", "1001", "Anna", "rep")
    anna = Account(crm, "telegram", "1001", "Anna")
    await anna.say(NOTE_A)
    with Session(engine) as s:
        map_workspace(s, get_team(s, "teamb"), "T0B")
        s.commit()
    newcomer = Account(crm, "slack", "U9", "Ed", chat="D9", workspace="T0B", trusted=True)
    reply = await newcomer.say("what do we know about Vandelay Industries?")
    assert "don't know" in reply.text and leaks(reply) == ["Vandelay"]
    await newcomer.say("Visited Acme, quote $5k")
    with Session(engine) as s:
        ed = s.execute(select(Member).where(Member.name == "Ed")).scalars().one()
        assert (ed.team_id, ed.role) == (get_team(s, "teamb").id, "rep")
    assert {c.name for c in team_rows(engine, "teamb", Customer)} == {"Acme"}


async def test_the_process_workspace_acts_in_crm_team_until_mapped(crm, engine, clock):
    anna = Account(crm, "slack", "U1", "Anna", chat="D1", workspace="T0OWN", trusted=True)
    await anna.say("Visited Acme, quote $5k")
    assert {c.name for c in team_rows(engine, "default", Customer)} == {"Acme"}


async def test_a_slack_member_writing_from_another_teams_workspace_is_refused(crm, engine, clock):
    from storage.workspaces import map_workspace

    let_in(engine, "slack", "U1", "Anna", "rep")  # on team default
    with Session(engine) as s:
        map_workspace(s, get_team(s, "teamb"), "T0B")
        s.commit()
    wrong = Account(crm, "slack", "U1", "Anna", chat="D1", workspace="T0B", trusted=True)
    reply = await wrong.say("Visited Acme, quote $5k")
    assert "not connected to your sales team" in reply.text
    foreign = Account(crm, "slack", "U1", "Anna", chat="D1", workspace="T0ELSE")
    assert "not connected" in (await foreign.say("pipeline")).text
    assert team_rows(engine, "default", Customer) == [] and team_rows(engine, "teamb", Customer) == []
