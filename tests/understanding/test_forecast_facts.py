"""Forecast inputs as parsed, in three languages: the deal's expected close date, why it was lost,
where the customer came from and the stay-in-touch cadence; and what is none of them (the chat
side is tests/bot/test_forecast_inputs.py)."""
from __future__ import annotations

from datetime import date, datetime

import pytest

from handlers.understanding import understand
from storage.vocabulary import Intent, Stage

NOW = datetime(2026, 11, 25, 10, 0)  # Wednesday, 10:00 local
KNOWN = ["Globex", "Umbrella", "宏图科技", "星辰科技", "Вектор", "Гранит"]

CLOSES = [
    ("Globex: they expect to close by Dec 15", date(2026, 12, 15)),
    ("Globex expects to sign the contract on December 10", date(2026, 12, 10)),
    ("Globex should close by the end of the month", date(2026, 11, 30)),
    ("Globex close date is Jan 20", date(2027, 1, 20)),
    ("宏图科技 签约预计月底", date(2026, 11, 30)),
    ("星辰科技预计12月15号签约", date(2026, 12, 15)),
    ("宏图科技 签合同时间定在下周五", date(2026, 12, 4)),
    ("Вектор: закроем до 15 декабря", date(2026, 12, 15)),
    ("Гранит обещают подписать договор до конца месяца", date(2026, 11, 30)),
    ("Вектор: дата закрытия 20 января", date(2027, 1, 20)),
]


@pytest.mark.parametrize("text, day", CLOSES, ids=[c[0] for c in CLOSES])
def test_a_close_date_is_the_deals_not_a_follow_up(text, day):
    parse = understand(text, NOW, KNOWN)
    assert parse.intent == Intent.LOG and parse.customer in KNOWN
    assert parse.close_on == day
    assert parse.followup_on is None          # the customer's date, not the writer's next step
    assert parse.stage != Stage.WON           # "签约" in a close date signs nothing yet


def test_a_follow_up_day_is_no_close_date():
    for text in ("call Globex on Dec 15", "星辰科技 12月15号回访", "позвонить в Вектор 15 декабря"):
        parse = understand(text, NOW, KNOWN)
        assert parse.close_on is None and parse.followup_on == date(2026, 12, 15), text


LOST = [
    ("Globex lost, they went with a cheaper vendor", "price"),
    ("lost Globex to a competitor", "competitor"),
    ("Globex said no, budget was cut", "no budget"),
    ("Globex lost — their CFO left", "their CFO left"),
    ("Globex lost because legal said no", "legal said no"),
    ("宏图科技丢单了，因为价格太贵", "price"),
    ("星辰科技 输给了竞争对手", "competitor"),
    ("宏图科技这单黄了，没预算", "no budget"),
    ("Вектор: проиграли, ушли к конкуренту", "competitor"),
    ("Гранит отказались, дорого", "price"),
    ("Вектор: сделка сорвалась, нет бюджета", "no budget"),
]


@pytest.mark.parametrize("text, reason", LOST, ids=[c[0] for c in LOST])
def test_a_lost_deal_keeps_its_reason(text, reason):
    parse = understand(text, NOW, KNOWN)
    assert parse.stage == Stage.LOST, parse
    assert parse.lost_reason == reason


def test_a_lost_deal_without_a_reason_has_none_and_a_reason_needs_a_lost_deal():
    assert understand("Globex lost", NOW, KNOWN).lost_reason is None
    assert understand("lost Globex deal", NOW, KNOWN).lost_reason is None
    assert understand("Visited Globex, the price is fine", NOW, KNOWN).lost_reason is None


SOURCES = [
    ("Umbrella found us through LinkedIn", "linkedin"),
    ("Globex came to us from the website", "website"),
    ("Globex was referred by Maria from Acme", "referral"),
    ("Globex heard about us at the trade show", "trade show"),
    ("Umbrella found us through a podcast", "a podcast"),
    ("宏图科技 通过展会认识的", "trade show"),
    ("星辰科技是老客户介绍来的", "referral"),
    ("宏图科技是在官网上找到我们的", "website"),
    ("Вектор пришли с сайта", "website"),
    ("Гранит узнали о нас на выставке", "trade show"),
    ("Вектор пришли по рекомендации", "referral"),
]


@pytest.mark.parametrize("text, source", SOURCES, ids=[c[0] for c in SOURCES])
def test_where_a_customer_came_from(text, source):
    parse = understand(text, NOW, KNOWN)
    assert parse.intent == Intent.LOG and parse.customer in KNOWN
    assert parse.source == source
    assert parse.channel is None              # "通过展会认识的" met nobody today


CADENCES = [
    ("keep in touch with Globex every 10 days", 10),
    ("check in with Umbrella every two weeks", 14),
    ("Globex: stay in touch monthly", 30),
    ("touch base with Globex once a quarter", 91),
    ("宏图科技 每两周联系一次", 14),
    ("星辰科技每个月回访一次", 30),
    ("宏图科技每隔十天跟进一次", 10),
    ("созваниваться с Вектором раз в месяц", 30),
    ("Гранит: связываться каждые 10 дней", 10),
    ("звонить в Вектор раз в две недели", 14),
]


@pytest.mark.parametrize("text, days", CADENCES, ids=[c[0] for c in CADENCES])
def test_a_stay_in_touch_cadence(text, days):
    parse = understand(text, NOW, KNOWN)
    assert parse.intent == Intent.LOG and parse.customer in KNOWN
    assert parse.touch_days == days
    assert parse.channel is None and parse.followup_on is None and parse.amount is None


@pytest.mark.parametrize("text", [
    "customers from the trade show",
    "follow up with Globex next week",
    "called Globex, they want a demo every day next week?",
    "Globex pays every month",
    "客户来源统计",
    "клиенты с выставки",
])
def test_what_states_none_of_them(text):
    parse = understand(text, NOW, KNOWN)
    assert (parse.close_on, parse.source, parse.touch_days) == (None, None, None), text


def test_a_question_keeps_none_of_them():
    parse = understand("when does Globex expect to close?", NOW, KNOWN)
    assert parse.close_on is None and parse.intent != Intent.LOG or parse.close_on is None


def test_the_parse_json_carries_them_beside_the_contracts_fields():
    out = understand("Globex: they expect to close by Dec 15", NOW, KNOWN).to_json()
    assert out["close_on"] == "2026-12-15" and out["followup_on"] is None
    assert understand("宏图科技 每两周联系一次", NOW, KNOWN).to_json()["touch_days"] == 14
    assert understand("Вектор пришли с сайта", NOW, KNOWN).to_json()["source"] == "website"


@pytest.mark.parametrize("text", ["will Globex close by Dec 15?", "what's the source of Globex, found us through LinkedIn?",
                                  "宏图科技每两周联系一次吗", "Вектор закроем до 15 декабря?"])
def test_a_question_states_none_of_them(text):
    parse = understand(text, NOW, KNOWN)
    assert (parse.close_on, parse.source, parse.touch_days) == (None, None, None), text


@pytest.mark.parametrize("text, customer", [
    ("Umbrella found us through LinkedIn", "Umbrella"),
    ("They found us through LinkedIn", None),
    ("Maria found us through LinkedIn", None),
])
def test_a_new_customer_named_before_found_us(text, customer):
    parse = understand(text, NOW, [])
    assert parse.source == "linkedin" and parse.customer == customer


@pytest.mark.parametrize("text, close", [
    ("Umbrella: board approved, signing next monday for 28k", "2026-11-30"),
    ("globex are signing the contract on the 3rd", "2026-12-03"),
])
def test_a_signing_set_for_a_day_is_the_close(text, close):
    parse = understand(text, NOW, KNOWN)
    assert parse.close_on is not None and parse.close_on.isoformat() == close, text
    assert parse.followup_on is None
