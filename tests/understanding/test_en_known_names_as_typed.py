"""A known English customer as reps type it: one word typed as two ("sun field" for Sunfield, "camel
back"), a first word cut short when the next word follows ("pac rim" for Pacific Rim, "atl crest")
(names and sentences written fresh)."""
import pytest

from handlers.understanding import understand

from understanding_data import NOW

KNOWN = ["Brightpoint Glass Co", "Lakeview Animal Hospital", "Northern Plains Logistics", "Continental Bakery Group",
         "Pacific Coast Tile"]


@pytest.mark.parametrize("text, customer", [
    ("just left bright point glass, talked to Ron about the windows", "Brightpoint Glass Co"),
    ("lake view animal hospital called, want a quote for 3 clinics", "Lakeview Animal Hospital"),
    ("cont bakery - quote sent 18,400", "Continental Bakery Group"),
    ("pac coast tile status", "Pacific Coast Tile"),
])
def test_a_known_customer_as_typed(text, customer):
    p = understand(text, NOW, KNOWN)
    assert p.customer == customer


def test_a_word_cut_short_alone_is_no_customer():
    assert understand("sent the pac the docs today", NOW, KNOWN).customer != "Pacific Coast Tile"


INITIALS = ["Hudson Ridge Dental PC", "Marlow Fine Foods", "Keller & Stone LLP", "Granite Peak Roofing", "Gold Peak Realty"]


@pytest.mark.parametrize("text, customer", [
    ("HRD signed 40k!! dr shaw happy", "Hudson Ridge Dental PC"),
    ("MF onsite done, want quote ~12k", "Marlow Fine Foods"),
    ("k&s lost. price", "Keller & Stone LLP"),
])
def test_a_known_customer_by_its_initials(text, customer):
    assert understand(text, NOW, INITIALS).customer == customer


@pytest.mark.parametrize("text", [
    "GP wants a call back",                 # Granite Peak or Gold Peak: no guess
    "PO in from the CFO today, ok'd by the GM",
])
def test_initials_that_fit_no_one_customer_name_none(text):
    assert understand(text, NOW, INITIALS).customer not in INITIALS


SHARED_WORD = ["Desert Bloom Landscaping LLC", "Larkspur Veterinary Hospital PC", "Stillwater Credit Union",
               "Lumina Optics Co"]


@pytest.mark.parametrize("text, customer", [
    ("Larkspur Vet called, Dr. Sam wants the package", "Larkspur Veterinary Hospital PC"),
    ("Stillwater CU call w/ Karen. Budget approved", "Stillwater Credit Union"),
    ("lumina PO received!! 85k", "Lumina Optics Co"),
])
def test_a_known_name_with_its_next_word_cut_short(text, customer):
    assert understand(text, NOW, SHARED_WORD).customer == customer


def test_another_name_sharing_the_first_word_is_not_the_known_one():
    p = understand("new lead - Desert Rose Catering, owner Ana, wants a quote", NOW, SHARED_WORD)
    assert p.customer != "Desert Bloom Landscaping LLC"
