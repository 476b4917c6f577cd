"""A Russian note about a new company that also names a known one is about the new one when it writes the new
name first, as a name ("компания ТеплоЛайн", "Байкал-Рыбпром", "бюро переводов Глосса-Текст", "ВетЛайф (2
клиники)"): the known one is where our kit already works or who sent them. A plain word first ("Сам",
"отбой") is no such name. Sentences written fresh."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from handlers.understanding import understand

NOW = datetime(2026, 12, 2, 11, 0, tzinfo=ZoneInfo("Europe/Moscow"))       # a Wednesday
KNOWN = ["ООО «Ладья»", "ООО «Бюро переводов Слово-Про»", "ООО «Хлебзавод №3»"]


def test_the_company_met_not_the_one_whose_kit_they_saw():
    parse = understand("с утра заехал в компанию ТеплоЛайн, это монтажники, у Ладьи стоит наш котёл и им понравилось",
                       NOW, KNOWN)
    assert parse.customer == "ТеплоЛайн" and not parse.customer_known
    parse = understand("созвон с Байкал-Рыбпром, главный механик Ильин, показал им как наши работают у ладьи", NOW, KNOWN)
    assert parse.customer == "Байкал-Рыбпром"


def test_the_company_that_called_not_the_one_that_sent_them():
    parse = understand("входящий: бюро переводов Глосса-Текст, вышли на нас через Слово-Про, хотят 3 места", NOW, KNOWN)
    assert parse.customer == "Глосса-Текст"
    parse = understand("ВетЛайф (2 клиники, Заельцовский), главврач Осипова, нашли нас через Ладью", NOW, KNOWN)
    assert parse.customer == "ВетЛайф"


def test_a_plain_word_first_leaves_the_known_customer():
    assert understand("Сам заехал в Ладью, подписали договор", NOW, KNOWN).customer == "ООО «Ладья»"
    parse = understand("отбой — подпишут в пятницу, сегодня только согласовали", NOW, KNOWN)
    assert parse.customer is None
