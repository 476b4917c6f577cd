"""English next steps as reps type them: something we owe with when it goes ("quote by thurs",
"proposal next wk", "invoice to go out Monday"), the British ring and pencil in, a call booked or a
kick-off with its date, and a weekday written before its date (sentences written fresh)."""
from datetime import date

import pytest

from handlers.understanding import understand

from understanding_data import EN, NOW          # Wednesday 25 November 2026, Europe/Berlin


@pytest.mark.parametrize("text, day", [
    ("Globex called back, they want 40 seats 🙌 quote by thurs", date(2026, 11, 26)),
    ("Initech mtg w/ their CFO. budget ok. Proposal next wk.", date(2026, 11, 30)),
    ("Acme took the quote, small but a win! Invoice to go out Monday.", date(2026, 11, 30)),
    ("Northwind - their ops lead wants the full kit, formal quote to follow Fri", date(2026, 11, 27)),
    ("blue harbor sent the floor plans, revised quote going out tmrw", date(2026, 11, 26)),
    ("Umbrella Health: spoke to the practice mgr, proposal in 2 wks", date(2026, 12, 9)),
    ("Stark Realty - no answer, ringing them tomorrow am", date(2026, 11, 26)),
    ("Globex wants a proper demo, pencilled in for Friday", date(2026, 11, 27)),
    ("Acme signed!! Kick-off call booked Weds 2nd Dec", date(2026, 12, 2)),
    ("Initech all good, next check-in Thursday, Dec 10th", date(2026, 12, 10)),
])
def test_a_next_step_as_reps_type_it(text, day):
    p = understand(text, NOW, EN)
    assert (p.intent, p.followup_on) == ("log", day)


@pytest.mark.parametrize("text", [
    "Globex - sent the quote by email this morning, they liked it",
    "Acme: the proposal went out last week, no word yet",
])
def test_something_already_sent_is_no_next_step(text):
    assert understand(text, NOW, EN).followup_on is None


@pytest.mark.parametrize("text, day", [
    ("Globex - talked to Dana, she'll think it over, i'll call after the holiday", date(2026, 11, 30)),
    ("Acme wants to meet after Thanksgiving, I suggested Wednesday Dec 2 and he said ok", date(2026, 12, 2)),
    ("Initech: call back after new yr", date(2027, 1, 4)),
    ("Northwind: sending the renewal after xmas", date(2026, 12, 28)),
    ("Stark Realty - said I'd come back to them Monday week", date(2026, 12, 7)),
    ("blue harbor haggling again 🙃 call her back mid next week", date(2026, 12, 2)),
    ("Umbrella Health will go for the full rollout, sending a proposal end of feb", date(2027, 2, 28)),
    ("Acme - Pat wants a quote for 12 vans. Sending Mon.", date(2026, 11, 30)),
    ("Globex - vm x2. try mon", date(2026, 11, 30)),
    ("Initech asked for info, I'll email him tommorow", date(2026, 11, 26)),
    ("walked into Northwind, no appt. coming back thurs w samples", date(2026, 11, 26)),
    ("dropped brochures at Acme. chk back next fri", date(2026, 12, 4)),
])
def test_a_next_step_day_as_reps_say_it(text, day):
    assert understand(text, NOW, EN).followup_on == day
