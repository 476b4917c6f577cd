"""An amount written without a currency is in the team's currency once the team set one ("КП на 3 млн"
in a team in tenge is ₸ 3,000,000), a team still in US dollars takes the writer's language's (roubles,
yuan); a currency written beside the amount ("4,8 млн тг", "5m tenge", "300万坚戈", "₸") always wins."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models import Deal

SET = {"ru": "валюта KZT", "zh": "币种设为HKD", "en": "set currency to EUR"}
BARE = {"ru": ("Был в Алматы Кейтеринг, КП на 3 млн", 300_000_000, "KZT"),
        "zh": ("拜访了翠华餐厅，报价18万", 18_000_000, "HKD"),
        "en": ("Visited Corvel Labs, quote 40k", 4_000_000, "EUR")}


@pytest.mark.parametrize("lang", BARE)
async def test_a_bare_amount_is_in_the_teams_own_currency(bot, store, lang):
    assert (await bot.say(SET[lang])).wrote
    note, minor, currency = BARE[lang]
    assert (await bot.say(note)).wrote
    assert [(d.amount_minor, d.currency) for d in store.rows(select(Deal))] == [(minor, currency)]


@pytest.mark.parametrize("note, minor", [
    ("Был в Рахат-Фуд, КП на 4,8 млн тг", 480_000_000), ("Был в Астана Плаза, КП на 2 млн тенге", 200_000_000),
    ("Visited Steppe Foods, quote 5m tenge", 500_000_000), ("拜访了草原食品，报价300万坚戈", 300_000_000),
    ("Был в Шымкент Трейд, КП на 900 тыс ₸", 90_000_000)])
async def test_tenge_written_is_tenge_in_any_team(bot, store, note, minor):
    assert (await bot.say(note)).wrote
    assert [(d.amount_minor, d.currency) for d in store.rows(select(Deal))] == [(minor, "KZT")]


async def test_a_team_in_dollars_keeps_the_writers_language_currency(bot, store):
    await bot.say("Был в Векторе, КП на 1,2 млн")
    await bot.say("拜访了星辰科技，报价12万")
    assert sorted(store.rows(select(Deal.currency))) == ["CNY", "RUB"]
