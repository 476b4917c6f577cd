"""A manager asking what is still to come in is the pipeline, for the period named: "what's left to sign by
year end", "что ещё осталось подписать до конца года", "年底前还能回多少款", "这季度出了几张PO", "下个月能出多少货",
"按客户看看" (sentences written fresh)."""
from datetime import date

import pytest

from handlers.understanding import understand

from understanding_data import EN, NOW, RU, ZH     # NOW: Wednesday 25 November 2026


@pytest.mark.parametrize("text, known", [
    ("what's still left to sign by year end?", EN),
    ("whats left to close this quarter", EN),
    ("что ещё осталось подписать в этом квартале?", RU),
    ("что остается дожать до конца года", RU),
    ("这个季度还能回多少款", ZH),
    ("这个月出了几张PO", ZH),
    ("下个月能出多少货 按客户看看", ZH),
    ("一季度按项目列一下", ZH),
])
def test_what_is_left_to_bring_in_is_the_pipeline(text, known):
    p = understand(text, NOW, known)
    assert p.intent == "pipeline", p
    assert p.period is not None, p


def test_year_end_is_this_years_period():
    p = understand("what's still left to sign by year end?", NOW, EN)
    assert p.period is not None and p.period[1] == date(2026, 12, 31), p


@pytest.mark.parametrize("text, known", [
    ("远航物流 说年底前能回一半的款", ZH),
    ("Acme: left the samples to close out the trial", EN),
])
def test_notes_with_the_words_stay_notes(text, known):
    assert understand(text, NOW, known).intent == "log"
