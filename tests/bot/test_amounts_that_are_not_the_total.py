"""Amounts that are not the deal's total as written: a tender's lots add up to our bid and a lot's number is
never money ("по лоту 1 — 6,2 млн, по лоту 2 — 1,8 млн" is 8 млн, never 1 млн; "lot 1 £40k, lot 2 £15k";
"第1标段报价300万，第2标段报价120万"); a price by the month is the monthly amount, never times a count of
things bought each month ("2000 cups/month … £210/month" is £210), and times the term when one is said
("£210/month for 12 months" is £2,520). Undo gives the store back as it was before the note."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models import Deal
from tests.bot.records import business, difference

UNDO = {"en": "undo", "ru": "отмена", "zh": "撤销"}


def _deals(store) -> list[int | None]:
    return [d.amount_minor for d in store.rows(select(Deal))]


@pytest.mark.parametrize(("lang", "first", "bid", "minor"), [
    ("ru", "Ростех объявил тендер, два лота, начальная цена 9 млн",
     "Ростех: подали заявку, по лоту 1 — 6,2 млн, по лоту 2 — 1,8 млн", 800_000_000),
    ("en", "Northgate Council tender out, budget £60k",
     "Northgate Council tender: bid submitted, lot 1 £40k, lot 2 £15k", 5_500_000),
    ("zh", "拓能发了招标文件，预算500万", "拓能 投标了 第1标段报价300万，第2标段报价120万", 420_000_000),
])
async def test_the_lots_of_a_bid_add_up_to_the_deal(bot, store, engine, lang, first, bid, minor):
    store.add_customers("ООО «Ростех»", "Northgate Council", "拓能")
    assert (await bot.say(first)).wrote
    before = business(engine)
    reply = await bot.say(bid)
    assert reply.wrote, reply.text
    assert _deals(store) == [minor], reply.text
    await bot.say(UNDO[lang])
    assert difference(before, business(engine)) == []


@pytest.mark.parametrize(("lang", "text", "minor"), [
    ("en", "Grind Cafe - wants 2000 cups/month, sent price list, £210/month, follow up fri", 21_000),
    ("en", "Grind Cafe - sent the quote: £210/month for 12 months, 2000 cups a month", 252_000),
    ("ru", "Зерно: 2000 стаканов в месяц, отправил КП — 21 тыс в месяц", 2_100_000),
    ("ru", "Зерно: отправил КП, 21 тыс/мес на 12 месяцев", 25_200_000),
    ("zh", "半山咖啡 每月要2000个杯子，报价每月2100元", 210_000),
    ("zh", "半山咖啡 报价每月2100元，签12个月", 2_520_000),
])
async def test_a_monthly_price_is_the_month_or_the_term(bot, store, engine, lang, text, minor):
    store.add_customers("Grind Cafe", "ООО «Зерно»", "半山咖啡")
    before = business(engine)
    reply = await bot.say(text)
    assert reply.wrote, reply.text
    assert _deals(store) == [minor], reply.text
    await bot.say(UNDO[lang])
    assert difference(before, business(engine)) == []


@pytest.mark.parametrize("text", ["Grind Cafe - item 3 on the list, lot 2 of the order: £400 all in",
                                  "Зерно: позиция 3, заказ № 118, итого 40 тыс",
                                  "半山咖啡 订单号 3312 共4万"])
async def test_a_number_glued_to_a_reference_is_no_money(bot, store, text):
    store.add_customers("Grind Cafe", "ООО «Зерно»", "半山咖啡")
    reply = await bot.say(text)
    assert _deals(store) == [{"G": 40_000, "З": 4_000_000}.get(text[0], 4_000_000)], reply.text
