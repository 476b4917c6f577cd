"""The offline parse as the validator of the model's answer: each field is kept only where the
message bears it out (real `openai` client, fake server on 127.0.0.1)."""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from bot.settings import Settings
from handlers.understanding import understand
from handlers.understanding.hybrid import understand_hybrid_ex
from handlers.understanding.llm.client import LlmClient
from tests.fakes.openai_server import FakeOpenAI, openai_server, reply  # noqa: F401

NOW = datetime(2026, 11, 26, 16, 30, tzinfo=ZoneInfo("America/New_York"))   # a Thursday
KNOWN = ["Kestrel Logistics Ltd", "Brightwater Foods Inc", "ООО «ВолгаТехСнаб»", "杭州明达精密机械有限公司"]
EMPTY = {"lang": "en", "intent": "log", "customer": None, "contact": None, "channel": None, "stage": None,
         "amount": None, "currency": None, "followup_on": None, "birthday": None, "period": None}


async def ask(server: FakeOpenAI, text: str, known=KNOWN, **answer):
    settings = Settings(OPENAI_API_KEY="k", OPENAI_BASE_URL=server.base_url)
    server.script(reply({**EMPTY, "lang": str(understand(text, NOW, known).lang), **answer}))
    return await understand_hybrid_ex(text, NOW, known, None, LlmClient.from_settings(settings), "auto")


# -- what the message writes is kept ----------------------------------------------------------

@pytest.mark.parametrize("text, amount", [
    ("Brightwater took the bigger plan, 48k a year", 48000),
    ("Brightwater: signed at forty two thousand five hundred", 42500),          # spelled, the rules can't add it
    ("Brightwater budget is 1.2m for the rollout", 1200000),
    ("ВолгаТехСнаб согласовал бюджет, полтора миллиона", 1500000),
    ("明达精密 报价二十三万", 230000),
])
async def test_an_amount_the_message_writes_is_kept(openai_server, text, amount):
    outcome = await ask(openai_server, text, amount=amount)
    assert outcome.source == "llm" and outcome.parse.amount == Decimal(amount) and not outcome.repaired


@pytest.mark.parametrize("text, day", [
    ("Brightwater wants the deck before their board meets mid December", "2026-12-15"),
    ("Kestrel: ring the fleet lead again after thanksgiving", "2026-11-30"),
    ("перезвоню ВолгаТехСнабу послезавра", "2026-11-28"),                      # a typo the rules miss
    ("明达精密 月底前给他们方案", "2026-11-30"),
    ("Kestrel call back at 4", "2026-11-26"),
    ("Brightwater this week sometime, want to close before the holiday", "2026-11-27"),
])
async def test_a_day_the_message_hints_at_is_kept(openai_server, text, day):
    outcome = await ask(openai_server, text, followup_on=day)
    assert outcome.parse.followup_on == date.fromisoformat(day) and "followup_on" not in outcome.repaired


async def test_a_new_company_written_in_the_message_is_kept_though_it_looks_like_a_known_one(openai_server):
    outcome = await ask(openai_server, "met the owner of Brightwater Kayak Rentals at the expo, new lead",
                        customer="Brightwater Kayak Rentals", channel="meeting", stage="lead")
    assert outcome.parse.customer == "Brightwater Kayak Rentals" and not outcome.parse.customer_known


async def test_a_known_customer_by_a_short_name_comes_back_as_the_store_spells_it(openai_server):
    outcome = await ask(openai_server, "втс подписали, ура", customer="ООО «ВолгаТехСнаб»", stage="won")
    assert outcome.parse.customer == "ООО «ВолгаТехСнаб»" and outcome.parse.customer_known
    assert "ООО «ВолгаТехСнаб»" in openai_server.requests[0]["messages"][1]["content"]


async def test_stage_and_channel_are_the_model_s_reading(openai_server):
    outcome = await ask(openai_server, "Kestrel finally came back, they're going ahead, paperwork next week",
                        customer="Kestrel Logistics Ltd", stage="won", followup_on="2026-11-30")
    assert outcome.parse.stage == "won" and not outcome.repaired


# -- what the message does not bear out comes from the offline parse -----------------------------------

@pytest.mark.parametrize("text, proposed, offline", [
    ("Dropped the revised quote at Brightwater, $36k", 52000, Decimal(36000)),
    ("Kestrel liked the demo, no numbers yet", 25000, None),
    ("ВолгаТехСнаб: КП на 2 млн отправил", 3500000, Decimal(2000000)),
])
async def test_an_amount_the_message_does_not_write_is_the_offline_one(openai_server, text, proposed, offline):
    outcome = await ask(openai_server, text, amount=proposed, currency="USD")
    assert outcome.parse.amount == offline and outcome.repaired["amount"] == "not_in_text"
    assert outcome.parse.amount == understand(text, NOW, KNOWN).amount


@pytest.mark.parametrize("text, proposed, reason", [
    ("Kestrel liked the demo, the depot manager wants the bigger plan", "2026-12-19", "no_date_words"),
    ("Call Kestrel back on Monday about the depot plan", "2026-12-28", "far_from_dates"),
    ("Brightwater: follow up tomorrow", "2026-11-20", "out_of_range"),
    ("Brightwater: follow up tomorrow", "2028-11-20", "out_of_range"),
    ("Visited Kestrel this morning, all good", "2026-12-09", "no_date_words"),   # "this morning" is no later day
])
async def test_a_day_the_message_does_not_bear_out_is_the_offline_one(openai_server, text, proposed, reason):
    outcome = await ask(openai_server, text, followup_on=proposed)
    assert outcome.repaired["followup_on"] == reason
    assert outcome.parse.followup_on == understand(text, NOW, KNOWN).followup_on


@pytest.mark.parametrize("text, proposed", [
    ("Kestrel rang while I was driving, calling them back now", "2026-11-26"),
    ("Brightwater wants the price list rn", "2026-11-27"),
    ("ВолгаТехСнаб перезвонили, сейчас наберу", "2026-11-26"),
    ("ВолгаТехСнаб: Ивану набрать после двадцатого", "2026-12-21"),
    ("明达精密 王总来电 我马上回", "2026-11-26"),
])
async def test_a_day_said_as_now_or_as_an_ordinal_is_kept(openai_server, text, proposed):
    outcome = await ask(openai_server, text, followup_on=proposed)
    assert outcome.parse.followup_on == date.fromisoformat(proposed) and "followup_on" not in outcome.repaired


@pytest.mark.parametrize("text, amount", [
    ("ВолгаТехСнаб: КП отправил, 3 млн 400 тыс за год", 3400000),
    ("Brightwater renewal agreed, 1 million 250 thousand over three years", 1250000),
])
async def test_an_amount_in_two_scales_is_kept(openai_server, text, amount):
    outcome = await ask(openai_server, text, amount=amount)
    assert outcome.parse.amount == Decimal(amount) and "amount" not in outcome.repaired


@pytest.mark.parametrize("text, proposed", [
    ("Kestrel wants to meet again, site walk on the 9", "2026-12-09"),
    ("明达精密 图纸改了 报价要重做 五天内给他们", "2026-12-01"),
    ("ВолгаТехСнаб: чертежи поменялись, КП переделать через три дня", "2026-11-29"),
])
async def test_a_later_day_said_loosely_is_kept(openai_server, text, proposed):
    outcome = await ask(openai_server, text, followup_on=proposed)
    assert outcome.parse.followup_on == date.fromisoformat(proposed) and "followup_on" not in outcome.repaired


async def test_an_invented_customer_or_contact_is_the_offline_one(openai_server):
    text = "Visited Kestrel, the depot manager Tom Harris wants a quote"
    outcome = await ask(openai_server, text, customer="Globex Corporation", contact="Laura Chen", channel="visit")
    offline = understand(text, NOW, KNOWN)
    assert (outcome.parse.customer, outcome.parse.contact) == (offline.customer, offline.contact)
    assert outcome.parse.customer == "Kestrel Logistics Ltd" and outcome.parse.channel == "visit"
    assert outcome.repaired == {"customer": "not_in_text", "contact": "not_in_text"}


async def test_a_known_customer_the_message_never_names_is_the_offline_one(openai_server):
    many = KNOWN + [f"Harbor Company {i}" for i in range(30)] + ["Redstone Clinics"]
    outcome = await ask(openai_server, "Visited Kestrel, quote next week", known=many,
                        customer="Redstone Clinics", channel="visit")
    assert outcome.parse.customer == "Kestrel Logistics Ltd" and outcome.repaired == {"customer": "not_named"}


async def test_the_language_is_the_message_s_script(openai_server):
    outcome = await ask(openai_server, "明达精密 今天拜访了 王总", lang="ru", customer="杭州明达精密机械有限公司",
                        channel="visit")
    assert outcome.parse.lang == "zh" and outcome.repaired == {"lang": "script"}


async def test_a_period_out_of_reach_is_the_offline_one(openai_server):
    text = "what's in the pipeline this month?"
    outcome = await ask(openai_server, text, intent="pipeline", period={"from": "2019-01-01", "to": "2019-01-31"})
    assert outcome.parse.intent == "pipeline" and outcome.repaired == {"period": "out_of_reach"}
    assert outcome.parse.period == understand(text, NOW, KNOWN).period == (date(2026, 11, 1), date(2026, 11, 30))


async def test_a_repaired_answer_still_passes_the_offline_checks(openai_server):
    text = "Kestrel, call w/ Tom, quote 40k, follow up friday"
    outcome = await ask(openai_server, text, customer="Acme Rockets", contact="Wile E.", channel="call",
                        amount=70000, currency="USD", followup_on="2027-03-01", birthday="02-30")
    # a birthday that cannot exist is no parse at all: the offline one is used whole
    assert outcome.source == "offline" and outcome.error == "birthday_format"
    assert outcome.parse.to_json() == understand(text, NOW, KNOWN).to_json()


@pytest.mark.parametrize("text, amount", [
    ("明达精密 二期预算大概12万5，下周给方案", 125000),                       # a scale and the next place after it
    ("ВолгаТехСнаб: аванс 300 тыс пришёл, всего по договору 3 млн 450", 3450000),
    ("Brightwater wants 4 chillers at $2,300 each, quote tomorrow", 9200),    # a price times a count
    ("ВолгаТехСнаб берёт 3 станка по 450 тыс, КП завтра", 1350000),
    ("明达精密 要6台 单价1.5万", 90000),
])
async def test_an_amount_left_to_add_up_or_multiply_is_kept(openai_server, text, amount):
    outcome = await ask(openai_server, text, amount=amount)
    assert outcome.source == "llm" and outcome.parse.amount == Decimal(amount) and "amount" not in outcome.repaired


@pytest.mark.parametrize("text, amount", [
    ("Brightwater wants 4 chillers at $2,300 each, quote tomorrow", 9550),
    ("明达精密 二期预算大概12万5，下周给方案", 170000),
])
async def test_an_amount_no_sum_or_product_of_the_message_gives_is_the_offline_one(openai_server, text, amount):
    outcome = await ask(openai_server, text, amount=amount)
    assert outcome.repaired.get("amount") == "not_in_text"
