"""A new English company opening a note, followed by whatever it did in the past tense (written fresh)."""
import pytest

from handlers.understanding import understand

from understanding_data import EN, NOW


@pytest.mark.parametrize("text, company", [
    ("Vandelay Industries complained about the last shipment", "Vandelay Industries"),
    ("Hollis Dental requested a second demo for the partners", "Hollis Dental"),
])
def test_a_capitalised_name_then_what_it_did_is_the_company(text, company):
    p = understand(text, NOW, EN)
    assert (p.intent, p.customer) == ("log", company), p


def test_lower_case_words_before_a_past_tense_are_no_company():
    p = understand("party on friday!! ugly hats strongly encouraged", NOW, EN)
    assert p.customer is None and p.intent != "log", p
