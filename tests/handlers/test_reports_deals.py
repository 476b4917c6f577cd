"""The biggest deals, asked in chat in English, Chinese and Russian: the team's largest open deals (or
the largest won), as many as asked, largest first with customer, stage, owner and close; deals in a
currency without a rate and deals without an amount counted apart; a rep sees their own; another
team's deals never; each customer a button away."""
from __future__ import annotations

import pytest
from sqlmodel import Session, select

from bot.adapters.console import Console
from storage.members import get_team
from storage.models import Deal, FxRate
from tests.handlers.two_teams import boris_and_the_north_team
from tests.bot.conftest import Clock, bot, clock, crm, settings, store  # noqa: F401  (the chat fixtures)

NBSP = "\u00a0"


def text(reply) -> str:
    return reply.text.replace(NBSP, " ")


@pytest.fixture
async def deals(bot, crm, engine) -> dict[str, Console]:
    """Anna (admin) and Boris (rep) have open deals in dollars and euros, one without an amount and
    one won; the "north" team has a far bigger one."""
    assert (await bot.say("help")).text
    boris_and_the_north_team(engine, "proposal")
    boris = Console(crm, user="boris", name="Boris")
    for chat, notes in ((bot, ("Visited Globex, sent the quote for $40k",
                               "Called Acme, proposal $10k",
                               "Met Kessler GmbH in Berlin, quote €30,000",
                               "New lead: Vandelay Imports, they want a quote")),
                        (boris, ("Visited Hooli, quote $5k",
                                 "Umbrella Corp signed! $70k"))):
        for note in notes:
            assert (await chat.say(note)).wrote, note
    return {"anna": bot, "boris": boris}


async def test_a_manager_gets_the_biggest_open_deals_largest_first(deals):
    reply = await deals["anna"].say("top 3 deals")
    said = text(reply)
    assert said.startswith("Biggest open deals (USD):"), said
    lines = said.splitlines()
    assert lines[1] == "1. Globex: $40,000 · proposal · Anna", said
    assert lines[2] == "2. Acme: $10,000 · proposal · Anna", said
    assert lines[3] == "3. Hooli: $5,000 · proposal · Boris", said
    assert "Umbrella" not in said                                   # won: not an open deal
    assert "Initech" not in said and "$999,000" not in said         # the other team's deal stays theirs
    assert "Not ranked, no rate to USD: 1 deal in EUR, €30,000 (crmbot fx set EUR USD RATE)." in said
    assert "Not ranked, no amount yet: 1 deal." in said             # Vandelay
    assert [c.label for c in reply.choices] == ["Globex", "Acme", "Hooli"]
    card = text(await deals["anna"].press(reply.choices[0].data))
    assert "Globex" in card and "$40,000" in card


async def test_a_rate_ranks_another_currency_among_the_others(deals, engine):
    with Session(engine) as s:
        team = get_team(s, "default")
        s.add(FxRate(team_id=team.id, base="EUR", quote="USD", rate="1.1"))
        s.commit()
    said = text(await deals["anna"].say("biggest deals"))
    lines = said.splitlines()
    assert lines[1].startswith("1. Globex: $40,000"), said
    assert lines[2] == "2. Kessler GmbH: €30,000 (≈ $33,000) · proposal · Anna", said
    assert "EUR" in said and "1.1" in said                          # the rate used is named
    assert "no rate" not in said


async def test_as_many_as_asked_and_ten_at_most_by_default(deals):
    two = text(await deals["anna"].say("top 2 deals")).splitlines()
    assert [line[:2] for line in two if line[:2] in ("1.", "2.", "3.")] == ["1.", "2."]
    every = text(await deals["anna"].say("what are our largest open opportunities?"))
    assert "1. Globex" in every and "3. Hooli" in every and "4." not in every   # three priced dollar deals


async def test_the_biggest_deals_won_in_a_period(deals):
    said = text(await deals["anna"].say("biggest deals won this year"))
    assert said.startswith("Biggest deals won Thu, Jan 1 – Thu, Dec 31 (USD):"), said
    assert "1. Umbrella Corp: $70,000 · Boris · won Wed, Nov 25" in said
    assert "Globex" not in said


@pytest.mark.parametrize("question, has, hasnt", [
    ("最大的2个商机", ["最大的未结商机（USD）：", "1. Globex：US$40,000 · 已报价 · Anna", "2. Acme"], ["3. Hooli"]),
    ("本季度最大的几个单子", ["预计", "最大商机"], ["Initech"]),
    ("топ-2 сделок", ["Крупнейшие открытые сделки (USD):", "1. Globex: 40 000 $ · КП отправлено · Anna",
                      "Не в рейтинге, нет курса EUR к USD: 1 сделка"], ["3. Hooli"]),
    ("самые крупные выигранные сделки за год", ["Крупнейшие выигранные сделки", "Umbrella Corp: 70 000 $"], ["Globex"]),
])
async def test_the_same_report_in_chinese_and_russian(deals, question, has, hasnt):
    said = text(await deals["anna"].say(question))
    for part in has:
        assert part in said, said
    for part in hasnt:
        assert part not in said, said


async def test_a_rep_sees_only_their_own_deals(deals):
    said = text(await deals["boris"].say("top 5 deals"))
    assert "your deals only" in said.splitlines()[0], said
    assert "1. Hooli: $5,000 · proposal · Boris" in said
    assert "Globex" not in said and "Acme" not in said and "EUR" not in said
    refused = text(await deals["boris"].say("Anna's biggest deals"))
    assert "Globex" not in refused and "$40,000" not in refused


async def test_a_manager_asks_for_one_reps_deals(deals):
    said = text(await deals["anna"].say("Boris's biggest deals"))
    assert "Boris" in said.splitlines()[0] and "1. Hooli" in said and "Globex" not in said, said


async def test_the_other_team_sees_only_its_own(deals, crm):
    ivan = Console(crm, user="ivan", name="Ivan")
    said = text(await ivan.say("top deals"))
    assert "1. Initech: $999,000" in said, said
    assert "Globex" not in said and "Hooli" not in said


async def test_a_question_about_deals_writes_nothing(deals, engine):
    with Session(engine) as s:
        before = len(s.exec(select(Deal)).all())
    for question in ("top 5 deals", "最大的5个商机", "крупнейшие сделки", "biggest deals won this year"):
        assert not (await deals["anna"].say(question)).wrote, question
    with Session(engine) as s:
        assert len(s.exec(select(Deal)).all()) == before


async def test_top_customers_are_still_customers(deals):
    assert "Top customers by revenue" in text(await deals["anna"].say("top customers this year"))


async def test_no_deals_says_so(bot):
    assert "No open deals with an amount." in text(await bot.say("top 5 deals"))
    assert "No deals won in this period." in text(await bot.say("biggest deals won this month"))


@pytest.mark.parametrize("notes, question, has", [
    (("Был в Векторе, отправил КП на 1,2 млн", "Был в Ромашке, КП на 800 тыс", "Met Kessler GmbH, quote €30,000"),
     "топ-10 сделок", ["Крупнейшие открытые сделки (RUB):", "1. Вектор: 1 200 000 ₽", "2. Ромашка: 800 000 ₽",
                       "Не в рейтинге, нет курса EUR к RUB: 1 сделка"]),
    (("拜访了星辰科技，报价12万", "拜访了华彩集团，报价8万", "Met Kessler GmbH, quote €30,000"),
     "最大的商机", ["（CNY）", "1. 星辰科技：¥120,000", "2. 华彩集团：¥80,000"]),
])
async def test_deals_in_no_currency_of_the_team_are_ranked_in_the_one_most_are_in(bot, notes, question, has):
    """A team whose deals are all in currencies with no rate to its own (a dollar team selling in roubles)
    still gets its biggest deals, ranked in the currency most of them are in, as its pipeline is written;
    the rest are counted apart, never "no deals"."""
    for note in notes:
        assert (await bot.say(note)).wrote, note
    said = text(await bot.say(question))
    for part in has:
        assert part in said, said
    assert "No open deals" not in said and "нет." not in said.splitlines()[1], said
