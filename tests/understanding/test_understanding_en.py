"""English chat notes, written fresh (not the eval set)."""
from datetime import date
from decimal import Decimal

from handlers.understanding import understand

from understanding_data import EN, NOW


def u(text, known=EN, aliases=None):
    return understand(text, NOW, known, aliases)


def test_visit_with_role_quote_and_callback():
    p = u("Stopped by Globex this morning, talked to their CFO Mark Evans about renewing. "
          "Sent a proposal for $52,000. Call him back Tuesday.")
    assert (p.lang, p.intent, p.customer, p.contact, p.contact_role) == ("en", "log", "Globex Industries", "Mark Evans", "CFO")
    assert (p.channel, p.stage, p.amount, p.currency) == ("visit", "proposal", Decimal(52000), "USD")
    assert p.followup_on == date(2026, 12, 1)


def test_call_with_first_name_and_calendar_followup():
    p = u("had a call with Sarah from Initech, they're comparing us with two other vendors. Follow up on Dec 3")
    assert (p.customer, p.contact, p.channel, p.followup_on) == ("Initech LLC", "Sarah", "call", date(2026, 12, 3))


def test_lost_to_competitor_has_no_contact():
    p = u("Initech went with Salesforce. Deal lost.")
    assert (p.customer, p.stage, p.contact) == ("Initech LLC", "lost", None)


def test_signed_with_euro_amount_and_no_followup_for_kickoff():
    p = u("Northwind signed the contract for €120k!! kickoff next Monday")
    assert (p.customer, p.stage, p.amount, p.currency) == ("Northwind Traders", "won", Decimal(120000), "EUR")


def test_emailed():
    p = u("emailed Umbrella Health the pricing sheet, waiting on their procurement")
    assert (p.customer, p.channel, p.refers_back) == ("Umbrella Health Inc", "email", True)


def test_budget_approved_is_qualified_and_counts_are_not_amounts():
    p = u("met Jim Halpert (purchasing manager) at Blue Harbor's warehouse, they need 25 scanners, budget approved around 18k")
    assert (p.customer, p.contact, p.contact_role) == ("Blue Harbor Logistics", "Jim Halpert", "purchasing manager")
    assert (p.stage, p.amount, p.currency) == ("qualified", Decimal(18000), None)


def test_coffee_is_a_meeting_and_demo_in_days():
    p = u("Coffee with Dana Scully of Stark Medical, she wants a demo in 3 days")
    assert (p.customer, p.contact, p.channel, p.followup_on) == ("Stark Medical Group", "Dana Scully", "meeting", date(2026, 11, 28))


def test_ambiguous_short_name_lists_candidates():
    p = u("Stark - left a voicemail")
    assert p.customer is None and set(p.customer_candidates) == {"Stark Medical Group", "Stark Realty"}
    assert p.channel == "call"


def test_longer_name_breaks_the_tie():
    assert u("visited stark realty, nobody home").customer == "Stark Realty"


def test_message_then_try_again_tomorrow():
    p = u("texted Mike at Acme, no reply yet. try again tomorrow")
    assert (p.customer, p.contact, p.channel, p.followup_on) == ("Acme Corp", "Mike", "message", date(2026, 11, 26))


def test_discount_percentage_is_not_the_amount():
    p = u("Acme negotiating hard on price, asking for 10% off the $40k quote")
    assert (p.stage, p.amount) == ("negotiation", Decimal(40000))


def test_amount_moves_to_the_new_value():
    p = u("Globex: deal bumped from 40k to 55k, they added 10 seats")
    assert p.amount == Decimal(55000)


def test_reminder_is_not_an_interaction():
    p = u("remind me to email Acme the contract in two weeks")
    assert (p.intent, p.customer, p.channel, p.followup_on) == ("log", "Acme Corp", None, date(2026, 12, 9))


def test_new_company_at_expo_is_a_lead_with_contact_details():
    p = u("Met a new prospect at the SaaS Expo, Bright Ideas Inc, contact is Paul Rudd, paul@brightideas.com, "
          "+1 415 555 0199. send intro deck next week")
    assert (p.customer, p.customer_known, p.stage, p.channel) == ("Bright Ideas Inc", False, "lead", "meeting")
    assert (p.contact, p.contact_email, p.contact_phone) == ("Paul Rudd", "paul@brightideas.com", "+1 415 555 0199")
    assert p.followup_on == date(2026, 11, 30)


def test_birthday_is_not_a_followup():
    p = u("Mark's birthday is March 3rd, he's the CFO at Globex")
    assert (p.birthday, p.followup_on, p.customer) == ("03-03", None, "Globex Industries")


def test_impossible_birthday_is_reported():
    p = u("Lisa at Acme says her birthday is Feb 30")
    assert p.birthday is None and "bad_date" in p.problems


def test_next_weekday_after_visit():
    p = u("visited northwind, nobody there. will come back next Thursday")
    assert (p.channel, p.followup_on) == ("visit", date(2026, 12, 3))


def test_end_of_month_followup():
    assert u("will send Initech the renewal paperwork end of the month").followup_on == date(2026, 11, 30)


def test_aliases_map_to_the_canonical_name():
    p = u("called UHI about the rollout", aliases={"UHI": "Umbrella Health Inc"})
    assert p.customer == "Umbrella Health Inc"


def test_typo_in_customer_name():
    assert u("Visited Northwnd today").customer == "Northwind Traders"


def test_questions():
    assert u("pipeline for next month please").period == (date(2026, 12, 1), date(2026, 12, 31))
    assert u("what's in the forecast for Q1?").intent == "pipeline"
    p = u("show my follow-ups for today")
    assert (p.intent, p.period) == ("followups", (date(2026, 11, 25), date(2026, 11, 25)))
    p = u("how many calls did the team make last week?")
    assert (p.intent, p.period) == ("activity", (date(2026, 11, 16), date(2026, 11, 22)))
    p = u("any updates on Northwind?")
    assert (p.intent, p.customer) == ("query_customer", "Northwind Traders")


def test_commands():
    assert u("help").intent == "help"
    assert u("undo").intent == "undo"
    p = u("done 3")
    assert (p.intent, p.done_ref) == ("done", 3)


def test_small_talk_is_unknown():
    assert u("I'm thinking about lunch").intent == "unknown"
