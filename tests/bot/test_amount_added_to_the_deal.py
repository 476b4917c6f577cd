""""Another 15k on top", "预算再加3万", "ещё 300 тыс": an amount said as added grows the open deal by
it, in three languages; it never replaces the deal's amount with the part added. Undo restores the
store exactly; an amount said plainly still replaces the deal's, and a note about a customer with no
deal yet opens one at the amount said."""
from __future__ import annotations

import pytest
from sqlmodel import Session, select

from storage.models import Deal
from tests.bot.conftest import Clock, bot, clock, crm, settings, store  # noqa: F401  (the chat fixtures)
from tests.bot.records import business, difference


def deals(engine) -> list[tuple[str, int | None, str | None]]:
    with Session(engine) as s:
        return [(d.stage, d.amount_minor, d.currency) for d in s.exec(select(Deal).order_by(Deal.id)).all()]


@pytest.mark.parametrize("note, more, before, after, says", [
    ("Visited Pinecrest Dental, sent the quote for $18k", "pinecrest called, they're adding the hygiene room, "
     "another 4k on top", 1_800_000, 2_200_000, "$18,000 → $22,000"),
    ("Visited Pinecrest Dental, sent the quote for $18k", "pinecrest dental: training package +$2,500",
     1_800_000, 2_050_000, "$18,000 → $20,500"),
    ("Visited Pinecrest Dental, sent the quote for $18k", "pinecrest upped the order by 6k",
     1_800_000, 2_400_000, "$18,000 → $24,000"),
    ("拜访了恒锐电气，报价25万", "恒锐电气来电话，要多一条产线，追加8万", 25_000_000, 33_000_000, "¥330,000"),
    ("Была в Агрокомплексе, отправила КП на 900 тыс", "Агрокомплекс докупает сеялку, ещё 150 тыс к заказу",
     90_000_000, 105_000_000, "1 050 000"),
])
async def test_an_added_amount_grows_the_deal(bot, engine, note, more, before, after, says):
    assert (await bot.say(note)).wrote
    assert [amount for _, amount, _ in deals(engine)] == [before]
    snapshot = business(engine)
    reply = await bot.say(more)
    assert reply.wrote and says in reply.text.replace("\u00a0", " "), reply.text
    assert [amount for _, amount, _ in deals(engine)] == [after]        # one deal, grown by the part added
    assert (await bot.say("undo")).wrote
    assert difference(snapshot, business(engine)) == []


async def test_an_amount_said_plainly_still_replaces_the_deals(bot, engine):
    await bot.say("Visited Pinecrest Dental, sent the quote for $18k")
    reply = await bot.say("pinecrest dental: revised quote sent, 21k")
    assert "$18,000 → $21,000" in reply.text
    assert [amount for _, amount, _ in deals(engine)] == [2_100_000]


async def test_an_added_amount_with_no_deal_yet_opens_one_at_that_amount(bot, engine):
    reply = await bot.say("Called Larchmont Bakery, they want an extra 3k of display cases")
    assert reply.wrote
    assert [amount for _, amount, _ in deals(engine)] == [300_000]


@pytest.mark.parametrize("note, more, says", [
    ("Visited Pinecrest Dental, sent the quote for $18k", "pinecrest dental wants another €3k of chairs on top",
     "not added: €3,000"),
    ("拜访了恒锐电气，报价25万", "恒锐电气要追加5000美元的培训", "未累加"),
    ("Была в Агрокомплексе, отправила КП на 900 тыс", "Агрокомплекс: ещё 2 тыс евро сверху на доставку",
     "не прибавил"),
])
async def test_an_amount_added_in_another_currency_is_named_and_the_deal_kept(bot, engine, note, more, says):
    assert (await bot.say(note)).wrote
    before = deals(engine)
    reply = await bot.say(more)
    assert says in reply.text.replace("\u00a0", " "), reply.text
    assert deals(engine) == before                       # the deal keeps its amount and currency
