"""A customer's history asked in chat, in three languages: every interaction and every move of its
deals, with who and when, newest first; the card stays the card; another team's customer is not
reachable; a long history says how much is not shown."""
from __future__ import annotations

import pytest

from tests.bot.conftest import Clock, bot, clock, colleague, crm, settings, store  # noqa: F401  (the chat fixtures)


@pytest.fixture
async def globex(bot, colleague, clock):
    """Anna visits Globex and sends a quote; next day Boris calls them; the day after, Anna's deal signs."""
    assert (await bot.say("Visited Globex, met Maria (CFO), sent the quote for $42k")).wrote
    clock.advance(days=1)
    assert (await colleague.say("Called Globex, talked to Maria about delivery dates")).wrote
    clock.advance(days=1)
    assert (await bot.say("Called Globex, they signed! $45k")).wrote
    return bot


async def test_the_history_lists_every_interaction_and_deal_move_newest_first(globex):
    said = (await globex.say("globex history")).text.replace("\u00a0", " ")
    lines = said.splitlines()
    assert lines[0] == "History of Globex: 5 of 5, newest first:", said
    assert lines[1] == "• Fri, Nov 27 · deal proposal → won · Anna", said
    assert lines[2] == "• Fri, Nov 27 · call · Anna: Called Globex, they signed! $45k", said
    assert lines[3] == "• Thu, Nov 26 · call · Boris: Called Globex, talked to Maria about delivery dates", said
    assert lines[4] == "• Wed, Nov 25 · new deal: proposal · Anna", said
    assert lines[5].startswith("• Wed, Nov 25 · visit · Anna: Visited Globex, met Maria"), said


async def test_the_card_is_still_the_card(globex):
    said = (await globex.say("what do we know about globex")).text
    assert "History of" not in said and "🏢 Globex" in said


@pytest.mark.parametrize("question, title, move", [
    ("Globex的历史记录", "Globex 的历史记录（共 5 条，最近 5 条）：", "商机 已报价 → 已成交"),
    ("история по Globex", "История клиента Globex: последние 5 из 5:", "сделка КП отправлено → выиграна"),
])
async def test_the_history_in_chinese_and_russian(globex, question, title, move):
    said = (await globex.say(question)).text
    assert said.splitlines()[0] == title, said
    assert move in said, said


async def test_a_long_history_says_how_much_is_older(bot, clock):
    for day in range(35):
        assert (await bot.say(f"Called Initech, talked about batch {day + 1}")).wrote
        clock.advance(days=1)
    said = (await bot.say("initech history")).text
    lines = said.splitlines()
    assert lines[0] == "History of Initech: 30 of 35, newest first:", said
    assert lines[1].startswith("• ") and "batch 35" in lines[1] and "batch 6" in lines[30], said
    assert lines[31] == "5 older entries not shown.", said


async def test_another_teams_customer_has_no_history_here(globex, crm):
    from bot.adapters.console import Console
    from tests.bot.conftest import let_in

    let_in(crm.engine, "console", "ivan", "Ivan", "rep", team="north")
    said = (await Console(crm, user="ivan", name="Ivan").say("globex history")).text
    assert "Boris" not in said and "$45,000" not in said and "History of Globex" not in said, said
    assert "I don't know a customer called “globex”" in said, said     # said as the card question says it


async def test_a_history_question_writes_nothing(globex):
    assert not (await globex.say("globex history")).wrote
