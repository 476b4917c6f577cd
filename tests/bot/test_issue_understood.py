"""A note that reports a complaint or an inquiry is read so by understanding (`Parse.issue`), in
English, Chinese and Russian; the note's handler only stores what it was told: the issue opens
with the note, shows on the customer's card and in the report, and undo takes it back with the
note. An ordinary note opens none, and a question about complaints is a report, never an issue."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from handlers.understanding.hybrid import understand_hybrid
from storage.models import Inquiry
from storage.vocabulary import Issue
from tests.bot.conftest import Clock, bot, clock, crm, settings, store  # noqa: F401  (the chat fixtures)

OPEN_ON_CARD = ("Open inquiries and complaints:", "未处理的咨询和投诉：", "Открытые обращения и жалобы:")
NOW = datetime(2026, 11, 25, 10, tzinfo=timezone.utc)

NOTES = [
    ("Called Globex, they complained about the late delivery", Issue.COMPLAINT, "complaint recorded", "Globex"),
    ("Dropped by Initech, their buyer is unhappy with the packaging", Issue.COMPLAINT, "complaint recorded",
     "Initech"),
    ("Acme emailed, they asked about pricing for 200 units", Issue.INQUIRY, "inquiry recorded", "Acme"),
    ("星辰科技打电话投诉交货太慢", Issue.COMPLAINT, "已记录投诉", "星辰科技"),
    ("华为来电询价，要报价单", Issue.INQUIRY, "已记录咨询", "华为"),
    ("Звонили из Вектора, пожаловались на сроки поставки", Issue.COMPLAINT, "жалоба записан", "Вектор"),
    ("Гранит спрашивали про скидку на объём", Issue.INQUIRY, "запрос записан", "Гранит"),
]


@pytest.mark.parametrize("note, issue, said, customer", NOTES)
async def test_understanding_says_what_a_note_reports(note, issue, said, customer):
    assert (await understand_hybrid(note, NOW, [customer])).issue is issue


@pytest.mark.parametrize("text", ["Visited Globex, sent the quote for $42k", "拜访了星辰科技，报价12万",
                                  "Был в Векторе, отправил КП на 1,2 млн рублей"])
async def test_an_ordinary_note_reports_nothing(text):
    assert (await understand_hybrid(text, NOW, ["Globex", "星辰科技", "Вектор"])).issue is None


@pytest.mark.parametrize("question", ["complaints this month", "投诉情况", "жалобы за месяц"])
async def test_a_question_about_complaints_is_a_report_not_an_issue(question):
    parse = await understand_hybrid(question, NOW)
    assert parse.report is not None and parse.issue is None


@pytest.mark.parametrize("note, issue, said, customer", NOTES)
async def test_the_note_opens_the_issue_undo_takes_it_back(bot, store, note, issue, said, customer):
    store.add_customers(customer)
    reply = await bot.say(note)
    assert reply.wrote and said in reply.text, reply.text
    assert store(Inquiry, Inquiry.kind == issue) == 1
    card = (await bot.say(customer)).text
    assert any(f"{open_ones}\n• #" in card for open_ones in OPEN_ON_CARD), card
    await bot.say("undo")
    assert store(Inquiry) == 0


async def test_only_notes_that_report_one_open_an_issue(bot, store):
    store.add_customers("Globex")
    for note in ("Visited Globex, sent the quote for $42k", "Globex signed, $18k",
                 "Globex complained about the invoice", "Called Globex, they asked about delivery dates"):
        assert (await bot.say(note)).wrote, note
    assert store(Inquiry, Inquiry.kind == Issue.COMPLAINT) == 1
    assert store(Inquiry, Inquiry.kind == Issue.INQUIRY) == 1
    report = (await bot.say("complaints and inquiries")).text
    assert "invoice" in report and "delivery dates" in report, report
