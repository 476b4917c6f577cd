"""Russian notes from a key-account rep and one who sends a fact a message: a price per seat times the
seats, a document's number that is no sum; a budget agreed (qualified), a discount agreed or a limit
named (negotiation), a proposal still being prepared (no proposal yet); the day a meeting moves to, the
writer's own day over the customer's deadline, a bare day in the month just named."""
from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from handlers.understanding import understand

NOW = datetime(2026, 11, 4, 10, 0, tzinfo=ZoneInfo("Europe/Samara"))       # a Wednesday
KNOWN = ["ООО «Волга-Софт»", "АО «Тольяттиазот Сервис»", "ИП Гарипова"]


def test_a_price_per_seat_times_the_seats():
    parse = understand("Волга-Софт берут 80 лицензий, по 25 тыс за лицензию, КП вышлю завтра", NOW, KNOWN)
    assert parse.amount == 2_000_000 and parse.currency == "RUB"
    assert understand("Гарипова: цена 900 руб за штуку", NOW, KNOWN).amount == 900


def test_a_documents_number_is_no_sum():
    parse = understand("Волга-Софт прислали счёт №7781234, сумма 640 000 руб", NOW, KNOWN)
    assert parse.amount == 640_000
    parse = understand("Тольяттиазот Сервис — PO #99120045 received, на 1,2 млн", NOW, KNOWN)
    assert parse.amount == 1_200_000


def test_a_budget_agreed_is_qualified():
    parse = understand("набрал Волга-Софт, бюджет на следующий год согласовали, около двух миллионов", NOW, KNOWN)
    assert parse.stage == "qualified" and parse.channel == "call"


def test_a_proposal_being_prepared_is_not_sent():
    parse = understand("Тольяттиазот Сервис: потребность подтвердили, бюджет утверждён, КП готовим", NOW, KNOWN)
    assert parse.stage == "qualified"


def test_a_discount_agreed_or_a_limit_named_is_negotiation():
    for text in ("Гарипова согласилась на 4%", "согласились на 6,5%", "я им сказал максимум 3"):
        parse = understand(text, NOW, KNOWN)
        assert parse.intent == "log" and parse.stage == "negotiation", text


def test_the_day_a_meeting_moves_to():
    parse = understand("Гарипова встреча переносится с 10 на 12, сама попросила", NOW, KNOWN)
    assert parse.followup_on == date(2026, 11, 12)


def test_the_writers_own_day_over_the_customers_deadline():
    parse = understand("Волга-Софт просят смету до 20 ноября, сделаю к 18-му", NOW, KNOWN)
    assert parse.followup_on == date(2026, 11, 18)
    parse = understand("договор обещают вернуть до 12.11, напомни мне 13-го позвонить", NOW, KNOWN)
    assert parse.followup_on == date(2026, 11, 13)


def test_a_bare_day_is_in_the_month_just_named():
    parse = understand("акт сверки обещают до 10.12, напомни 11-го проверить", NOW, KNOWN)
    assert parse.followup_on == date(2026, 12, 11)
