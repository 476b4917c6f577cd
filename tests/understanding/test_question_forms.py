"""A message that opens with a question is never a note, however casually it is asked and
whatever follows it; questions about the bot are help, requests it cannot do are not understood
(sentences written fresh)."""
from datetime import date

import pytest

from handlers.understanding import understand

from understanding_data import EN, NOW, RU, ZH

TODAY = date(2026, 11, 25)
THIS_WEEK = (date(2026, 11, 23), date(2026, 11, 29))


def u(text, known=EN):
    return understand(text, NOW, known)


@pytest.mark.parametrize("text, customer", [
    ("who's handling Globex these days? saw their truck outside", "Globex Industries"),
    ("anyone talked to Fairmount Bakery? they emailed me", "Fairmount Bakery"),
    ("is anybody working Pinegrove Dental? got a referral", "Pinegrove Dental"),
    ("do we already have Halcyon Spa in the system or should I add it", "Halcyon Spa"),
    ("when did we last talk to initech", "Initech LLC"),
    ("did anyone ever close acme or is it still open", "Acme Corp"),
    ("northwind status", "Northwind Traders"),
    ("summarize umbrella health for me, seeing them thurs", "Umbrella Health Inc"),
    ("anything new w/ blue harbor? did they get the quote", "Blue Harbor Logistics"),
    ("Quick question - has anyone worked with Tolland Marine before? their GM called me", "Tolland Marine"),
])
def test_a_question_about_a_customer_is_a_query(text, customer):
    p = u(text)
    assert (p.intent, p.customer) == ("query_customer", customer)
    assert p.stage is None and p.channel is None and p.contact is None


@pytest.mark.parametrize("text, intent", [
    ("how much are we closing this quarter?", "pipeline"),
    ("how much is in the pipe for Q1", "pipeline"),
    ("dec close?", "pipeline"),
    ("f/u today?", "followups"),
    ("who am I supposed to call today", "followups"),
    ("what am I chasing this week?", "followups"),
    ("calls + visits this month, team", "activity"),
    ("visits this wk by rep", "activity"),
])
def test_casual_report_questions(text, intent):
    assert u(text).intent == intent


def test_a_month_or_a_short_week_names_the_period():
    assert u("forecast jan").period == (date(2027, 1, 1), date(2027, 1, 31))
    assert u("f/u this wk").period == THIS_WEEK


@pytest.mark.parametrize("text", [
    "is this thing on?",
    "voice notes work?",
    "is there a way to take back the last note",
    "Sorry if it's a dumb question, can I add a company before I've talked to them?",
    "if I saw two customers on one trip should I send two messages?",
    "what all can this bot do",
])
def test_questions_about_the_bot_are_help(text):
    assert u(text).intent == "help"


@pytest.mark.parametrize("text", [
    "can you make me the invoice for Globex? pdf",
    "please draft an email to Acme about the renewal",
])
def test_requests_the_bot_cannot_do_are_not_understood(text):
    p = u(text)
    assert p.intent == "unknown" and p.customer is None


@pytest.mark.parametrize("text", [
    "called acme, talked to the office mgr, Dana I think? wants a demo next week",
    "Visited Globex. demo went fine. Is that a qualified lead now? not sure",
])
def test_a_note_with_a_doubt_or_a_later_question_is_still_a_note(text):
    assert u(text).intent == "log"


@pytest.mark.parametrize("text, known, channel", [
    ("initech? no, Globex - swung by, their buyer wants pricing by fri", EN, "visit"),
    ("northwind?? sorry, acme. called, Pat is out till monday", EN, "call"),
    ("Уралсталь? нет, Вектор. Звонил снабженцу, ждут КП", RU, "call"),
    ("东方电气？？不对 是远航物流 今天打了电话 王经理说下周见面", ZH, "call"),
])
def test_a_word_taken_back_after_a_question_mark_leaves_a_note(text, known, channel):
    p = u(text, known)
    assert (p.intent, p.channel) == ("log", channel) and p.customer is not None


@pytest.mark.parametrize("text", [
    "星辰软件那边李总回微信了，说方案他们领导看过了，下周约演示～这个算不算有意向了？",
    "今天去海天食品拜访了 见了采购刘经理 他们说预算还没批 这个要记成什么阶段？",
])
def test_a_chinese_note_that_ends_with_a_question_is_still_a_note(text):
    p = u(text, ZH)
    assert p.intent == "log" and p.customer is not None


def test_a_chinese_message_whose_first_clause_asks_is_a_question():
    p = u("星辰软件那边谁在跟？李总上周好像打过电话", ZH)
    assert p.intent == "query_customer" and p.channel is None


def test_asking_for_a_way_to_see_the_list_is_that_list():
    p = u("Morning! Is there a way to see who I'm supposed to follow up with this week?")
    assert p.intent == "followups"


def test_summarize_a_customer_asks_even_with_a_plan_after_it():
    p = u("summarize globex for me, seeing their CFO thurs")
    assert (p.intent, p.customer, p.followup_on) == ("query_customer", "Globex Industries", None)


def test_how_to_add_a_company_i_only_heard_of_is_help():
    p = u("Quick question, my cousin told me about a company called Tallgrass Outfitters, can I add them already?")
    assert p.intent == "help"
