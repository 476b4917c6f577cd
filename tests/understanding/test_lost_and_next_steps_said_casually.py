"""A deal lost said casually, and a next step said as what we will do (written fresh): the customer
pulled the plug or went with another company by its name or with "some cheaper guy"; "cb friday", "we
present to the board on the 9th", "I'm going up there on the 3rd" are follow-ups on those days."""
import pytest

from handlers.understanding import understand

from understanding_data import EN, NOW, RU, ZH


@pytest.mark.parametrize("text, known", [
    ("initech pulled the plug, budget gone", EN),
    ("Acme Corp: email from Jo, they've gone with Brightfield. oh well", EN),
    ("globex going w some cheaper outfit from ohio", EN),
    ("远航物流选了别家 这单没了", ZH),
    ("Вектор ушёл к другому поставщику", RU),
])
def test_a_deal_lost_said_casually(text, known):
    assert understand(text, NOW, known).stage == "lost"


def test_gone_with_a_persons_offer_is_not_lost():
    assert understand("Acme Corp: they've gone with Tom's proposal", NOW, EN).stage != "lost"


@pytest.mark.parametrize("text, day", [
    ("northwind - not this week, cb friday", "2026-11-27"),
    ("stark realty: we present to the board on the 9th", "2026-12-09"),
    ("Initech approved the pilot. I'm going up there on the 3rd to plan the rollout", "2026-12-03"),
])
def test_a_next_step_said_as_what_we_will_do(text, day):
    p = understand(text, NOW, EN)
    assert p.followup_on is not None and p.followup_on.isoformat() == day, p
