"""An order told by what goes with it wins the open deal at the sum the note gives: a PO told by its
number ("PO no. HD-5521 for £8,800": the number is no amount), the goods delivered and billed ("delivered
the chairs, invoice sent", "货已经送到了，发票也开了"), a dictated order with its sum ("заказывает … на сумму
двести восемьдесят тысяч, оплата по счёту": the terms of payment are no invoice); a deposit paid moves the
deal on and is named in the reply. Undo restores the store exactly."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models import Deal, Inquiry
from tests.bot.records import business, difference

_UNDO = {"en": "undo", "ru": "отмена", "zh": "撤销"}


def _deals(store) -> list[tuple[str, int | None]]:
    return [(str(d.stage), d.amount_minor) for d in store.rows(select(Deal).order_by(Deal.id))]


@pytest.mark.parametrize(("lang", "quote", "order", "minor"), [
    ("en", "Visited Harrow Dental, quoted £9k for 3 chairs",
     "Harrow Dental - Dr Mills approved!! PO no. HD-5521 for £8,800", 880_000),
    ("en", "Visited Harrow Dental, quoted £9k for 3 chairs",
     "Harrow Dental - we delivered the chairs today, Dr Mills pleased. invoice sent £8,950", 895_000),
    ("ru", "Был в Ростверке, КП на 300 тыс отправил",
     "Ростверк заказывает арматуру двадцать тонн на сумму двести восемьдесят тысяч оплата по счёту", 28_000_000),
    ("zh", "拜访了华鼎建材，报价6万", "华鼎建材 货已经送到了，发票也开了，5.8万", 5_800_000),
])
async def test_an_order_told_wins_the_open_deal_at_its_sum(bot, store, engine, lang, quote, order, minor):
    store.add_customers("Harrow Dental", "ООО «Ростверк»", "华鼎建材")
    assert (await bot.say(quote)).wrote
    before = business(engine)
    reply = await bot.say(order)
    assert _deals(store) == [("won", minor)], reply.text
    assert store(Inquiry) == 0, reply.text
    await bot.say(_UNDO[lang])
    assert difference(before, business(engine)) == []


async def test_a_po_still_awaited_wins_nothing(bot, store):
    store.add_customers("Harrow Dental")
    await bot.say("Visited Harrow Dental, quoted £9k for 3 chairs")
    await bot.say("Harrow Dental - still waiting on PO #5521")
    assert [s for s, _ in _deals(store)] == ["proposal"]


@pytest.mark.parametrize(("lang", "quote", "paid", "said"), [
    ("en", "Visited Harrow Dental, quoted £9k for 3 chairs", "Harrow Dental paid a 30% deposit today, £2,700",
     "payment received: £2,700"),
    ("ru", "Был в Ростверке, КП на 300 тыс отправил", "Ростверк: Олег Петрович внёс предоплату сто тысяч",
     "оплата получена: 100 000 ₽"),
    ("zh", "拜访了华鼎建材，报价6万", "华鼎建材 付了30%定金", None),
])
async def test_a_deposit_paid_moves_the_deal_on_and_is_named(bot, store, engine, lang, quote, paid, said):
    store.add_customers("Harrow Dental", "ООО «Ростверк»", "华鼎建材")
    assert (await bot.say(quote)).wrote
    before = business(engine)
    reply = await bot.say(paid)
    assert [s for s, _ in _deals(store)] == ["won"], reply.text
    if said:
        assert said in reply.text.replace("\xa0", " ")
    await bot.say(_UNDO[lang])
    assert difference(before, business(engine)) == []
