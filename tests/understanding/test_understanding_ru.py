"""Russian chat notes, written fresh (not the eval set)."""
from datetime import date
from decimal import Decimal

from handlers.understanding import understand

from understanding_data import NOW, RU


def u(text, known=RU):
    return understand(text, NOW, known)


def test_meeting_director_in_instrumental_case():
    p = u("Встретился с директором Вектора Петром Ивановым, обсудили поставку. Отправил КП на 750 тыс. руб. "
          "Перезвоню в понедельник")
    assert (p.lang, p.customer, p.contact, p.contact_role) == ("ru", "ООО «Вектор»", "Пётр Иванов", "директор")
    assert (p.channel, p.stage, p.amount, p.currency) == ("meeting", "proposal", Decimal(750000), "RUB")
    assert p.followup_on == date(2026, 11, 30)


def test_call_budget_confirmed():
    p = u("Позвонил в Уралсталь, говорил с Еленой Смирновой из отдела закупок, бюджет подтвердили")
    assert (p.customer, p.contact, p.channel, p.stage) == ("АО «Уралсталь»", "Елена Смирнова", "call", "qualified")


def test_signed_millions_of_roubles():
    p = u("Добрый Хлеб подписали контракт на 4,5 млн рублей!")
    assert (p.stage, p.amount, p.currency) == ("won", Decimal(4500000), "RUB")


def test_went_to_competitor():
    p = u("Альфа-Строй ушли к конкуренту")
    assert (p.customer, p.stage) == ("ООО «Альфа-Строй»", "lost")


def test_visit_and_haggling_percent_is_not_amount():
    p = u("Съездил в Северсталь Трейд, показал оборудование, торгуются по цене, просят скидку 10%")
    assert (p.customer, p.channel, p.stage, p.amount) == ("ООО «Северсталь Трейд»", "visit", "negotiation", None)


def test_birthday_genitive_contact():
    p = u("У Марии Петровны из Вектора день рождения 8 марта")
    assert (p.customer, p.contact, p.birthday) == ("ООО «Вектор»", "Мария Петровна", "03-08")


def test_reminder_day_after_tomorrow_dative_customer():
    p = u("напомни написать Уралстали послезавтра")
    assert (p.customer, p.followup_on, p.channel) == ("АО «Уралсталь»", date(2026, 11, 27), None)


def test_new_company_with_contact_details():
    p = u("Познакомился на конференции с ООО «Ромашка», контактное лицо Анна Ковалева, тел. +7 916 123-45-67, "
          "email anna@romashka.ru. Через неделю отправлю презентацию")
    assert (p.customer, p.customer_known, p.stage, p.channel) == ("ООО «Ромашка»", False, "lead", "meeting")
    assert (p.contact, p.contact_phone, p.contact_email) == ("Анна Ковалева", "+7 916 123-45-67", "anna@romashka.ru")
    assert p.followup_on == date(2026, 12, 2)


def test_whatsapp_message_wait_until_friday():
    # their answer expected by Friday is the customer's step, not the writer's (no follow-up)
    p = u("Написал в вотсап Андрею из Альфа-Строя, ждём ответа до пятницы")
    assert (p.customer, p.contact, p.channel, p.followup_on) == ("ООО «Альфа-Строй»", "Андрей", "message", None)


def test_moved_call_to_a_date():
    p = u("созвон с Уралсталью перенесли на 15 декабря")
    assert (p.customer, p.followup_on) == ("АО «Уралсталь»", date(2026, 12, 15))


def test_amount_grew_to():
    p = u("Вектор: сумма сделки выросла до 2 млн")
    assert (p.amount, p.currency) == (Decimal(2000000), "RUB")


def test_next_week_tuesday_and_end_of_month():
    assert u("в следующий вторник заеду в Вектор").followup_on == date(2026, 12, 1)
    assert u("в конце месяца напишу Доброму Хлебу").followup_on == date(2026, 11, 30)
    assert u("Доброму Хлебу позвоню через две недели").followup_on == date(2026, 12, 9)


def test_questions_and_commands():
    p = u("Что по Вектору?")
    assert (p.intent, p.customer) == ("query_customer", "ООО «Вектор»")
    p = u("Воронка на следующий месяц")
    assert (p.intent, p.period) == ("pipeline", (date(2026, 12, 1), date(2026, 12, 31)))
    assert u("какие у меня задачи на сегодня").intent == "followups"
    p = u("сколько встреч провела команда в этом месяце?")
    assert (p.intent, p.period) == ("activity", (date(2026, 11, 1), date(2026, 11, 30)))
    assert u("отмена").intent == "undo"
    assert (u("готово 2").intent, u("готово 2").done_ref) == ("done", 2)
    assert u("Как добавить клиента?").intent == "help"


def test_small_talk_is_unknown():
    assert u("Привет, как дела?").intent == "unknown"
