"""Whose promise a day is and who won the deal, read from who does what in the note: the customer's
call back is not the writer's follow-up ("they'll call us back friday", "他们周五回电话"); the customer
signing with another company, or another company winning the customer, is a lost deal ("Kestrel signed
with Oracle", "Ростелеком увёл Вектор"), while signing with one of our people is not; how they came to us
by mail is the note's e-mail ("обратились по почте"); a word heading a note at a show ("booth:") is not
the company that follows it. Sentences written fresh."""
from datetime import date

import pytest

from handlers.understanding import understand

from understanding_data import EN, NOW, RU, ZH         # Wednesday 25 November 2026


@pytest.mark.parametrize("text, known", [
    ("called Harlow Textiles, they will call us back friday", EN),
    ("spoke w Harlow Textiles, she'll call me back on monday", EN),
    ("Harlow Textiles said they would email the drawings monday", EN),
    ("给华信电子打了电话，他们周五回电话", ZH),
    ("华信电子的刘总说下周一给我们回个电话", ZH),
])
def test_the_customers_call_back_is_not_the_writers_follow_up(text, known):
    assert understand(text, NOW, known).followup_on is None


@pytest.mark.parametrize("text, known, day", [
    ("called Harlow Textiles, I'll call them back friday", EN, date(2026, 11, 27)),
    ("Harlow Textiles - they'll call me back monday, I'll send the quote tuesday", EN, date(2026, 12, 1)),
    ("给华信电子打了电话，我周五再打过去", ZH, date(2026, 11, 27)),
])
def test_the_writers_own_step_still_counts(text, known, day):
    assert understand(text, NOW, known).followup_on == day


@pytest.mark.parametrize("text, known", [
    ("Kestrel Foods signed with Oracle, too bad", EN),
    ("Oracle won Kestrel Foods. ugh", EN),
    ("globex went with Salesforce in the end", EN),
    ("ООО «Вектор» подписали договор с Ростелекомом", RU),
    ("Вектор ушли к Техносерву, жаль", RU),
    ("Ростелеком увёл Вектор", RU),
])
def test_the_customer_signed_with_someone_else(text, known):
    assert understand(text, NOW, known).stage == "lost"


@pytest.mark.parametrize("text, known", [
    ("Kestrel Foods signed with us today! 40k", EN),
    ("Kestrel Foods signed with Dana, 40k", EN),
    ("Вектор подписали с нами договор на 2 млн", RU),
    ("Вектор подписали договор с Игорем, 2 млн", RU),
])
def test_signing_with_us_or_our_rep_is_won(text, known):
    assert understand(text, NOW, known).stage == "won"


@pytest.mark.parametrize("text", [
    "Кедр-Строй обратились по почте, хотят прайс",
    "ООО «Вектор» обратились по почте, просят счёт",
])
def test_they_came_by_mail_is_an_email(text):
    assert understand(text, NOW, RU).channel == "email"


@pytest.mark.parametrize("text, customer", [
    ("booth: Nexa MedSupply purchasing mgr Rob Lindt, wants samples", "Nexa MedSupply"),
    ("day 2: Orbit Robotics, Sam, wants dealer pricing", "Orbit Robotics"),
    ("brinewell: Dot Pryce owner, wants samples", "brinewell"),
])
def test_a_heading_word_is_not_the_company_after_it(text, customer):
    assert understand(text, NOW, EN).customer == customer
