"""A known customer's name typed a letter or two off after a contact verb is that customer or a
question, never the last note's customer: "emailed initek the revised quote" after a note about
Umbrella asks "Initech, or another company?" and moves nothing at Umbrella; the answer applies
the note. Russian case endings and Chinese look-alikes are found as the customer they write."""
from __future__ import annotations

from sqlalchemy import select

from storage.models import Customer, Deal, Note


def _deal_of(store, name: str) -> Deal:
    [customer] = store.rows(select(Customer).where(Customer.name == name))
    [deal] = store.rows(select(Deal).where(Deal.customer_id == customer.id))
    return deal


async def test_a_typo_after_emailed_asks_and_the_last_customer_is_untouched(bot, store):
    await bot.say("called Initech, spoke w bob smith, quote 18.5k eur, call back tue")
    await bot.say("visited Umbrella Corp, met dr. lee, ~27k")
    before = _deal_of(store, "Umbrella Corp").stage
    asked = await bot.say("emailed initek the revised quote")
    assert not asked.wrote and "Initech" in asked and "initek" in asked
    assert _deal_of(store, "Umbrella Corp").stage == before and store(Note) == 2
    done = await bot.say("1")
    assert done.wrote and "Initech" in done.text
    [note] = store.rows(select(Note).order_by(Note.id.desc()).limit(1))
    [initech] = store.rows(select(Customer).where(Customer.name == "Initech"))
    assert note.customer_id == initech.id


async def test_a_capitalised_typo_is_the_customer_or_asked_about_never_a_new_one(bot, store):
    await bot.say("visited Hooli, met gavin, 80k proposal")
    await bot.say("called Globex, talked to maria")
    reply = await bot.say("texted Hoolli about the demo")
    assert "Hooli" in reply.text and "Globex" not in reply.text
    await bot.say("visited Hooli, met gavin")
    reply = await bot.say("emailed Globax re: pricing")
    assert "Globex" in reply.text and "Hooli" not in reply.text
    await bot.say("called Initech, spoke w bob")
    await bot.say("visited Hooli, met gavin")
    asked = await bot.say("emailed Initek re: revised quote")
    assert not asked.wrote and "Initech" in asked
    assert {c.name for c in store.rows(select(Customer))} == {"Hooli", "Globex", "Initech"}


async def test_russian_and_chinese_typed_names_are_the_customer_they_write(bot, store):
    await bot.say("Был в Гранит-Сервисе, КП на 300 тыс")
    await bot.say("Встреча в Векторе, обсудили сроки")
    reply = await bot.say("отправила письмо гранит-сервису")
    assert "Гранит-Сервис" in reply.text and "Вектор" not in reply.text
    await bot.say("拜访了星辰科技，报价5万")
    await bot.say("拜访了华彩集团，见了王总")
    reply = await bot.say("给星晨科技打了电话")
    assert "华彩集团" not in reply.text


async def test_names_that_differ_in_a_number_are_other_companies_not_typos(bot, store):
    await bot.say("visited Depot14 Ltd, met the manager, quote 9k")
    reply = await bot.say("called Depot15 Ltd, follow up monday")
    assert reply.wrote and "Depot15" in reply.text and "Depot14" not in reply.text
    reply = await bot.say("emailed Depot16 Ltd the price list")
    assert reply.wrote and "Depot16" in reply.text
    assert {c.name for c in store.rows(select(Customer))} == {"Depot14 Ltd", "Depot15 Ltd", "Depot16 Ltd"}
