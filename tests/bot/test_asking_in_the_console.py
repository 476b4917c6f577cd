"""Asking which customer, as a console user sees it: every button of the question is shown (the
choices, "new customer X", cancel); a number that is none of the choices asks again and keeps the
note; the answer by number or by name then applies the whole note. Three languages."""
from __future__ import annotations

from sqlalchemy import select

from bot.adapters.console import render
from storage.models import ChatState, Customer, Deal, FollowUp, Note


def _pending(store) -> bool:
    return any(state.pending for state in store.rows(select(ChatState)))


async def test_the_console_shows_the_choices_and_a_wrong_number_asks_again(bot, store):
    await bot.say("Visited Harbor Lane Dental, met Eve Park, follow up Friday")
    reply = await bot.say("Harbor Lane Vet wants a quote, sent it for 9k")
    assert not reply.wrote
    shown = render(reply)
    assert "[1. Harbor Lane Dental]" in shown and "[2. new customer Harbor Lane Vet]" in shown and "[Cancel]" in shown
    again = await bot.say("7")
    assert not again.wrote and "from 1 to 2" in again and "Harbor Lane Dental" in again
    assert [c.data for c in again.choices] == [c.data for c in reply.choices]
    assert _pending(store) and store(Note) == 1
    done = await bot.say("2")
    assert done.wrote and "Harbor Lane Vet" in done
    [vet] = store.rows(select(Customer).where(Customer.name == "Harbor Lane Vet"))
    [deal] = store.rows(select(Deal).where(Deal.customer_id == vet.id))
    assert deal.amount_minor == 900_000 and store(FollowUp) == 1


async def test_a_russian_wrong_number_asks_again_and_the_name_applies_the_note(bot, store):
    store.add_customers("ООО «Северная Звезда»")
    await bot.say("Встреча в Ромашке, подписали договор")
    reply = await bot.say("Северная Звезда Логистик попросила КП на 400 тыс, отправлю в пятницу")
    assert not reply.wrote and "[Отмена]" in render(reply)
    again = await bot.say("5")
    assert not again.wrote and "от 1 до 2" in again and _pending(store)
    done = await bot.say("Северная Звезда Логистик")
    assert done.wrote and "Северная Звезда Логистик" in done
    [star] = store.rows(select(Customer).where(Customer.name == "Северная Звезда Логистик"))
    assert store(FollowUp, FollowUp.customer_id == star.id) == 1


async def test_a_chinese_wrong_number_asks_again_and_a_right_one_applies_the_note(bot, store):
    await bot.say("拜访了华彩科技，见了王总，报价20万")
    reply = await bot.say("华彩集团的李总说想要方案，下周二发过去")
    assert not reply.wrote and "[1. 华彩科技]" in render(reply)
    again = await bot.say("9")
    assert not again.wrote and "1 到" in again and _pending(store) and store(Note) == 1
    done = await bot.say("2")
    assert done.wrote and "华彩集团" in done and store(Note) == 2


async def test_a_new_name_with_its_number_typed_as_the_answer_applies_the_note(bot, store, clock):
    await bot.say("Встреча в Ромашке, подписали договор")
    clock.advance(hours=3)  # the last note is no longer fresh
    reply = await bot.say("попросили КП на 200 тыс, перезвоню в пятницу")
    assert not reply.wrote
    done = await bot.say("Хлебозавод №3")
    assert done.wrote and "Хлебозавод №3" in done
    [bakery] = store.rows(select(Customer).where(Customer.name == "Хлебозавод №3"))
    assert store(FollowUp, FollowUp.customer_id == bakery.id) == 1
