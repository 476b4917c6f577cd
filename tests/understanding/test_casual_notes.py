"""Casual phrasings: to-do questions, role-named contacts, Russian surname-first names,
deadlines the rep owes, clock times next to dates, and amount shapes (sentences written fresh)."""
from datetime import date
from decimal import Decimal

import pytest

from handlers.understanding import understand

from understanding_data import EN, NOW, RU, ZH

TODAY, TOMORROW, FRIDAY = date(2026, 11, 25), date(2026, 11, 26), date(2026, 11, 27)
THIS_WEEK = (date(2026, 11, 23), date(2026, 11, 29))


def u(text, known=()):
    return understand(text, NOW, known or EN + ZH + RU)


# 1. follow-up questions asked casually
@pytest.mark.parametrize("text, period", [
    ("what's on my agenda for tomorrow?", (TOMORROW, TOMORROW)),
    ("anything overdue this week?", THIS_WEEK),
    ("what have I got today", (TODAY, TODAY)),
    ("who should I ping tomorrow", (TOMORROW, TOMORROW)),
    ("what do I have on Friday?", (FRIDAY, FRIDAY)),
    ("what's on my plate this week", THIS_WEEK),
    ("что у меня сегодня по плану?", (TODAY, TODAY)),
    ("план на завтра", (TOMORROW, TOMORROW)),
    ("какие дела на эту неделю", THIS_WEEK),
    ("что мне нужно сделать сегодня", (TODAY, TODAY)),
    ("今天有什么安排", (TODAY, TODAY)),
    ("我明天的任务", (TOMORROW, TOMORROW)),
    ("这周要做什么", THIS_WEEK),
    ("周五有什么待办", (FRIDAY, FRIDAY)),
])
def test_casual_followup_questions(text, period):
    p = u(text)
    assert (p.intent, p.period) == ("followups", period)


def test_todo_list_without_period():
    assert u("my todo list").intent == "followups"
    assert u("мои дела").intent == "followups"


def test_question_about_a_customer_stays_a_query():
    p = u("what do I have on Globex?")
    assert (p.intent, p.customer) == ("query_customer", "Globex Industries")


# 2. a contact named right after a job title
@pytest.mark.parametrize("text, contact, role", [
    ("caught up with Initech's procurement lead Dana Scully about the renewal", "Dana Scully", "procurement lead"),
    ("Acme's head of operations, Lena Olsen, wants a second demo", "Lena Olsen", "head of operations"),
    ("call with their IT director (Raj Patel), all good", "Raj Patel", "IT director"),
    ("lunch with the VP of Sales Jim Beam from Globex", "Jim Beam", "VP of Sales"),
    ("met their tech lead, Omar Haddad, at the Northwind office", "Omar Haddad", "tech lead"),
])
def test_contact_after_role(text, contact, role):
    p = u(text, EN)
    assert (p.contact, p.contact_role) == (contact, role)


def test_sales_lead_is_not_a_person():
    assert u("new sales lead Zenith Partners from the webinar", EN).contact is None


# 3. Russian names written surname first, in an oblique case
@pytest.mark.parametrize("text, contact", [
    ("Позвонил Кузнецову Дмитрию из Вектора, ждут счёт", "Кузнецов Дмитрий"),
    ("Обсудили с главбухом Ивановой Мариной условия оплаты", "Иванова Марина"),
    ("Написал Лебедевой Ольге в телеграм по Уралстали", "Лебедева Ольга"),
    ("Переговоры с Волковым Андреем Сергеевичем прошли хорошо", "Волков Андрей Сергеевич"),
    ("Встретились с Еленой Викторовной из Добрый Хлеб", "Елена Викторовна"),
])
def test_russian_surname_first(text, contact):
    assert u(text, RU).contact == contact


# 4. deadlines the rep owes vs the customer's own promise
@pytest.mark.parametrize("text, day", [
    ("Globex wants the revised quote by Friday", FRIDAY),
    ("Initech is waiting for our specs by Thursday", TOMORROW),
    ("Альфа-Строй ждут от нас смету до пятницы", FRIDAY),
    ("Уралсталь просили прислать договор до четверга", TOMORROW),
    ("远航物流要求周五前提供方案", FRIDAY),
    ("Globex: they'll get back to us by Friday", None),
    ("Initech said they will sign by Friday", None),
    ("Добрый Хлеб: подпишут до пятницы", None),
    ("海天食品说他们周五前给答复", None),
])
def test_who_owes_the_deadline(text, day):
    assert u(text).followup_on == day


# 5. a clock time next to a date
@pytest.mark.parametrize("text, day", [
    ("demo with Globex tmrw at 11:30am", TOMORROW),
    ("Initech 2pm Friday", FRIDAY),
    ("Globex: next call Fri 9:00", FRIDAY),
    ("Вектор: созвон в пятницу в 16:30", FRIDAY),
    ("с Уралсталью завтра в 10.00 встреча", TOMORROW),
    ("远航物流明天上午10:30开会", TOMORROW),
    ("海天食品周五下午两点半见面", FRIDAY),
])
def test_clock_time_keeps_the_day(text, day):
    assert u(text).followup_on == day


# 6. amount shapes
@pytest.mark.parametrize("text, amount, currency", [
    ("Globex renewal ~ $18k/yr", 18000, "USD"),
    ("Initech budget EUR 40,500", 40500, "EUR"),
    ("Globex deal 9 500 €", 9500, "EUR"),
    ("Initech offer 24.000 €", 24000, "EUR"),
    ("Acme deal around 2.5 mil", 2500000, None),
    ("Acme signed, two hundred thousand dollars", 200000, "USD"),
    ("Globex contract worth half a million", 500000, None),
    ("远航物流报价¥12.5万", 125000, "CNY"),
    ("华润建设签了，三百万", 3000000, "CNY"),
    ("海天食品合同额一百二十万元", 1200000, "CNY"),
    ("星辰软件报价5千元", 5000, "CNY"),
    ("Вектор: договор на два с половиной миллиона", 2500000, "RUB"),
    ("Вектор подписали на полтора миллиона рублей", 1500000, "RUB"),
    ("Уралсталь: бюджет триста тысяч", 300000, "RUB"),
    ("Уралсталь КП на 2,3 млн руб.", 2300000, "RUB"),
])
def test_amount_shapes(text, amount, currency):
    p = u(text)
    assert (p.amount, p.currency) == ((Decimal(amount) if amount is not None else None), currency)


@pytest.mark.parametrize("text", [
    "Globex wants 20% off", "Initech needs 12 000 licences", "Вектор: три тысячи штук к марту",
    "华润建设要三千台", "千万别忘了给远航物流打电话", "Вектор: миллион вопросов по договору",
])
def test_counts_and_idioms_are_not_amounts(text):
    assert u(text).amount is None
