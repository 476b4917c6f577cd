"""One routing decision: understanding (or the button, or the command) says what a message asks
for, report included; `dispatch` is a table; no handler reads the words again to decide."""
from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from handlers.dispatch import ROUTES
from handlers.understanding.hybrid import understand_hybrid
from storage.vocabulary import Intent, ReportKind
from tests.bot.conftest import Clock, bot, clock, crm, settings, store  # noqa: F401  (the chat fixtures)

NOW = datetime(2026, 11, 25, 10, tzinfo=ZoneInfo("Europe/London"))
QUARTER = (date(2026, 10, 1), date(2026, 12, 31))
WEEK = (date(2026, 11, 23), date(2026, 11, 29))


@pytest.mark.parametrize("text, intent, report, period", [
    # a report question that reads like a note still asks for its report, in its period
    ("lost reasons this quarter", Intent.LOG, ReportKind.LOST, QUARTER),
    ("complaints this week", Intent.UNKNOWN, ReportKind.INQUIRIES, WEEK),
    ("жалобы за эту неделю", Intent.UNKNOWN, ReportKind.INQUIRIES, WEEK),
    ("本季度转化率", Intent.UNKNOWN, ReportKind.FUNNEL, QUARTER),
    # a pipeline question with a report's words is that report, unless they describe the pipeline
    ("forecast", Intent.PIPELINE, ReportKind.FORECAST, None),
    ("which deals are stuck?", Intent.PIPELINE, ReportKind.QUIET, None),
    ("pipeline by source this quarter", Intent.PIPELINE, ReportKind.PIPELINE, QUARTER),
    # an activity question may turn to the loose ends
    ("what did the team do, anything overdue?", Intent.ACTIVITY, ReportKind.OVERDUE, None),
    ("what did the team do this week", Intent.ACTIVITY, ReportKind.ACTIVITY, WEEK),
    ("what did the team do, show the leaderboard", Intent.ACTIVITY, ReportKind.LEADERBOARD, None),
    ("who sold the most this month", Intent.UNKNOWN, ReportKind.LEADERBOARD, (date(2026, 11, 1), date(2026, 11, 30))),
    ("top customers", Intent.UNKNOWN, ReportKind.TOP, None),
    # a note about a customer is a note, whatever words it has; help is help
    ("Globex complained about late delivery, lost reasons: price", Intent.LOG, None, None),
    ("help", Intent.HELP, None, None),
    ("what do we know about Globex", Intent.QUERY_CUSTOMER, None, None),
])
async def test_understanding_says_which_report_a_message_asks_for(text, intent, report, period):
    parse = await understand_hybrid(text, NOW, ["Globex Corporation"])
    assert (parse.intent, parse.report, parse.period) == (intent, report, period)
    assert parse.to_json()["intent"] == intent           # the contract's intent is untouched
    if intent not in (Intent.PIPELINE, Intent.ACTIVITY):
        assert parse.to_json()["period"] is None          # the contract prints a period for its period intents


def test_every_intent_has_its_handler():
    assert set(ROUTES) == set(Intent)


async def test_a_command_with_a_reports_words_gets_that_report(bot):
    assert "Forecast" in (await bot.say("/pipeline forecast")).text
    assert "Top customers" in (await bot.say("/help top customers")).text


async def test_a_question_names_its_period_for_complaints_too(bot, clock):
    assert "recorded" in (await bot.say("Globex Corporation complained about the invoice")).text
    clock.advance(days=14)
    assert "recorded" in (await bot.say("Initech complained about late delivery")).text
    this_week = (await bot.say("complaints this week")).text
    assert "late delivery" in this_week and "invoice" not in this_week
    everything = (await bot.say("complaints")).text
    assert "late delivery" in everything and "invoice" in everything


async def test_the_picked_customer_makes_a_report_like_note_a_note(bot, store):
    store.add_customers("Pinecrest Realty", "Pinecrest Dental Group")
    asked = await bot.say("pinecrest: lost reasons are price and timing")
    assert "1." in asked and "2." in asked
    reply = await bot.press("pick:2")
    assert reply.wrote and "Pinecrest" in reply.text


async def test_a_quarter_asked_for_on_the_31st_of_may(bot, clock):
    clock.advance(days=187)                         # Monday 31 May 2027
    assert "Globex" in (await bot.say("Globex Corporation signed, $12k")).text
    for question in ("forecast this quarter", "funnel this quarter", "win rate"):
        reply = (await bot.say(question)).text
        assert "Apr" in reply and "Jun" in reply, (question, reply)
