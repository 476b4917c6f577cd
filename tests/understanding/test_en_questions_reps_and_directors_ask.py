"""English questions as reps and sales directors type them, never notes: what is due ("whats due
for me today", "anything on for friday?"), whom to call, the pipeline by size, stage or quarter
("what's still open under 20k?", "q2 commit vs upside"), what closes before a holiday, whether the
bot reminds, whether a customer is in already, and exports the bot cannot do (sentences written fresh)."""
from datetime import date

import pytest

from handlers.understanding import understand

from understanding_data import EN, NOW          # Wednesday 25 November 2026, Europe/Berlin


@pytest.mark.parametrize("text, period", [
    ("whats due for me today", (date(2026, 11, 25), date(2026, 11, 25))),
    ("do i have anything on friday", (date(2026, 11, 27), date(2026, 11, 27))),
    ("have I got anything for tomorrow?", (date(2026, 11, 26), date(2026, 11, 26))),
    ("my list tomorrow?", (date(2026, 11, 26), date(2026, 11, 26))),
    ("so who have I got to ping next week", (date(2026, 11, 30), date(2026, 12, 6))),
    ("who do I need to chase this week", (date(2026, 11, 23), date(2026, 11, 29))),
])
def test_what_is_due_asked_casually(text, period):
    p = understand(text, NOW, EN)
    assert (p.intent, p.period) == ("followups", period)


@pytest.mark.parametrize("text", [
    "what's still open under 20k?",
    "whats open over $100k",
    "any deals over 75k?",
    "how much is sitting in proposal right now",
    "how much have we got in negotiation, by rep",
    "Q4 commit?",
    "q2 commit vs upside",
    "best case vs commit for the quarter",
    "what're we gonna land this month",
])
def test_the_pipeline_asked_by_size_stage_or_quarter(text):
    p = understand(text, NOW, EN)
    assert p.intent == "pipeline"
    assert p.customer is None and p.amount is None


@pytest.mark.parametrize("text, period", [
    ("what are we closing before thanksgiving", (date(2026, 11, 25), date(2026, 11, 25))),
    ("what are we signing before xmas", (date(2026, 11, 25), date(2026, 12, 24))),
    ("what closes by the 10th?", (date(2026, 11, 25), date(2026, 12, 10))),
    ("q1 commit", (date(2027, 1, 1), date(2027, 3, 31))),
])
def test_a_forecast_up_to_a_day_or_for_a_quarter(text, period):
    p = understand(text, NOW, EN)
    assert (p.intent, p.period) == ("pipeline", period)


@pytest.mark.parametrize("text", [
    "can it remind me before a call? like will it ping me",
    "does the bot send reminders or do i set them myself",
    "if I write call acme friday will you remind me",
])
def test_asking_whether_the_bot_reminds_is_help(text):
    p = understand(text, NOW, EN)
    assert p.intent == "help" and p.followup_on is None


@pytest.mark.parametrize("text, name", [
    ("did we already add Halvard Foods or should I", "Halvard Foods"),
    ("has anyone put Globex in already?", "Globex Industries"),
])
def test_whether_a_customer_is_in_already_is_a_question_about_it(text, name):
    p = understand(text, NOW, EN)
    assert (p.intent, p.customer) == ("query_customer", name)


@pytest.mark.parametrize("text", [
    "Can you export my deals into a powerpoint for the QBR?",
    "could you turn the forecast into an excel sheet",
    "pls export the acme history to pdf",
])
def test_an_export_the_bot_cannot_do_is_not_understood(text):
    p = understand(text, NOW, EN)
    assert p.intent == "unknown" and p.customer is None


@pytest.mark.parametrize("text", [
    "deals by stage for Q1",
    "show me negotiation deals for Jess",
    "what's Dana got in proposal",
    "what's in negotiation over 100k",
    "how many deals did we win in Q4",
    "total signed this month",
])
def test_a_director_asking_by_stage_rep_or_quarter(text):
    p = understand(text, NOW, EN)
    assert p.intent == "pipeline" and p.customer is None


def test_a_company_named_total_is_still_a_company():
    assert understand("Total Fitness Gym signed, 8k", NOW, EN).customer == "Total Fitness Gym"


def test_a_bare_weekday_after_what_do_i_have():
    p = understand("what do I have monday", NOW, EN)
    assert (p.intent, p.period) == ("followups", (date(2026, 11, 30), date(2026, 11, 30)))


@pytest.mark.parametrize("text", [
    "how do I mark a deal as lost?",
    "is it ok if I log two customers in one message?",
    "sorry which one is the follow up command",
])
def test_a_junior_asking_how_to_use_the_bot(text):
    assert understand(text, NOW, EN).intent == "help"


def test_a_question_word_opening_a_doubtful_question_still_asks():
    p = understand("did I put the acme quote in right?", NOW, EN)
    assert (p.intent, p.customer) == ("query_customer", "Acme Corp")


@pytest.mark.parametrize("text", ["no answer", "left a vm"])
def test_a_call_that_did_not_get_through_is_a_note(text):
    p = understand(text, NOW, EN)
    assert (p.intent, p.channel) == ("log", "call")
