"""Customers asked for by a trait no customer has, in words that also name a report ("VIP customers",
"лучшие клиенты"), get that report: understanding says which, the look-up only falls back to it."""
from __future__ import annotations

from handlers.understanding.model import SearchKind
from handlers.understanding.search_words import search_asked
from storage.vocabulary import ReportKind


def test_a_look_up_says_the_report_its_words_name_too():
    vip = search_asked("VIP customers", "en")
    assert vip is not None and (vip.kind, vip.words, vip.otherwise) == (SearchKind.CUSTOMERS, "VIP", ReportKind.TOP)
    fair = search_asked("customers from the trade show", "en")
    assert fair is not None and fair.otherwise is None


async def test_a_trait_no_customer_has_gets_the_report_the_words_name(bot):
    assert (await bot.say("Visited Globex, sent the quote for $42k")).wrote
    assert "Top customers" in (await bot.say("VIP customers")).text
    assert "Топ клиентов" in (await bot.say("лучшие клиенты")).text
    plain = (await bot.say("customers from the trade show")).text
    assert "Top customers" not in plain and "trade show" in plain
