""""это был Вектор, не Уралхиммаш" / "it was initech, not globex" / "是蓝海物流，不是星辰科技" right after
a note says the note was about another customer: the whole note moves there (a new customer when
the name is new, in its base form), with before → after and undo; never a new note, never a
question. Days or amounts said the same way ("it was tuesday, not friday") are not customers."""
from __future__ import annotations

from sqlalchemy import select

from storage.models import Customer, Deal, Interaction, Note


def _deals(store) -> dict[str, tuple]:
    names = {c.id: c.name for c in store.rows(select(Customer))}
    return {names[d.customer_id]: (d.stage, d.amount_minor, d.currency) for d in store.rows(select(Deal))}


async def test_russian_it_was_x_not_y_moves_the_note_to_a_new_customer(bot, store):
    await bot.say("была в Стройинвесте, КП на 3,2 млн отправила")
    notes = store(Note)
    reply = await bot.say("это был Гранит, не Стройинвест")
    assert "Стройинвест → Гранит" in reply and reply.wrote
    assert _deals(store) == {"Гранит": ("proposal", 320_000_000, "RUB")}
    assert store(Interaction) == 1 and store(Note) == notes + 1     # the correction's own note, no new interaction
    await bot.press(reply.undo_token)
    assert _deals(store) == {"Стройинвест": ("proposal", 320_000_000, "RUB")}
    reply = await bot.say("нет, это было у Гранита, а не у Стройинвеста")
    assert "Стройинвест → Гранит" in reply                         # the name in its base form


async def test_english_it_was_x_not_y_moves_the_note_to_a_known_customer(bot, store):
    store.add_customers("Initech")
    await bot.say("Visited Globex, sent quote 42k")
    reply = await bot.say("it was initech, not globex")
    assert "Globex → Initech" in reply
    assert _deals(store) == {"Initech": ("proposal", 4_200_000, "USD")}
    assert (await bot.say("undo")).wrote
    assert _deals(store) == {"Globex": ("proposal", 4_200_000, "USD")}


async def test_chinese_it_was_x_not_y_moves_the_note(bot, store):
    await bot.say("拜访了星辰科技，报价12万")
    reply = await bot.say("是蓝海物流，不是星辰科技")
    assert "星辰科技 → 蓝海物流" in reply
    assert _deals(store) == {"蓝海物流": ("proposal", 12_000_000, "CNY")}


async def test_a_day_or_an_amount_said_the_same_way_is_no_customer(bot, store):
    await bot.say("Visited Globex, sent quote 42k, follow up Friday")
    reply = await bot.say("it was 45k, not 42k")
    assert "$42,000 → $45,000" in reply
    assert sorted(c.name for c in store.rows(select(Customer))) == ["Globex"]


async def test_it_was_x_not_y_naming_another_customer_than_the_notes_changes_nothing(bot, store):
    store.add_customers("Initech", "Hooli")
    await bot.say("Visited Globex, sent quote 42k")
    before = _deals(store)
    reply = await bot.say("it was initech, not hooli")
    assert not reply.wrote and "Which customer" in reply
    assert _deals(store) == before
