"""Money across currencies is honest, in chat, in three languages, with two teams: amounts are never
added or counted across currencies without a rate; with the team's rates the totals are converted and
say so; each currency reads one way everywhere (Babel, the reader's locale)."""
from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import Session

from scheduler.config import NudgeConfig
from scheduler.rules import nudges_for_day
from storage.engine import session
from storage.members import add_user, get_team
from storage.models import Customer, Deal
from storage.report_inputs import set_fx
from tests.bot.conftest import Clock, bot, clock, crm, settings, store  # noqa: F401  (the chat fixtures)
from tests.scheduler.conftest import World

NBSP = "\u00a0"
THREE = ("Visited Globex, sent the quote for $42k",
         "拜访了星辰科技，报价12万",
         "Был в Векторе, отправил КП на 1,2 млн рублей")


async def _three_deals(chat) -> None:
    for note in THREE:
        reply = await chat.say(note)
        assert reply.wrote, reply.text


@pytest.fixture
def north(engine) -> int:
    """Another team ("north") with its manager's $999k proposal and its own rates: never in ours."""
    with Session(engine) as s:
        team = get_team(s, "north")
        olga = add_user(s, team, "console", "olga", "Olga", "manager")
        globex = Customer(team_id=team.id, name="Initech", name_key="initech")
        s.add(globex)
        s.flush()
        s.add(Deal(team_id=team.id, customer_id=globex.id, stage="proposal", amount_minor=99_900_000,
                   currency="USD", owner_id=olga.id))
        set_fx(s, team.id, "CNY", "USD", "0.14")
        s.commit()
        return team.id


def _rate(engine, base: str, quote: str, rate: str) -> None:
    with session(engine) as s:
        set_fx(s, get_team(s, "default").id, base, quote, rate)
        s.commit()


@pytest.mark.parametrize("question, lines", [
    ("pipeline this month", ["• proposal: $42,000 (1) · CN¥120,000 (1) · RUB 1,200,000 (1)",
                             "Per currency (not added up without an exchange rate):",
                             "• USD: 1 deal, $42,000 (weighted $21,000)",
                             "• CNY: 1 deal, CN¥120,000 (weighted CN¥60,000)",
                             "• RUB: 1 deal, RUB 1,200,000 (weighted RUB 600,000)",
                             "No rate to USD for CNY, RUB: not added in (crmbot fx set CNY USD RATE)."]),
    ("本月销售漏斗", ["• 已报价：US$42,000 (1) · ¥120,000 (1) · RUB 1,200,000 (1)",
                  "按币种列出（没有汇率不合计）：", "• CNY：1 个商机，¥120,000（加权 ¥60,000）"]),
    ("воронка на этот месяц", ["• КП отправлено: 42 000 $ (1) · 120 000 CN¥ (1) · 1 200 000 ₽ (1)",
                               "По валютам (без курса не складываются):",
                               "• RUB: 1 сделка, 1 200 000 ₽ (взвешенно 600 000 ₽)"]),
])
async def test_a_pipeline_in_three_currencies_adds_and_counts_none_of_them_together(bot, north, question, lines):
    await _three_deals(bot)
    text = (await bot.say(question)).text.replace(NBSP, " ")
    for line in lines:
        assert line in text.splitlines(), text
    assert "999" not in text and "3 deals" not in text and "Total:" not in text, text


async def test_with_the_teams_rates_the_total_is_converted_and_says_at_what_rates(bot, engine):
    await _three_deals(bot)
    _rate(engine, "CNY", "USD", "0.14")
    _rate(engine, "USD", "RUB", "90")                                  # RUB → USD by the inverse
    text = (await bot.say("pipeline this month")).text.replace(NBSP, " ")
    # 42,000 + 120,000 × 0.14 + 1,200,000 / 90 = 42,000 + 16,800 + 13,333.33
    assert "• proposal: 3 · $72,133.33 · ⚖ $36,066.67" in text, text
    assert "Total: 3 deals, $72,133.33 (weighted $36,066.67)" in text
    assert "Amounts in USD at the team's rates: 1 CNY = 0.14 USD, 1 RUB = 0.011111 USD." in text
    assert "No rate" not in text


async def test_a_currency_without_a_rate_stays_apart_when_the_others_are_converted(bot, engine):
    await _three_deals(bot)
    _rate(engine, "CNY", "USD", "0.14")
    text = (await bot.say("pipeline this month")).text.replace(NBSP, " ")
    assert "• proposal: $58,800 (2) · RUB 1,200,000 (1)" in text, text
    assert "• USD (with CNY converted): 2 deals, $58,800 (weighted $29,400)" in text
    assert "• RUB: 1 deal, RUB 1,200,000 (weighted RUB 600,000)" in text
    assert "No rate to USD for RUB: not added in (crmbot fx set RUB USD RATE)." in text


async def test_rates_of_another_team_convert_nothing_of_ours(bot, north):
    await _three_deals(bot)
    text = (await bot.say("pipeline this month")).text
    assert "CN¥120,000 (1)" in text and "at the team's rates" not in text


@pytest.mark.parametrize("lang_note, amount", [
    ("Был в Векторе, отправил КП на 1,2 млн рублей", "1 200 000 ₽"),
    ("Visited Vector, sent the quote for 1,200,000 RUB", "RUB 1,200,000"),
])
async def test_a_currency_reads_the_same_in_the_note_the_card_and_the_reports(bot, lang_note, amount):
    note = (await bot.say(lang_note)).text.replace(NBSP, " ")
    assert amount in note, note
    asked = "воронка на этот месяц" if "Был" in lang_note else "pipeline this month"
    pipeline = (await bot.say(asked)).text.replace(NBSP, " ")
    assert amount in pipeline, pipeline
    card = (await bot.say("что известно о Векторе" if "Был" in lang_note else "what do we know about Vector")).text
    assert amount in card.replace(NBSP, " "), card
    assert "₽1" not in pipeline + note + card and "RUB1" not in pipeline + note + card


async def test_forecast_and_top_customers_keep_a_currency_without_a_rate_apart(bot, engine):
    for note in ("Called Acme, they signed! $18,500", "Позвонил в Вектор, подписали договор на 300 тыс рублей"):
        assert (await bot.say(note)).wrote
    forecast = (await bot.say("forecast this quarter")).text.replace(NBSP, " ")
    assert "Won so far: $18,500 (1 deal)" in forecast
    assert "No rate from RUB to USD: won RUB 300,000 (1) kept apart, not added" in forecast, forecast
    _rate(engine, "USD", "RUB", "100")
    forecast = (await bot.say("forecast this quarter")).text.replace(NBSP, " ")
    assert "Won so far: $21,500 (2 deals)" in forecast, forecast
    assert "1 RUB = 0.01 USD" in forecast
    top = (await bot.say("top customers this year")).text
    assert "1. Acme: $18,500" in top and "2. Вектор: $3,000" in top, top


def test_the_weekly_digest_shows_every_currency_with_its_own_count(engine):
    world = World(engine)
    rep, boss = world.member("Rep"), world.member("Boss", role="manager")
    world.member("Босс", role="manager", lang="ru")
    for name, amount, currency in (("Globex", 4_200_000, "USD"), ("星辰科技", 12_000_000, "CNY"),
                                   ("Вектор", 120_000_000, "RUB")):
        world.deal(world.customer(name, rep), rep, amount=amount, currency=currency, created_at="2026-11-27 09:00")
    with session(engine) as s:
        digests = {n.lang: n.text.replace(NBSP, " ")
                   for n in nudges_for_day(s, world.team, date(2026, 11, 30), NudgeConfig()) if n.kind == "digest"}
    english = digests["en"]
    assert "• USD: 1 deal, $42,000 (weighted $21,000)" in english, english
    assert "• RUB: 1 deal, RUB 1,200,000 (weighted RUB 600,000)" in english
    assert "• proposal: $42,000 (1) · CN¥120,000 (1) · RUB 1,200,000 (1)" in english
    assert "open deals, $42,000" not in english and boss.id
    assert "• RUB: 1 сделка, 1 200 000 ₽ (взвешенно 600 000 ₽)" in digests["ru"], digests["ru"]


def test_the_weekly_digest_converts_at_the_teams_rates_and_says_so(engine):
    world = World(engine)
    rep = world.member("Rep")
    world.member("Boss", role="manager")
    world.deal(world.customer("Globex", rep), rep, amount=4_200_000, currency="USD", created_at="2026-11-27 09:00")
    world.deal(world.customer("Vector", rep), rep, amount=9_000_000, currency="RUB", created_at="2026-11-27 09:00")
    with session(engine) as s:
        set_fx(s, world.team.id, "USD", "RUB", "90")
        s.commit()
        [digest] = [n for n in nudges_for_day(s, world.team, date(2026, 11, 30), NudgeConfig()) if n.kind == "digest"]
    assert "Pipeline this week: 2 open deals, $43,000 (weighted $21,500)" in digest.text, digest.text
    assert "1 RUB = 0.011111 USD" in digest.text


async def test_a_deal_without_an_amount_is_never_written_as_zero_dollars_beside_yuan(bot):
    """A Chinese rep's new lead has no amount yet: the team's pipeline counts it among the deals with
    no amount, and never writes "$0 (1)" beside her yuan."""
    for note in ("Visited Globex, sent the quote for $42k", "新线索：华信电子，预算50万",
                 "新线索：蓝海物流，预算已确认"):
        assert (await bot.say(note)).wrote, note
    said = (await bot.say("pipeline this month")).text.replace(NBSP, " ")
    assert "$0 (" not in said, said
    assert "• qualified: 2 · CN¥500,000 · ⚖ CN¥125,000 (of which 1 with no amount yet)" in said, said
    assert "no amount yet" in said, said
