"""A new company's name ends before what the note is about ("Tallis Freight QBR went well", "Corbin
renewal call done", "Vantor escalation call", "maple grove preschool board said yes") and before a
count of its places ("rosa's bakery 4 locations", "Bay Nails 3 stores"); a number that is part of the
name stays ("Store 24"). Sentences written fresh."""
import pytest

from handlers.understanding import understand

from understanding_data import EN, NOW


@pytest.mark.parametrize("text, customer", [
    ("Tallis Freight QBR went well, they want 20 more seats", "Tallis Freight"),
    ("Corbin renewal call done, 40 seats at 30k", "Corbin"),
    ("Vantor escalation call this morning, angry about the outages", "Vantor"),
    ("maple grove preschool board said yes, budget approved 9k", "maple grove preschool"),
    ("new one rosa's bakery 4 locations in downey owner rosa diaz wants pos", "rosa's bakery"),
    ("new lead Bay Nails 3 stores in Fremont, owner wants booking software", "Bay Nails"),
    ("Visited Store 24, quote $5k", "Store 24"),
])
def test_a_name_ends_before_what_the_note_is_about(text, customer):
    assert understand(text, NOW, EN).customer == customer


def test_a_quarterly_review_is_a_meeting():
    assert understand("Tallis Freight QBR went well, they want 20 more seats", NOW, EN).channel == "meeting"
