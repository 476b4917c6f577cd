"""English notes from key-account reps, reps who switch languages or paste e-mails, and reps who
take a word back: a value taken back at once ("the 9th. nope the 10th", "42k, no sorry 45k"), ISO
currency codes ("DKK 750,000"), where the interaction happened ("at globex", "finished up at",
"meeting at their Leeds HQ", "got through to", "(Teams, 1h)", "walk-in from", a pasted "fwd:"), people
named the ways reps name them, and where a new company's name ends (sentences written fresh)."""
from datetime import date

import pytest

from handlers.understanding import understand

from understanding_data import EN, NOW          # Wednesday 25 November 2026, Europe/Berlin


@pytest.mark.parametrize("text, day", [
    ("Globex - Nina called back, demo on the 3rd. nope the 4th. 10am", date(2026, 12, 4)),
    ("acme wants the demo next monday. no wait — next wednesday, monday is their stocktake", date(2026, 12, 2)),
    ("Initech: f/u thursday, sorry friday", date(2026, 11, 27)),
])
def test_a_day_taken_back_at_once_is_the_second_one(text, day):
    assert understand(text, NOW, EN).followup_on == day


@pytest.mark.parametrize("text, amount", [
    ("Globex quote went out, 42k, no sorry 45k", 45000),
    ("acme budget 80k. wait, 85k", 85000),
    ("initech sent quote 12k. no answer yet, call monday", 12000),
])
def test_an_amount_taken_back_at_once_is_the_second_one(text, amount):
    assert understand(text, NOW, EN).amount == amount


@pytest.mark.parametrize("text, amount, currency", [
    ("PO in from Globex for phase 1, DKK 750,000", 750000, "DKK"),
    ("Acme: revised offer CHF 1.2m over 3 years", 1200000, "CHF"),
    ("initech signed, SEK 400,000 a year", 400000, "SEK"),
    ("Northwind quote AU$45k sent", 45000, "AUD"),
])
def test_a_currency_by_its_iso_code(text, amount, currency):
    p = understand(text, NOW, EN)
    assert (p.amount, p.currency) == (amount, currency)


def test_try_before_a_number_is_no_currency():
    assert understand("try 3 more times with globex", NOW, EN).amount is None


@pytest.mark.parametrize("text, channel", [
    ("at globex", "visit"),
    ("@ initech now", "visit"),
    ("okay so just finished up at acme with the owner, he wants the full kit", "visit"),
    ("Globex – meeting at their Leeds HQ with the COO and two from finance", "visit"),
    ("initech finally got through to Mick the fleet manager", "call"),
    ("Acme Q&A done (Teams, 45 min). they asked about uptime", "call"),
    ("new lead: walk-in from Brookfield Tiles", "meeting"),
    ("fwd: \"Hi, this is Tess from Larchmont Bakery, got your card at the expo, can you send pricing?\"", "email"),
    ("fwd from LinkedIn: \"Hey, we run 40 vans, can you send info?\" - Owen Price, Kettle Creek Couriers", "message"),
    ("Northwind por teléfono, quieren 3 sensores", "call"),
])
def test_how_it_happened_as_reps_write_it(text, channel):
    assert understand(text, NOW, EN).channel == channel


def test_a_known_customers_name_says_no_channel():
    p = understand("Summit Coffee — stopped by, met Dana", NOW, EN + ["Summit Coffee Roasters"])
    assert (p.customer, p.channel) == ("Summit Coffee Roasters", "visit")


@pytest.mark.parametrize("text, contact", [
    ("called globex, talked to Shauna, she wants the demo", "Shauna"),
    ("Acme: Hendrik came back – they want 6% off", "Hendrik"),
    ("Initech – verbal yes from Rory this morning!", "Rory"),
    ("Globex agreed! Graham signing on their side this week", "Graham"),
    ("mick @ acme says the po came in!! 12k", "mick"),
    ("Initech's guy is Dave, 312-555-0142", "Dave"),
])
def test_a_person_named_the_way_reps_name_them(text, contact):
    p = understand(text, NOW, EN)
    assert p.contact == contact and p.customer in EN


def test_a_first_name_and_a_role_is_a_person_not_a_company():
    p = understand("met Gus the plant mgr", NOW, EN)
    assert (p.customer, p.contact) == (None, "Gus")


@pytest.mark.parametrize("text, customer, contact", [
    ("new lead!! Cascada Gardens en Ventura, la dueña se llama Rosa Mendez, cel 805-555-0199", "Cascada Gardens",
     "Rosa Mendez"),
    ("fwd (whatsapp): \"Hola, soy Luis de Taqueria El Sol, queremos precios\" → mandé el brochure", "Taqueria El Sol", "Luis"),
    ("fwd: \"Hi, this is Tess from Larchmont Bakery, can you send pricing?\"", "Larchmont Bakery", "Tess"),
    ("Kestrel Plastics owner is Kim btw", "Kestrel Plastics", "Kim"),
    ("just met Pinewood Signs owner", "Pinewood Signs", None),
    ("um yeah just quickly Riverbend Estate Weddings rang they want a quote", "Riverbend Estate Weddings", None),
    ("new one mate Red Gum Kindy they've got six centres", "Red Gum Kindy", None),
    ("Harbour Port Q&A done (Teams, 1h)", "Harbour Port", None),
    ("Emailed Initrode the brochure", "Initrode", None),
    ("visited Valley of the Sun Dental", "Valley of the Sun Dental", None),
])
def test_where_a_new_companys_name_ends(text, customer, contact):
    p = understand(text, NOW, EN)
    assert (p.intent, p.customer, p.contact) == ("log", customer, contact)


@pytest.mark.parametrize("text", [
    "fwd from LinkedIn: \"Hey, we run 40 vans out of Tulsa, can you send info?\" - Owen Price, Kettle Creek Couriers. "
    "replied w/ deck",
    "Globex emailed: \"what's your best price for 25 trucks?\" — sent them 21k",
])
def test_a_question_pasted_from_someone_else_is_a_note(text):
    assert understand(text, NOW, EN).intent == "log"


@pytest.mark.parametrize("text", ["is 'acme' the same as Acme Corp?", "what's the latest on \"Globex\"?"])
def test_a_short_quote_still_asks(text):
    assert understand(text, NOW, EN).intent != "log"


@pytest.mark.parametrize("text, channel", [
    ("Meeting at Globex was great! Marcus walked me through the site", "visit"),
    ("met them at acme hq, good chat", "visit"),
    ("met Dana at the expo, she works at initech", "meeting"),
])
def test_a_meeting_at_the_customers_own_name_is_a_visit(text, channel):
    assert understand(text, NOW, EN).channel == channel


@pytest.mark.parametrize("text, channel", [
    ("the globex guy keeps calling me sweetie 🙄 anyway", None),
    ("acme kept calling me about the invoice", "call"),
])
def test_being_called_names_is_no_call(text, channel):
    assert understand(text, NOW, EN).channel == channel
