"""How an English interaction happened, as reps type it: popping in, a walk-in, stopping @, pulling out
of the lot, "I'm outside"; a meeting at their own place is a visit, at a gym or a store it is a meeting;
off the phone, picked up, by phone; an e-mail from them; a mtg, running into someone, a demo that went
well (sentences written fresh)."""
import pytest

from handlers.understanding import understand

from understanding_data import EN, NOW


@pytest.mark.parametrize("text, channel", [
    ("Popped into Globex this morning, Dana says the budget is there", "visit"),
    ("Harwick Florist. walk-in. owner Bev. wants info", "visit"),
    ("walked into Initech, no appt, got 5 min w the office mgr", "visit"),
    ("stopped @ Lindell Bakery on 5th. owner Marco. interested", "visit"),
    ("ok just pulled out of Acme's lot, talked to Pat about the renewal", "visit"),
    ("I'm outside Northwind now, finally caught their buyer in person", "visit"),
    ("Visit to Corbin Tiles in Leeds. Owner Jo Price, keen on a trial", "visit"),
    ("met their COO at their main office, 20 seats", "visit"),
    ("Acme meeting at their warehouse w Pat and the floor lead", "visit"),
    ("ran into the owner of Sable Coffee at the gym lol", "meeting"),
    ("met Pat at the Home Depot of all places, he wants a quote", "meeting"),
    ("Globex - mtg w/ Dana + their CFO. want 10% off", "meeting"),
    ("The demo with Initech went great, Sam loved the reports", "meeting"),
    ("Just got off the phone with Umbrella Health, they want a proposal", "call"),
    ("blue harbor finally picked up!!! spoke to Lee", "call"),
    ("Northwind - talked to Jo by phone, budget confirmed", "call"),
    ("Email from Dana at Globex, they ask for the price list", "email"),
])
def test_how_it_happened(text, channel):
    p = understand(text, NOW, EN)
    assert (p.intent, p.channel) == ("log", channel)


@pytest.mark.parametrize("text", [
    "visit Acme on Friday",
    "call Globex tomorrow about the renewal",
    "Initech wants 24/7 support, email them the pricing tomorrow",
])
def test_a_to_do_is_no_interaction(text):
    assert understand(text, NOW, EN).channel is None


def test_their_ask_is_my_next_step():
    p = understand("met Pat from Acme at the expo, he asked me to come by Thursday at ten", NOW, EN)
    assert (p.channel, str(p.followup_on)) == ("meeting", "2026-11-26")


@pytest.mark.parametrize("text", [
    "new lead: a place called Rye & Rise, saw their sign on Main st",
    "ok this one's new, it's called uh Tallgrass Outfitters, no contact yet",
])
def test_a_name_given_is_no_call(text):
    assert understand(text, NOW, EN).channel is None


def test_a_company_that_called_us_is_a_call():
    assert understand("Tallgrass Outfitters called me back, want pricing", NOW, EN).channel == "call"
