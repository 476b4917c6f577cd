"""A currency said by its sign or name is the deal's, whatever the team's own: New Taiwan dollars ("NT$48萬",
"新台币48万"), a currency named before the number ("美元5万", "港币5万"), Canadian dollars, Belarusian roubles
("бел. руб.", BYN), Uzbek sum ("5 млн сум") and "у.е." (dollars, by custom)."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models import Deal
from tests.bot.records import business, difference

SAID = [
    ("台中精機", "台中精機 報價NT$48萬，下禮拜再跟窗口確認", 48_000_000, "TWD"),
    ("台中精機", "台中精機报价新台币12万", 12_000_000, "TWD"),
    ("华彩科技", "华彩科技报价美元5万，月底前回复", 5_000_000, "USD"),
    ("华彩科技", "华彩科技 报价港币8万", 8_000_000, "HKD"),
    ("Maple Ridge Vet Clinic", "Maple Ridge Vet Clinic quote 12,000 Canadian dollars, X-ray", 1_200_000, "CAD"),
    ("Агрокомбинат Снов", "Агрокомбинат Снов, КП на 30 тыс бел. руб. по удобрениям", 3_000_000, "BYN"),
    ("Узагрокимё", "Узагрокимё КП 450 млн сум, ждут до пятницы", 45_000_000_000, "UZS"),
    ("Узагрокимё", "Узагрокимё: КП 15000 у.е. на СЗР", 1_500_000, "USD"),
]


@pytest.mark.parametrize("customer, note, minor, currency", SAID)
async def test_the_currency_said_is_the_deals(bot, store, customer, note, minor, currency):
    store.add_customers(customer)
    before = business(store.db)
    reply = await bot.say(note)
    assert reply.wrote
    [deal] = store.rows(select(Deal))
    assert (deal.amount_minor, deal.currency) == (minor, currency)
    assert (await bot.say("undo")).wrote
    assert difference(before, business(store.db)) == []
