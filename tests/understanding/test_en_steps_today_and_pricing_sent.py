"""The writer's own step today said in the present ("sending the contract tonight", "emailing her the deck
this afternoon"), another attempt on a day ("2nd attempt thurs"), pricing e-mailed beside something
else ("the deck + pricing": a proposal), and the person gone to see ("went up to see Lorna")
(written fresh)."""
import pytest

from handlers.understanding import understand

from understanding_data import EN, NOW


@pytest.mark.parametrize("text, day", [
    ("Globex - Sam's ready, sending the contract tonight", "2026-11-25"),
    ("initech: emailing her the deck this afternoon", "2026-11-25"),
    ("acme no ans, 2nd attempt friday", "2026-11-27"),
])
def test_a_step_of_ours_on_a_day(text, day):
    p = understand(text, NOW, EN)
    assert p.followup_on is not None and p.followup_on.isoformat() == day, p


def test_pricing_emailed_with_something_else_is_a_proposal():
    p = understand("emailed Hollis Dental the case studies + pricing, about 9k a year", NOW, EN)
    assert (p.customer, p.stage) == ("Hollis Dental", "proposal"), p


def test_the_person_gone_to_see_is_the_contact():
    p = understand("Stark Medical - went up to see Lorna and the practice manager this morning", NOW, EN)
    assert (p.customer, p.contact, p.channel) == ("Stark Medical Group", "Lorna", "visit"), p


def test_a_step_done_today_is_no_follow_up():
    assert understand("acme called today, all good", NOW, EN).followup_on is None
