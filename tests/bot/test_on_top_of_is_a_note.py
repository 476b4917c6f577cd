"""A note that says an amount comes "on top of" something ("another 12k on top of the contract") is a note,
never a question for the top-customers report; "top customers" and "top 5 deals" are still reports."""
from __future__ import annotations

from tests.bot.conftest import Clock, bot, clock, crm, settings, store  # noqa: F401  (the chat fixtures)


async def test_on_top_of_the_contract_is_recorded(bot):
    await bot.say("Visited Initech, quote 30k")
    reply = await bot.say("met with initech - they added 15 seats, another 12k on top of the contract")
    assert reply.wrote and "Top customers" not in reply.text, reply.text
    assert "$30,000 → $42,000" in reply.text, reply.text


async def test_top_customers_and_top_deals_are_still_reports(bot):
    assert (await bot.say("top customers this year")).text.startswith("Top customers by revenue")
    assert "Biggest open deals" in (await bot.say("top 5 deals")).text
