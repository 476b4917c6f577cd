"""English notes with the writer's step later today ("I'll email him the brochure today", "will try
again this arvo"), terms still being worked out ("need a revised payment schedule") and our offer
chosen before the order ("they're going with the 28k package"), sentences written fresh."""
from datetime import date

import pytest

from handlers.understanding import understand

from understanding_data import EN, NOW          # Wednesday 25 November 2026, Europe/Berlin


@pytest.mark.parametrize("text", [
    "rang globex twice no answer will try again this arvo",
    "spoke to Paul at acme, I'll email him the brochure today",
    "initech no answer, gonna try them again this avo",
])
def test_the_writers_step_later_today(text):
    assert understand(text, NOW, EN).followup_on == NOW.date()


@pytest.mark.parametrize("text", ["visited globex today, went well", "acme today: sent the quote, 12k"])
def test_today_as_when_it_happened_is_no_step(text):
    assert understand(text, NOW, EN).followup_on is None


@pytest.mark.parametrize("text", [
    "Globex debrief: they want it phased, need a revised payment schedule",
    "Acme mtg done. they're going with the 28,750 package. PO to follow",
    "initech went with our premium tier, paperwork next week",
])
def test_terms_or_a_chosen_offer_before_the_order_is_negotiation(text):
    assert understand(text, NOW, EN).stage == "negotiation"


@pytest.mark.parametrize("text, day", [
    ("Halvorsen call. I send the scope by Thursday 10th", date(2026, 12, 10)),
    ("call globex on Monday the 7th", date(2026, 12, 7)),
])
def test_a_weekday_with_a_day_of_the_month_is_that_date(text, day):
    assert understand(text, NOW, EN).followup_on == day


def test_keen_on_a_quote_is_no_quote_sent():
    assert understand("just met Northgate Tiles owner, keen on a quote", NOW, EN).stage == "lead"
