"""A customer's e-mail or a calendar invite pasted whole, headers and all, in every language: the header fields
are no customer ("Sent", "To", "Re") and their days no follow-up; a mail is an e-mail touch, an invite a
meeting still ahead whose day is the follow-up; the sender is the contact, however the mail greets our rep; the
sender's domain names a known customer; the subject names the thread's customer when the rest does not. A note
with "to:" or "when:" in it is no mail (sentences written fresh)."""
from datetime import date

import pytest

from handlers.understanding import understand
from storage.vocabulary import Channel, Intent

from understanding_data import NOW

KNOWN = ["Ferncliff Optics Ltd", "Marlow & Tate Builders", "ООО «Северная Верфь»", "ТД Камнерез", "杭州明川检测技术有限公司"]


@pytest.mark.parametrize("text, customer, contact", [
    ("From: Owen Pryce <opryce@ferncliffoptics.co.uk>\nSent: Monday, November 23, 2026 5:10 PM\nTo: Sam\n"
     "Subject: RE: lens coating trial\n\nThanks Sam, the trial batch looks good, we'd like 40 more units.\n\nOwen",
     "Ferncliff Optics Ltd", "Owen Pryce"),
    ("От: Лидия Карпова <l.karpova@severnaya-verf.ru>\nОтправлено: 23 ноября 2026 г. 16:02\nКому: Игорь\nТема: RE: сварочные посты\n\n"
     "Игорь, добрый день! Смету получили, согласуем до пятницы.",
     "ООО «Северная Верфь»", "Лидия Карпова"),
    ("发件人：何静 <hejing@mingchuan-test.com>\n收件人：王伟\n主题：回复：检测设备报价\n\n王经理您好，报价已收到，下周内部评审。",
     None, "何静"),
])
def test_a_pasted_mail_is_an_email_from_its_sender(text, customer, contact):
    parse = understand(text, NOW, KNOWN)
    assert parse.intent == Intent.LOG, text
    assert parse.channel == Channel.EMAIL, text
    assert parse.contact == contact, text
    if customer:
        assert parse.customer == customer, text
    assert parse.customer not in ("Sent", "To", "RE", "Re", "Отправлено", "Кому"), text
    assert parse.followup_on != date(2026, 11, 23), text       # the day it was sent is no follow-up


def test_the_senders_address_is_kept_with_the_contact():
    parse = understand("From: Owen Pryce <opryce@ferncliffoptics.co.uk>\nSubject: coating\n\nplease call me tomorrow",
                       NOW, KNOWN)
    assert parse.contact_email == "opryce@ferncliffoptics.co.uk"


@pytest.mark.parametrize("text, day", [
    ("Invitation: Marlow & Tate / site survey\nWhen: Tuesday, December 1, 2026 10:00 AM-11:00 AM\n"
     "Where: 14 Quay St\nOrganizer: Nina Tate", date(2026, 12, 1)),
    ("Приглашение: ТД Камнерез — обсуждение поставки\nКогда: пт, 27 ноября 2026, 14:00–15:00\nОрганизатор: Павел Жуков",
     date(2026, 11, 27)),
])
def test_an_invite_is_a_meeting_ahead(text, day):
    parse = understand(text, NOW, KNOWN)
    assert parse.intent == Intent.LOG, text
    assert parse.channel is None, text
    assert parse.followup_on == day, text
    assert parse.customer in KNOWN, text


def test_the_subject_names_the_threads_customer():
    parse = understand("Re: Marlow & Tate - scaffolding hire\n\nThey want it from the 7th, I'll send the contract",
                       NOW, KNOWN)
    assert (parse.customer, parse.channel) == ("Marlow & Tate Builders", Channel.EMAIL)


@pytest.mark.parametrize("text, channel", [
    ("visited Ferncliff today\nwhen: friday, bring the samples", Channel.VISIT),
    ("Северная Верфь — звонил главному инженеру\nкогда: в пятницу перезвонить", Channel.CALL),
])
def test_a_note_with_such_labels_is_no_mail(text, channel):
    parse = understand(text, NOW, KNOWN)
    assert (parse.intent, parse.channel) == (Intent.LOG, channel), text
    assert parse.followup_on == date(2026, 11, 27), text
