"""English company and contact names the way reps type them on a phone: lower case, opening the
note, between dashes, after "a place called", with a job title before or after, doing something
("jen sent the count"), or alone between full stops (sentences written fresh)."""
import pytest

from handlers.understanding import understand

from understanding_data import EN, NOW


def u(text, known=EN):
    return understand(text, NOW, known)


@pytest.mark.parametrize("text, company", [
    ("dropped by copper kettle diner on main st, left a card", "copper kettle diner"),
    ("stopped @ tri county feed on rt 9. owner out", "tri county feed"),
    ("a guy from a company called uh blue ox movers called me this morning", "blue ox movers"),
    ("new one - fairway pool supply - woman named dana ruiz, wants a price", "fairway pool supply"),
    ("Oakmont Veterinary Clinic. walk-in. practice mgr Tess. send brochure", "Oakmont Veterinary Clinic"),
    ("harlan family chiropractic went w a competitor, lost", "harlan family chiropractic"),
    ("Pine Street Pediatrics proposal emailed, $8,200", "Pine Street Pediatrics"),
    ("okay so Ridgeview smile center Carla signed today", "Ridgeview smile center"),
    ("drove out to Tulsa for Redbud Tile & Stone (new), met the owner", "Redbud Tile & Stone"),
    ("Visited Sevier Grain Co. this morning", "Sevier Grain Co"),
    ("who's got marlin bay holdings ltd?", "marlin bay holdings ltd"),
])
def test_a_new_company_as_typed(text, company):
    p = u(text)
    assert (p.customer, p.customer_known) == (company, False)


@pytest.mark.parametrize("text, not_company", [
    ("Granite Peak Roofing found us on Google, owner wants a quote", "Google"),
    ("Cedar Lane Dental is going with Dentrix instead, lost", "Dentrix"),
    ("Fenwick Pools: got my name from Dave at Globex", "Globex Industries"),
    ("drove up to Boulder for a cold visit at Flatirons Family Dental", "Boulder"),
])
def test_a_site_a_competitor_or_a_town_is_not_the_customer(text, not_company):
    assert u(text).customer != not_company


@pytest.mark.parametrize("text, contact", [
    ("Acme - svc mgr Hal Briggs walked me through the plant", "Hal Briggs"),
    ("initech: head of school = Rhonda Vale, wants a demo", "Rhonda Vale"),
    ("met Corinne Shaw (office mgr) at Globex", "Corinne Shaw"),
    ("visited northwind, Gareth says the budget is there", "Gareth"),
    ("blue harbor logistics jen sent the headcount, 40 drivers", "jen"),
    ("acme called, spoke w/ vinny finally", "vinny"),
    ("inbound from a guy named frank delaney 555 0134, call him tmrw", "frank delaney"),
    ("stark realty - dr feld + his office manager, demo went fine", "dr feld"),
    ("Globex. PO in. $12k. Marcus's happy", "Marcus"),
    ("Quote sent to Initech, 9,800. mike", "mike"),
    ("umbrella health, principal hernandez said they're in", "hernandez"),
    ("Northwind: CFO Patricia invited me to lunch", "Patricia"),
])
def test_a_contact_as_typed(text, contact):
    assert u(text).contact == contact


@pytest.mark.parametrize("text", [
    "Zoom demo with Redwood Valley Orthodontics went well",
    "NDA signed w/ Meridian Genomics, call with their CTO next week",
    "had a call with Lakeside Animal Hospital about pricing",
])
def test_a_company_after_with_is_no_person(text):
    p = u(text)
    assert p.contact is None and p.customer is not None


@pytest.mark.parametrize("text", [
    "globex - owner out till monday, left a card",
    "acme, their CFO wants another 5% off",
    "initech ceo ok'd the budget",
    "Contact is hannah.lee@northwind.example",
])
def test_no_contact_from_a_verb_or_an_email(text):
    assert u(text).contact is None


@pytest.mark.parametrize("text, company", [
    ("Brightwater Dental complained about the last invoice, wants a call", "Brightwater Dental"),
    ("Kessler renewed for another year!! same terms", "Kessler"),
])
def test_a_new_company_opening_the_note_with_what_it_did(text, company):
    p = u(text)
    assert (p.intent, p.customer) == ("log", company)


def test_a_lower_case_clause_with_a_past_verb_is_no_company():
    assert u("team lunch is friday, costumes strongly encouraged").customer is None


@pytest.mark.parametrize("text, contact", [
    ("northwind: dana fields says they're in, contract next wk", "dana fields"),
    ("acme finally - tom bates called back, wants a demo", "tom bates"),
    ("visited globex, a guy named walt runs the warehouse, keen on a trial", "walt"),
])
def test_a_lower_case_full_name_before_what_they_did(text, contact):
    assert u(text).contact == contact
