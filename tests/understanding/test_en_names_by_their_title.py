"""A name written just before its job title in brackets is a person, however rare the name and whatever
its case ("met norman (ceo)", "sol (cto)", "Thaddeus (GM)"), and a title written with a titled name
is theirs ("dr. lee (cto)": Dr Lee, the CTO). A common word before brackets stays no one."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from handlers.understanding import understand

NOW = datetime(2026, 12, 9, 17, 0, tzinfo=ZoneInfo("America/Chicago"))
KNOWN = ["Birchwood Mills", "Kestrel Tooling"]

BY_TITLE = [
    ("stopped by birchwood mills, met thaddeus (plant mgr), wants 40 units", "thaddeus", "plant mgr"),
    ("call w kestrel tooling - spoke to ingrid (cfo), quote 30k", "ingrid", "cfo"),
    ("Kestrel Tooling: Oswin (GM) liked the demo", "Oswin", "GM"),
    ("lunch with mrs. okafor (coo) from Birchwood Mills", "mrs. okafor", "coo"),
]


@pytest.mark.parametrize("text, name, role", BY_TITLE, ids=[t for t, *_ in BY_TITLE])
def test_a_name_before_its_title_in_brackets_is_the_contact_with_that_title(text, name, role):
    parse = understand(text, NOW, KNOWN)
    assert (parse.contact, parse.contact_role) == (name, role)


def test_a_common_word_before_brackets_is_no_one():
    assert understand("visited Birchwood Mills, met the whole team (ops and finance)", NOW, KNOWN).contact is None
