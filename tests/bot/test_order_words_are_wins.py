"""An order placed or confirmed, a go-ahead to our price, a payment in full or the customer's name with
"won" moves the open deal to won, in each language ("Rosie's Deli confirmed the order", "Pat says go ahead
… £1,100 all in", "rosies won", "华信科技追加订单", "Альфа: КП согласовали, выставляю счёт"); an order
still to come ("will confirm the order next week", "waiting for the PO", "ждут счёт на согласование",
"还没下单") leaves the deal where it was. Undo gives the store back as it was before the note."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models import Deal
from tests.bot.records import business, difference

FIRST = {"en": "Rosie's Deli - met Pat, quoted 12 urns £1,100",
         "ru": "Был в Альфе, отправил КП на 300 тыс",
         "zh": "拜访了华信科技，报价8万"}
UNDO = {"en": "undo", "ru": "отмена", "zh": "撤销"}


def _stages(store) -> list[str]:
    return [str(d.stage) for d in store.rows(select(Deal))]


@pytest.mark.parametrize(("lang", "won"), [
    ("en", "Rosie's Deli confirmed the order, 12 urns"),
    ("en", "rosies won"),
    ("en", "Rosie's Deli - Pat says go ahead with the urns, £1,100 all in"),
    ("en", "Rosie's Deli paid in full this morning"),
    ("en", "Rosie's Deli paid upfront for the urns"),
    ("en", "Rosie's Deli: order is confirmed, delivery next week"),
    ("ru", "Альфа: КП согласовали, выставляю счёт"),
    ("ru", "Альфа разместила заказ"),
    ("zh", "华信科技追加订单了，8万"),
    ("zh", "华信科技 新订单 8万"),
])
async def test_an_order_word_wins_the_open_deal_and_undo_restores_it(bot, store, engine, lang, won):
    store.add_customers("Rosie's Deli", "ООО «Альфа»", "华信科技")
    assert (await bot.say(FIRST[lang])).wrote
    assert _stages(store) == ["proposal"]
    before = business(engine)
    reply = await bot.say(won)
    assert reply.wrote, reply.text
    assert _stages(store) == ["won"], reply.text
    await bot.say(UNDO[lang])
    assert difference(before, business(engine)) == []


@pytest.mark.parametrize(("lang", "not_yet"), [
    ("en", "Rosie's Deli will confirm the order next week"),
    ("en", "Rosie's Deli - still waiting for the PO"),
    ("en", "Rosie's Deli - waiting for the go ahead from the owner"),
    ("ru", "Альфа ждут счёт на согласование"),
    ("ru", "Альфа: заказ пока не разместили"),
    ("zh", "华信科技还没下单"),
    ("zh", "华信科技问有没有新订单的优惠"),
])
async def test_an_order_still_to_come_wins_nothing(bot, store, lang, not_yet):
    store.add_customers("Rosie's Deli", "ООО «Альфа»", "华信科技")
    assert (await bot.say(FIRST[lang])).wrote
    reply = await bot.say(not_yet)
    assert "won" not in _stages(store), reply.text


@pytest.mark.parametrize(("text", "amount"), [
    ("Tansy Bakery - they'll take 400 boxes at 30p = £120, sending invoice today", 12000),
    ("Тансу: заказ подтвердили, 400 коробок на 12 тыс", 1200000),
    ("坦斯烘焙 下单了 400个盒子 共1.2万", 1200000),
])
async def test_a_new_customers_order_opens_its_deal_won(bot, store, engine, text, amount):
    store.add_customers("Tansy Bakery", "ООО «Тансу»", "坦斯烘焙")
    before = business(engine)
    reply = await bot.say(text)
    assert reply.wrote, reply.text
    assert [(str(d.stage), d.amount_minor) for d in store.rows(select(Deal))] == [("won", amount)], reply.text
    await bot.say({"Tan": "undo", "Тан": "отмена"}.get(text[:3], "撤销"))
    assert difference(before, business(engine)) == []
