"""A new customer's name ends where the name ends: what the rep did and "w"/"with"/"w/" before it,
"@ the event" after it, a Russian preposition opening the note ("По Мосхиму:", "Для Стройкомплекта"),
"刚从 … 出来" around a Chinese one are never part of it. Three languages, the note kept whole."""
from __future__ import annotations

from sqlalchemy import select

from storage.models import Contact, Customer


def _names(store) -> list[str]:
    return sorted(c.name for c in store.rows(select(Customer)))


async def test_a_verb_and_w_before_a_lower_case_name_are_not_part_of_it(bot, store):
    reply = await bot.say("met w umbrella corp - Jane Doe, CTO, wants a demo next week")
    assert reply.wrote and _names(store) == ["umbrella corp"]
    [jane] = store.rows(select(Contact))
    assert jane.name == "Jane Doe"


async def test_called_w_slash_and_visited_are_not_part_of_a_name(bot, store):
    await bot.say("coffee w/ initech llc folks, they want pricing")
    await bot.say("visited acme corp @ their hq, sent quote 12k")
    assert _names(store) == ["acme corp", "initech llc"]


async def test_at_sign_and_the_event_after_a_name_are_not_part_of_it(bot, store):
    reply = await bot.say("met the COO of Bramble Freight @ the chamber breakfast. wants a proposal. 40K")
    assert reply.wrote and _names(store) == ["Bramble Freight"]
    again = await bot.say("Bramble Freight signed. 40k")
    assert again.wrote and _names(store) == ["Bramble Freight"]


async def test_a_russian_preposition_opening_a_note_is_not_part_of_the_name(bot, store):
    reply = await bot.say("По Теплотреку: договор ушёл к их юристам, сумма 890 000 руб.")
    assert reply.wrote and _names(store) == ["Теплотрек"]
    await bot.say("Для Стройкомплекта отправил КП на 300 тыс")
    assert _names(store) == ["Стройкомплект", "Теплотрек"]


async def test_just_left_around_a_chinese_name_is_not_part_of_it(bot, store):
    reply = await bot.say("刚从华远物流出来 王总说下周签 报价15万")
    assert reply.wrote and _names(store) == ["华远物流"]


async def test_a_forwarded_message_marker_is_no_customer(bot, store):
    await bot.say('fwd: "Hi, this is Tom from Cobalt Ridge Movers, we want pricing for 12 trucks"')
    assert "fwd" not in [n.lower() for n in _names(store)]
    await bot.say("написал в LinkedIn директору Альтаир-Групп, ответил — давайте созвонимся в среду")
    assert "LinkedIn" not in _names(store)
