"""A customer's person called "old man" or "old lady" and their surname is that person ("old man
harris", "the old lady Rivera"); "their old man turns 80" names nobody (written fresh)."""
import pytest

from handlers.understanding import understand

from understanding_data import EN, NOW


@pytest.mark.parametrize("text, contact", [
    ("went by acme, old man harris wants two more trucks", "harris"),
    ("Initech - the old lady Rivera signed off on it", "Rivera"),
])
def test_old_man_and_a_surname_is_a_person(text, contact):
    assert understand(text, NOW, EN).contact == contact


def test_old_man_then_what_he_does_names_nobody():
    assert understand("globex's old man turns 70 next week, send flowers", NOW, EN).contact is None
