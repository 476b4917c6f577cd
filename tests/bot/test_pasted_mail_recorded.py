"""A rep pastes a customer's e-mail or a calendar invite whole, in every language: the bot records an e-mail
from the sender at the customer the sender's domain or the subject names, with the sender's address; an
invite becomes a follow-up on its day and no touch yet. Nothing is filed under "Sent", "To" or "Re". Undo
takes it back exactly."""
from __future__ import annotations

import pytest
from sqlmodel import select

from storage.models import Contact, Customer, FollowUp, Interaction
from tests.bot.records import business, difference

MAILS = [
    ("From: Owen Pryce <opryce@ferncliffoptics.co.uk>\nSent: Monday, December 7, 2026 8:10 AM\nTo: Anna\n"
     "Subject: RE: lens coating trial\n\nThanks Anna, the trial batch looks good, we'd like 40 more units.",
     "Ferncliff Optics Ltd", "Owen Pryce", "undo"),
    ("От: Лидия Карпова <l.karpova@severnaya-verf.ru>\nОтправлено: 7 декабря 2026 г. 9:02\nКому: Анна\n"
     "Тема: RE: сварочные посты\n\nАнна, добрый день! Смету получили, согласуем до пятницы.",
     "ООО «Северная Верфь»", "Лидия Карпова", "отмена"),
    ("发件人：何静 <hejing@mingchuan-test.com>\n收件人：安娜\n主题：回复：明川检测 设备报价\n\n"
     "您好，报价已收到，下周内部评审。",
     "杭州明川检测技术有限公司", "何静", "撤销"),
]


@pytest.mark.parametrize(("text", "customer", "contact", "undo"), MAILS)
async def test_a_pasted_mail_is_an_email_from_its_sender(bot, store, engine, text, customer, contact, undo):
    store.add_customers("Ferncliff Optics Ltd", "ООО «Северная Верфь»", "杭州明川检测技术有限公司")
    before = business(engine)
    reply = await bot.say(text)
    assert store(Customer) == 3, reply.text                      # no customer "Sent", "To", "Re"
    touch = store.rows(select(Interaction))
    assert [t.channel for t in touch] == ["email"], reply.text
    person = store.rows(select(Contact))
    assert [p.name for p in person] == [contact], reply.text
    assert customer in reply.text
    await bot.say(undo)
    assert difference(before, business(engine)) == []


async def test_an_invite_is_a_follow_up_on_its_day(bot, store, engine):
    store.add_customers("Marlow & Tate Builders")
    before = business(engine)
    reply = await bot.say("Invitation: Marlow & Tate / site survey\n"
                          "When: Thursday, December 10, 2026 10:00 AM-11:00 AM\n"
                          "Where: 14 Quay St\nOrganizer: Nina Tate")
    assert store(Interaction) == 0, reply.text
    assert [str(f.due) for f in store.rows(select(FollowUp))] == ["2026-12-10"], reply.text
    await bot.say("undo")
    assert difference(before, business(engine)) == []


async def test_a_first_name_signing_or_a_subject_is_no_new_customer(bot, store):
    reply = await bot.say("From: Ruth Bell <ruth.bell@kingsmead.nhs.uk>\nSubject: RE: Coagulation analyser tender\n\n"
                          "Hi Anna, the closing date has moved to 5 Feb. Budget confirmed at €90,000. Regards, Ruth")
    names = [c.name for c in store.rows(select(Customer))]
    assert "Ruth" not in names and not any("analyser" in n for n in names), reply.text
