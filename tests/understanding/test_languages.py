"""Every registered language fills every slot of the understanding's cues, and a phrase
added to a language's list is understood at once."""
from __future__ import annotations

import ast
import re
import types
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from handlers.understanding import understand
from handlers.understanding.cues import everyone, lexicon
from handlers.understanding.languages import CODES, DEFAULT, cues, registered
from handlers.understanding.languages import en as en_cues
from handlers.understanding.languages.protocol import problems, slots
from handlers.understanding import report_words
from storage.vocabulary import ReportKind

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


@pytest.fixture
def fresh_report_words():
    report_words._words.cache_clear()
    yield
    report_words._words.cache_clear()


def test_report_questions_are_read_from_each_language(fresh_report_words):
    """The report words live in the language modules: report_words.py holds none of its own, and a
    phrase added to a language's REPORTS is heard at once."""
    tree = ast.parse(Path(report_words.__file__).read_text(encoding="utf-8"))
    docstrings = {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Expr)}
    strings = [node.value for node in ast.walk(tree)
               if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings]
    assert not [s for s in strings if re.search(r"[\u4e00-\u9fff\u0400-\u04ff]", s)]
    assert report_words.report_kind("show me the pipeline by weekday heat") is None
    assert report_words.report_kind("最大的三个商机") == ReportKind.DEALS
    assert report_words.report_kind("топ-5 сделок") == ReportKind.DEALS
    assert report_words.rows_asked("top seven deals") == 7
    assert report_words.rows_asked("前十大订单") == 10


def test_a_report_phrase_added_to_a_language_is_heard(monkeypatch, fresh_report_words):
    assert report_words.report_kind("who is slacking on follow-ups") is None
    monkeypatch.setitem(en_cues.REPORTS, "overdue", [*en_cues.REPORTS["overdue"], r"\bslacking\s+on\s+follow"])
    report_words._words.cache_clear()
    assert report_words.report_kind("who is slacking on follow-ups") == ReportKind.OVERDUE


@pytest.mark.parametrize("text, known", [
    ("rang Orrin Mills, their buyer asked whether we ship to Alaska? will check, call back tue", ["Orrin Valley Mills"]),
    ("были в Уралспецмаше, главный инженер спрашивал, можно ли в рассрочку? узнаю у финансистов", ["Уралспецмаш"]),
    ("去了云帆物流，采购问我们能不能月结？回去问财务", ["云帆物流"]),
])
def test_a_question_told_in_a_note_is_the_customers(text, known):
    """A question someone else asked, told in the note, is no question of the writer's (ASKED_BY_THEM)."""
    assert understand(text, NOW, known).intent == "log", text
