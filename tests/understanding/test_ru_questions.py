"""Russian questions as reps and managers type them: never written as a note, and read for what
they ask (written fresh, not from the eval corpus)."""
from datetime import date

import pytest

from handlers.understanding import understand

from understanding_data import NOW, RU


def u(text, known=RU):
    return understand(text, NOW, known)


@pytest.mark.parametrize("text", [
    "Что с Вектором? Счёт оплатили или нет",
    "Вектор. Кто там сейчас ЛПР?",
    "Подскажите, мы с Уралсталью раньше работали? Они снова пишут",
    "Сколько Добрый Хлеб заплатил за прошлый квартал?",
    "Коллеги, а кто ведёт Альфа-Строй? Хочу им позвонить",
])
def test_a_message_opening_with_a_question_asks_about_the_customer(text):
    p = u(text)
    assert p.intent == "query_customer", text
    assert p.customer in RU and (p.stage, p.channel, p.amount) == (None, None, None)


@pytest.mark.parametrize("text, period", [
    ("кому мне сегодня звонить", (date(2026, 11, 25), date(2026, 11, 25))),
    ("мне завтра кому набрать?", (date(2026, 11, 26), date(2026, 11, 26))),
    ("кому из клиентов надо перезвонить до пятницы?", None),
    ("дела на чт", (date(2026, 11, 26), date(2026, 11, 26))),
    ("мои на неделю?", (date(2026, 11, 23), date(2026, 11, 29))),
    ("что у меня там просрочено?", None),
])
def test_whom_to_call_is_my_follow_ups(text, period):
    p = u(text)
    assert p.intent == "followups", text
    if period:
        assert p.period == period
    assert p.followup_on is None


@pytest.mark.parametrize("text, period", [
    ("что у нас закрывается до конца года?", (date(2026, 11, 25), date(2026, 12, 31))),
    ("сколько реально закроем в этом квартале", (date(2026, 10, 1), date(2026, 12, 31))),
    ("итоги октября по продажам", (date(2026, 10, 1), date(2026, 10, 31))),
    ("воронка январь", (date(2027, 1, 1), date(2027, 1, 31))),
    ("сколько подписали в ноябре?", (date(2026, 11, 1), date(2026, 11, 30))),
    ("сколько закроем в 2 кв", (date(2027, 4, 1), date(2027, 6, 30))),
    ("прогноз на третий квартал 2027", (date(2027, 7, 1), date(2027, 9, 30))),
    ("сколько сейчас у нас открытых сделок", None),
])
def test_deals_and_forecast_questions_are_the_pipeline(text, period):
    p = u(text)
    assert (p.intent, p.period, p.customer, p.stage) == ("pipeline", period, None, None), text


@pytest.mark.parametrize("text, period", [
    ("кто из ребят сегодня выезжал к клиентам?", (date(2026, 11, 25), date(2026, 11, 25))),
    ("что Борис делал на этой неделе", (date(2026, 11, 23), date(2026, 11, 29))),
    ("кто вчера где был", (date(2026, 11, 24), date(2026, 11, 24))),
    ("звонки за неделю", (date(2026, 11, 23), date(2026, 11, 29))),
    ("кто за месяц ничего не внес?", (date(2026, 11, 1), date(2026, 11, 30))),
    ("Кто из наших сколько КП отправил в декабре?", (date(2025, 12, 1), date(2025, 12, 31))),
])
def test_what_the_team_did_is_activity(text, period):
    p = u(text)
    assert (p.intent, p.period) == ("activity", period), text


@pytest.mark.parametrize("text", [
    "а где посмотреть все мои записи?",
    "Подскажите пожалуйста как правильно записывать звонки",
    "ребята, как исправить сумму в сделке?",
    "а бот по выходным работает?",
    "бот умеет присылать отчет на почту?",
    "что такое квалификация лида?",
])
def test_how_to_use_the_bot_is_help(text):
    assert u(text).intent == "help", text


def test_a_note_that_ends_with_a_question_is_still_a_note():
    p = u("Вектор просят скидку 5%, сказал что уточню у руководителя. Как это лучше отметить?")
    assert (p.intent, p.customer, p.stage) == ("log", "ООО «Вектор»", "negotiation")
    p = u("звонил в Уралсталь, не дозвонился. кто у нас с ними раньше работал?")
    assert (p.intent, p.customer, p.channel) == ("log", "АО «Уралсталь»", "call")
    p = u("Подскажите, правильно ли записываю? Был в Векторе, отдал каталог главному инженеру")
    assert (p.intent, p.customer, p.channel) == ("log", "ООО «Вектор»", "visit")
    p = u("Вектор? нет, Добрый Хлеб. Были у них утром, просят образцы")
    assert p.intent == "log"


def test_a_doubt_in_a_note_is_no_question():
    p = u("Был в Векторе, снабженец там Олег, кажется? Оставил каталог, обещали посмотреть")
    assert (p.intent, p.customer, p.channel) == ("log", "ООО «Вектор»", "visit")


@pytest.mark.parametrize("text, company", [
    ("Кто ведёт СеверТрансЛогистик? и что там по деньгам?", "СеверТрансЛогистик"),
    ("кто такие уралтехснаб? звонят второй раз", "уралтехснаб"),
    ("а Восточная Мануфактура кому досталась в итоге?", "Восточная Мануфактура"),
    ("Сколько Волжский Терминал заплатил в этом году?", "Волжский Терминал"),
])
def test_a_question_about_a_company_the_team_does_not_know_names_it(text, company):
    p = u(text)
    assert (p.intent, p.customer) == ("query_customer", company), text


@pytest.mark.parametrize("text", ["Как дела, коллеги?", "Кто звонил Ивану?", "Здравствуйте! Мне подскажите, как вносить клиента?"])
def test_a_question_word_or_a_pronoun_is_no_company(text):
    assert u(text).customer is None, text
