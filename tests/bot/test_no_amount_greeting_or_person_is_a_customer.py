"""What is never a customer: an amount with its tax words ("42k inc gst"), a word of courtesy opening a note or
closing a letter ("Apologies,", "Regards,"), a person (a heading's name when the note meets someone else with a
title, the signer of a pasted mail, the sender of a pasted chat line, a Kazakh first name after the company), a
phone's label ("電話 2345 6789"). (Trial 13: customers "68k ex gst", "Apologies", "Regards", "Rakesh Bansal",
"Balwinder ji", "Айгерим" and "電話 2101".) Undo leaves the store as it was."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.adapters.console import Console
from storage.models import Contact, Customer, FollowUp
from tests.bot.conftest import let_in
from tests.bot.records import business, difference


def _names(store) -> list[str]:
    return sorted(c.name for c in store.rows(select(Customer)))


def _people(store) -> list[tuple[str, str | None]]:
    return sorted((c.name, c.role) for c in store.rows(select(Contact)))


@pytest.mark.parametrize("note, customer, person, undo", [
    ("Morgan Flats - met Tess Walker the owner, wants 2 balers. quoted 42k inc gst. call her fri",
     "Morgan Flats", ("Tess Walker", "owner"), "undo"),
    ("Kestrel Farm - Dave Lowe rang, after a new auger, quoted 12.5k ex gst", "Kestrel Farm", ("Dave Lowe", None),
     "undo"),
    ("Алтын Тас, встреча с Асель (закуп), КП на 3 печи 2,5 млн тг", "Алтын Тас", ("Асель", "закуп"), "отмена"),
    ("Жетысу Агро, звонил Ержан (главный механик), нужен ремонт сушилки", "Жетысу Агро",
     ("Ержан", "главный механик"), "отмена"),
])
async def test_the_company_heading_the_note_is_the_customer_and_the_person_its_contact(bot, engine, store, note,
                                                                                         customer, person, undo):
    before = business(engine)
    reply = await bot.say(note)
    if not reply.wrote:                          # a name the bot has not seen may be asked about: offered as new
        assert [c.label for c in reply.choices][0].endswith(customer), reply.text
        reply = await bot.say("1")
    assert reply.wrote, reply.text
    assert _names(store) == [customer], reply.text
    assert _people(store) == [person], reply.text
    await bot.say(undo)
    assert difference(before, business(engine)) == []


@pytest.mark.parametrize("first, courtesy", [
    ("Visited Kestrel Farm, quoted 42k for the baler", "Apologies, the quote was 45k and not 42k."),
    ("Visited Kestrel Farm, quoted 42k for the baler", "Cheers, will send them the brochure tomorrow"),
])
async def test_a_word_of_courtesy_opening_a_note_is_no_customer(bot, engine, store, first, courtesy):
    await bot.say(first)
    before = business(engine)
    reply = await bot.say(courtesy)
    assert reply.wrote, reply.text
    assert _names(store) == ["Kestrel Farm"], reply.text
    await bot.say("undo")
    assert difference(before, business(engine)) == []


@pytest.mark.parametrize("rep, first, mail, customer, sender, undo", [
    ("Priya", "Visited Shree Ganesh Traders, met Mr. Rakesh Mehta, quoted 2,40,000 for the pumps",
     "From: Rakesh Mehta <rakesh@shreeganeshtraders.in>\nSent: 14 January 2027 10:12\nSubject: pumps\n\n"
     "Dear Priya Madam,\nWe accept your offer, kindly send the proforma invoice.\nRegards,\nRakesh Mehta",
     "Shree Ganesh Traders", "Mr. Rakesh Mehta", "undo"),
    ("Сергей", "Алтын Тас - был у Асель (закуп), КП на 3 печи",
     "От: Асель Нурланова <a.nurlanova@altyn-tas.kz>\nОтправлено: 14 января 2027 г. 10:12\nТема: печи\n\n"
     "Сергей, добрый день!\nПросим выставить счёт на 3 печи.\nС уважением,\nАсель Нурланова",
     "Алтын Тас", "Асель", "отмена"),
])
async def test_a_pasted_mail_is_one_note_and_its_signer_no_customer(crm, engine, store, rep, first, mail, customer,
                                                                     sender, undo):
    let_in(engine, "console", "rep", rep, "admin")
    chat = Console(crm, user="rep", name=rep)
    await chat.say(first)
    before = business(engine)
    reply = await chat.say(mail)
    assert reply.wrote, reply.text
    assert _names(store) == [customer], reply.text
    assert sender in [name for name, _ in _people(store)], reply.text
    await chat.say(undo)
    assert difference(before, business(engine)) == []


@pytest.mark.parametrize("first, pasted, undo", [
    ("Visited Morgan Flats, met Tess Walker the owner, 2 balers quoted 42k",
     "Forwarding Tess's WhatsApp:\n[14/01/27, 9:05 AM] Tess Walker: mate can you do 40k for both balers", "undo"),
    ("Алтын Тас - был у Асель (закуп), КП на 3 печи",
     "Переслал из ватсапа:\n14.01.2027, 10:12 - Асель: Сергей, добрый день, ждём счёт на 3 печи", "отмена"),
    ("翠園酒家：見咗陳生（老闆），報價兩部 combi oven",
     "客戶 WhatsApp：\n[14/01/27, 13:52] 陳生: 想問下兩部 combi oven 幾時可以送到", "撤销"),
])
async def test_a_pasted_chat_line_is_a_message_from_its_sender(bot, engine, store, first, pasted, undo):
    await bot.say(first)
    if not store(Customer):
        await bot.say("1")                       # the first note asked which customer: the new one it names
    names = _names(store)
    assert len(names) == 1
    before, followups = business(engine), store(FollowUp)
    reply = await bot.say(pasted)
    assert reply.wrote, reply.text
    assert _names(store) == names, reply.text
    assert store(FollowUp) == followups, reply.text     # the time it was sent is no follow-up
    await bot.say(undo)
    assert difference(before, business(engine)) == []


@pytest.mark.parametrize("first, detail, undo", [
    ("Morgan Flats - met Tess Walker the owner, quoted 42k", "Tess Walker is the owner, 電話 2345 6789", "undo"),
    ("翠園酒家：見咗陳生（老闆），報價 HK$38,000", "Ms Chan 係 buyer，電話 2345 6789", "撤销"),
])
async def test_a_phone_label_is_no_customer(bot, engine, store, first, detail, undo):
    await bot.say(first)
    if not store(Customer):
        await bot.say("1")
    names = _names(store)
    before = business(engine)
    reply = await bot.say(detail)
    assert _names(store) == names, reply.text
    assert all("電話" not in name for name in _names(store))
    if reply.wrote:
        await bot.say(undo)
        assert difference(before, business(engine)) == []
