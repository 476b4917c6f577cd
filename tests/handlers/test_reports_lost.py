"""Why deals were lost, asked in chat in English, Chinese and Russian and from `crmbot report lost`:
the reasons reps gave in their notes, counted per reason with the money lost, the team's own
deals only, a rep's own when a rep asks for their own."""
from __future__ import annotations

import json

import pytest

from bot.adapters.console import Console
from tests.handlers.two_teams import boris_and_the_north_team
from tests.bot.conftest import Clock, bot, clock, crm, settings, store  # noqa: F401  (the chat fixtures)
from tests.bot.test_cli import crmbot

NBSP = "\u00a0"


def text(reply) -> str:
    return reply.text.replace(NBSP, " ")


@pytest.fixture
async def losses(bot, crm, engine) -> dict[str, Console]:
    """Anna (admin) and Boris (rep) lost four deals between them; the "north" team lost a big one."""
    assert (await bot.say("help")).text
    boris_and_the_north_team(engine, "lost", lost_reason="price", closed_at=crm.clock())
    boris = Console(crm, user="boris", name="Boris")
    for chat, notes in ((bot, ("Visited Globex, sent the quote for $40k",
                               "Globex lost, they went with a cheaper vendor",
                               "Called Acme, proposal $10k", "Acme lost — their CFO left")),
                        (boris, ("Visited Hooli, quote $5k", "Hooli said no, too expensive",
                                 "Visited Umbrella Corp, quote $7k", "Umbrella Corp lost to a competitor"))):
        for note in notes:
            assert (await chat.say(note)).wrote, note
    return {"anna": bot, "boris": boris}


async def test_a_manager_sees_the_teams_lost_deals_per_reason(losses):
    reply = text(await losses["anna"].say("lost reasons this quarter"))
    assert reply.startswith("Lost deals Thu, Oct 1 – Thu, Dec 31 (USD), by reason:"), reply
    assert "• price: 2 deals, $45,000" in reply
    assert "• went with a competitor: 1 deal, $7,000" in reply and "• their CFO left: 1 deal, $10,000" in reply
    assert "Total lost: 4 deals, $62,000" in reply
    assert "$999,000" not in reply and "Initech" not in reply           # the other team's loss stays theirs
    assert reply.index("price") < reply.index("competitor")             # most deals first


@pytest.mark.parametrize("question, has", [
    ("丢单原因", ["丢单原因", "价格：2 个商机", "共丢单 4 个"]),
    ("почему мы проиграли в этом квартале", ["Проигранные сделки", "цена: 2 сделки", "ушли к конкуренту: 1 сделка",
                                            "Всего проиграно: 4 сделки"]),
    ("why did we lose deals this quarter", ["Lost deals", "price: 2 deals"]),
])
async def test_the_same_report_in_three_languages(losses, question, has):
    reply = text(await losses["anna"].say(question))
    for part in has:
        assert part in reply, reply


async def test_a_rep_asking_for_their_own_losses_gets_only_theirs(losses):
    reply = text(await losses["boris"].say("my lost deals this quarter"))
    assert "Total lost: 2 deals, $12,000" in reply, reply
    assert "CFO" not in reply
    refused = text(await losses["boris"].say("Anna's lost deals this quarter"))
    assert "$40,000" not in refused and "CFO" not in refused


async def test_no_losses_says_so(bot):
    assert "No deals lost in this period." in text(await bot.say("lost reasons this quarter"))


async def test_crmbot_report_lost_prints_a_table_and_json(losses, database_url):
    table = crmbot("report", "lost", "--period", "2026-10-01..2026-12-31", url=database_url)
    assert table.returncode == 0, table.stderr
    assert "Lost deals by reason" in table.stdout and "price" in table.stdout and "their CFO left" in table.stdout
    data = json.loads(crmbot("report", "lost", "--period", "2026-10-01..2026-12-31", "--json",
                             url=database_url).stdout)
    assert data["reasons"][0] == {"reason": "price", "count": 2, "amount": 45000, "unconverted": []}
    assert data["total"]["count"] == 4
    north = json.loads(crmbot("report", "lost", "--period", "2026-10-01..2026-12-31", "--json", "--team", "north",
                              url=database_url).stdout)
    assert [r["amount"] for r in north["reasons"]] == [999000]
