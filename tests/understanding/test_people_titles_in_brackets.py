"""A contact's title written in brackets right after the name is the contact's title in every language
("Dana Reyes (Head of Facilities)", "Ивановой Ольгой (главбух)", "王总（总经理）"); words in brackets that
are no title ("(the new one)", "(ГринЛайн)") are none, and a short lower-case word is never read as an
abbreviated title (sentences written fresh)."""
import pytest

from handlers.understanding import understand

from understanding_data import EN, NOW, RU, ZH


@pytest.mark.parametrize("text, known, contact, role", [
    ("Globex: call with Dana Reyes (Head of Facilities), wants a site survey", EN, "Dana Reyes", "Head of Facilities"),
    ("cold call to initech, put through to Omar (IT), call back monday", EN, "Omar", "IT"),
    ("visited acme, met Lena Park (regional PM), quote next week", EN, "Lena Park", "regional PM"),
    ("Был в Уралстали, говорил с Ивановой Ольгой Петровной (главбух), ждут акт", RU, None, "главбух"),
    ("拜访了东方电气，见了王总（总经理），下周报价", ZH, None, "总经理"),
])
def test_a_title_in_brackets_after_the_name_is_the_contacts(text, known, contact, role):
    parse = understand(text, NOW, known)
    if contact:
        assert parse.contact == contact, text
    assert parse.contact_role == role, text


@pytest.mark.parametrize("text, known", [
    ("Globex: spoke to Dana Reyes (the new one), wants a site survey", EN),
    ("initech: Omar (call him tue) wants pricing", EN),
    ("Был у Ивановой (ГринЛайн), обсудили поставку", RU),
])
def test_other_words_in_brackets_are_no_title(text, known):
    assert understand(text, NOW, known).contact_role is None, text
