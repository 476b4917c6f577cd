"""A note that names a known person and no company ("maria's phone is …", "у Ольги день рождения
3 марта", "王芳的电话是…") is filed under the customer that person works at, and says so; when the
last note's customer is fresh and the person is not theirs, or two customers have a person of
that name, the bot asks and keeps the note. An undo of a team setting says what it took back."""
from __future__ import annotations

from sqlalchemy import select

from storage.models import Contact, Customer


def _contacts(store) -> dict[str, tuple[str, str | None, int | None]]:
    names = {c.id: c.name for c in store.rows(select(Customer))}
    return {c.name: (names[c.customer_id], c.phone, c.birth_month) for c in store.rows(select(Contact))}


async def test_a_fact_about_a_known_person_goes_to_their_customer(bot, store, clock):
    await bot.say("Visited Harrow Mills, met Priya Nair (ops director), quote 30k")
    await bot.say("Called Tessaly Foods, talked to Ben")
    clock.advance(hours=5)                                  # the last note's customer is no longer fresh
    reply = await bot.say("priya's cell is +44 7700 900123")
    assert "Harrow Mills" in reply and "Priya" in reply and reply.wrote, reply.text
    assert _contacts(store)["Priya Nair"] == ("Harrow Mills", "+44 7700 900123", None)
    assert len(_contacts(store)) == 2                       # no second Priya at another customer
    await bot.press(reply.undo_token)
    assert _contacts(store)["Priya Nair"] == ("Harrow Mills", None, None)


async def test_russian_and_chinese_facts_about_a_known_person(bot, store, clock):
    await bot.say("Был в Кедровом Бору, познакомился с Ольгой Семёновой, главбух")
    await bot.say("拜访了鼎盛物流，见了采购王芳")
    clock.advance(hours=3)
    reply = await bot.say("у Ольги день рождения 3 марта")
    assert "Кедровый Бор" in reply.text or "Кедров" in reply.text, reply.text
    assert _contacts(store)["Ольга Семёнова"][2] == 3
    clock.advance(hours=3)
    reply = await bot.say("王芳的电话是13812345678")
    assert "鼎盛物流" in reply, reply.text
    assert _contacts(store)["王芳"][1] == "13812345678"


async def test_a_known_person_of_another_customer_than_the_fresh_one_is_asked_about(bot, store):
    await bot.say("Visited Harrow Mills, met Priya Nair (ops director)")
    await bot.say("Called Tessaly Foods, talked to Ben")
    reply = await bot.say("priya's cell is +44 7700 900123")
    assert not reply.wrote and "Harrow Mills" in reply and "Tessaly Foods" in reply, reply.text
    reply = await bot.say("Harrow Mills")
    assert reply.wrote, reply.text
    assert _contacts(store)["Priya Nair"] == ("Harrow Mills", "+44 7700 900123", None)


async def test_two_customers_with_a_person_of_that_name_are_asked_about(bot, store, clock):
    await bot.say("Visited Harrow Mills, met Sam Cole")
    await bot.say("Visited Tessaly Foods, met Sam Ortiz")
    clock.advance(hours=5)
    reply = await bot.say("sam's birthday is june 2")
    assert not reply.wrote and "Harrow Mills" in reply and "Tessaly Foods" in reply, reply.text


async def test_undoing_a_team_setting_says_what_it_took_back(bot):
    assert (await bot.say("set quiet days to 9")).wrote
    reply = await bot.say("undo")
    assert reply.wrote and "?" not in reply.text and "quiet days" in reply.text, reply.text
