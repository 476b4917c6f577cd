"""An amount written without a currency, on a customer with an open deal, is in that deal's
currency: a euro deal stays in euros when a Russian note says "согласен на 450 тыс", a dollar deal
in dollars when a Chinese note says "4万5". The currency changes only when the note writes another
one, and the reply then says so. Undo puts the amount back."""
from __future__ import annotations

from sqlalchemy import select

from storage.models import Deal


def _deal(store) -> Deal:
    [deal] = store.rows(select(Deal))
    return deal


async def test_a_russian_bare_amount_stays_in_the_deals_euros(bot, store, clock):
    await bot.say("Встретился с Ивановым в Техстрое, КП на 800 тыс евро")
    clock.advance(days=2)
    reply = await bot.say("созвонился с Техстроем, Иванов готов подписать за 720 тыс")
    assert "€" in reply.text and "₽" not in reply.text and "валюта" not in reply.text
    assert (_deal(store).amount_minor, _deal(store).currency) == (72_000_000, "EUR")
    await bot.say("отмена")
    assert (_deal(store).amount_minor, _deal(store).currency) == (80_000_000, "EUR")
    reply = await bot.say("Техстрой: теперь 60 млн рублей")
    assert "EUR → RUB" in reply.text and _deal(store).currency == "RUB"


async def test_a_chinese_bare_amount_stays_in_the_deals_dollars(bot, store, clock):
    await bot.say("拜访了远航物流，报价8万美元")
    clock.advance(days=1)
    reply = await bot.say("远航物流那边说可以接受7万5")
    assert "US$" in reply.text and "¥" not in reply.text and "币种" not in reply.text
    assert (_deal(store).amount_minor, _deal(store).currency) == (7_500_000, "USD")


async def test_an_english_bare_amount_stays_in_the_deals_currency_and_a_written_one_changes_it(bot, store, clock):
    await bot.say("visited Lindqvist AB, sent a quote for 120k SEK")
    clock.advance(days=3)
    reply = await bot.say("lindqvist came back, they can do 110k")
    assert (_deal(store).amount_minor, _deal(store).currency) == (11_000_000, "SEK")
    assert "currency changed" not in reply.text
    reply = await bot.say("lindqvist wants it priced in euros: 10k eur")
    assert "SEK → EUR" in reply.text and (_deal(store).amount_minor, _deal(store).currency) == (1_000_000, "EUR")
