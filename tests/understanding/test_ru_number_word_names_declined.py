"""A known Russian name that opens with a number word is named with that word in another case ("из трех
китов" for ООО «Три Кита», "у двух капитанов" for Два Капитана); the number word alone names nothing.
Sentences written fresh."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from handlers.understanding import understand

NOW = datetime(2026, 12, 2, 11, 0, tzinfo=ZoneInfo("Europe/Moscow"))       # a Wednesday
KNOWN = ["ООО «Три Кита»", "Два Капитана", "ООО «Ладья»"]


def test_a_number_word_in_another_case():
    parse = understand("осипов из трех китов перезвонил, берут 4 стеллажа", NOW, KNOWN)
    assert parse.customer == "ООО «Три Кита»"
    assert understand("был у двух капитанов, просят прайс", NOW, KNOWN).customer == "Два Капитана"


def test_the_number_alone_names_nothing():
    assert understand("через три недели позвоню в Ладью", NOW, KNOWN).customer == "ООО «Ладья»"
