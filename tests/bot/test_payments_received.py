"""A payment received ("首付款50万到账", "first payment of 500k came in", "пришла предоплата 500 тыс") is
recorded with the note and named in the reply; it is never taken for the deal's value: a won deal keeps
its amount (no second deal is opened), an open deal keeps its quote. A payment only promised ("首付款下周到账",
"deposit of 20k is due friday") names no payment. Undo takes such a note back exactly."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models import Deal, Interaction
from tests.bot.records import business, difference

WON = [  # (the quote, the signature, the payment, the amount as the reply writes it, undo)
    ("拜访了宏拓智能，报价120万", "宏拓智能签了", "首付款50万到账", "¥500,000", "撤销"),
    ("Visited Globex, quote 2M", "globex signed", "first payment of 500k came in", "$500,000", "undo"),
    ("Был в Векторе, КП 2 млн", "Вектор подписал", "пришла предоплата 500 тыс", "500\u00a0000\u00a0₽", "отмена"),
    ("Visited Initech, quote $90k", "initech signed", "initech: got the deposit of 30k today", "$30,000", "undo"),
]


@pytest.mark.parametrize(("quote", "signed", "paid", "shown", "undo"), WON)
async def test_a_payment_on_a_won_deal_is_recorded_and_the_deal_keeps_its_amount(bot, store, engine, quote,
                                                                                 signed, paid, shown, undo):
    assert (await bot.say(quote)).wrote
    assert (await bot.say(signed)).wrote
    deals = [(d.stage, d.amount_minor) for d in store.rows(select(Deal))]
    before = business(engine)
    reply = await bot.say(paid)
    assert reply.wrote, reply.text
    assert shown in reply.text, reply.text
    assert [(d.stage, d.amount_minor) for d in store.rows(select(Deal))] == deals   # no second deal, same amount
    assert any(paid in (i.text or "") for i in store.rows(select(Interaction)))      # the words are kept
    await bot.say(undo)
    assert difference(before, business(engine)) == []


@pytest.mark.parametrize(("quote", "paid", "shown", "undo"), [
    ("Был в Векторе, КП 2 млн", "Вектор: поступила предоплата 400 тыс", "400\u00a0000\u00a0₽", "отмена"),
    ("拜访了星辰科技，报价80万", "星辰科技预付款20万已经到账了", "¥200,000", "撤销"),
])
async def test_a_payment_on_an_open_deal_never_replaces_its_quote(bot, store, engine, quote, paid, shown, undo):
    assert (await bot.say(quote)).wrote
    amount = [d.amount_minor for d in store.rows(select(Deal))]
    before = business(engine)
    reply = await bot.say(paid)
    assert reply.wrote and shown in reply.text, reply.text
    assert [d.amount_minor for d in store.rows(select(Deal))] == amount
    await bot.say(undo)
    assert difference(before, business(engine)) == []


@pytest.mark.parametrize(("quote", "promised", "paid_word"), [
    ("拜访了宏拓智能，报价120万", "宏拓智能说首付款30万下周到账", "收到款项"),
    ("Visited Globex, quote 2M", "globex: deposit of 20k is due friday", "payment received"),
    ("Был в Векторе, КП 2 млн", "Вектор: аванс 300 тыс ждём в пятницу", "оплата получена"),
])
async def test_a_payment_only_promised_is_no_payment(bot, quote, promised, paid_word):
    assert (await bot.say(quote)).wrote
    reply = await bot.say(promised)
    assert paid_word not in reply.text, reply.text
