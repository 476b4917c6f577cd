"""Where a deal moved, read from tense and object, not from a keyword: a quote asked for is no
proposal, a budget signed off or an NDA signed is no won deal, a signature still ahead is
negotiation, and a first note about a company the team does not know is a new lead
(sentences written fresh, in the style reps type on a phone)."""
import pytest

from handlers.understanding import understand

from understanding_data import EN, NOW


def u(text, known=EN):
    return understand(text, NOW, known)


@pytest.mark.parametrize("text, stage", [
    # asked for, not given
    ("globex wants a quote for the 3 warehouses, sending it monday", None),
    ("Initech asked us for a proposal covering both sites", None),
    ("acme - they'd like a formal quotation before the board meets", None),
    # only planned: a future day and nothing handed over
    ("Northwind: proposal by next Friday", None),
    ("umbrella health quote going out tomorrow", None),
    ("blue harbor, revised quote to follow on Thursday", None),
    # handed over: a proposal even with a day next to it
    ("sent globex the quote today, 12k, follow up friday", "proposal"),
    ("initech proposal emailed, ping them next week", "proposal"),
])
def test_a_proposal_is_one_handed_over(text, stage):
    assert u(text).stage == stage


@pytest.mark.parametrize("text, stage", [
    ("NDA signed with Globex, so now we can see their specs", None),
    ("acme signed the NDA this morning, tech deep dive next week", None),
    ("Initech: budget's signed off for next year, about 40k", "qualified"),
    ("northwind confirmed budget 25k for the rollout", "qualified"),
    ("blue harbor - their board approved the budget, $90k", "qualified"),
    ("Umbrella Health has about $15,000 budgeted for Q1", "qualified"),
])
def test_an_nda_or_a_budget_signed_is_not_a_won_deal(text, stage):
    assert u(text).stage == stage


@pytest.mark.parametrize("text", [
    "globex said they'll sign it next week",
    "acme contract is with their lawyers now, should be signed by the 15th",
    "Initech ok'd the price, signing friday",
    "northwind accepted the offer, waiting for their signature",
    "blue harbor legal is still reviewing the MSA",
    "umbrella health said yes, sending the contract over tomorrow",
    "stark medical wants to sign before year end",
])
def test_a_signature_still_ahead_is_negotiation(text):
    assert u(text).stage == "negotiation"


@pytest.mark.parametrize("text", [
    "Globex asking for 12 percent off if they commit to 3 yrs",
    "acme wants to knock it down to 30 from 34",
    "initech: back and forth on the per-seat price again",
    "northwind countered at 41, I'm at 44",
    "blue harbor agreed to net 60 terms",
    "stark realty, boss approved 6% (not 8%) for them",
])
def test_haggling_is_negotiation(text):
    assert u(text).stage == "negotiation"


@pytest.mark.parametrize("text, stage", [
    ("Stark Realty PO in!! 14,300", "won"),
    ("globex po rcvd this am", "won"),
    ("the PO from Initech finally came in", "won"),
    ("acme accepted the quote, 9k. invoice goes out monday", "won"),
    ("Northwind went with the other vendor, cheaper by a mile", "lost"),
    ("blue harbor going with Salesforce instead. dead.", "lost"),
    ("umbrella health: that one's dead, budget frozen", "lost"),
])
def test_won_and_lost_by_what_happened(text, stage):
    assert u(text).stage == stage


@pytest.mark.parametrize("text", [
    "dropped in at Halberd Fencing on the way back, spoke to the owner",
    "Visited Copperfield Dental today, nice office, 3 chairs",
])
def test_a_first_note_about_an_unknown_company_is_a_lead(text):
    p = u(text)
    assert (p.customer_known, p.stage) == (False, "lead")


def test_a_known_customer_with_no_move_has_no_stage():
    assert u("visited globex today, nothing new").stage is None


def test_a_question_about_an_unknown_company_is_no_lead():
    p = u("does anyone know Halberd Fencing?")
    assert p.intent != "log" and p.stage is None


@pytest.mark.parametrize("text", [
    "Globex call - they want the whole proposal revised w/ a 2 yr term",
    "Acme wants the quote reworked with fewer sensors",
])
def test_our_offer_to_be_reworked_is_negotiation(text):
    assert understand(text, NOW, EN).stage == "negotiation"


@pytest.mark.parametrize("text", [
    "Umbrella Health: CFO confirmed the budget, moving to proposal",
    "acme corp moved into the proposal stage after the pilot",
])
def test_a_deal_moved_to_a_stage_by_name_is_at_that_stage(text):
    """"moving to proposal" puts the deal at proposal: the "to" is where it goes, not a plan."""
    assert understand(text, NOW, EN).stage == "proposal", text
