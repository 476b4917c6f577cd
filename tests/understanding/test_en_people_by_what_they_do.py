"""An English note's person named by what they do or what was left for them (written fresh): a voicemail
left for them, a title in brackets with "their", a call they made, a call or e-mail they do not answer,
a part of the business they run; first names that were not known before."""
import pytest

from handlers.understanding import understand

from understanding_data import EN, NOW


@pytest.mark.parametrize("text, contact, role", [
    ("Globex - left a vm for Trevor in accounts, will try again", "Trevor", None),
    ("called initech, voicemail for Marta at reception", "Marta", None),
    ("dropped the brochure at Initech. Nadia (their CFO) says budget opens in January", "Nadia", "CFO"),
    ("Acme: Lorna rang this afternoon asking about the renewal", "Lorna", None),
    ("northwind again no luck. hamish not answering his phone", "hamish", None),
    ("Stark Medical - Kylie runs purchasing for all four clinics", "Kylie", None),
    ("Umbrella Health - Barb the practice mgr, left voicemail", "Barb", "practice mgr"),
])
def test_a_person_by_what_they_do(text, contact, role):
    p = understand(text, NOW, EN)
    assert p.contact == contact, p
    if role:
        assert p.contact_role == role, p


def test_one_of_ours_ringing_a_company_is_no_contact():
    p = understand("Priya rang Globex twice, no answer", NOW, EN)
    assert p.customer == "Globex Industries" and p.contact is None, p
