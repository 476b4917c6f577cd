"""Every registered language fills every slot of the understanding's cues, and a phrase
added to a language's list is understood at once."""
from __future__ import annotations

import types
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from handlers.understanding import understand
from handlers.understanding.cues import everyone, lexicon
from handlers.understanding.languages import CODES, DEFAULT, cues, registered
from handlers.understanding.languages import en as en_cues
from handlers.understanding.languages.protocol import problems, slots

NOW = datetime(2026, 11, 25, 10, 0, tzinfo=ZoneInfo("UTC"))


@pytest.mark.parametrize("code", CODES)
def test_every_language_fills_every_slot(code):
    module = cues(code)
    assert module.CODE == code
    assert problems(module) == []


@pytest.mark.parametrize("code", CODES)
def test_done_reads_the_number_in_every_language(code):
    assert "(?P<n>" in "|".join(cues(code).DONE)
    assert lexicon(code).done.groupindex.get("n") == 1


def test_a_module_missing_a_slot_or_a_channel_is_reported():
    broken = types.SimpleNamespace(**{name: getattr(en_cues, name) for name in slots() if name != "COMMIT"})
    broken.CHANNELS = {k: v for k, v in en_cues.CHANNELS.items() if k != "email"}
    broken.HELP = []
    broken.FUTURE = [r"(?:unclosed"]
    found = problems(broken)
    assert "COMMIT: missing" in found
    assert "CHANNELS[email]: missing" in found
    assert "HELP: empty" in found
    assert any(p.startswith("FUTURE:") and "does not compile" in p for p in found)


def test_an_unregistered_code_falls_back_to_the_default_language():
    assert cues("xx") is cues(DEFAULT)
    assert lexicon("xx").lang == DEFAULT
    assert [m.CODE for m in registered()] == list(CODES)


@pytest.fixture
def fresh_cues():
    lexicon.cache_clear()
    everyone.cache_clear()
    yield
    lexicon.cache_clear()
    everyone.cache_clear()


def test_a_phrase_added_to_a_list_is_understood(monkeypatch, fresh_cues):
    text = "Corvel Labs: gave them a buzz about the renewal"
    assert understand(text, NOW, ["Corvel Labs"]).channel is None
    monkeypatch.setitem(en_cues.CHANNELS, "call", [*en_cues.CHANNELS["call"], r"\bgave\s+(?:\w+\s+){1,3}a\s+buzz\b"])
    lexicon.cache_clear()
    assert understand(text, NOW, ["Corvel Labs"]).channel == "call"


def test_a_question_word_of_any_language_makes_a_question(fresh_cues):
    question = everyone().question
    for text in ("what about Acme", "что по Вектору", "哪些客户要跟进", "Acme?"):
        assert question.search(text), text
    assert not question.search("Visited Acme today")
