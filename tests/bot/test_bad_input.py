"""Bad input gets a clear reply in the user's language and writes nothing half-way."""
from __future__ import annotations

from sqlalchemy import select

from bot.incoming import Incoming
from storage.models import Customer, Deal, FollowUp, Interaction, Note


def _nothing_written(store) -> bool:
    return store(Note) == 0 and store(Interaction) == 0 and store(Deal) == 0 and store(FollowUp) == 0


async def test_empty_and_whitespace(bot, store):
    for text in ("", "   ", "\n\t "):
        reply = await bot.say(text)
        assert "empty" in reply.text.lower()
    assert _nothing_written(store)


async def test_twenty_thousand_characters(bot, store):
    reply = await bot.say("Visited Globex. " * 1250)
    assert "too long" in reply.text and "4000" in reply.text
    assert _nothing_written(store) and store(Customer) == 0
    reply = await bot.say("拜访了星辰科技。" * 2600)
    assert "太长" in reply.text


async def test_control_characters_are_dropped(bot, store):
    reply = await bot.say("Called\x00\x07 Globex\u200b Corporation\x1b, no answer")
    assert "binary" not in reply.text.lower() or store(Note) == 0
    reply = await bot.say("Called Globex\x07 Corporation, no answer")
    assert "Globex Corporation" in reply
    [customer] = store.rows(select(Customer))
    assert "\x07" not in customer.name


async def test_binary_garbage(bot, store):
    reply = await bot.say(bytes(range(256)).decode("latin-1") * 4)
    assert "text" in reply.text.lower()
    assert _nothing_written(store)


async def test_emoji_only_gets_help(bot, store):
    reply = await bot.say("🎉🔥👍")
    assert "Visited" in reply  # the help text
    assert _nothing_written(store)


async def test_markup_and_sql_in_a_name_are_kept_as_typed(bot, store):
    reply = await bot.say("Visited <b>_*[x]'); DROP TABLE customer;-- Inc, sent the quote for $5k")
    assert store(Customer) == 1
    [customer] = store.rows(select(Customer))
    assert "DROP TABLE" in customer.name or "<b>" in customer.name
    assert customer.name in reply


async def test_amount_without_number(bot, store):
    reply = await bot.say("Sent Globex the quote for $")
    assert "amount" in reply.text.lower() and "Nothing was recorded" in reply.text
    assert _nothing_written(store)


async def test_date_that_does_not_exist(bot, store):
    reply = await bot.say("Called Globex, follow up on Feb 30")
    assert "date" in reply.text.lower() and "Nothing was recorded" in reply.text
    assert _nothing_written(store)
    reply = await bot.say("Звонил в Вектор, созвонимся 31 февраля")
    assert "Ничего не записано" in reply.text
    assert _nothing_written(store)


async def test_stranger_on_telegram_gets_one_polite_refusal_and_nothing_else(crm, bot, store):
    await bot.say("Visited Globex Corporation, sent the quote for $42k")
    reply = await crm.handle(Incoming(platform="telegram", account_id="999", chat_id="999",
                                      message_id="1", text="what do we know about Globex"))
    assert "members" in reply.text and "Globex" not in reply.text and "42" not in reply.text
    reply = await crm.handle(Incoming(platform="telegram", account_id="999", chat_id="999",
                                      message_id="2", text="что по Глобексу?"))
    assert reply is None  # one refusal, then silence
    reply = await crm.handle(Incoming(platform="telegram", account_id="777", chat_id="777",
                                      message_id="3", text="что по Глобексу?"))
    assert "Извините" in reply.text


async def test_a_redelivered_message_is_applied_once(crm, store):
    message = Incoming(platform="console", account_id="anna", chat_id="anna", message_id="m-1",
                       text="Visited Globex Corporation, sent the quote for $42k")
    assert (await crm.handle(message)) is not None
    assert (await crm.handle(message)) is None
    assert store(Deal) == 1 and store(Interaction) == 1
