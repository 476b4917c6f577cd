"""A deal someone else won is lost, whatever signing verb the note uses: the customer signed with a rival,
a rival signed, won or took it ("they signed with Oracle", "Oracle won it", "конкуренты подписали",
"被友商签走了"); our own signature stays won, and a question or a denial moves nothing."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from handlers.understanding import understand

NOW = datetime(2026, 12, 2, 11, 0, tzinfo=ZoneInfo("Europe/Moscow"))       # a Wednesday
KNOWN = ["Pell & Rowe Printing", "ООО «Стальмост»", "宁波华拓机电"]


def test_english_a_rival_won_it():
    assert understand("pell & rowe - they signed with Xerox last week, sigh", NOW, KNOWN).stage == "lost"
    assert understand("pell rowe: Konica won it on price", NOW, KNOWN).stage == "lost"
    assert understand("pell & rowe went dark, turns out the competitor took the deal", NOW, KNOWN).stage == "lost"
    assert understand("pell & rowe awarded the contract to Ricoh", NOW, KNOWN).stage == "lost"


def test_english_our_own_signature_stays_won():
    assert understand("pell & rowe signed with us!! 18k", NOW, KNOWN).stage == "won"
    assert understand("pell & rowe: finally won it, 18k", NOW, KNOWN).stage == "won"
    assert understand("signed with pell & rowe today, 18k", NOW, KNOWN).stage == "won"


def test_english_asked_or_denied_moves_nothing():
    parse = understand("did pell & rowe sign with Xerox?", NOW, KNOWN)
    assert parse.intent != "log" and parse.stage is None
    assert understand("pell & rowe: they did not sign with Xerox, still talking", NOW, KNOWN).stage != "lost"


def test_russian_a_rival_signed():
    assert understand("Стальмост: конкуренты всё-таки подписали с ними договор", NOW, KNOWN).stage == "lost"
    assert understand("стальмост подписали контракт с другим поставщиком", NOW, KNOWN).stage == "lost"
    assert understand("стальмост подписали договор на 2,4 млн", NOW, KNOWN).stage == "won"


def test_chinese_a_rival_took_it():
    assert understand("华拓机电这单被友商签走了 😭", NOW, KNOWN).stage == "lost"
    assert understand("华拓 最后还是竞争对手中标了", NOW, KNOWN).stage == "lost"
    assert understand("华拓机电签了 合同 38万", NOW, KNOWN).stage == "won"
