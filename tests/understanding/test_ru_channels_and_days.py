"""How a Russian note says what happened (visit, call, meeting, e-mail) and when the writer's next
step is, in the ways reps type and dictate it (written fresh, not from the eval corpus)."""
from datetime import date

import pytest

from handlers.understanding import understand
from handlers.understanding.dates import find_dates

from understanding_data import NOW, RU


def u(text, known=RU):
    return understand(text, NOW, known)


@pytest.mark.parametrize("text, channel", [
    ("только что вышел из Вектора, главный инженер доволен", "visit"),
    ("зашла в Добрый Хлеб, оставила каталог", "visit"),
    ("уралсталь. был. пусто, все на планерке", "visit"),
    ("была по заявке с сайта в Уралстали, смотрели цех", "visit"),
    ("встреча с Вектором у них на складе, смотрели стеллажи", "visit"),
    ("Встреча в «Добром Хлебе» прошла хорошо", "visit"),
    ("днём в Альфа-Строе показывал образцы плитки", "visit"),
    ("был на выставке в Крокусе, познакомился с ребятами из Вектора", "meeting"),
    ("после обеда набрал Уралсталь, договорились о демо", "call"),
    ("вектор третий раз звоню, не берут", "call"),
    ("Добрый Хлеб перезвонили сами, спрашивали про сроки", "call"),
    ("отправила Вектору прайс на почту ivanov@vector.ru", "email"),
])
def test_how_it_happened(text, channel):
    assert u(text).channel == channel, text


@pytest.mark.parametrize("text", [
    "Вектор: новый снабженец Олег Смирнов, почта o.smirnov@vector.ru, тел. +7 912 300-40-50",
    "Уралсталь договорились о встрече 3.12",
    "Вектор попросили перенести встречу на вторник",
    "добрый хлеб, скину им прайс на почту завтра",
])
def test_a_contact_fact_or_a_plan_is_no_interaction(text):
    assert u(text).channel is None, text


@pytest.mark.parametrize("text, day", [
    ("вектор не дозвонился, попробую завтра с утра", date(2026, 11, 26)),
    ("Уралсталь: звонок, не взяли. Повтор в пт", date(2026, 11, 27)),
    ("добрый хлеб торгуется, перезвоню ср", date(2026, 12, 2)),
    ("альфа-строй. пн позвоню", date(2026, 11, 30)),
    ("Вектор, кп — до чт", date(2026, 11, 26)),
    ("Уралсталь хотят до пятницы счет", date(2026, 11, 27)),
    ("добрый хлеб созвонимся в середине декабря", date(2026, 12, 15)),
    ("вектор перезвонить им в январе ближе к середине", date(2027, 1, 15)),
    ("Уралсталь: после праздников встречу назначим, числа двенадцатого", date(2026, 12, 12)),
    ("Альфа-Строй, звоню 3-го", date(2026, 12, 3)),
    ("вектор выставлю счет на этой неделе", date(2026, 11, 27)),
    ("Добрый Хлеб: обещала сделать КП до 4.12", date(2026, 12, 4)),
    ("уралсталь прайс отправлю сегодня вечером", date(2026, 11, 25)),
])
def test_the_writers_next_step(text, day):
    assert u(text).followup_on == day, text


@pytest.mark.parametrize("text", [
    "вектор, главбух обещал ответ до пятницы",
    "уралсталь: договор у юристов, подпись ждём к концу месяца",
    "добрый хлеб подписывают контракт в начале декабря",
    "Вектор в понедельник отправил КП, тишина",
    "альфа-строй КП отправлено 20.11, ждём",
])
def test_their_promise_or_a_day_gone_is_no_follow_up(text):
    assert u(text).followup_on is None, text


def test_days_said_in_words():
    today = date(2026, 11, 25)
    said = {"десятого декабря": date(2026, 12, 10), "числа пятнадцатого": date(2026, 12, 15),
            "двадцать третьего числа": date(2026, 12, 23), "тридцать первого декабря": date(2026, 12, 31),
            "третьего января": date(2027, 1, 3)}
    for text, day in said.items():
        assert [h.day for h in find_dates(text, "ru", today)] == [day], text


def test_a_birthday_said_as_a_jubilee():
    p = u("у директора Вектора Петра Ивановича юбилей 14.03, не забыть поздравить")
    assert p.birthday == "03-14"


@pytest.mark.parametrize("text, day", [
    ("Утром звонил Петрову, не взял. Завтра еще раз", date(2026, 11, 26)),
    ("вектор. был. пт перезвон", date(2026, 11, 27)),
])
def test_a_past_tense_in_another_sentence_leaves_the_next_step(text, day):
    assert u(text).followup_on == day, text


def test_a_day_just_gone_told_in_the_past_is_no_follow_up_next_year():
    p = understand("Вектор — КП 1,2 млн отправлено 20.11. ждём", NOW, RU)
    assert p.followup_on is None and p.stage == "proposal"


@pytest.mark.parametrize("text, day", [
    ("ездил в вектор, там никого, перенесли на понедельник", date(2026, 11, 30)),
    ("Уралсталь попросили перенести встречу на следующую среду, так можно записать?", date(2026, 12, 2)),
])
def test_a_meeting_moved_to_a_day_is_the_next_step(text, day):
    p = u(text)
    assert (p.intent, p.followup_on) == ("log", day), text


@pytest.mark.parametrize("text, day", [
    ("Гранит прислал спецификацию, бюджет 400 тыс. Завтра просчитаю", date(2026, 11, 26)),
    ("по Альфе получили ТЗ, в пятницу рассчитаю и отвечу", date(2026, 11, 27)),
])
def test_the_writers_own_step_to_work_out_a_price_is_a_follow_up(text, day):
    """"Завтра посчитаю": the writer's own step with its day is a follow-up, never dropped (trial T65)."""
    assert u(text).followup_on == day
