"""English notes dictated from the car and questions a manager asks by comparison (sentences written
fresh, not from the corpus): punctuation said aloud ("period", "comma") read as the marks, an address
said aloud ("at … dot com") as one, letters spelt out ("p o"), a known name misheard ("hollester"
for Holister), lower-case names with a trade after "with", a count of things that is no money, the
company that only introduced us, what a member logged, who leads or lags, and "are we ahead of last
quarter" asked about this quarter."""
from datetime import date

import pytest

from handlers.understanding import understand
from handlers.understanding.spoken import tidy

from understanding_data import NOW          # Wednesday 25 November 2026, Europe/Berlin

KNOWN = ["Holister Tool & Die Inc", "Brennan Freight LLC", "Wexley Orthodontics", "Calder Home Health"]


@pytest.mark.parametrize("said, read", [
    ("just left brennan period talked to the dispatcher comma nice guy", "just left brennan. talked to the dispatcher, nice guy"),
    ("is the demo still on for friday question mark", "is the demo still on for friday?"),
    ("they're in a trial period until march", "they're in a trial period until march"),
    ("quiet period for them comma then the budget period of q1", "quiet period for them, then the budget period of q1"),
    ("we got the p o today exclamation point", "we got the po today!"),
])
def test_punctuation_said_aloud_is_read_as_marks(said, read):
    assert tidy(said, "en") == read


def test_an_address_said_aloud_is_the_contacts_email_not_a_company():
    p = understand("met with wexley ortho period office manager is dana email dana at wexley smiles dot com period "
                   "wants a demo", NOW, KNOWN)
    assert p.customer == "Wexley Orthodontics"
    assert p.contact_email == "dana@wexleysmiles.com"


def test_a_dictated_note_reads_its_customer_stage_and_contact():
    p = understand("calder home health period spoke to the director of nursing comma maria lopez period they want "
                   "the proposal by friday", NOW, KNOWN)
    assert (p.customer, p.contact) == ("Calder Home Health", "maria lopez")


@pytest.mark.parametrize("text", [
    "remind me to call hollester tool tomorrow",
    "hollester tool and die p o came in period",
])
def test_a_known_name_misheard_by_dictation_is_still_the_customer(text):
    assert understand(text, NOW, KNOWN).customer == "Holister Tool & Die Inc"


def test_a_misheard_name_is_told_from_another_that_only_looks_alike():
    assert understand("remind me to call brenan freight tomorrow", NOW, KNOWN).customer == "Brennan Freight LLC"
    assert understand("called marker supply about the order", NOW, ["Market Supply Co"]).customer != "Market Supply Co"


@pytest.mark.parametrize("text, customer", [
    ("coffee with ridgeway family dental this morning, they're unhappy with their current vendor",
     "ridgeway family dental"),
    ("long call w/ harbor point logistics, sent pricing after", "harbor point logistics"),
    ("south bay container company, they found us at the expo, want a quote for 40 trailers",
     "south bay container company"),
])
def test_a_lower_case_name_with_a_trade_is_a_new_customer(text, customer):
    assert understand(text, NOW, KNOWN).customer == customer


@pytest.mark.parametrize("text", [
    "site survey at Calder Home Health, 1,800 tablets to replace over two years",
    "Brennan wants trackers on 3,500 pallets, quote next week",
])
def test_a_count_of_things_is_no_money(text):
    assert understand(text, NOW, KNOWN).amount is None


def test_a_count_leaves_the_money_beside_it():
    p = understand("quoted Brennan $84,000 for 2,100 sensors", NOW, KNOWN)
    assert p.amount == 84000


@pytest.mark.parametrize("text, customer", [
    ("Brennan Freight introduced us to their sister site, Oakmont Cold Storage. intro call monday", "Oakmont Cold Storage"),
    ("called Marlow Printing today, got their number off Wexley, the owner wants a quote", "Marlow Printing"),
])
def test_the_company_that_only_introduced_us_is_not_the_customer(text, customer):
    assert understand(text, NOW, KNOWN).customer == customer


@pytest.mark.parametrize("text, period", [
    ("what did Priya log yesterday", (date(2026, 11, 24), date(2026, 11, 24))),
    ("what did Sam, Lee and Ola enter this week", (date(2026, 11, 23), date(2026, 11, 29))),
    ("who made the most calls last week", (date(2026, 11, 16), date(2026, 11, 22))),
    ("who hasn't logged a visit this month", (date(2026, 11, 1), date(2026, 11, 30))),
])
def test_what_members_logged_is_the_teams_activity(text, period):
    p = understand(text, NOW, KNOWN)
    assert (p.intent, p.period) == ("activity", period)


def test_whom_to_be_calling_is_what_is_due():
    p = understand("morning! whom should I be emailing tomorrow?", NOW, KNOWN)
    assert (p.intent, p.period) == ("followups", (date(2026, 11, 26), date(2026, 11, 26)))


@pytest.mark.parametrize("text, period", [
    ("are we ahead of where we were this time last quarter", (date(2026, 10, 1), date(2026, 12, 31))),
    ("are we on track vs last month?", (date(2026, 11, 1), date(2026, 11, 30))),
    ("what did we close last month", (date(2026, 10, 1), date(2026, 10, 31))),
])
def test_a_comparison_with_a_past_period_asks_about_the_current_one(text, period):
    p = understand(text, NOW, KNOWN)
    assert (p.intent, p.period) == ("pipeline", period)


@pytest.mark.parametrize("text, stage", [
    ("Calder Home Health finance ok'd the budget for the tablets, ~60k", "qualified"),
    ("wexley signed off on the budget this morning", "qualified"),
    ("Brennan told me they won't renew next year, moving it in-house", "lost"),
    ("calder - deal dead, they're doing it in-house", "lost"),
    ("wexley: first PO from them today, $12,400", "won"),
    ("brennan said yes!! PO coming monday", "negotiation"),
    ("calder is sending the purchase order by end of month", "negotiation"),
    ("Wexley signed today. PO to follow", "won"),
    ("brennan asked 20% off, we offered 12. waiting", "negotiation"),
])
def test_the_stage_from_what_was_said_of_the_budget_the_renewal_and_the_order(text, stage):
    assert understand(text, NOW, KNOWN).stage == stage


def test_what_a_quote_is_for_is_no_company():
    assert understand("sent the window decal quote to Brennan Freight, 2.4k", NOW, KNOWN).customer == "Brennan Freight LLC"
    assert understand("sent the window decal quote to Rosie's Diner, 2.4k", NOW, KNOWN).customer == "Rosie's Diner"


def test_a_request_to_record_the_note_does_not_make_it_a_question():
    from handlers.understanding.asking import asks
    assert not asks("Marlow Printing signed the 3 year agreement. Should I record this as won?", "en")
    assert asks("should I record a lost deal or delete it?", "en")


@pytest.mark.parametrize("text", [
    "call w/ Brennan, they're sending the purchase order by friday",
    "Wexley liked the proposal, the agreement will be signed next week",
    "sent Calder the quote. Mr. Osei will present it to his board on Dec 3",
    "brennan - she's reviewing the terms over the weekend",
])
def test_a_day_that_is_the_customers_step_is_no_follow_up(text):
    assert understand(text, NOW, KNOWN).followup_on is None


def test_the_writers_own_step_beside_theirs_is_still_taken():
    p = understand("they're sending the PO by friday, I'll call them monday to confirm", NOW, KNOWN)
    assert p.followup_on == date(2026, 11, 30)


@pytest.mark.parametrize("text, channel", [
    ("monday i was at Calder Home Health, saw the administrator. forgot to log it", "visit"),
    ("tuesday went over to Wexley, left samples", "visit"),
    ("Friday gone I had lunch with Ana from Brennan Freight", "meeting"),
    ("chatted on insta with the owner of Brennan Freight", "message"),
])
def test_a_day_told_in_the_past_is_when_it_happened_not_a_follow_up(text, channel):
    p = understand(text, NOW, KNOWN)
    assert (p.channel, p.followup_on) == (channel, None)


def test_a_day_ahead_is_still_the_follow_up():
    p = understand("lunch with Ana from Brennan Freight on friday", NOW, KNOWN)
    assert p.followup_on == date(2026, 11, 27)


@pytest.mark.parametrize("text", ["wat do i got tmrw 📋", "wut did i have for friday"])
def test_what_typed_as_it_sounds_still_asks_what_is_due(text):
    assert understand(text, NOW, KNOWN).intent == "followups"


def test_a_name_ending_in_a_correction_word_is_not_corrected():
    assert understand("Castellano Brothers Roofing", NOW, KNOWN).customer == "Castellano Brothers Roofing"
    assert understand("visited Juno Pharmacy Group today", NOW, KNOWN).customer == "Juno Pharmacy Group"
