"""A formal opener that only says a note follows ("I would like to record that…", "Please note that…",
"Хотел бы зафиксировать, что…", "特此记录：…") is read past: the note inside reads as if said plainly,
at the message's start or after an apology for writing late; a quote they ask about is no quote sent."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from handlers.understanding import understand

NOW = datetime(2026, 12, 2, 11, 0, tzinfo=ZoneInfo("Australia/Sydney"))       # a Wednesday
KNOWN = ["Wollemi Pharmacy Group", "ООО «Агроснаб»", "苏州瑞泰电子有限公司"]


def _same(formal: str, plain: str, known: list[str] = KNOWN) -> None:
    said, meant = understand(formal, NOW, known), understand(plain, NOW, known)
    for field in ("intent", "customer", "contact", "channel", "stage", "amount", "followup_on"):
        assert getattr(said, field) == getattr(meant, field), field


def test_an_english_formal_opener_reads_as_the_plain_note():
    parse = understand("I would like to record that Tarrawood Cabins contacted us by email this morning.", NOW, KNOWN)
    assert parse.customer == "Tarrawood Cabins" and parse.channel == "email" and parse.intent == "log"
    _same("Please note that Wollemi Pharmacy have signed the agreement, $8,400 per annum.",
          "Wollemi Pharmacy have signed the agreement, $8,400 per annum.")
    _same("This is to confirm that I met Mr. Grant Ellery at Wollemi Pharmacy today.",
          "I met Mr. Grant Ellery at Wollemi Pharmacy today.")


def test_an_opener_after_an_apology_for_writing_late():
    parse = understand("Sorry for the late update. I wish to report that Kinglake Joinery called us on Monday "
                       "and would like a demonstration.", NOW, KNOWN)
    assert parse.customer == "Kinglake Joinery" and parse.channel == "call"


def test_a_russian_formal_opener_reads_as_the_plain_note():
    parse = understand("Хотел бы зафиксировать, что Северсталь-Инвест обратились к нам, просят КП на поставку.",
                       NOW, KNOWN)
    assert parse.customer == "Северсталь-Инвест" and parse.stage != "qualified"
    _same("Довожу до вашего сведения, что Агроснаб подписал договор на 1,2 млн.",
          "Агроснаб подписал договор на 1,2 млн.")
    _same("Прошу зафиксировать: звонил Петров из Агроснаба, интересуются сеялками.",
          "звонил Петров из Агроснаба, интересуются сеялками.")


def test_a_chinese_formal_opener_reads_as_the_plain_note():
    _same("特此记录：今天上午瑞泰电子的王经理来电，想要一份报价。", "今天上午瑞泰电子的王经理来电，想要一份报价。")
    _same("现将情况汇报如下：昨天拜访了瑞泰电子，见了采购部李经理。", "昨天拜访了瑞泰电子，见了采购部李经理。")


def test_an_opener_alone_or_a_plain_phrase_is_left_as_written():
    assert understand("Please note", NOW, KNOWN).intent != "log"
    parse = understand("wollemi wants a note that the PO number changed", NOW, KNOWN)
    assert parse.customer == "Wollemi Pharmacy Group"


def test_a_quote_asked_about_is_no_quote_sent():
    parse = understand("Wollemi Pharmacy rang regarding a quotation for 14 scanners", NOW, KNOWN)
    assert parse.stage != "proposal" and parse.channel == "call"
    parse = understand("new one - Bellbird Dental emailed, seeking a quote for 6 chairs", NOW, KNOWN)
    assert parse.customer == "Bellbird Dental" and parse.stage == "lead"
    assert understand("called wollemi about the quote we sent", NOW, KNOWN).stage == "proposal"
