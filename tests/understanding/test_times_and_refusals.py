"""A follow-up's time of day, and the values a note holds that the bot will not record, as parsed
(the chat side is tests/bot/test_timed_reminders.py and tests/bot/test_refused_values.py)."""
from __future__ import annotations

from datetime import date, datetime, time

import pytest

from handlers.understanding import understand
from handlers.understanding.model import Refusal

NOW = datetime(2026, 11, 25, 10, 0)  # Wednesday, 10:00 local
TOMORROW = date(2026, 11, 26)

TIMES = [
    ("remind me to call Maria tomorrow at 3pm", TOMORROW, time(15), "call Maria"),
    ("Call Globex tomorrow at 3:30 pm", TOMORROW, time(15, 30), None),
    ("follow up with Globex tomorrow at noon", TOMORROW, time(12), None),
    ("meet Globex Friday 10am", date(2026, 11, 27), time(10), None),
    ("call Globex tomorrow at 3", TOMORROW, time(15), None),
    ("call Globex tomorrow at 07:30", TOMORROW, time(7, 30), None),
    ("remind me at 3pm to send the deck", date(2026, 11, 25), time(15), "send the deck"),
    ("remind me at 9am to call Globex", TOMORROW, time(9), "call Globex"),
    ("Позвонить Марии завтра в 15:00", TOMORROW, time(15), "Позвонить Марии"),
    ("напомни завтра в 3 часа дня отправить КП", TOMORROW, time(15), "отправить КП"),
    ("созвонимся с Вектором завтра в 9 утра", TOMORROW, time(9), None),
    ("напомни в пятницу в 7 вечера позвонить Олегу", date(2026, 11, 27), time(19), "позвонить Олегу"),
    ("明天下午3点给王总打电话", TOMORROW, time(15), "给王总打电话"),
    ("提醒我明天下午3点半给王总打电话", TOMORROW, time(15, 30), "给王总打电话"),
    ("明天上午十点跟进星辰科技", TOMORROW, time(10), None),
    ("明天晚上7点跟进", TOMORROW, time(19), None),
    ("明天15:30跟进", TOMORROW, time(15, 30), None),
]


@pytest.mark.parametrize("text, day, at, what", TIMES, ids=[t[0] for t in TIMES])
def test_a_time_of_day_goes_with_the_follow_up(text, day, at, what):
    parse = understand(text, NOW, ["Globex", "星辰科技", "Вектор"])
    assert (parse.followup_on, parse.followup_at) == (day, at)
    if what is not None:
        assert parse.followup_what == what
    assert parse.to_json()["followup_at"] == at.strftime("%H:%M")


@pytest.mark.parametrize("text", ["Visited Globex, follow up Friday", "Был у Вектора, созвонимся в пятницу",
                                  "拜访了星辰科技，周五跟进", "Visited Globex, 3 pm meeting went well"])
def test_no_time_no_timed_reminder(text):
    assert understand(text, NOW, ["Globex", "星辰科技", "Вектор"]).followup_at is None


REFUSALS = [
    ("follow up on 9999-12-31", Refusal.DATE_TOO_FAR, "9999-12-31"),
    ("follow up on Dec 31, 2150", Refusal.DATE_TOO_FAR, "Dec 31, 2150"),
    ("follow up 12/25/2150", Refusal.DATE_TOO_FAR, "12/25/2150"),
    ("星辰科技：9999年12月31日跟进", Refusal.DATE_TOO_FAR, "9999年12月31日"),
    ("Вектор: созвонимся 31.12.2150", Refusal.DATE_TOO_FAR, "31.12.2150"),
    ("proposal -$5000", Refusal.NEGATIVE_AMOUNT, "-$5000"),
    ("Globex: quote -$5000", Refusal.NEGATIVE_AMOUNT, "-$5000"),
    ("星辰科技报价-5万", Refusal.NEGATIVE_AMOUNT, "-5万"),
    ("Вектор: КП на -50 тыс.", Refusal.NEGATIVE_AMOUNT, "-50 тыс."),
    ("Globex: quote $9999999999999999", Refusal.AMOUNT_TOO_LARGE, "$9999999999999999"),
    ("Called Globex, follow up today at 9am", Refusal.TIME_PASSED, "9am"),
    ("Звонил в Вектор, перезвонить сегодня в 9:30", Refusal.TIME_PASSED, "9:30"),
]


@pytest.mark.parametrize("text, kind, written", REFUSALS, ids=[r[0] for r in REFUSALS])
def test_a_value_left_out_is_said_as_written(text, kind, written):
    parse = understand(text, NOW, ["Globex", "星辰科技", "Вектор"])
    assert parse.intent == "log"
    assert [(r.kind, r.text) for r in parse.refused] == [(kind, written)]
    assert parse.amount is None and parse.contact_phone is None
    if kind is not Refusal.TIME_PASSED:
        assert parse.followup_on is None


@pytest.mark.parametrize("text", ["Globex - $5000 deal", "price 30-40k", "Её телефон +7 916 123-45-67",
                                  "follow up on 2027-01-15", "Globex signed $5,000"])
def test_dashes_that_are_not_minus_signs_and_dates_this_century_are_taken(text):
    assert understand(text, NOW, ["Globex"]).refused == []


@pytest.mark.parametrize("text, what", [
    ("去了华信电子，谈了价格，周四寄样品", "寄样品"),
    ("拜访了恒锐电气，见了李经理，报价8万，下周一发合同", "发合同"),
    ("был у Вектора, обсудили цену, в четверг отправлю образцы", "отправлю образцы"),
    ("met Dana at Corvel, talked price, friday send the samples", "send the samples"),
])
def test_a_step_written_after_its_day_is_the_promise(text, what):
    """A day after a comma with the step after it: the step is its own, not the clause before."""
    parse = understand(text, now=datetime(2026, 11, 25, 10, 0))
    assert parse.followup_on is not None and parse.followup_what == what


@pytest.mark.parametrize("text, name", [("后天给华信电子打电话", "华信电子"), ("下周一去华信电子送样品", "华信电子")])
def test_a_chinese_promise_names_the_customer_as_written(text, name):
    """The customer's name is hidden from the cues while they read, never from the promise kept."""
    parse = understand(text, datetime(2026, 11, 25, 10, 0), [name])
    assert parse.followup_what and name in parse.followup_what and "某" not in parse.followup_what


@pytest.mark.parametrize("text, what", [
    ("hooli - their ops lead wants the install checklist, send by thu", "send: their ops lead wants the install checklist"),
    ("corvel asked about bulk pricing. email fri", "email: corvel asked about bulk pricing"),
    ("恒锐电气要一份报价明细，周四发", "发：恒锐电气要一份报价明细"),
    ("Агрокомплекс просит сертификаты, вышлю в четверг", "вышлю: Агрокомплекс просит сертификаты"),
])
def test_a_bare_step_keeps_what_it_is_about(text, what):
    """'send by thu' alone would remind the rep to "send": the words before it say what."""
    parse = understand(text, now=datetime(2026, 11, 25, 10, 0))
    assert parse.followup_on is not None and parse.followup_what == what


def test_a_step_that_says_what_is_left_alone():
    parse = understand("Visited Corvel, send the price list on thursday", now=datetime(2026, 11, 25, 10, 0))
    assert parse.followup_what == "send the price list"
