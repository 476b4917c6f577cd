"""Forecast inputs said in chat, in English, Chinese and Russian: an expected close date, why a deal
was lost, where a customer came from, and how often to keep in touch. Each is shown in the reply,
stored on the team's own deal or customer, undone exactly, and read by the forecast, the sources
report and the stay-in-touch nudges."""
from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import Session, select

from bot.adapters.console import Console
from scheduler.rules import nudges_for_day
from storage.customers import name_key
from storage.members import add_user, get_team
from storage.models import Customer, Deal
from tests.bot.conftest import Clock, bot, clock, crm, settings, store  # noqa: F401  (the chat fixtures)

NBSP = "\u00a0"


def text(reply) -> str:
    return reply.text.replace(NBSP, " ")


def deal_of(engine, name: str, team: str = "default") -> Deal:
    with Session(engine) as s:
        team_id = get_team(s, team).id
        customer = s.exec(select(Customer).where(Customer.team_id == team_id, Customer.name == name)).one()
        return s.exec(select(Deal).where(Deal.customer_id == customer.id).order_by(Deal.id.desc())).first()


def customer_of(engine, name: str, team: str = "default") -> Customer:
    with Session(engine) as s:
        team_id = get_team(s, team).id
        return s.exec(select(Customer).where(Customer.team_id == team_id, Customer.name == name)).one()


@pytest.fixture
async def north(crm, engine, bot) -> Console:
    """Another team with its own Globex, Вектор and 宏图科技 and its own rep."""
    assert (await bot.say("help")).text
    with Session(engine) as s:
        team = get_team(s, "north")
        add_user(s, team, "console", "ivan", "Ivan", "rep")
        for name in ("Globex", "Вектор", "宏图科技"):
            s.add(Customer(team_id=team.id, name=name, name_key=name_key(name), source="partner"))
        s.commit()
    return Console(crm, user="ivan", name="Ivan")


OPENING = {"en": "Visited Globex, sent the quote for $42k", "zh": "拜访了宏图科技，报价12万",
           "ru": "Был в Векторе, отправил КП на 1,2 млн рублей"}
CUSTOMER = {"en": "Globex", "zh": "宏图科技", "ru": "Вектор"}

CLOSES = [
    ("en", "Globex: they expect to close by Dec 15", "expected close: Tue, Dec 15", date(2026, 12, 15)),
    ("zh", "宏图科技 签约预计月底", "预计成交：11月30日周一", date(2026, 11, 30)),
    ("ru", "Вектор: закроем до 15 декабря", "ожидаемое закрытие: вт, 15 дек.", date(2026, 12, 15)),
]


@pytest.mark.parametrize("lang, note, line, day", CLOSES, ids=[c[0] for c in CLOSES])
async def test_a_close_date_goes_on_the_open_deal_and_undo_takes_it_back(bot, engine, north, lang, note, line, day):
    await bot.say(OPENING[lang])
    reply = await bot.say(note)
    assert reply.wrote and line in text(reply), text(reply)
    deal = deal_of(engine, CUSTOMER[lang])
    assert deal.expected_close == day and deal.stage == "proposal"       # the same deal, not signed
    assert deal_of(engine, CUSTOMER[lang], "north") is None              # the other team's namesake untouched
    assert (await bot.press(reply.undo_token)).text
    assert deal_of(engine, CUSTOMER[lang]).expected_close is None


async def test_the_forecast_projects_the_deals_with_a_close_date(bot):
    await bot.say("Visited Globex, sent the quote for $40k")
    before = text(await bot.say("forecast this month"))
    assert "Projected: $0" in before, before
    await bot.say("Globex should close by the end of the month")
    after = text(await bot.say("forecast this month"))
    assert "Projected: $20,000" in after, after                          # proposal weighs 50%
    pipeline = text(await bot.say("pipeline this month"))
    assert "without a close date" not in pipeline, pipeline


LOSSES = [
    ("en", "Globex lost, they went with a cheaper vendor", "lost reason: price", "price"),
    ("zh", "宏图科技丢单了，因为价格太贵", "丢单原因：价格", "price"),
    ("ru", "Вектор: проиграли, ушли к конкуренту", "причина проигрыша: ушли к конкуренту", "competitor"),
    ("en", "Globex lost — their CFO left", "lost reason: their CFO left", "their CFO left"),
]


@pytest.mark.parametrize("lang, note, line, reason", LOSSES, ids=[c[1] for c in LOSSES])
async def test_a_lost_deal_keeps_its_reason_until_undone(bot, engine, north, lang, note, line, reason):
    await bot.say(OPENING[lang])
    reply = await bot.say(note)
    assert reply.wrote and line in text(reply), text(reply)
    deal = deal_of(engine, CUSTOMER[lang])
    assert (deal.stage, deal.lost_reason) == ("lost", reason)
    await bot.press(reply.undo_token)
    deal = deal_of(engine, CUSTOMER[lang])
    assert (deal.stage, deal.lost_reason) == ("proposal", None)


SOURCES = [
    ("en", "Globex found us through LinkedIn", "lead source: LinkedIn", "linkedin"),
    ("zh", "宏图科技 通过展会认识的", "客户来源：展会", "trade show"),
    ("ru", "Вектор пришли с сайта", "источник клиента: сайт", "website"),
]


@pytest.mark.parametrize("lang, note, line, source", SOURCES, ids=[c[0] for c in SOURCES])
async def test_a_lead_source_goes_on_the_customer(bot, engine, north, lang, note, line, source):
    await bot.say(OPENING[lang])
    reply = await bot.say(note)
    assert reply.wrote and line in text(reply), text(reply)
    assert customer_of(engine, CUSTOMER[lang]).source == source
    assert customer_of(engine, CUSTOMER[lang], "north").source == "partner"
    await bot.press(reply.undo_token)
    assert customer_of(engine, CUSTOMER[lang]).source is None


CARD_SOURCE = [("en", "what do we know about globex", "🏢 Globex · LinkedIn"),
               ("zh", "宏图科技怎么样", "🏢 宏图科技 · 展会"),
               ("ru", "что по Вектору", "🏢 Вектор · сайт")]


@pytest.mark.parametrize("lang, question, heading", CARD_SOURCE, ids=[c[0] for c in CARD_SOURCE])
async def test_the_card_names_the_lead_source_in_the_readers_language(bot, lang, question, heading):
    await bot.say(OPENING[lang])
    await bot.say(next(note for code, note, _, _ in SOURCES if code == lang))
    card = text(await bot.say(question))
    assert card.splitlines()[0] == heading, card


async def test_the_sources_report_fills_from_chat(bot):
    await bot.say("Visited Globex, sent the quote for $42k")
    await bot.say("Globex found us through LinkedIn")
    await bot.say("拜访了宏图科技，报价12万")
    await bot.say("宏图科技 通过展会认识的")
    report = text(await bot.say("lead sources this month"))
    assert "linkedin" in report.lower() and "trade show" in report.lower(), report


CADENCES = [
    ("en", "keep in touch with Globex every 10 days", "keep in touch every 10 days", 10),
    ("zh", "宏图科技 每两周联系一次", "每 14 天联系一次", 14),
    ("ru", "созваниваться с Вектором раз в месяц", "связываться каждые 30 дней", 30),
]


@pytest.mark.parametrize("lang, note, line, days", CADENCES, ids=[c[0] for c in CADENCES])
async def test_a_cadence_makes_the_stay_in_touch_nudge(bot, engine, crm, clock, north, lang, note, line, days):
    await bot.say(OPENING[lang])
    reply = await bot.say(note)
    assert reply.wrote and line in text(reply), text(reply)
    assert customer_of(engine, CUSTOMER[lang]).custom["touch_days"] == days
    assert "touch_days" not in customer_of(engine, CUSTOMER[lang], "north").custom
    lapse = clock.now.date().toordinal() + days
    with Session(engine) as s:
        nudges = nudges_for_day(s, get_team(s, "default"), date.fromordinal(lapse))
    assert [n.customer for n in nudges if n.kind == "stay_in_touch"] == [CUSTOMER[lang]]
    await bot.press(reply.undo_token)
    assert "touch_days" not in customer_of(engine, CUSTOMER[lang]).custom


async def test_many_facts_in_a_row_each_undone_alone(bot, engine):
    await bot.say("Visited Globex, sent the quote for $42k")
    close = await bot.say("Globex: they expect to close by Dec 15")
    source = await bot.say("Globex came to us from the website")
    touch = await bot.say("keep in touch with Globex every 2 weeks")
    await bot.press(source.undo_token)
    customer = customer_of(engine, "Globex")
    assert customer.source is None and customer.custom["touch_days"] == 14
    assert deal_of(engine, "Globex").expected_close == date(2026, 12, 15)
    await bot.press(touch.undo_token)
    await bot.press(close.undo_token)
    assert "touch_days" not in customer_of(engine, "Globex").custom
    assert deal_of(engine, "Globex").expected_close is None


async def test_saying_the_same_again_writes_nothing_new(bot, engine):
    await bot.say("Visited Globex, sent the quote for $42k")
    await bot.say("Globex found us through LinkedIn")
    again = text(await bot.say("Globex found us through LinkedIn"))
    assert "lead source" not in again


PEOPLE_CADENCES = [
    ("en", "Visited Globex, met Maria Lopez", "keep in touch with Maria every month", "Maria Lopez", 30),
    ("zh", "拜访了宏图科技，见了王总", "王总每两周联系一次", "王总", 14),
    ("ru", "Был в Векторе, встретился с Ольгой Петровой", "Вектор: созваниваться с Ольгой раз в месяц", "Ольга", 30),
]


@pytest.mark.parametrize("lang, met, note, person, days", PEOPLE_CADENCES, ids=[c[0] for c in PEOPLE_CADENCES])
async def test_a_cadence_said_of_a_person_is_that_contacts(bot, engine, clock, lang, met, note, person, days):
    assert (await bot.say(met)).wrote
    reply = await bot.say(note)
    assert reply.wrote and person.split()[0] in reply.text, reply.text
    custom = customer_of(engine, CUSTOMER[lang]).custom
    assert "touch_days" not in custom and list(custom["contact_touch"].values()) == [days]
    with Session(engine) as s:
        team = get_team(s, "default")
        early = nudges_for_day(s, team, date.fromordinal(clock.now.date().toordinal() + days - 1))
        due = nudges_for_day(s, team, date.fromordinal(clock.now.date().toordinal() + days))
    assert not [n for n in early if n.kind == "stay_in_touch"]
    [nudge] = [n for n in due if n.kind == "stay_in_touch"]
    assert person.split()[0] in nudge.text and CUSTOMER[lang] in nudge.text
    await bot.press(reply.undo_token)
    assert "contact_touch" not in customer_of(engine, CUSTOMER[lang]).custom
