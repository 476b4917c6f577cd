"""Where a new company's English name ends and starts, by what the words are: capitalised words that
already hold a trade end the name before a lower-case word ("HOLLOWAY MILLS purchasing", "Brookside Dental
Group front desk"); a possessive ends it before what the company has ("Tern Bay Rowing Club's treasurer
Mo called"); a name runs no further back than a dash between spaces ("at the Leeds fair – Carrow Foods
Ltd"); a word that opens names is none alone ("Cold call to …", "Big order from …"); a first name
inside a name of capitalised words, or opening one that ends in a trade, is part of it ("Pine Glen
Orchards", "Nadia Rossi Interiors"); a doctor's title opens the name of a practice called after them
("Dr Lee Pediatrics"), not a doctor alone; "quid" is pounds. Sentences written fresh."""
import pytest

from handlers.understanding import understand

from understanding_data import NOW         # Wednesday 25 November 2026


@pytest.mark.parametrize("text, name", [
    ("met HOLLOWAY MILLS purchasing at the stand, 2 sites, want samples", "HOLLOWAY MILLS"),
    ("spoke w Dana from Brookside Dental Group front desk, demo in jan", "Brookside Dental Group"),
    ("Tern Bay Rowing Club's treasurer Mo called, they got the grant", "Tern Bay Rowing Club"),
    ("Larch Hill Bakery's owner Ines emailed, wants a quote", "Larch Hill Bakery"),
])
def test_a_name_ends_before_its_department_or_its_people(text, name):
    assert understand(text, NOW, []).customer == name


def test_a_possessive_inside_a_name_stays():
    assert understand("Hector & Rosa's Cantina - Rosa wants online ordering, 3k", NOW, []).customer == \
        "Hector & Rosa's Cantina"


def test_a_name_runs_no_further_back_than_a_dash():
    p = understand("met a new one at the Leeds fair – Carrow Foods Ltd, ops manager Neil Hart", NOW, [])
    assert (p.customer, p.contact) == ("Carrow Foods Ltd", "Neil Hart")


@pytest.mark.parametrize("text, name, contact", [
    ("Cold call to Pine Glen Orchards, spoke to Karen in the office", "Pine Glen Orchards", "Karen"),
    ("Nadia Rossi Interiors — Nadia rang, wants a demo next week", "Nadia Rossi Interiors", "Nadia"),
])
def test_a_first_name_inside_a_companys_name_is_part_of_it(text, name, contact):
    p = understand(text, NOW, [])
    assert (p.customer, p.contact) == (name, contact)


def test_a_lone_opening_word_is_no_company():
    assert understand("Big order maybe from Quarry Lane Builders, they want 40 units", NOW, []).customer == \
        "Quarry Lane Builders"


@pytest.mark.parametrize("text, name, contact", [
    ("Dr. Priya Nair Family Dental - dropped off brochures, office manager Karen wants a demo",
     "Dr. Priya Nair Family Dental", "Karen"),
    ("Dr Lee Pediatrics signed, 9k", "Dr Lee Pediatrics", None),
])
def test_a_practice_named_after_its_doctor_keeps_the_title(text, name, contact):
    p = understand(text, NOW, [])
    assert (p.customer, p.contact) == (name, contact)


def test_a_doctor_alone_is_a_person():
    p = understand("met Dr. Okafor at the expo, wants a demo", NOW, [])
    assert (p.customer, p.contact) == (None, "Dr. Okafor")


@pytest.mark.parametrize("text, amount", [
    ("acme confirmed budget, about 60 000 quid, live by April", 60000),
    ("globex - quoted 12k quid for the refit", 12000),
    ("initech wants it for forty thousand quid", 40000),
])
def test_quid_is_pounds(text, amount):
    p = understand(text, NOW, ["Acme Corp", "Globex Industries", "Initech LLC"])
    assert (p.amount, p.currency) == (amount, "GBP")
